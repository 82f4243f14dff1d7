import type { z } from 'zod';
import { liveStatuses } from '../../../shared/domain/appointment-states.ts';
import { AppError } from '../../../shared/domain/errors.ts';
import { freeSlots, initialsOf, workingIntervals } from '../../../shared/domain/slots.ts';
import type { DayView, dayQuery } from '../../../shared/schemas/scheduling.ts';
import type { RequestContext } from '../../context.ts';
import { listAppointments } from '../appointments/queries.ts';
import { auditList } from '../audit/service.ts';
import { findActiveDoctorSchedules, findAppointmentsStarting, findTimeOffOverlapping } from './repository.ts';
import { clinicDays, effectiveSchedule, shapeSlot, shapeTimeOff } from './service.ts';

function assertStaff(ctx: RequestContext): void {
  if (ctx.actor.role === 'PATIENT') throw new AppError('FORBIDDEN', 'The day view is for clinic staff');
}

/** One column per doctor (a doctor sees only their own): hours, time off, appointments and free slots. */
export async function getDayView(ctx: RequestContext, query: z.infer<typeof dayQuery>): Promise<DayView> {
  assertStaff(ctx);
  const timezone = ctx.config.timezone;
  const onlyId = ctx.actor.role === 'DOCTOR' ? ctx.actor.id : query.doctorId;
  const doctors = await findActiveDoctorSchedules(ctx.db, onlyId);
  const ids = doctors.map((doctor) => doctor.id);
  const range = clinicDays(ctx, query.date, query.date);
  const [away, booked] = await Promise.all([
    findTimeOffOverlapping(ctx.db, ids, range.startAt, range.endAt),
    findAppointmentsStarting(ctx.db, ids, range.startAt, range.endAt, { liveOnly: false }),
  ]);
  const now = ctx.clock.now();
  const columns = doctors.map((doctor) => {
    const schedule = effectiveSchedule(doctor);
    const ownTimeOff = away.filter((row) => row.doctorId === doctor.id);
    const ownAppointments = booked.filter((row) => row.doctorId === doctor.id);
    const live = ownAppointments.filter((row) => (liveStatuses as readonly string[]).includes(row.status));
    return {
      doctor: { id: doctor.id, name: doctor.name },
      slotMinutes: schedule.slotMinutes,
      workingHours: workingIntervals(query.date, schedule.weeklyHours, timezone).map(shapeSlot),
      timeOff: ownTimeOff.map(shapeTimeOff),
      appointments: ownAppointments.map((row) => ({
        id: row.id,
        status: row.status,
        startAt: row.startAt.toISOString(),
        endAt: row.endAt.toISOString(),
        reason: row.reason,
        patient: { id: row.patientId, name: row.patientName, initials: initialsOf(row.patientName) },
      })),
      freeSlots: freeSlots({
        from: query.date,
        to: query.date,
        timezone,
        weeklyHours: schedule.weeklyHours,
        slotMinutes: schedule.slotMinutes,
        blocked: [...ownTimeOff, ...live],
        notBefore: now,
        notAfter: range.endAt,
      }).map(shapeSlot),
    };
  });
  await auditList(
    ctx,
    'schedule.day',
    'appointment',
    booked.map((row) => row.patientId),
  );
  return { date: query.date, timezone, doctors: columns };
}

const followUpWindowMs = 48 * 3_600_000;

/**
 * Requests for the front desk to chase: those whose time has passed unanswered, and those still
 * unconfirmed although the visit is less than 48 hours away.
 */
export async function listFollowUp(
  ctx: RequestContext,
  query: { limit: number; cursor?: string | undefined },
) {
  assertStaff(ctx);
  const now = ctx.clock.now();
  const page = await listAppointments(ctx, {
    status: ['REQUESTED'],
    to: new Date(now.getTime() + followUpWindowMs).toISOString(),
    limit: query.limit,
    cursor: query.cursor,
    order: 'asc',
  });
  return {
    items: page.items.map((item) => ({
      ...item,
      followUp: new Date(item.startAt) < now ? ('OVERDUE_REQUEST' as const) : ('UNCONFIRMED' as const),
    })),
    nextCursor: page.nextCursor,
  };
}
