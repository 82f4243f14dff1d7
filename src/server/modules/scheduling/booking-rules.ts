import { invalidField } from '../../../shared/domain/errors.ts';
import type { AppContext } from '../../context.ts';
import type { Executor } from '../../db/client.ts';
import { slotMinutesOf } from '../appointments/repository.ts';

export const defaultSlotMinutes = 20;

export async function slotMinutesFor(db: Executor, doctorId: string): Promise<number> {
  return (await slotMinutesOf(db, doctorId)) ?? defaultSlotMinutes;
}

export type BookingCheck = { doctorId: string; startAt: Date; endAt: Date; byStaff: boolean };

/** The rules a new or moved appointment must meet before the database is asked for the time. */
export async function assertBookable(ctx: AppContext, _db: Executor, booking: BookingCheck): Promise<void> {
  if (booking.startAt.getTime() <= ctx.clock.now().getTime()) {
    throw invalidField('startAt', 'The appointment must start in the future');
  }
}
