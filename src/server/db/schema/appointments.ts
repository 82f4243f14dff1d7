import { sql } from 'drizzle-orm';
import {
  check,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { users } from './users.ts';

export const appointmentStatuses = [
  'REQUESTED',
  'APPROVED',
  'REJECTED',
  'CANCELLED',
  'TREATED',
  'NO_SHOW',
] as const;

export const appointments = pgTable(
  'appointments',
  {
    id: uuid('id').primaryKey(),
    patientId: uuid('patient_id')
      .notNull()
      .references(() => users.id),
    doctorId: uuid('doctor_id')
      .notNull()
      .references(() => users.id),
    startAt: timestamp('start_at', { withTimezone: true }).notNull(),
    endAt: timestamp('end_at', { withTimezone: true }).notNull(),
    status: text('status', { enum: appointmentStatuses }).notNull(),
    reason: text('reason'),
    doctorNote: text('doctor_note'),
    cancelReason: text('cancel_reason'),
    followUpAt: timestamp('follow_up_at', { withTimezone: true }),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    treatedAt: timestamp('treated_at', { withTimezone: true }),
  },
  (table) => [
    index('appointments_doctor_start_idx').on(table.doctorId, table.startAt, table.id),
    index('appointments_patient_start_idx').on(table.patientId, table.startAt, table.id),
    index('appointments_status_start_idx').on(table.status, table.startAt, table.id),
    index('appointments_start_idx').on(table.startAt, table.id),
    check('appointments_time_check', sql`${table.endAt} > ${table.startAt}`),
  ],
);

/** Every move of an appointment's time, kept for the record of the visit. */
export const appointmentChanges = pgTable(
  'appointment_changes',
  {
    id: uuid('id').primaryKey(),
    appointmentId: uuid('appointment_id')
      .notNull()
      .references(() => appointments.id, { onDelete: 'cascade' }),
    actorId: uuid('actor_id').references(() => users.id),
    fromStartAt: timestamp('from_start_at', { withTimezone: true }).notNull(),
    toStartAt: timestamp('to_start_at', { withTimezone: true }).notNull(),
    reason: text('reason'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [index('appointment_changes_appointment_idx').on(table.appointmentId, table.createdAt)],
);

export const consultations = pgTable('consultations', {
  id: uuid('id').primaryKey(),
  appointmentId: uuid('appointment_id')
    .notNull()
    .unique()
    .references(() => appointments.id, { onDelete: 'cascade' }),
  notes: text('notes').notNull(),
  /** The structured eye examination: acuity, refraction, pressure and findings per eye. */
  exam: jsonb('exam'),
  diagnoses: jsonb('diagnoses'),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

export const prescriptions = pgTable('prescriptions', {
  id: uuid('id').primaryKey(),
  appointmentId: uuid('appointment_id')
    .notNull()
    .unique()
    .references(() => appointments.id, { onDelete: 'cascade' }),
  notes: text('notes'),
  glasses: jsonb('glasses'),
  contactLenses: jsonb('contact_lenses'),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

export const prescriptionItems = pgTable(
  'prescription_items',
  {
    id: uuid('id').primaryKey(),
    prescriptionId: uuid('prescription_id')
      .notNull()
      .references(() => prescriptions.id, { onDelete: 'cascade' }),
    position: integer('position').notNull(),
    name: text('name').notNull(),
    dosage: text('dosage').notNull(),
    frequency: text('frequency').notNull(),
    duration: text('duration'),
    eye: text('eye', { enum: ['OD', 'OS', 'OU'] }),
    instructions: text('instructions'),
  },
  (table) => [uniqueIndex('prescription_items_position_key').on(table.prescriptionId, table.position)],
);

export const bills = pgTable(
  'bills',
  {
    id: uuid('id').primaryKey(),
    appointmentId: uuid('appointment_id')
      .notNull()
      .unique()
      .references(() => appointments.id, { onDelete: 'cascade' }),
    amountCents: integer('amount_cents').notNull(),
    currency: text('currency').notNull(),
    status: text('status', { enum: ['PENDING', 'PAID'] }).notNull(),
    method: text('method', { enum: ['CASH', 'CARD', 'INSURANCE', 'ONLINE', 'OTHER'] }),
    reference: text('reference'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    paidAt: timestamp('paid_at', { withTimezone: true }),
  },
  (table) => [
    index('bills_status_created_idx').on(table.status, table.createdAt, table.id),
    index('bills_created_idx').on(table.createdAt, table.id),
    check('bills_amount_check', sql`${table.amountCents} >= 0`),
  ],
);

/** One row per bill at most: the unique key is what makes a second payment impossible. */
export const payments = pgTable('payments', {
  id: uuid('id').primaryKey(),
  billId: uuid('bill_id')
    .notNull()
    .unique()
    .references(() => bills.id, { onDelete: 'cascade' }),
  amountCents: integer('amount_cents').notNull(),
  method: text('method', { enum: ['CASH', 'CARD', 'INSURANCE', 'ONLINE', 'OTHER'] }).notNull(),
  reference: text('reference'),
  idempotencyKey: text('idempotency_key'),
  receivedBy: uuid('received_by')
    .notNull()
    .references(() => users.id),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});
