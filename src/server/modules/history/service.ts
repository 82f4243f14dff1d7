import { notFound } from '../../../shared/domain/errors.ts';
import type { RequestContext } from '../../context.ts';
import { decodeCursor, encodeCursor, toPage } from '../../db/pagination.ts';
import { overdueClock } from '../appointments/access.ts';
import { loadVisitRecords } from '../appointments/queries.ts';
import { findAppointments, findPerson, hasAppointmentBetween } from '../appointments/repository.ts';
import { shapeAppointment } from '../appointments/shape.ts';
import { audit } from '../audit/service.ts';

/** The patient themself, the front desk and managers, and doctors who have seen or will see the patient. */
async function mayReadHistory(ctx: RequestContext, patientId: string): Promise<boolean> {
  if (ctx.actor.role === 'PATIENT') return ctx.actor.id === patientId;
  if (ctx.actor.role === 'DOCTOR') return hasAppointmentBetween(ctx.db, ctx.actor.id, patientId);
  return true;
}

export async function patientHistory(
  ctx: RequestContext,
  patientId: string,
  query: { limit: number; cursor?: string | undefined },
) {
  const patient = await findPerson(ctx.db, patientId);
  if (patient?.role !== 'PATIENT' || !(await mayReadHistory(ctx, patientId))) {
    if (patient) {
      await audit(ctx, {
        action: 'history.read',
        resourceType: 'patient',
        resourceId: patientId,
        patientId,
        outcome: 'DENIED',
      });
    }
    throw notFound('Patient');
  }
  const rows = await findAppointments(
    ctx.db,
    { patientId, statuses: ['TREATED'] },
    decodeCursor(query.cursor),
    query.limit,
    'desc',
  );
  const page = toPage(
    rows,
    query.limit,
    (row) => row,
    (row) => encodeCursor(row.startAt, row.id),
  );
  const records = await loadVisitRecords(
    ctx.db,
    page.items.map((row) => row.id),
  );
  const clock = overdueClock(ctx);
  await audit(ctx, { action: 'history.read', resourceType: 'patient', resourceId: patientId, patientId });
  return {
    patient: { id: patient.id, name: patient.name },
    items: page.items.map((row) => shapeAppointment(row, clock, records.get(row.id))),
    nextCursor: page.nextCursor,
  };
}
