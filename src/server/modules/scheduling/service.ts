import { DateTime } from 'luxon';
import type { z } from 'zod';
import { AppError, notFound } from '../../../shared/domain/errors.ts';
import {
  defaultSlotMinutes,
  defaultWeeklyHours,
  freeSlots,
  type Interval,
  type WeeklyHours,
} from '../../../shared/domain/slots.ts';
import type {
  DoctorSchedule,
  scheduleBody,
  slotsQuery,
  TimeOff,
  timeOffBody,
  timeOffQuery,
} from '../../../shared/schemas/scheduling.ts';
import type { AppContext, RequestContext } from '../../context.ts';
import type { Executor } from '../../db/client.ts';
import { newId } from '../../db/ids.ts';
import { decodeCursor, encodeCursor, toPage } from '../../db/pagination.ts';
import {
  type DoctorScheduleRow,
  deleteTimeOff,
  findBusyIntervals,
  findDoctorSchedule,
  findTimeOffOverlapping,
  findTimeOffPage,
  insertTimeOff,
  type TimeOffRow,
  upsertSchedule,
} from './repository.ts';
import { loadSchedulingSettings } from './settings.ts';

export type EffectiveSchedule = { slotMinutes: number; weeklyHours: WeeklyHours; isDefault: boolean };

/** A doctor without a saved schedule works the clinic default of API.md. */
export function effectiveSchedule(
  row: Pick<DoctorScheduleRow, 'slotMinutes' | 'weeklyHours'>,
): EffectiveSchedule {
  return {
    slotMinutes: row.slotMinutes ?? defaultSlotMinutes,
    weeklyHours: row.weeklyHours ?? defaultWeeklyHours,
    isDefault: row.weeklyHours === null,
  };
}

export async function loadDoctor(db: Executor, id: string): Promise<DoctorScheduleRow> {
  const row = await findDoctorSchedule(db, id);
  if (row?.role !== 'DOCTOR') throw notFound('Doctor');
  return row;
}

/** Staff may read any doctor's hours; only the doctor and the clinic manager change them. */
function assertMayRead(ctx: RequestContext): void {
  if (ctx.actor.role === 'PATIENT') throw new AppError('FORBIDDEN', 'Only clinic staff see working hours');
}

export function assertMayManage(ctx: RequestContext, doctorId: string): void {
  if (ctx.actor.role === 'ADMIN' || (ctx.actor.role === 'DOCTOR' && ctx.actor.id === doctorId)) return;
  throw new AppError('FORBIDDEN', 'Only the doctor themself or a clinic manager may change this schedule');
}

function shapeSchedule(ctx: AppContext, row: DoctorScheduleRow): DoctorSchedule {
  return {
    doctorId: row.id,
    ...effectiveSchedule(row),
    timezone: ctx.config.timezone,
    updatedAt: row.updatedAt?.toISOString() ?? null,
  };
}

export async function getDoctorSchedule(ctx: RequestContext, doctorId: string): Promise<DoctorSchedule> {
  assertMayRead(ctx);
  return shapeSchedule(ctx, await loadDoctor(ctx.db, doctorId));
}

/** Existing appointments keep their own end time, so a new slot length never moves or breaks them. */
export async function updateDoctorSchedule(
  ctx: RequestContext,
  doctorId: string,
  body: z.infer<typeof scheduleBody>,
): Promise<DoctorSchedule> {
  assertMayManage(ctx, doctorId);
  await loadDoctor(ctx.db, doctorId);
  await upsertSchedule(ctx.db, { doctorId, ...body, updatedAt: ctx.clock.now() });
  return shapeSchedule(ctx, await loadDoctor(ctx.db, doctorId));
}

export function shapeTimeOff(row: TimeOffRow): TimeOff {
  return {
    id: row.id,
    doctorId: row.doctorId,
    startAt: row.startAt.toISOString(),
    endAt: row.endAt.toISOString(),
    reason: row.reason,
    createdAt: row.createdAt.toISOString(),
  };
}

