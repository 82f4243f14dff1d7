import { and, asc, desc, eq, gt, gte, inArray, lt, lte, or, type SQL, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { AppointmentStatus } from '../../../shared/domain/appointment-states.ts';
import type { Executor } from '../../db/client.ts';
import type { Cursor } from '../../db/pagination.ts';
import {
  appointments,
  bills,
  consultations,
  doctorSchedules,
  prescriptionItems,
  prescriptions,
  users,
} from '../../db/schema/index.ts';

const patientUser = alias(users, 'patient_user');
const doctorUser = alias(users, 'doctor_user');

export type AppointmentRow = typeof appointments.$inferSelect & { patientName: string; doctorName: string };
export type ConsultationRow = typeof consultations.$inferSelect;
export type PrescriptionRow = typeof prescriptions.$inferSelect & {
  items: (typeof prescriptionItems.$inferSelect)[];
};
export type BillRow = typeof bills.$inferSelect;

function selectAppointments(db: Executor) {
  return db
    .select({ appointment: appointments, patientName: patientUser.name, doctorName: doctorUser.name })
    .from(appointments)
    .innerJoin(patientUser, eq(patientUser.id, appointments.patientId))
    .innerJoin(doctorUser, eq(doctorUser.id, appointments.doctorId));
}

type Joined = { appointment: typeof appointments.$inferSelect; patientName: string; doctorName: string };
const flatten = (row: Joined): AppointmentRow => ({
  ...row.appointment,
  patientName: row.patientName,
  doctorName: row.doctorName,
});

export async function findAppointment(
  db: Executor,
  id: string,
  forUpdate = false,
): Promise<AppointmentRow | undefined> {
  const query = selectAppointments(db).where(eq(appointments.id, id));
  const [row] = forUpdate ? await query.for('update', { of: appointments }) : await query;
  return row ? flatten(row) : undefined;
}

export type AppointmentFilter = {
  statuses?: AppointmentStatus[] | undefined;
  from?: Date | undefined;
  to?: Date | undefined;
  doctorId?: string | undefined;
  patientId?: string | undefined;
  overdue?: { now: Date; startOfToday: Date; value: boolean } | undefined;
};

export function overdueCondition(now: Date, startOfToday: Date): SQL {
  return sql`((${appointments.status} = 'REQUESTED' and ${appointments.startAt} < ${now.toISOString()}::timestamptz)
    or (${appointments.status} = 'APPROVED' and ${appointments.startAt} < ${startOfToday.toISOString()}::timestamptz))`;
}

export async function findAppointments(
  db: Executor,
  filter: AppointmentFilter,
  cursor: Cursor | undefined,
  limit: number,
  order: 'asc' | 'desc',
): Promise<AppointmentRow[]> {
  const after = cursor
    ? order === 'asc'
      ? or(
          gt(appointments.startAt, new Date(cursor.at)),
          and(eq(appointments.startAt, new Date(cursor.at)), gt(appointments.id, cursor.id)),
        )
      : or(
          lt(appointments.startAt, new Date(cursor.at)),
          and(eq(appointments.startAt, new Date(cursor.at)), lt(appointments.id, cursor.id)),
        )
    : undefined;
  const overdue = filter.overdue
    ? filter.overdue.value
      ? overdueCondition(filter.overdue.now, filter.overdue.startOfToday)
      : sql`not ${overdueCondition(filter.overdue.now, filter.overdue.startOfToday)}`
    : undefined;
  const conditions: (SQL | undefined)[] = [
    filter.statuses ? inArray(appointments.status, filter.statuses) : undefined,
    filter.from ? gte(appointments.startAt, filter.from) : undefined,
    filter.to ? lte(appointments.startAt, filter.to) : undefined,
    filter.doctorId ? eq(appointments.doctorId, filter.doctorId) : undefined,
    filter.patientId ? eq(appointments.patientId, filter.patientId) : undefined,
    overdue,
    after,
  ];
  const direction = order === 'asc' ? asc : desc;
  const rows = await selectAppointments(db)
    .where(and(...conditions))
    .orderBy(direction(appointments.startAt), direction(appointments.id))
    .limit(limit + 1);
  return rows.map(flatten);
}

export async function insertAppointment(db: Executor, row: typeof appointments.$inferInsert): Promise<void> {
  await db.insert(appointments).values(row);
}

/** The only writer of status: succeeds only if the appointment is still in the state the caller saw. */
export async function updateStatus(
  db: Executor,
  id: string,
  from: AppointmentStatus,
  changes: Partial<typeof appointments.$inferInsert> & { status: AppointmentStatus },
): Promise<boolean> {
  const rows = await db
    .update(appointments)
    .set(changes)
    .where(and(eq(appointments.id, id), eq(appointments.status, from)))
    .returning({ id: appointments.id });
  return rows.length > 0;
}

export async function updateAppointment(
  db: Executor,
  id: string,
  changes: Partial<typeof appointments.$inferInsert>,
) {
  await db.update(appointments).set(changes).where(eq(appointments.id, id));
}

export async function slotMinutesOf(db: Executor, doctorId: string): Promise<number | undefined> {
  const [row] = await db
    .select({ slotMinutes: doctorSchedules.slotMinutes })
    .from(doctorSchedules)
    .where(eq(doctorSchedules.doctorId, doctorId));
  return row?.slotMinutes;
}

export async function findPerson(db: Executor, id: string) {
  const [row] = await db
    .select({ id: users.id, name: users.name, role: users.role, disabledAt: users.disabledAt })
    .from(users)
    .where(eq(users.id, id));
  return row;
}

export async function hasAppointmentBetween(
  db: Executor,
  doctorId: string,
  patientId: string,
): Promise<boolean> {
  const [row] = await db
    .select({ id: appointments.id })
    .from(appointments)
    .where(and(eq(appointments.doctorId, doctorId), eq(appointments.patientId, patientId)))
    .limit(1);
  return row !== undefined;
}

export async function findConsultations(db: Executor, appointmentIds: string[]): Promise<ConsultationRow[]> {
  if (appointmentIds.length === 0) return [];
  return db.select().from(consultations).where(inArray(consultations.appointmentId, appointmentIds));
}

export async function findPrescriptions(db: Executor, appointmentIds: string[]): Promise<PrescriptionRow[]> {
  if (appointmentIds.length === 0) return [];
  const heads = await db
    .select()
    .from(prescriptions)
    .where(inArray(prescriptions.appointmentId, appointmentIds));
  if (heads.length === 0) return [];
  const items = await db
    .select()
    .from(prescriptionItems)
    .where(
      inArray(
        prescriptionItems.prescriptionId,
        heads.map((head) => head.id),
      ),
    )
    .orderBy(asc(prescriptionItems.position));
  return heads.map((head) => ({ ...head, items: items.filter((item) => item.prescriptionId === head.id) }));
}

export async function findBills(db: Executor, appointmentIds: string[]): Promise<BillRow[]> {
  if (appointmentIds.length === 0) return [];
  return db.select().from(bills).where(inArray(bills.appointmentId, appointmentIds));
}

export async function upsertConsultation(
  db: Executor,
  row: typeof consultations.$inferInsert,
): Promise<void> {
  await db
    .insert(consultations)
    .values(row)
    .onConflictDoUpdate({
      target: consultations.appointmentId,
      set: { notes: row.notes, exam: row.exam, diagnoses: row.diagnoses, updatedAt: row.updatedAt },
    });
}

export async function replacePrescription(
  db: Executor,
  head: typeof prescriptions.$inferInsert,
  items: Omit<typeof prescriptionItems.$inferInsert, 'prescriptionId'>[],
): Promise<void> {
  const [saved] = await db
    .insert(prescriptions)
    .values(head)
    .onConflictDoUpdate({
      target: prescriptions.appointmentId,
      set: {
        notes: head.notes,
        glasses: head.glasses,
        contactLenses: head.contactLenses,
        updatedAt: head.updatedAt,
      },
    })
    .returning({ id: prescriptions.id });
  if (!saved) throw new Error('prescription upsert returned nothing');
  await db.delete(prescriptionItems).where(eq(prescriptionItems.prescriptionId, saved.id));
  if (items.length > 0) {
    await db.insert(prescriptionItems).values(items.map((item) => ({ ...item, prescriptionId: saved.id })));
  }
}

/** Sets the amount of a pending bill; returns nothing when the bill is already paid. */
export async function upsertPendingBill(
  db: Executor,
  row: typeof bills.$inferInsert,
): Promise<BillRow | undefined> {
  const [saved] = await db
    .insert(bills)
    .values(row)
    .onConflictDoUpdate({
      target: bills.appointmentId,
      set: { amountCents: row.amountCents, currency: row.currency, updatedAt: row.updatedAt },
      setWhere: sql`${bills.status} = 'PENDING'`,
    })
    .returning();
  return saved;
}
