import { startOfClinicDay } from '../../../shared/domain/clinic-time.ts';
import { notFound } from '../../../shared/domain/errors.ts';
import type { AppContext, RequestContext } from '../../context.ts';
import type { Executor } from '../../db/client.ts';
import { audit } from '../audit/service.ts';
import { type AppointmentRow, findAppointment } from './repository.ts';
import type { OverdueClock } from './shape.ts';

/** A patient sees their own appointments, a doctor the ones they hold, the front desk and managers all. */
export function canSeeAppointment(
  ctx: RequestContext,
  row: { patientId: string; doctorId: string },
): boolean {
  if (ctx.actor.role === 'PATIENT') return row.patientId === ctx.actor.id;
  if (ctx.actor.role === 'DOCTOR') return row.doctorId === ctx.actor.id;
  return true;
}

/**
 * Loads an appointment the actor may see. Someone else's answers exactly like a missing one,
 * and the attempt is audited as denied.
 */
export async function loadVisibleAppointment(
  ctx: RequestContext,
  id: string,
  options: { db?: Executor; forUpdate?: boolean; action: string } = { action: 'appointment.read' },
): Promise<AppointmentRow> {
  const row = await findAppointment(options.db ?? ctx.db, id, options.forUpdate);
  if (!row) throw notFound('Appointment');
  if (!canSeeAppointment(ctx, row)) {
    await audit(ctx, {
      action: options.action,
      resourceType: 'appointment',
      resourceId: id,
      patientId: row.patientId,
      outcome: 'DENIED',
    });
    throw notFound('Appointment');
  }
  return row;
}

export function overdueClock(ctx: AppContext): OverdueClock {
  const now = ctx.clock.now();
  return { now, startOfToday: startOfClinicDay(now, ctx.config.timezone) };
}
