import { z } from 'zod';
import { appointmentStatuses } from '../domain/appointment-states.ts';
import { appointment } from './appointments.ts';
import { id, pageQuery, personRef, text, timestamp } from './common.ts';

export const maxSlotSearchDays = 31;

const clockTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'a time as HH:MM');
const workingRange = z
  .tuple([clockTime, clockTime])
  .refine(([from, to]) => from < to, 'a working range must end after it starts');
const isoWeekday = z.enum(['1', '2', '3', '4', '5', '6', '7']);

export const weeklyHours = z.partialRecord(
  isoWeekday,
  z
    .array(workingRange)
    .max(8)
    .refine((ranges) => {
      const sorted = [...ranges].sort((a, b) => a[0].localeCompare(b[0]));
      return sorted.every((range, index) => index === 0 || (sorted[index - 1]?.[1] ?? '') <= range[0]);
    }, 'working ranges of one day must not overlap'),
);

export const scheduleBody = z.strictObject({
  slotMinutes: z.number().int().min(5).max(240),
  weeklyHours,
});

export const doctorSchedule = z.object({
  doctorId: id,
  slotMinutes: z.number().int(),
  weeklyHours,
  timezone: z.string(),
  /** True while the doctor still works the clinic's default week. */
  isDefault: z.boolean(),
  updatedAt: timestamp.nullable(),
});
export type DoctorSchedule = z.infer<typeof doctorSchedule>;

export const doctorParams = z.strictObject({ id });
export const timeOffParams = z.strictObject({ id, timeOffId: id });

export const timeOffBody = z
  .strictObject({ startAt: timestamp, endAt: timestamp, reason: text(500).optional() })
  .refine((body) => new Date(body.endAt) > new Date(body.startAt), {
    path: ['endAt'],
    message: 'time off must end after it starts',
  });

export const timeOff = z.object({
  id,
  doctorId: id,
  startAt: timestamp,
  endAt: timestamp,
  reason: z.string().nullable(),
  createdAt: timestamp,
});
export type TimeOff = z.infer<typeof timeOff>;

export const timeOffQuery = pageQuery.extend({ from: timestamp.optional(), to: timestamp.optional() });

const isoDate = z.iso.date();

export const slotsQuery = z
  .object({ date: isoDate.optional(), from: isoDate.optional(), to: isoDate.optional() })
  .superRefine((query, issues) => {
    if (query.date) {
      if (query.from || query.to)
        issues.addIssue({ code: 'custom', path: ['date'], message: 'give either date or from and to' });
      return;
    }
    if (!query.from || !query.to) {
      issues.addIssue({ code: 'custom', path: ['date'], message: 'give a date, or from and to' });
      return;
    }
    const days = (Date.parse(query.to) - Date.parse(query.from)) / 86_400_000;
    if (days < 0) issues.addIssue({ code: 'custom', path: ['to'], message: 'to must not be before from' });
    if (days >= maxSlotSearchDays)
      issues.addIssue({ code: 'custom', path: ['to'], message: `at most ${maxSlotSearchDays} days at once` });
  });

export const slot = z.object({ startAt: timestamp, endAt: timestamp });
export type Slot = z.infer<typeof slot>;
export const slotsResponse = z.object({ items: z.array(slot), timezone: z.string() });

export const schedulingSettings = z.object({
  minimumNoticeMinutes: z.number().int().min(0).max(10_080),
  bookingHorizonDays: z.number().int().min(1).max(730),
  patientChangeCutoffHours: z.number().int().min(0).max(720),
  reminderOffsetsHours: z
    .array(z.number().int().min(1).max(720))
    .max(5)
    .refine((offsets) => new Set(offsets).size === offsets.length, 'each offset once'),
});
export const schedulingSettingsBody = schedulingSettings.partial().strict();

export const dayQuery = z.object({ date: isoDate, doctorId: id.optional() });

const dayAppointment = z.object({
  id,
  status: z.enum(appointmentStatuses),
  startAt: timestamp,
  endAt: timestamp,
  reason: z.string().nullable(),
  patient: personRef.extend({ initials: z.string() }),
});

export const dayColumn = z.object({
  doctor: personRef,
  slotMinutes: z.number().int(),
  workingHours: z.array(slot),
  timeOff: z.array(timeOff),
  appointments: z.array(dayAppointment),
  freeSlots: z.array(slot),
});
export const dayView = z.object({ date: z.string(), timezone: z.string(), doctors: z.array(dayColumn) });
export type DayView = z.infer<typeof dayView>;

export const followUpItem = appointment.extend({ followUp: z.enum(['OVERDUE_REQUEST', 'UNCONFIRMED']) });

export const recallStatuses = ['DUE', 'BOOKED', 'DISMISSED'] as const;
export const recallsQuery = pageQuery.extend({
  status: z.enum(recallStatuses).default('DUE'),
  doctorId: id.optional(),
});
export const recall = z.object({
  id,
  patient: personRef,
  doctor: personRef,
  sourceAppointmentId: id,
  bookedAppointmentId: id.nullable(),
  dueAt: timestamp,
  status: z.enum(recallStatuses),
  overdue: z.boolean(),
  createdAt: timestamp,
});
export type Recall = z.infer<typeof recall>;

export const appointmentChange = z.object({
  id,
  appointmentId: id,
  actor: personRef.nullable(),
  fromStartAt: timestamp,
  toStartAt: timestamp,
  reason: z.string().nullable(),
  createdAt: timestamp,
});

export const calendarLink = z.object({ url: z.string() });
export const calendarParams = z.strictObject({ file: z.string().regex(/^[A-Za-z0-9_-]{20,100}\.ics$/) });
