import { sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';

export const eventsChannel = 'ecms_events';

export type LiveEventType = 'appointment.updated' | 'bill.updated' | 'notification.created';

/** Who may see the event: its patient, its doctor, and (unless private) the front desk and managers. */
export type LiveEvent = {
  type: LiveEventType;
  id: string;
  patientId: string;
  doctorId?: string | null;
  staff?: boolean;
};

/**
 * Raised inside the transaction that made the change: PostgreSQL delivers a NOTIFY only on commit,
 * so listeners in every server process hear of exactly the changes that happened.
 */
export async function publishEvent(db: Executor, event: LiveEvent): Promise<void> {
  await db.execute(sql`select pg_notify(${eventsChannel}, ${JSON.stringify(event)})`);
}
