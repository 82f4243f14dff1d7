import type { z } from 'zod';
import { AppError } from '../../../shared/domain/errors.ts';
import type { appointmentsQuery } from '../../../shared/schemas/appointments.ts';
import type { RequestContext } from '../../context.ts';
import type { Executor } from '../../db/client.ts';
import { decodeCursor, encodeCursor, toPage } from '../../db/pagination.ts';
import { audit, auditList } from '../audit/service.ts';
import { loadVisibleAppointment, overdueClock } from './access.ts';
import {
  type AppointmentFilter,
  type AppointmentRow,
  findAppointments,
  findBills,
  findConsultations,
  findPrescriptions,
} from './repository.ts';
import { shapeAppointment, type VisitRecords } from './shape.ts';

/** Consultations, prescriptions and bills of many appointments in three queries, not three per row. */
export async function loadVisitRecords(
  db: Executor,
  appointmentIds: string[],
): Promise<Map<string, VisitRecords>> {
  const [consultations, prescriptions, bills] = await Promise.all([
    findConsultations(db, appointmentIds),
    findPrescriptions(db, appointmentIds),
    findBills(db, appointmentIds),
  ]);
  const records = new Map<string, VisitRecords>(
    appointmentIds.map((id) => [
      id,
      {
        consultation: consultations.find((row) => row.appointmentId === id),
        prescription: prescriptions.find((row) => row.appointmentId === id),
        bill: bills.find((row) => row.appointmentId === id),
      },
    ]),
  );
  return records;
}

export async function getAppointment(ctx: RequestContext, id: string, options: { audited?: boolean } = {}) {
  const row = await loadVisibleAppointment(ctx, id);
  const records = (await loadVisitRecords(ctx.db, [id])).get(id);
  if (!options.audited) {
    await audit(ctx, {
      action: 'appointment.read',
      resourceType: 'appointment',
      resourceId: id,
      patientId: row.patientId,
    });
  }
  return shapeAppointment(row, overdueClock(ctx), records);
}

export async function listAppointments(ctx: RequestContext, query: z.infer<typeof appointmentsQuery>) {
  const clock = overdueClock(ctx);
  const filter: AppointmentFilter = {
    statuses: query.status,
    from: query.from ? new Date(query.from) : undefined,
    to: query.to ? new Date(query.to) : undefined,
    doctorId: query.doctorId,
    patientId: query.patientId,
    overdue: query.overdue ? { ...clock, value: query.overdue === 'true' } : undefined,
  };
  // The scope narrows whatever the caller asked for: a patient's filter can never widen to others.
  if (ctx.actor.role === 'PATIENT') {
    if (query.patientId && query.patientId !== ctx.actor.id) return emptyPage();
    filter.patientId = ctx.actor.id;
  }
  if (ctx.actor.role === 'DOCTOR') {
    if (query.doctorId && query.doctorId !== ctx.actor.id) return emptyPage();
    filter.doctorId = ctx.actor.id;
  }
  if (filter.from && filter.to && filter.from > filter.to) {
    throw new AppError('VALIDATION_FAILED', '`from` must not be after `to`', {
      errors: [{ path: 'from', message: 'must not be after to' }],
    });
  }
  const order = query.order ?? 'asc';
  const rows = await findAppointments(ctx.db, filter, decodeCursor(query.cursor), query.limit, order);
  const page = toPage(
    rows,
    query.limit,
    (row: AppointmentRow) => shapeAppointment(row, clock),
    (row) => encodeCursor(row.startAt, row.id),
  );
  await auditList(
    ctx,
    'appointment.list',
    'appointment',
    page.items.map((item) => item.patientId),
  );
  return page;
}

const emptyPage = () => ({ items: [], nextCursor: null });
