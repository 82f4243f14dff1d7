import type { z } from 'zod';
import { startOfClinicDay } from '../../../shared/domain/clinic-time.ts';
import { AppError, notFound } from '../../../shared/domain/errors.ts';
import type { Recall, recallsQuery } from '../../../shared/schemas/scheduling.ts';
import type { RequestContext } from '../../context.ts';
import { decodeCursor, encodeCursor, toPage } from '../../db/pagination.ts';
import { audit, auditList } from '../audit/service.ts';
import { cancelPendingNotices, dismissRecall, findRecallStatus, findRecalls } from './repository.ts';

type RecallJoined = Awaited<ReturnType<typeof findRecalls>>[number];

function shapeRecall(row: RecallJoined, startOfToday: Date): Recall {
  const { recall } = row;
  return {
    id: recall.id,
    patient: { id: recall.patientId, name: row.patientName },
    doctor: { id: recall.doctorId, name: row.doctorName },
    sourceAppointmentId: recall.sourceAppointmentId,
    bookedAppointmentId: recall.bookedAppointmentId,
    dueAt: recall.dueAt.toISOString(),
    status: recall.status,
    overdue: recall.status === 'DUE' && recall.dueAt < startOfToday,
    createdAt: recall.createdAt.toISOString(),
  };
}

/** The front desk's call list: recalls due now or overdue (a doctor sees their own patients'). */
export async function listRecalls(ctx: RequestContext, query: z.infer<typeof recallsQuery>) {
  const now = ctx.clock.now();
  if (ctx.actor.role === 'DOCTOR' && query.doctorId && query.doctorId !== ctx.actor.id) {
    return { items: [], nextCursor: null };
  }
  const doctorId = ctx.actor.role === 'DOCTOR' ? ctx.actor.id : query.doctorId;
  const rows = await findRecalls(
    ctx.db,
    { status: query.status, doctorId, dueBy: query.status === 'DUE' ? now : undefined },
    decodeCursor(query.cursor),
    query.limit,
  );
  const startOfToday = startOfClinicDay(now, ctx.config.timezone);
  const page = toPage(
    rows,
    query.limit,
    (row) => shapeRecall(row, startOfToday),
    (row) => encodeCursor(row.recall.dueAt, row.recall.id),
  );
  await auditList(
    ctx,
    'recall.list',
    'recall',
    page.items.map((item) => item.patient.id),
  );
  return page;
}

export async function dismissPatientRecall(ctx: RequestContext, id: string): Promise<Recall> {
  const found = await findRecallStatus(ctx.db, id);
  if (!found || (ctx.actor.role === 'DOCTOR' && found.doctorId !== ctx.actor.id)) throw notFound('Recall');
  if (found.status !== 'DUE') {
    throw new AppError('INVALID_TRANSITION', `A ${found.status.toLowerCase()} recall cannot be dismissed`);
  }
  const now = ctx.clock.now();
  await ctx.db.transaction(async (tx) => {
    if (!(await dismissRecall(tx, id))) {
      throw new AppError('INVALID_TRANSITION', 'The recall changed meanwhile; reload and try again');
    }
    await cancelPendingNotices(tx, { recallIds: [id], type: 'RECALL' }, now);
    await audit(
      ctx,
      { action: 'recall.dismiss', resourceType: 'recall', resourceId: id, patientId: found.patientId },
      tx,
    );
  });
  const [row] = await findRecalls(ctx.db, { status: 'DISMISSED', ids: [id] }, undefined, 1);
  if (!row) throw notFound('Recall');
  return shapeRecall(row, startOfClinicDay(now, ctx.config.timezone));
}
