import type { z } from 'zod';
import { liveStatuses } from '../../../shared/domain/appointment-states.ts';
import { AppError, invalidField } from '../../../shared/domain/errors.ts';
import type { rescheduleBody } from '../../../shared/schemas/appointments.ts';
import type { RequestContext } from '../../context.ts';
import { EXCLUSION_VIOLATION, sqlState } from '../../db/errors.ts';
import { newId } from '../../db/ids.ts';
import { decodeCursor, encodeCursor, toPage } from '../../db/pagination.ts';
import { loadVisibleAppointment } from '../appointments/access.ts';
import { getAppointment } from '../appointments/queries.ts';
import { slotTaken } from '../appointments/request-appointment.ts';
import { audit } from '../audit/service.ts';
import { publishEvent } from '../events/publish.ts';
import { notifyPatient } from '../notifications/service.ts';
import { assertBookable, beforePatientCutoff, slotMinutesFor } from './booking-rules.ts';
import {
  cancelPendingNotices,
  findAppointmentChanges,
  insertAppointmentChange,
  moveAppointment,
} from './repository.ts';
import { scheduleVisitReminders } from './transition-hooks.ts';

/**
 * Moves a live appointment to another free time. It keeps its status: a confirmed visit stays
 * confirmed, the doctor hears of it through the live event, the patient through a RESCHEDULE notice.
 */
export async function rescheduleAppointment(
  ctx: RequestContext,
  id: string,
  body: z.infer<typeof rescheduleBody>,
) {
  const row = await loadVisibleAppointment(ctx, id, { action: 'appointment.reschedule' });
  if (!(liveStatuses as readonly string[]).includes(row.status)) {
    throw new AppError('INVALID_TRANSITION', `A ${row.status.toLowerCase()} appointment cannot be moved`);
  }
  const now = ctx.clock.now();
  const byStaff = ctx.actor.role !== 'PATIENT';
  if (!byStaff && row.status === 'APPROVED' && !(await beforePatientCutoff(ctx, row.startAt, now))) {
    throw new AppError(
      'INVALID_TRANSITION',
      'It is too late to move this visit online: confirmed visits can be changed only up to the clinic’s cut-off before they start; please call the clinic',
    );
  }
  const startAt = new Date(body.startAt);
  if (startAt.getTime() === row.startAt.getTime()) {
    throw invalidField('startAt', 'The appointment is already at that time');
  }
  const endAt = new Date(startAt.getTime() + (await slotMinutesFor(ctx.db, row.doctorId)) * 60_000);
  await assertBookable(ctx, ctx.db, { doctorId: row.doctorId, startAt, endAt, byStaff });

  try {
    await ctx.db.transaction(async (tx) => {
      if (!(await moveAppointment(tx, row, { startAt, endAt, updatedAt: now }))) {
        throw new AppError('INVALID_TRANSITION', 'The appointment changed meanwhile; reload and try again');
      }
      await insertAppointmentChange(tx, {
        id: newId(),
        appointmentId: id,
        actorId: ctx.actor.id,
        fromStartAt: row.startAt,
        toStartAt: startAt,
        reason: body.reason || null,
        createdAt: now,
      });
      await cancelPendingNotices(tx, { appointmentId: id, type: 'VISIT_REMINDER' }, now);
      if (row.status === 'APPROVED') await scheduleVisitReminders(ctx, tx, { ...row, startAt }, now);
      await notifyPatient(ctx, tx, {
        patientId: row.patientId,
        appointmentId: id,
        type: 'RESCHEDULE',
        facts: { doctorName: row.doctorName, startAt, previousStartAt: row.startAt, note: body.reason },
      });
      await audit(
        ctx,
        {
          action: 'appointment.reschedule',
          resourceType: 'appointment',
          resourceId: id,
          patientId: row.patientId,
        },
        tx,
      );
      await publishEvent(tx, {
        type: 'appointment.updated',
        id,
        patientId: row.patientId,
        doctorId: row.doctorId,
        staff: true,
      });
    });
  } catch (error) {
    if (sqlState(error) === EXCLUSION_VIOLATION) throw slotTaken();
    throw error;
  }
  return getAppointment(ctx, id, { audited: true });
}

export async function listAppointmentChanges(
  ctx: RequestContext,
  id: string,
  query: { limit: number; cursor?: string | undefined },
) {
  const row = await loadVisibleAppointment(ctx, id, { action: 'appointment.changes.read' });
  const rows = await findAppointmentChanges(ctx.db, id, decodeCursor(query.cursor), query.limit);
  await audit(ctx, {
    action: 'appointment.changes.read',
    resourceType: 'appointment',
    resourceId: id,
    patientId: row.patientId,
  });
  return toPage(
    rows,
    query.limit,
    ({ change, actorName }) => ({
      id: change.id,
      appointmentId: change.appointmentId,
      actor: change.actorId ? { id: change.actorId, name: actorName ?? '' } : null,
      fromStartAt: change.fromStartAt.toISOString(),
      toStartAt: change.toStartAt.toISOString(),
      reason: change.reason,
      createdAt: change.createdAt.toISOString(),
    }),
    ({ change }) => encodeCursor(change.createdAt, change.id),
  );
}
