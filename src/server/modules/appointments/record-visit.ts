import type { z } from 'zod';
import { canRecordVisit } from '../../../shared/domain/appointment-states.ts';
import { AppError } from '../../../shared/domain/errors.ts';
import type { billBody, consultationBody, prescriptionBody } from '../../../shared/schemas/appointments.ts';
import type { RequestContext } from '../../context.ts';
import type { Executor } from '../../db/client.ts';
import { newId } from '../../db/ids.ts';
import { audit } from '../audit/service.ts';
import { publishEvent } from '../events/publish.ts';
import { loadVisibleAppointment } from './access.ts';
import { loadVisitRecords } from './queries.ts';
import {
  type AppointmentRow,
  findBills,
  replacePrescription,
  upsertConsultation,
  upsertPendingBill,
} from './repository.ts';
import { shapeAppointmentBill, shapeConsultation, shapePrescription } from './shape.ts';

/** The doctor writes the visit's records only while it is approved and theirs. */
async function openVisit(ctx: RequestContext, appointmentId: string, what: string): Promise<AppointmentRow> {
  if (ctx.actor.role !== 'DOCTOR')
    throw new AppError('FORBIDDEN', `Only the treating doctor records the ${what}`);
  const row = await loadVisibleAppointment(ctx, appointmentId, { action: `${what}.write` });
  if (!canRecordVisit(row.status)) {
    throw new AppError(
      'INVALID_TRANSITION',
      `The ${what} can be recorded only for an approved visit; this one is ${row.status.toLowerCase()}`,
    );
  }
  return row;
}

async function recordsOf(ctx: RequestContext, appointmentId: string) {
  const records = (await loadVisitRecords(ctx.db, [appointmentId])).get(appointmentId);
  if (!records) throw new Error('visit records missing');
  return records;
}

export async function recordConsultation(
  ctx: RequestContext,
  appointmentId: string,
  body: z.infer<typeof consultationBody>,
) {
  const row = await openVisit(ctx, appointmentId, 'consultation');
  const now = ctx.clock.now();
  await ctx.db.transaction(async (tx) => {
    await upsertConsultation(tx, {
      id: newId(),
      appointmentId,
      notes: body.notes,
      exam: body.exam ?? null,
      diagnoses: body.diagnoses ?? null,
      createdAt: now,
      updatedAt: now,
    });
    await auditWrite(ctx, tx, row, 'consultation.write', 'consultation');
  });
  const { consultation } = await recordsOf(ctx, appointmentId);
  if (!consultation) throw new Error('consultation missing after write');
  return shapeConsultation(consultation);
}

export async function recordPrescription(
  ctx: RequestContext,
  appointmentId: string,
  body: z.infer<typeof prescriptionBody>,
) {
  const row = await openVisit(ctx, appointmentId, 'prescription');
  const now = ctx.clock.now();
  await ctx.db.transaction(async (tx) => {
    await replacePrescription(
      tx,
      {
        id: newId(),
        appointmentId,
        notes: body.notes ?? null,
        glasses: body.glasses ?? null,
        contactLenses: body.contactLenses ?? null,
        createdAt: now,
        updatedAt: now,
      },
      body.medications.map((medication, position) => ({
        id: newId(),
        position,
        name: medication.name,
        dosage: medication.dosage,
        frequency: medication.frequency,
        duration: medication.duration ?? null,
        eye: medication.eye ?? null,
        instructions: medication.instructions ?? null,
      })),
    );
    await auditWrite(ctx, tx, row, 'prescription.write', 'prescription');
    await publishEvent(tx, {
      type: 'appointment.updated',
      id: appointmentId,
      patientId: row.patientId,
      doctorId: row.doctorId,
      staff: true,
    });
  });
  const { prescription } = await recordsOf(ctx, appointmentId);
  if (!prescription) throw new Error('prescription missing after write');
  return shapePrescription(prescription);
}

export async function recordBill(ctx: RequestContext, appointmentId: string, body: z.infer<typeof billBody>) {
  if (ctx.actor.role !== 'DOCTOR') throw new AppError('FORBIDDEN', 'Only the treating doctor sets the bill');
  const visible = await loadVisibleAppointment(ctx, appointmentId, { action: 'bill.write' });
  const [existing] = await findBills(ctx.db, [appointmentId]);
  if (existing?.status === 'PAID')
    throw new AppError('ALREADY_PAID', 'The bill is paid and can no longer be changed');
  const row = await openVisit(ctx, visible.id, 'bill');
  const now = ctx.clock.now();
  const bill = await ctx.db.transaction(async (tx) => {
    const saved = await upsertPendingBill(tx, {
      id: newId(),
      appointmentId,
      amountCents: body.amountCents,
      currency: ctx.config.currency,
      status: 'PENDING',
      createdAt: now,
      updatedAt: now,
    });
    // A payment that landed after the check above leaves the paid bill untouched.
    if (!saved) throw new AppError('ALREADY_PAID', 'The bill is paid and can no longer be changed');
    await auditWrite(ctx, tx, row, 'bill.write', 'bill');
    await publishEvent(tx, {
      type: 'bill.updated',
      id: saved.id,
      patientId: row.patientId,
      doctorId: row.doctorId,
      staff: true,
    });
    return saved;
  });
  return shapeAppointmentBill(bill);
}

async function auditWrite(
  ctx: RequestContext,
  tx: Executor,
  row: AppointmentRow,
  action: string,
  resourceType: string,
) {
  await audit(ctx, { action, resourceType, resourceId: row.id, patientId: row.patientId }, tx);
}
