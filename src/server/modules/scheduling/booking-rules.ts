import { DateTime } from 'luxon';
import { invalidField } from '../../../shared/domain/errors.ts';
import { type BookingProblem, bookingProblem, defaultSlotMinutes } from '../../../shared/domain/slots.ts';
import type { AppContext } from '../../context.ts';
import type { Executor } from '../../db/client.ts';
import { findDoctorSchedule, findTimeOffOverlapping } from './repository.ts';
import { effectiveSchedule } from './service.ts';
import { loadSchedulingSettings } from './settings.ts';

export async function slotMinutesFor(db: Executor, doctorId: string): Promise<number> {
  return (await findDoctorSchedule(db, doctorId))?.slotMinutes ?? defaultSlotMinutes;
}

/** True while a patient may still change a confirmed visit themself (before the clinic's cut-off). */
export async function beforePatientCutoff(ctx: AppContext, startAt: Date, now: Date): Promise<boolean> {
  const { patientChangeCutoffHours } = await loadSchedulingSettings(ctx);
  return now.getTime() < startAt.getTime() - patientChangeCutoffHours * 3_600_000;
}

export type BookingCheck = { doctorId: string; startAt: Date; endAt: Date; byStaff: boolean };

/**
 * The rules a new or moved appointment must meet before the database is asked for the time: the
 * slot grid, working hours and time off for everyone; minimum notice and horizon for patients only,
 * so that the front desk can fit in an urgent case or book a long-term follow-up.
 */
export async function assertBookable(ctx: AppContext, db: Executor, booking: BookingCheck): Promise<void> {
  const [doctor, settings, away] = await Promise.all([
    findDoctorSchedule(db, booking.doctorId),
    loadSchedulingSettings(ctx, db),
    findTimeOffOverlapping(db, [booking.doctorId], booking.startAt, booking.endAt),
  ]);
  const now = ctx.clock.now();
  const schedule = effectiveSchedule(doctor ?? { slotMinutes: null, weeklyHours: null });
  const problem = bookingProblem({
    slot: { startAt: booking.startAt, endAt: booking.endAt },
    now,
    timezone: ctx.config.timezone,
    weeklyHours: schedule.weeklyHours,
    slotMinutes: schedule.slotMinutes,
    timeOff: away,
    notBefore: booking.byStaff ? now : new Date(now.getTime() + settings.minimumNoticeMinutes * 60_000),
    notAfter: booking.byStaff
      ? new Date(8.64e15)
      : DateTime.fromJSDate(now, { zone: ctx.config.timezone })
          .plus({ days: settings.bookingHorizonDays })
          .toJSDate(),
  });
  if (problem) throw invalidField('startAt', explain(problem, schedule.slotMinutes, settings));
}

function explain(
  problem: BookingProblem,
  slotMinutes: number,
  settings: { minimumNoticeMinutes: number; bookingHorizonDays: number },
): string {
  switch (problem) {
    case 'PAST':
      return 'The appointment must start in the future';
    case 'TOO_SOON':
      return `Appointments must be booked at least ${describeMinutes(settings.minimumNoticeMinutes)} ahead`;
    case 'TOO_FAR':
      return `Appointments can be booked at most ${settings.bookingHorizonDays} days ahead`;
    case 'OUTSIDE_HOURS':
      return 'The doctor does not work at that time; choose one of the free slots';
    case 'OFF_GRID':
      return `This doctor's appointments start every ${slotMinutes} minutes; choose one of the free slots`;
    case 'TIME_OFF':
      return 'The doctor is away at that time; choose one of the free slots';
  }
}

function describeMinutes(minutes: number): string {
  if (minutes % 60 === 0) return `${minutes / 60} hour${minutes === 60 ? '' : 's'}`;
  return `${minutes} minutes`;
}
