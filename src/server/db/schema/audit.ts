import { index, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/** Append-only: a trigger in the migrations refuses UPDATE and DELETE. */
export const auditEvents = pgTable(
  'audit_events',
  {
    id: uuid('id').primaryKey(),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
    actorId: uuid('actor_id'),
    actorRole: text('actor_role'),
    patientId: uuid('patient_id'),
    action: text('action').notNull(),
    resourceType: text('resource_type').notNull(),
    resourceId: text('resource_id'),
    outcome: text('outcome', { enum: ['SUCCESS', 'DENIED', 'FAILED'] }).notNull(),
    requestId: text('request_id'),
  },
  (table) => [
    index('audit_events_at_idx').on(table.at, table.id),
    index('audit_events_patient_idx').on(table.patientId, table.at),
    index('audit_events_actor_idx').on(table.actorId, table.at),
  ],
);
