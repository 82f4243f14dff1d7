import { and, count, desc, eq, lt, or, type SQL, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import type { Cursor } from '../../db/pagination.ts';
import { deliveries, notifications, users } from '../../db/schema/index.ts';
import { deliveriesChannel } from '../notifications/service.ts';

export type DeliveryFilter = {
  status?: (typeof deliveries.$inferSelect)['status'] | undefined;
  channel?: 'EMAIL' | 'SMS' | undefined;
  patientId?: string | undefined;
  type?: string | undefined;
};

const listed = {
  id: deliveries.id,
  notificationId: deliveries.notificationId,
  type: notifications.type,
  channel: deliveries.channel,
  status: deliveries.status,
  attempts: deliveries.attempts,
  dueAt: deliveries.dueAt,
  sentAt: deliveries.sentAt,
  provider: deliveries.provider,
  providerMessageId: deliveries.providerMessageId,
  lastError: deliveries.lastError,
  patientId: users.id,
  patientName: users.name,
  createdAt: deliveries.createdAt,
};

export type DeliveryListRow = Awaited<ReturnType<typeof findDeliveries>>[number];

export async function findDeliveries(
  db: Executor,
  filter: DeliveryFilter & { id?: string },
  cursor: Cursor | undefined,
  limit: number,
) {
  const conditions: (SQL | undefined)[] = [
    filter.id ? eq(deliveries.id, filter.id) : undefined,
    filter.status ? eq(deliveries.status, filter.status) : undefined,
    filter.channel ? eq(deliveries.channel, filter.channel) : undefined,
    filter.patientId ? eq(notifications.userId, filter.patientId) : undefined,
    filter.type ? eq(notifications.type, filter.type) : undefined,
    cursor
      ? or(
          lt(deliveries.createdAt, new Date(cursor.at)),
          and(eq(deliveries.createdAt, new Date(cursor.at)), lt(deliveries.id, cursor.id)),
        )
      : undefined,
  ];
  return db
    .select(listed)
    .from(deliveries)
    .innerJoin(notifications, eq(notifications.id, deliveries.notificationId))
    .innerJoin(users, eq(users.id, notifications.userId))
    .where(and(...conditions))
    .orderBy(desc(deliveries.createdAt), desc(deliveries.id))
    .limit(limit + 1);
}

export async function countDeliveriesByStatus(db: Executor) {
  return db.select({ status: deliveries.status, count: count() }).from(deliveries).groupBy(deliveries.status);
}

/** FAILED → PENDING, due at once, with a fresh budget of attempts; wakes the workers on commit. */
export async function requeueFailedDelivery(db: Executor, id: string, now: Date): Promise<boolean> {
  const rows = await db
    .update(deliveries)
    .set({ status: 'PENDING', dueAt: now, attempts: 0, claimedAt: null, claimedBy: null, updatedAt: now })
    .where(and(eq(deliveries.id, id), eq(deliveries.status, 'FAILED')))
    .returning({ notificationId: deliveries.notificationId });
  const [row] = rows;
  if (!row) return false;
  await db.execute(sql`select pg_notify(${deliveriesChannel}, ${row.notificationId})`);
  return true;
}
