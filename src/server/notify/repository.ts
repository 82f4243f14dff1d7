import { and, asc, eq, inArray, lt, lte, min, or, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Executor } from '../db/client.ts';
import { appointments, deliveries, notifications, users } from '../db/schema/index.ts';

export type ClaimedDelivery = Awaited<ReturnType<typeof findClaimedDetails>>[number];

/**
 * Takes up to `limit` due deliveries for this worker: pending ones whose time has come and
 * ones another worker claimed but never finished (it died). SKIP LOCKED lets several
 * workers claim at once without waiting for, or taking, each other's rows.
 */
export async function claimDueDeliveries(
  db: Executor,
  options: { workerId: string; now: Date; claimTimeoutMs: number; limit: number },
): Promise<string[]> {
  const abandonedBefore = new Date(options.now.getTime() - options.claimTimeoutMs);
  const due = db
    .select({ id: deliveries.id })
    .from(deliveries)
    .where(
      or(
        and(eq(deliveries.status, 'PENDING'), lte(deliveries.dueAt, options.now)),
        and(eq(deliveries.status, 'SENDING'), lt(deliveries.claimedAt, abandonedBefore)),
      ),
    )
    .orderBy(asc(deliveries.dueAt))
    .limit(options.limit)
    .for('update', { skipLocked: true });
  const rows = await db
    .update(deliveries)
    .set({
      status: 'SENDING',
      claimedAt: options.now,
      claimedBy: options.workerId,
      attempts: sql`${deliveries.attempts} + 1`,
      updatedAt: options.now,
    })
    .where(inArray(deliveries.id, due))
    .returning({ id: deliveries.id });
  return rows.map((row) => row.id);
}

const doctors = alias(users, 'doctor');

/** What a claimed delivery needs to be written: its notification and the appointment it is about. */
export async function findClaimedDetails(db: Executor, ids: string[]) {
  if (ids.length === 0) return [];
  return db
    .select({
      id: deliveries.id,
      channel: deliveries.channel,
      recipient: deliveries.recipient,
      attempts: deliveries.attempts,
      type: notifications.type,
      title: notifications.title,
      message: notifications.message,
      appointmentId: appointments.id,
      appointmentStatus: appointments.status,
      startAt: appointments.startAt,
      endAt: appointments.endAt,
      doctorName: doctors.name,
    })
    .from(deliveries)
    .innerJoin(notifications, eq(notifications.id, deliveries.notificationId))
    .leftJoin(appointments, eq(appointments.id, notifications.appointmentId))
    .leftJoin(doctors, eq(doctors.id, appointments.doctorId))
    .where(inArray(deliveries.id, ids));
}

/** Only the worker still holding the claim records the outcome; a late one after a re-claim changes nothing. */
const heldBy = (id: string, workerId: string) =>
  and(eq(deliveries.id, id), eq(deliveries.status, 'SENDING'), eq(deliveries.claimedBy, workerId));

export async function markSent(
  db: Executor,
  id: string,
  workerId: string,
  sent: { provider: string; providerMessageId: string | null; at: Date },
): Promise<void> {
  await db
    .update(deliveries)
    .set({
      status: 'SENT',
      provider: sent.provider,
      providerMessageId: sent.providerMessageId,
      sentAt: sent.at,
      lastError: null,
      claimedAt: null,
      claimedBy: null,
      updatedAt: sent.at,
    })
    .where(heldBy(id, workerId));
}

export async function markForRetry(
  db: Executor,
  id: string,
  workerId: string,
  retry: { provider: string; error: string; dueAt: Date; at: Date },
): Promise<void> {
  await db
    .update(deliveries)
    .set({
      status: 'PENDING',
      provider: retry.provider,
      lastError: retry.error,
      dueAt: retry.dueAt,
      claimedAt: null,
      claimedBy: null,
      updatedAt: retry.at,
    })
    .where(heldBy(id, workerId));
}

export async function markGivenUp(
  db: Executor,
  id: string,
  workerId: string,
  outcome: { status: 'FAILED' | 'CANCELLED'; provider: string | null; error: string; at: Date },
): Promise<void> {
  await db
    .update(deliveries)
    .set({
      status: outcome.status,
      provider: outcome.provider,
      lastError: outcome.error,
      claimedAt: null,
      claimedBy: null,
      updatedAt: outcome.at,
    })
    .where(heldBy(id, workerId));
}

/** The earliest time a pending delivery falls due, so the worker can wake for it rather than poll. */
export async function findNextDueAt(db: Executor): Promise<Date | null> {
  const [row] = await db
    .select({ at: min(deliveries.dueAt) })
    .from(deliveries)
    .where(eq(deliveries.status, 'PENDING'));
  return row?.at ? new Date(row.at) : null;
}
