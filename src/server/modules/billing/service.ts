import type { z } from 'zod';
import { AppError, notFound } from '../../../shared/domain/errors.ts';
import type { Bill, billsQuery, payBody } from '../../../shared/schemas/billing.ts';
import type { RequestContext } from '../../context.ts';
import { sqlState, UNIQUE_VIOLATION } from '../../db/errors.ts';
import { newId } from '../../db/ids.ts';
import { decodeCursor, encodeCursor, toPage } from '../../db/pagination.ts';
import { loadVisitRecords } from '../appointments/queries.ts';
import { shapePrescription } from '../appointments/shape.ts';
import { audit, auditList } from '../audit/service.ts';
import { publishEvent } from '../events/publish.ts';
import { notifyPatient } from '../notifications/service.ts';
import {
  type BillListRow,
  type BillScope,
  billCursorKey,
  findBill,
  findBillPage,
  findPayment,
  insertPayment,
  isBillCursorKey,
  markBillPaid,
} from './repository.ts';

function scopeFor(ctx: RequestContext): BillScope {
  if (ctx.actor.role === 'PATIENT') return { patientId: ctx.actor.id };
  if (ctx.actor.role === 'DOCTOR') return { doctorId: ctx.actor.id };
  return {};
}

function visible(ctx: RequestContext, row: BillListRow): boolean {
  const scope = scopeFor(ctx);
  return (
    (!scope.patientId || scope.patientId === row.patientId) &&
    (!scope.doctorId || scope.doctorId === row.doctorId)
  );
}

async function shapeBills(ctx: RequestContext, rows: BillListRow[]): Promise<Bill[]> {
  const records = await loadVisitRecords(
    ctx.db,
    rows.map((row) => row.appointmentId),
  );
  return rows.map((row) => {
    const prescription = records.get(row.appointmentId)?.prescription;
    return {
      id: row.id,
      appointmentId: row.appointmentId,
      patient: { id: row.patientId, name: row.patientName },
      doctor: { id: row.doctorId, name: row.doctorName },
      appointmentStartAt: row.appointmentStartAt.toISOString(),
      amountCents: row.amountCents,
      currency: row.currency,
      status: row.status,
      method: row.method,
      reference: row.reference,
      createdAt: row.createdAt.toISOString(),
      paidAt: row.paidAt?.toISOString() ?? null,
      prescription: prescription ? shapePrescription(prescription) : null,
    };
  });
}

export async function listBills(ctx: RequestContext, query: z.infer<typeof billsQuery>) {
  const rows = await findBillPage(
    ctx.db,
    { ...scopeFor(ctx), status: query.status, q: query.q },
    decodeCursor(query.cursor, isBillCursorKey),
    query.limit,
  );
  const result = toPage(
    rows,
    query.limit,
    (row) => row,
    (row) => encodeCursor(billCursorKey(row), row.id),
  );
  await auditList(
    ctx,
    'bill.list',
    'bill',
    result.items.map((row) => row.patientId),
  );
  return { items: await shapeBills(ctx, result.items), nextCursor: result.nextCursor };
}

export async function getBill(ctx: RequestContext, id: string): Promise<Bill> {
  const row = await loadVisibleBill(ctx, id, 'bill.read');
  await audit(ctx, { action: 'bill.read', resourceType: 'bill', resourceId: id, patientId: row.patientId });
  const [bill] = await shapeBills(ctx, [row]);
  if (!bill) throw notFound('Bill');
  return bill;
}

async function loadVisibleBill(ctx: RequestContext, id: string, action: string): Promise<BillListRow> {
  const row = await findBill(ctx.db, id);
  if (!row) throw notFound('Bill');
  if (!visible(ctx, row)) {
    await audit(ctx, {
      action,
      resourceType: 'bill',
      resourceId: id,
      patientId: row.patientId,
      outcome: 'DENIED',
    });
    throw notFound('Bill');
  }
  return row;
}

/**
 * The front desk confirms a payment. The bill row is locked so that two clerks paying at once
 * get one success and one ALREADY_PAID; a retry with the same Idempotency-Key gets the first answer.
 */
export async function confirmPayment(
  ctx: RequestContext,
  id: string,
  body: z.infer<typeof payBody>,
  idempotencyKey: string | undefined,
): Promise<Bill> {
  try {
    await ctx.db.transaction(async (tx) => {
      const row = await findBill(tx, id, true);
      if (!row) throw notFound('Bill');
      if (row.status === 'PAID') {
        const payment = await findPayment(tx, id);
        if (idempotencyKey && payment?.idempotencyKey === idempotencyKey) return;
        throw new AppError('ALREADY_PAID', 'This bill has already been paid');
      }
      const paidAt = ctx.clock.now();
      await insertPayment(tx, {
        id: newId(),
        billId: id,
        amountCents: row.amountCents,
        method: body.method,
        reference: body.reference || null,
        idempotencyKey: idempotencyKey ?? null,
        receivedBy: ctx.actor.id,
        createdAt: paidAt,
      });
      if (!(await markBillPaid(tx, id, { method: body.method, reference: body.reference || null, paidAt }))) {
        throw new AppError('ALREADY_PAID', 'This bill has already been paid');
      }
      await notifyPatient(ctx, tx, {
        patientId: row.patientId,
        appointmentId: row.appointmentId,
        type: 'REMINDER',
        facts: {
          doctorName: row.doctorName,
          startAt: row.appointmentStartAt,
          amountCents: row.amountCents,
          currency: row.currency,
        },
      });
      await audit(
        ctx,
        { action: 'bill.pay', resourceType: 'bill', resourceId: id, patientId: row.patientId },
        tx,
      );
      await publishEvent(tx, {
        type: 'bill.updated',
        id,
        patientId: row.patientId,
        doctorId: row.doctorId,
        staff: true,
      });
    });
  } catch (error) {
    if (sqlState(error) === UNIQUE_VIOLATION)
      throw new AppError('ALREADY_PAID', 'This bill has already been paid');
    throw error;
  }
  return getBill(ctx, id);
}
