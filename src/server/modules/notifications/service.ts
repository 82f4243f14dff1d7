import { sql } from 'drizzle-orm';
import type { NotificationType } from '../../../shared/domain/appointment-states.ts';
import { notFound } from '../../../shared/domain/errors.ts';
import type { AppContext, RequestContext } from '../../context.ts';
import type { Executor } from '../../db/client.ts';
import { newId } from '../../db/ids.ts';
import { decodeCursor, encodeCursor, toPage } from '../../db/pagination.ts';
import { publishEvent } from '../events/publish.ts';
import { composeMessage, type MessageFacts } from './messages.ts';
import {
  countUnread,
  findContact,
  findNotifications,
  insertDeliveries,
  insertNotification,
  markRead,
  type NotificationRow,
} from './repository.ts';

export const deliveriesChannel = 'ecms_deliveries';

/** Reminders and recalls may be turned off by the patient; clinical messages may not. */
const optionalTypes: ReadonlySet<NotificationType> = new Set(['REMINDER', 'VISIT_REMINDER', 'RECALL']);

export type PatientNotice = {
  patientId: string;
  appointmentId: string | null;
  type: NotificationType;
  facts: Omit<MessageFacts, 'timezone' | 'clinicName'>;
  /** When the e-mail and SMS should go out; now unless it is a scheduled reminder. */
  dueAt?: Date;
};

/**
 * Writes the in-app notification and one outbox delivery per channel the patient can receive,
 * in the caller's transaction, so a state change and its messages commit or fail together.
 */
export async function notifyPatient(ctx: AppContext, tx: Executor, notice: PatientNotice): Promise<string> {
  const contact = await findContact(tx, notice.patientId);
  const { title, message } = composeMessage(notice.type, {
    ...notice.facts,
    timezone: ctx.config.timezone,
    clinicName: ctx.config.clinicName,
  });
  const id = newId();
  const now = ctx.clock.now();
  await insertNotification(tx, {
    id,
    userId: notice.patientId,
    appointmentId: notice.appointmentId,
    type: notice.type,
    title,
    message,
    createdAt: now,
  });
  const optedOut = optionalTypes.has(notice.type) && contact?.remindersOptOut === true;
  const dueAt = notice.dueAt ?? now;
  const channels: { channel: 'EMAIL' | 'SMS'; recipient: string }[] = [];
  if (contact && !optedOut) {
    if (contact.email && contact.notifyByEmail !== false)
      channels.push({ channel: 'EMAIL', recipient: contact.email });
    if (contact.phone && contact.notifyBySms !== false)
      channels.push({ channel: 'SMS', recipient: contact.phone });
  }
  await insertDeliveries(
    tx,
    channels.map((entry) => ({
      id: newId(),
      notificationId: id,
      ...entry,
      dueAt,
      createdAt: now,
      updatedAt: now,
    })),
  );
  if (channels.length > 0) await tx.execute(sql`select pg_notify(${deliveriesChannel}, ${id})`);
  await publishEvent(tx, { type: 'notification.created', id, patientId: notice.patientId, staff: false });
  return id;
}

function shapeNotification(row: NotificationRow) {
  return {
    id: row.id,
    type: row.type,
    appointmentId: row.appointmentId,
    title: row.title,
    message: row.message,
    createdAt: row.createdAt.toISOString(),
    readAt: row.readAt?.toISOString() ?? null,
  };
}

export async function listMyNotifications(
  ctx: RequestContext,
  query: { unread?: 'true' | 'false' | undefined; limit: number; cursor?: string | undefined },
) {
  const rows = await findNotifications(
    ctx.db,
    ctx.actor.id,
    query.unread === 'true',
    decodeCursor(query.cursor),
    query.limit,
  );
  const result = toPage(rows, query.limit, shapeNotification, (row) => encodeCursor(row.createdAt, row.id));
  return { ...result, unreadCount: await countUnread(ctx.db, ctx.actor.id) };
}

export async function markNotificationRead(ctx: RequestContext, id: string): Promise<void> {
  if (!(await markRead(ctx.db, ctx.actor.id, id, ctx.clock.now()))) throw notFound('Notification');
}
