import { and, asc, eq, gt, inArray, isNull, like, lte, or, type SQL, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { liveStatuses } from '../../../shared/domain/appointment-states.ts';
import type { Interval, WeeklyHours } from '../../../shared/domain/slots.ts';
import type { Executor } from '../../db/client.ts';
import type { Cursor } from '../../db/pagination.ts';
import {
  appointmentChanges,
  appointments,
  doctorSchedules,
  recalls,
  scheduledNotices,
  settings,
  timeOff,
  users,
} from '../../db/schema/index.ts';

const instant = (at: Date) => sql`${at.toISOString()}::timestamptz`;

export type TimeOffRow = typeof timeOff.$inferSelect;
export type ScheduledNoticeRow = typeof scheduledNotices.$inferSelect;

const doctorColumns = {
  id: users.id,
  name: users.name,
  role: users.role,
  disabledAt: users.disabledAt,
  slotMinutes: doctorSchedules.slotMinutes,
  weeklyHours: doctorSchedules.weeklyHours,
  updatedAt: doctorSchedules.updatedAt,
};

export type DoctorScheduleRow = {
  id: string;
  name: string;
  role: string;
  disabledAt: Date | null;
  slotMinutes: number | null;
  weeklyHours: WeeklyHours | null;
  updatedAt: Date | null;
};

export async function findDoctorSchedule(db: Executor, id: string): Promise<DoctorScheduleRow | undefined> {
  const [row] = await db
    .select(doctorColumns)
    .from(users)
    .leftJoin(doctorSchedules, eq(doctorSchedules.doctorId, users.id))
    .where(eq(users.id, id));
  return row;
}

export async function findActiveDoctorSchedules(
  db: Executor,
  onlyId: string | undefined,
): Promise<DoctorScheduleRow[]> {
  return db
    .select(doctorColumns)
    .from(users)
    .leftJoin(doctorSchedules, eq(doctorSchedules.doctorId, users.id))
    .where(and(eq(users.role, 'DOCTOR'), isNull(users.disabledAt), onlyId ? eq(users.id, onlyId) : undefined))
    .orderBy(asc(users.name), asc(users.id))
    .limit(200);
}

export async function upsertSchedule(
  db: Executor,
  row: { doctorId: string; slotMinutes: number; weeklyHours: WeeklyHours; updatedAt: Date },
): Promise<void> {
  await db
    .insert(doctorSchedules)
    .values(row)
    .onConflictDoUpdate({
      target: doctorSchedules.doctorId,
      set: { slotMinutes: row.slotMinutes, weeklyHours: row.weeklyHours, updatedAt: row.updatedAt },
    });
}

/** Sets (or clears) the feed token's hash, creating the default schedule row when the doctor has none. */
export async function setCalendarToken(
  db: Executor,
  row: { doctorId: string; tokenHash: string | null; slotMinutes: number; weeklyHours: WeeklyHours },
): Promise<void> {
  await db
    .insert(doctorSchedules)
    .values({
      doctorId: row.doctorId,
      slotMinutes: row.slotMinutes,
      weeklyHours: row.weeklyHours,
      calendarToken: row.tokenHash,
    })
    .onConflictDoUpdate({ target: doctorSchedules.doctorId, set: { calendarToken: row.tokenHash } });
}

export async function findDoctorByCalendarToken(db: Executor, tokenHash: string) {
  const [row] = await db
    .select({ id: users.id, name: users.name })
    .from(doctorSchedules)
    .innerJoin(users, eq(users.id, doctorSchedules.doctorId))
    .where(and(eq(doctorSchedules.calendarToken, tokenHash), isNull(users.disabledAt)));
  return row;
}

export async function findTimeOffPage(
  db: Executor,
  doctorId: string,
  range: { from?: Date | undefined; to?: Date | undefined },
  cursor: Cursor | undefined,
  limit: number,
): Promise<TimeOffRow[]> {
  return db
    .select()
    .from(timeOff)
    .where(
      and(
        eq(timeOff.doctorId, doctorId),
        range.from ? gt(timeOff.endAt, range.from) : undefined,
        range.to ? lte(timeOff.startAt, range.to) : undefined,
        cursor
          ? or(
              gt(timeOff.startAt, new Date(cursor.at)),
              and(eq(timeOff.startAt, new Date(cursor.at)), gt(timeOff.id, cursor.id)),
            )
          : undefined,
      ),
    )
    .orderBy(asc(timeOff.startAt), asc(timeOff.id))
    .limit(limit + 1);
}

/** Time off of these doctors that touches [from, to). */
export async function findTimeOffOverlapping(
  db: Executor,
  doctorIds: string[],
  from: Date,
  to: Date,
): Promise<TimeOffRow[]> {
  if (doctorIds.length === 0) return [];
  return db
    .select()
    .from(timeOff)
    .where(
      and(
        inArray(timeOff.doctorId, doctorIds),
        sql`${timeOff.startAt} < ${instant(to)}`,
        gt(timeOff.endAt, from),
      ),
    )
    .orderBy(asc(timeOff.startAt));
}

export async function insertTimeOff(db: Executor, row: typeof timeOff.$inferInsert): Promise<TimeOffRow> {
  const [saved] = await db.insert(timeOff).values(row).returning();
  if (!saved) throw new Error('time off insert returned nothing');
  return saved;
}

export async function deleteTimeOff(db: Executor, doctorId: string, id: string): Promise<boolean> {
  const rows = await db
    .delete(timeOff)
    .where(and(eq(timeOff.id, id), eq(timeOff.doctorId, doctorId)))
    .returning({ id: timeOff.id });
  return rows.length > 0;
}

/**
 * Live appointments of one doctor touching [from, to). Phrased as a range overlap on live statuses so
 * that PostgreSQL answers it from the no-double-booking exclusion index.
 */
export async function findBusyIntervals(
  db: Executor,
  doctorId: string,
  from: Date,
  to: Date,
): Promise<Interval[]> {
  return db
    .select({ startAt: appointments.startAt, endAt: appointments.endAt })
    .from(appointments)
    .where(
      and(
        eq(appointments.doctorId, doctorId),
        sql`tstzrange(${appointments.startAt}, ${appointments.endAt}) && tstzrange(${instant(from)}, ${instant(to)})`,
        sql`${appointments.status} in ('REQUESTED', 'APPROVED')`,
      ),
    );
}

const patientUser = alias(users, 'patient_user');

/** Appointments starting in [from, to) with the patient's name, for the day view and the feed (90 days of 5-minute slots fit). */
export async function findAppointmentsStarting(
  db: Executor,
  doctorIds: string[],
  from: Date,
  to: Date,
  options: { liveOnly: boolean },
) {
  if (doctorIds.length === 0) return [];
  return db
    .select({
      id: appointments.id,
      doctorId: appointments.doctorId,
      patientId: appointments.patientId,
      patientName: patientUser.name,
      status: appointments.status,
      startAt: appointments.startAt,
      endAt: appointments.endAt,
      reason: appointments.reason,
    })
    .from(appointments)
    .innerJoin(patientUser, eq(patientUser.id, appointments.patientId))
    .where(
      and(
        inArray(appointments.doctorId, doctorIds),
        sql`${appointments.startAt} >= ${instant(from)}`,
        sql`${appointments.startAt} < ${instant(to)}`,
        options.liveOnly ? inArray(appointments.status, [...liveStatuses]) : undefined,
      ),
    )
    .orderBy(asc(appointments.startAt), asc(appointments.id))
    .limit(10_000);
}

/** Moves a live appointment, only if it is still where and in the state the caller saw it. */
export async function moveAppointment(
  db: Executor,
  seen: { id: string; status: string; startAt: Date },
  to: { startAt: Date; endAt: Date; updatedAt: Date },
): Promise<boolean> {
  const rows = await db
    .update(appointments)
    .set(to)
    .where(
      and(
        eq(appointments.id, seen.id),
        sql`${appointments.status} = ${seen.status}`,
        eq(appointments.startAt, seen.startAt),
      ),
    )
    .returning({ id: appointments.id });
  return rows.length > 0;
}

export async function insertAppointmentChange(
  db: Executor,
  row: typeof appointmentChanges.$inferInsert,
): Promise<void> {
  await db.insert(appointmentChanges).values(row);
}

const actorUser = alias(users, 'actor_user');

export async function findAppointmentChanges(
  db: Executor,
  appointmentId: string,
  cursor: Cursor | undefined,
  limit: number,
) {
  return db
    .select({ change: appointmentChanges, actorName: actorUser.name })
    .from(appointmentChanges)
    .leftJoin(actorUser, eq(actorUser.id, appointmentChanges.actorId))
    .where(
      and(
        eq(appointmentChanges.appointmentId, appointmentId),
        cursor
          ? or(
              gt(appointmentChanges.createdAt, new Date(cursor.at)),
              and(
                eq(appointmentChanges.createdAt, new Date(cursor.at)),
                gt(appointmentChanges.id, cursor.id),
              ),
            )
          : undefined,
      ),
    )
    .orderBy(asc(appointmentChanges.createdAt), asc(appointmentChanges.id))
    .limit(limit + 1);
}

export async function findSettings(db: Executor, prefix: string) {
  return db
    .select({ key: settings.key, value: settings.value })
    .from(settings)
    .where(like(settings.key, `${prefix}%`));
}

export async function upsertSettings(db: Executor, rows: { key: string; value: string; updatedAt: Date }[]) {
  for (const row of rows) {
    await db
      .insert(settings)
      .values(row)
      .onConflictDoUpdate({ target: settings.key, set: { value: row.value, updatedAt: row.updatedAt } });
  }
}

export async function insertScheduledNotices(
  db: Executor,
  rows: (typeof scheduledNotices.$inferInsert)[],
): Promise<void> {
  if (rows.length > 0) await db.insert(scheduledNotices).values(rows);
}

export async function cancelPendingNotices(
  db: Executor,
  where: { appointmentId?: string; recallIds?: string[]; type: ScheduledNoticeRow['type'] },
  at: Date,
): Promise<void> {
  const target: SQL | undefined = where.appointmentId
    ? eq(scheduledNotices.appointmentId, where.appointmentId)
    : where.recallIds && where.recallIds.length > 0
      ? inArray(scheduledNotices.recallId, where.recallIds)
      : undefined;
  if (!target) return;
  await db
    .update(scheduledNotices)
    .set({ status: 'CANCELLED', updatedAt: at })
    .where(and(target, eq(scheduledNotices.type, where.type), eq(scheduledNotices.status, 'PENDING')));
}

/** Locks due notices so that several server processes never send one twice. */
export async function claimDueNotices(db: Executor, now: Date, limit: number): Promise<ScheduledNoticeRow[]> {
  return db
    .select()
    .from(scheduledNotices)
    .where(and(eq(scheduledNotices.status, 'PENDING'), lte(scheduledNotices.dueAt, now)))
    .orderBy(asc(scheduledNotices.dueAt))
    .limit(limit)
    .for('update', { skipLocked: true });
}

export async function markNoticeSent(db: Executor, id: string, notificationId: string | null, at: Date) {
  await db
    .update(scheduledNotices)
    .set({ status: notificationId ? 'SENT' : 'CANCELLED', notificationId, updatedAt: at })
    .where(eq(scheduledNotices.id, id));
}

export async function findPendingNotices(db: Executor, appointmentId: string) {
  return db
    .select()
    .from(scheduledNotices)
    .where(and(eq(scheduledNotices.appointmentId, appointmentId), eq(scheduledNotices.status, 'PENDING')))
    .orderBy(asc(scheduledNotices.dueAt));
}

/** What a due notice needs to become a message: the appointment as it stands now, and the doctor's name. */
export async function findNoticeSubject(db: Executor, appointmentId: string) {
  const doctorUser = alias(users, 'doctor_user');
  const [row] = await db
    .select({
      status: appointments.status,
      startAt: appointments.startAt,
      followUpAt: appointments.followUpAt,
      doctorName: doctorUser.name,
    })
    .from(appointments)
    .innerJoin(doctorUser, eq(doctorUser.id, appointments.doctorId))
    .where(eq(appointments.id, appointmentId));
  return row;
}

export async function insertRecall(db: Executor, row: typeof recalls.$inferInsert): Promise<void> {
  await db.insert(recalls).values(row);
}

export async function findRecallStatus(db: Executor, id: string) {
  const [row] = await db
    .select({
      id: recalls.id,
      status: recalls.status,
      doctorId: recalls.doctorId,
      patientId: recalls.patientId,
    })
    .from(recalls)
    .where(eq(recalls.id, id));
  return row;
}

const recallPatient = alias(users, 'recall_patient');
const recallDoctor = alias(users, 'recall_doctor');

export async function findRecalls(
  db: Executor,
  filter: { status: string; doctorId?: string | undefined; dueBy?: Date | undefined; ids?: string[] },
  cursor: Cursor | undefined,
  limit: number,
) {
  return db
    .select({ recall: recalls, patientName: recallPatient.name, doctorName: recallDoctor.name })
    .from(recalls)
    .innerJoin(recallPatient, eq(recallPatient.id, recalls.patientId))
    .innerJoin(recallDoctor, eq(recallDoctor.id, recalls.doctorId))
    .where(
      and(
        sql`${recalls.status} = ${filter.status}`,
        filter.doctorId ? eq(recalls.doctorId, filter.doctorId) : undefined,
        filter.dueBy ? lte(recalls.dueAt, filter.dueBy) : undefined,
        filter.ids ? inArray(recalls.id, filter.ids) : undefined,
        cursor
          ? or(
              gt(recalls.dueAt, new Date(cursor.at)),
              and(eq(recalls.dueAt, new Date(cursor.at)), gt(recalls.id, cursor.id)),
            )
          : undefined,
      ),
    )
    .orderBy(asc(recalls.dueAt), asc(recalls.id))
    .limit(limit + 1);
}

export async function dismissRecall(db: Executor, id: string): Promise<boolean> {
  const rows = await db
    .update(recalls)
    .set({ status: 'DISMISSED' })
    .where(and(eq(recalls.id, id), eq(recalls.status, 'DUE')))
    .returning({ id: recalls.id });
  return rows.length > 0;
}

/** A new visit with the same doctor answers the patient's open recalls. */
export async function markRecallsBooked(
  db: Executor,
  booking: { patientId: string; doctorId: string; appointmentId: string },
): Promise<string[]> {
  const rows = await db
    .update(recalls)
    .set({ status: 'BOOKED', bookedAppointmentId: booking.appointmentId })
    .where(
      and(
        eq(recalls.patientId, booking.patientId),
        eq(recalls.doctorId, booking.doctorId),
        eq(recalls.status, 'DUE'),
      ),
    )
    .returning({ id: recalls.id });
  return rows.map((row) => row.id);
}
