import { and, asc, desc, eq, gt, ilike, lt, or, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Executor } from '../../db/client.ts';
import { containsPattern } from '../../db/like.ts';
import { type Cursor, isInstantKey } from '../../db/pagination.ts';
import { appointments, bills, payments, users } from '../../db/schema/index.ts';

const patientUser = alias(users, 'patient_user');
const doctorUser = alias(users, 'doctor_user');

export type BillListRow = typeof bills.$inferSelect & {
  patientId: string;
  patientName: string;
  doctorId: string;
  doctorName: string;
  appointmentStartAt: Date;
};

export type BillScope = { patientId?: string | undefined; doctorId?: string | undefined };

function selectBills(db: Executor) {
  return db
    .select({
      bill: bills,
      patientId: appointments.patientId,
      patientName: patientUser.name,
      doctorId: appointments.doctorId,
      doctorName: doctorUser.name,
      appointmentStartAt: appointments.startAt,
    })
    .from(bills)
    .innerJoin(appointments, eq(appointments.id, bills.appointmentId))
    .innerJoin(patientUser, eq(patientUser.id, appointments.patientId))
    .innerJoin(doctorUser, eq(doctorUser.id, appointments.doctorId));
}

type Joined = Awaited<ReturnType<ReturnType<typeof selectBills>['execute']>>[number];
const flatten = ({ bill, ...rest }: Joined): BillListRow => ({ ...bill, ...rest });

export async function findBill(
  db: Executor,
  id: string,
  forUpdate = false,
): Promise<BillListRow | undefined> {
  const query = selectBills(db).where(eq(bills.id, id));
  const [row] = forUpdate ? await query.for('update', { of: bills }) : await query;
  return row ? flatten(row) : undefined;
}

/** The cursor's `at` is "STATUS~ISO time": the keyset follows the (status, created, id) order. */
export function billCursorKey(row: BillListRow): string {
  return `${row.status}~${row.createdAt.toISOString()}`;
}

export function isBillCursorKey(at: string): boolean {
  const [status, instant, extra] = at.split('~');
  return (
    (status === 'PENDING' || status === 'PAID') &&
    instant !== undefined &&
    extra === undefined &&
    isInstantKey(instant)
  );
}

function after(cursor: Cursor): SQL | undefined {
  const [status, at] = cursor.at.split('~');
  if ((status !== 'PENDING' && status !== 'PAID') || !at) return undefined;
  const createdAt = new Date(at);
  return or(
    lt(bills.status, status),
    and(
      eq(bills.status, status),
      or(gt(bills.createdAt, createdAt), and(eq(bills.createdAt, createdAt), gt(bills.id, cursor.id))),
    ),
  );
}

/** Pending bills first, oldest first: they have waited longest; then paid ones. */
export async function findBillPage(
  db: Executor,
  filter: BillScope & { status?: 'PENDING' | 'PAID' | undefined; q?: string | undefined },
  cursor: Cursor | undefined,
  limit: number,
): Promise<BillListRow[]> {
  const pattern = filter.q ? containsPattern(filter.q) : undefined;
  const conditions: (SQL | undefined)[] = [
    filter.status ? eq(bills.status, filter.status) : undefined,
    filter.patientId ? eq(appointments.patientId, filter.patientId) : undefined,
    filter.doctorId ? eq(appointments.doctorId, filter.doctorId) : undefined,
    pattern ? ilike(patientUser.name, pattern) : undefined,
    cursor ? after(cursor) : undefined,
  ];
  const rows = await selectBills(db)
    .where(and(...conditions))
    .orderBy(desc(bills.status), asc(bills.createdAt), asc(bills.id))
    .limit(limit + 1);
  return rows.map(flatten);
}

export async function findPayment(db: Executor, billId: string) {
  const [row] = await db.select().from(payments).where(eq(payments.billId, billId));
  return row;
}

export async function insertPayment(db: Executor, row: typeof payments.$inferInsert): Promise<void> {
  await db.insert(payments).values(row);
}

export async function markBillPaid(
  db: Executor,
  id: string,
  changes: { method: NonNullable<typeof bills.$inferInsert.method>; reference: string | null; paidAt: Date },
): Promise<boolean> {
  const rows = await db
    .update(bills)
    .set({ status: 'PAID', ...changes, updatedAt: changes.paidAt })
    .where(and(eq(bills.id, id), eq(bills.status, 'PENDING')))
    .returning({ id: bills.id });
  return rows.length > 0;
}
