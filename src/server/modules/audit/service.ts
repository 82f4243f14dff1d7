import type { RequestContext } from '../../context.ts';
import type { Executor } from '../../db/client.ts';
import { newId } from '../../db/ids.ts';
import { decodeCursor, encodeCursor, toPage } from '../../db/pagination.ts';
import { type AuditFilter, type AuditRow, findAuditEvents, insertAuditEvents } from './repository.ts';

export type AuditEntry = {
  action: string;
  resourceType: string;
  resourceId?: string | null;
  patientId?: string | null;
  outcome?: 'SUCCESS' | 'DENIED' | 'FAILED';
};

/** Records who touched which patient's data; written in the caller's transaction when it has one. */
export async function audit(ctx: RequestContext, entries: AuditEntry | AuditEntry[], db: Executor = ctx.db) {
  const list = Array.isArray(entries) ? entries : [entries];
  await insertAuditEvents(
    db,
    list.map((entry) => ({
      id: newId(),
      at: ctx.clock.now(),
      actorId: ctx.actor.id,
      actorRole: ctx.actor.role,
      patientId: entry.patientId ?? null,
      action: entry.action,
      resourceType: entry.resourceType,
      resourceId: entry.resourceId ?? null,
      outcome: entry.outcome ?? 'SUCCESS',
      requestId: ctx.requestId,
    })),
  );
}

/** One audit row per distinct patient shown in a list. */
export function auditList(ctx: RequestContext, action: string, resourceType: string, patientIds: string[]) {
  const distinct = [...new Set(patientIds)];
  return audit(
    ctx,
    distinct.map((patientId) => ({ action, resourceType, patientId })),
  );
}

export async function listAuditEvents(
  ctx: RequestContext,
  query: AuditFilter & { limit: number; cursor?: string | undefined },
) {
  const rows = await findAuditEvents(ctx.db, query, decodeCursor(query.cursor), query.limit);
  return toPage(rows, query.limit, shapeAuditEvent, (row) => encodeCursor(row.at, row.id));
}

function shapeAuditEvent(row: AuditRow) {
  return { ...row, at: row.at.toISOString() };
}
