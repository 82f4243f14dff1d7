import { and, desc, eq, gte, lt, lte, or, type SQL } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import type { Cursor } from '../../db/pagination.ts';
import { auditEvents } from '../../db/schema/index.ts';

export type AuditRow = typeof auditEvents.$inferSelect;
export type NewAuditRow = typeof auditEvents.$inferInsert;

export async function insertAuditEvents(db: Executor, rows: NewAuditRow[]): Promise<void> {
  if (rows.length > 0) await db.insert(auditEvents).values(rows);
}

export type AuditFilter = {
  patientId?: string | undefined;
  actorId?: string | undefined;
  action?: string | undefined;
  from?: Date | undefined;
  to?: Date | undefined;
};

export async function findAuditEvents(
  db: Executor,
  filter: AuditFilter,
  cursor: Cursor | undefined,
  limit: number,
): Promise<AuditRow[]> {
  const conditions: (SQL | undefined)[] = [
    filter.patientId ? eq(auditEvents.patientId, filter.patientId) : undefined,
    filter.actorId ? eq(auditEvents.actorId, filter.actorId) : undefined,
    filter.action ? eq(auditEvents.action, filter.action) : undefined,
    filter.from ? gte(auditEvents.at, filter.from) : undefined,
    filter.to ? lte(auditEvents.at, filter.to) : undefined,
    cursor
      ? or(
          lt(auditEvents.at, new Date(cursor.at)),
          and(eq(auditEvents.at, new Date(cursor.at)), lt(auditEvents.id, cursor.id)),
        )
      : undefined,
  ];
  return db
    .select()
    .from(auditEvents)
    .where(and(...conditions))
    .orderBy(desc(auditEvents.at), desc(auditEvents.id))
    .limit(limit + 1);
}