export async function listTimeOff(
  ctx: RequestContext,
  doctorId: string,
  query: z.infer<typeof timeOffQuery>,
) {
  assertMayRead(ctx);
  await loadDoctor(ctx.db, doctorId);
  const rows = await findTimeOffPage(
    ctx.db,
    doctorId,
    { from: query.from ? new Date(query.from) : undefined, to: query.to ? new Date(query.to) : undefined },
    decodeCursor(query.cursor),
    query.limit,
  );
  return toPage(rows, query.limit, shapeTimeOff, (row) => encodeCursor(row.startAt, row.id));
}

export async function addTimeOff(ctx: RequestContext, doctorId: string, body: z.infer<typeof timeOffBody>) {
  assertMayManage(ctx, doctorId);
  await loadDoctor(ctx.db, doctorId);
  const saved = await insertTimeOff(ctx.db, {
    id: newId(),
    doctorId,
    startAt: new Date(body.startAt),
    endAt: new Date(body.endAt),
    reason: body.reason || null,
    createdAt: ctx.clock.now(),
  });
  return shapeTimeOff(saved);
}

export async function removeTimeOff(ctx: RequestContext, doctorId: string, timeOffId: string): Promise<void> {
  assertMayManage(ctx, doctorId);
  if (!(await deleteTimeOff(ctx.db, doctorId, timeOffId))) throw notFound('Time off');
}

/** Midnight at the start of `from` to midnight after `to`, in the clinic's zone. */
export function clinicDays(ctx: AppContext, from: string, to: string): Interval {
  const zone = ctx.config.timezone;
  return {
    startAt: DateTime.fromISO(from, { zone }).startOf('day').toJSDate(),
    endAt: DateTime.fromISO(to, { zone }).plus({ days: 1 }).startOf('day').toJSDate(),
  };
}

/**
 * Free slots of one doctor between two clinic dates. Patients see only what they may book (notice and
 * horizon applied); staff booking on a patient's behalf see every free future slot. The doctor, the
 * settings, time off and busy times are read at once: one round trip's wait, not four.
 */
export async function computeFreeSlots(
  ctx: AppContext,
  doctorId: string,
  from: string,
  to: string,
  byStaff: boolean,
): Promise<Interval[]> {
  const range = clinicDays(ctx, from, to);
  const [doctor, settings, away, busy] = await Promise.all([
    loadDoctor(ctx.db, doctorId),
    loadSchedulingSettings(ctx),
    findTimeOffOverlapping(ctx.db, [doctorId], range.startAt, range.endAt),
    findBusyIntervals(ctx.db, doctorId, range.startAt, range.endAt),
  ]);
  if (doctor.disabledAt) return [];
  const now = ctx.clock.now();
  const schedule = effectiveSchedule(doctor);
  return freeSlots({
    from,
    to,
    timezone: ctx.config.timezone,
    weeklyHours: schedule.weeklyHours,
    slotMinutes: schedule.slotMinutes,
    blocked: [...away, ...busy],
    notBefore: byStaff ? now : new Date(now.getTime() + settings.minimumNoticeMinutes * 60_000),
    notAfter: byStaff
      ? range.endAt
      : DateTime.fromJSDate(now, { zone: ctx.config.timezone })
          .plus({ days: settings.bookingHorizonDays })
          .toJSDate(),
  });
}

export const shapeSlot = (slot: Interval) => ({
  startAt: slot.startAt.toISOString(),
  endAt: slot.endAt.toISOString(),
});

export async function listFreeSlots(
  ctx: RequestContext,
  doctorId: string,
  query: z.infer<typeof slotsQuery>,
) {
  const from = query.date ?? (query.from as string);
  const to = query.date ?? (query.to as string);
  const slots = await computeFreeSlots(ctx, doctorId, from, to, ctx.actor.role !== 'PATIENT');
  return { items: slots.map(shapeSlot), timezone: ctx.config.timezone };
}
