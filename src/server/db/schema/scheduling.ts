import { index, integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { appointments } from './appointments.ts';
import { users } from './users.ts';

/** Weekly hours as { "1": [["09:00","12:00"],["13:00","17:00"]], … } keyed by ISO weekday (1 = Monday). */
export type WeeklyHours = Record<string, [string, string][]>;

export const doctorSchedules = pgTable('doctor_schedules', {
  doctorId: uuid('doctor_id')
    .primaryKey()
    .references(() => users.id, { onDelete: 'cascade' }),
  slotMinutes: integer('slot_minutes').notNull().default(20),
  weeklyHours: jsonb('weekly_hours').$type<WeeklyHours>().notNull(),
  calendarToken: text('calendar_token'),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

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
  (table) => [index('time_off_doctor_start_idx').on(table.doctorId, table.startAt)],
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
  (table) => [index('recalls_status_due_idx').on(table.status, table.dueAt, table.id)],
);
