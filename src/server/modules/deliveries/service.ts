import { AppError, notFound } from '../../../shared/domain/errors.ts';
import type { Delivery, DeliverySummary } from '../../../shared/schemas/deliveries.ts';
import type { RequestContext } from '../../context.ts';
import { decodeCursor, encodeCursor, toPage } from '../../db/pagination.ts';
import { audit, auditList } from '../audit/service.ts';
import {
  countDeliveriesByStatus,
  type DeliveryFilter,
  type DeliveryListRow,
  findDeliveries,
  requeueFailedDelivery,
} from './repository.ts';

function shapeDelivery(row: DeliveryListRow): Delivery {
  return {
    id: row.id,
    notificationId: row.notificationId,
    type: row.type,
    channel: row.channel,
    status: row.status,
    attempts: row.attempts,
    dueAt: row.dueAt.toISOString(),
    sentAt: row.sentAt?.toISOString() ?? null,
    provider: row.provider,
    providerMessageId: row.providerMessageId,
    lastError: row.lastError,
    patient: { id: row.patientId, name: row.patientName },
    createdAt: row.createdAt.toISOString(),
  };
}

export async function listDeliveries(
  ctx: RequestContext,
  query: DeliveryFilter & { limit: number; cursor?: string | undefined },
) {
  const rows = await findDeliveries(ctx.db, query, decodeCursor(query.cursor), query.limit);
  const page = toPage(rows, query.limit, shapeDelivery, (row) => encodeCursor(row.createdAt, row.id));
  await auditList(
    ctx,
    'delivery.list',
    'delivery',
    page.items.map((item) => item.patient.id),
  );
  return page;
}

export async function summarizeDeliveries(ctx: RequestContext): Promise<DeliverySummary> {
  const counts = new Map((await countDeliveriesByStatus(ctx.db)).map((row) => [row.status, row.count]));
  return {
    pending: counts.get('PENDING') ?? 0,
    sending: counts.get('SENDING') ?? 0,
    sent: counts.get('SENT') ?? 0,
    failed: counts.get('FAILED') ?? 0,
  };
}

/** A person looked at a failed delivery (fixed an address, a provider key) and asks for it to go again. */
export async function retryDelivery(ctx: RequestContext, id: string): Promise<Delivery> {
  return ctx.db.transaction(async (tx) => {
    const [row] = await findDeliveries(tx, { id }, undefined, 1);
    if (!row) throw notFound('Delivery');
    if (!(await requeueFailedDelivery(tx, id, ctx.clock.now()))) {
      throw new AppError(
        'INVALID_TRANSITION',
        `Only a failed delivery can be retried; this one is ${row.status}`,
      );
    }
    await audit(
      ctx,
      { action: 'delivery.retry', resourceType: 'delivery', resourceId: id, patientId: row.patientId },
      tx,
    );
    const [updated] = await findDeliveries(tx, { id }, undefined, 1);
    if (!updated) throw notFound('Delivery');
    return shapeDelivery(updated);
  });
}
