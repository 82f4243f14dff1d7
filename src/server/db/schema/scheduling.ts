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
import { appointments } from './appointments.ts';
import { users } from './users.ts';

/** Weekly hours as { "1": [["09:00","12:00"],["13:00","17:00"]], … } keyed by ISO weekday (1 = Monday). */
export type WeeklyHours = Partial<Record<string, [string, string][]>>;

export const doctorSchedules = pgTable(
  'doctor_schedules',
  {
    doctorId: uuid('doctor_id')
      .primaryKey()
      .references(() => users.id, { onDelete: 'cascade' }),
    slotMinutes: integer('slot_minutes').notNull().default(20),
    weeklyHours: jsonb('weekly_hours').$type<WeeklyHours>().notNull(),
    /** SHA-256 of the doctor's private feed token; the token itself is shown once and never stored. */
    calendarToken: text('calendar_token'),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [uniqueIndex('doctor_schedules_calendar_token_key').on(table.calendarToken)],
);

export const timeOff = pgTable(
  'time_off',
  {
    id: uuid('id').primaryKey(),
    doctorId: uuid('doctor_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    startAt: timestamp('start_at', { withTimezone: true }).notNull(),
    endAt: timestamp('end_at', { withTimezone: true }).notNull(),
    reason: text('reason'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    index('time_off_doctor_start_idx').on(table.doctorId, table.startAt),
    check('time_off_time_check', sql`${table.endAt} > ${table.startAt}`),
  ],
);

export const recalls = pgTable(
  'recalls',
  {
    id: uuid('id').primaryKey(),
    patientId: uuid('patient_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    doctorId: uuid('doctor_id')
      .notNull()
      .references(() => users.id),
    sourceAppointmentId: uuid('source_appointment_id')
      .notNull()
      .references(() => appointments.id),
    dueAt: timestamp('due_at', { withTimezone: true }).notNull(),
    status: text('status', { enum: ['DUE', 'BOOKED', 'DISMISSED'] })
      .notNull()
      .default('DUE'),
    bookedAppointmentId: uuid('booked_appointment_id').references(() => appointments.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    index('recalls_status_due_idx').on(table.status, table.dueAt, table.id),
    index('recalls_doctor_status_due_idx').on(table.doctorId, table.status, table.dueAt, table.id),
    index('recalls_patient_doctor_idx').on(table.patientId, table.doctorId, table.status),
  ],
);

export const scheduledNoticeTypes = ['VISIT_REMINDER', 'RECALL'] as const;

/**
 * A message to the patient that must not exist before its time (a visit reminder, a recall):
 * the due-jobs runner turns it into a notification and its deliveries when it falls due.
 */
export const scheduledNotices = pgTable(
  'scheduled_notices',
  {
    id: uuid('id').primaryKey(),
    type: text('type', { enum: scheduledNoticeTypes }).notNull(),
    patientId: uuid('patient_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    appointmentId: uuid('appointment_id')
      .notNull()
      .references(() => appointments.id, { onDelete: 'cascade' }),
    recallId: uuid('recall_id').references(() => recalls.id, { onDelete: 'cascade' }),
    dueAt: timestamp('due_at', { withTimezone: true }).notNull(),
    status: text('status', { enum: ['PENDING', 'SENT', 'CANCELLED'] })
      .notNull()
      .default('PENDING'),
    notificationId: uuid('notification_id'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    index('scheduled_notices_status_due_idx').on(table.status, table.dueAt),
    index('scheduled_notices_appointment_idx').on(table.appointmentId),
    index('scheduled_notices_recall_idx').on(table.recallId),
  ],
);
