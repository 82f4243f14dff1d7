import type { z } from 'zod';
import { AppError, invalidField, notFound } from '../../../shared/domain/errors.ts';
import type { requestAppointmentBody } from '../../../shared/schemas/appointments.ts';
import type { RequestContext } from '../../context.ts';
import { EXCLUSION_VIOLATION, sqlState } from '../../db/errors.ts';
import { newId } from '../../db/ids.ts';
import { audit } from '../audit/service.ts';
import { publishEvent } from '../events/publish.ts';
import { assertBookable, slotMinutesFor } from '../scheduling/booking-rules.ts';
import { onAppointmentBooked } from '../scheduling/transition-hooks.ts';
import { overdueClock } from './access.ts';
import { findAppointment, findPerson, insertAppointment } from './repository.ts';
import { shapeAppointment } from './shape.ts';

export const slotTaken = () =>
  new AppError('SLOT_TAKEN', 'The doctor already has an appointment at that time; choose another time', {
    errors: [{ path: 'startAt', message: 'this time is already taken' }],
  });

/** A patient asks for a visit; the front desk may ask on a patient's behalf. */
export async function requestAppointment(ctx: RequestContext, body: z.infer<typeof requestAppointmentBody>) {
  const patientId = await resolvePatient(ctx, body.patientId);
  const doctor = await findPerson(ctx.db, body.doctorId);
  if (doctor?.role !== 'DOCTOR') throw invalidField('doctorId', 'No such doctor');
  if (doctor.disabledAt) throw invalidField('doctorId', 'This doctor is not taking appointments');

  const startAt = new Date(body.startAt);
  const endAt = new Date(startAt.getTime() + (await slotMinutesFor(ctx.db, doctor.id)) * 60_000);
  const byStaff = ctx.actor.role !== 'PATIENT';
  await assertBookable(ctx, ctx.db, { doctorId: doctor.id, startAt, endAt, byStaff });

  const id = newId();
  const now = ctx.clock.now();
  try {
    await ctx.db.transaction(async (tx) => {
      await insertAppointment(tx, {
        id,
        patientId,
        doctorId: doctor.id,
        startAt,
        endAt,
        status: 'REQUESTED',
        reason: body.reason || null,
        createdBy: ctx.actor.id,
        createdAt: now,
        updatedAt: now,
      });
      await onAppointmentBooked(ctx, tx, { appointmentId: id, patientId, doctorId: doctor.id });
      await audit(
        ctx,
        { action: 'appointment.create', resourceType: 'appointment', resourceId: id, patientId },
        tx,
      );
      await publishEvent(tx, {
        type: 'appointment.updated',
        id,
        patientId,
        doctorId: doctor.id,
        staff: true,
      });
    });
  } catch (error) {
    if (sqlState(error) === EXCLUSION_VIOLATION) throw slotTaken();
    throw error;
  }
  const created = await findAppointment(ctx.db, id);
  if (!created) throw new Error('appointment vanished after insert');
  return shapeAppointment(created, overdueClock(ctx));
}

async function resolvePatient(ctx: RequestContext, requested: string | undefined): Promise<string> {
  if (ctx.actor.role === 'PATIENT') {
    if (requested && requested !== ctx.actor.id) {
      throw new AppError('FORBIDDEN', 'A patient may request appointments only for themself');
    }
    return ctx.actor.id;
  }
  if (!requested) throw invalidField('patientId', 'Choose the patient the appointment is for');
  const patient = await findPerson(ctx.db, requested);
  if (patient?.role !== 'PATIENT') throw notFound('Patient');
  return patient.id;
}
