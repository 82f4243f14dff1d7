import { z } from 'zod';
import { appointmentStatuses } from '../domain/appointment-states.ts';
import { maxBillCents } from '../domain/money.ts';
import { contactLensPrescription, eyeExam, eyes, glassesPrescription } from '../domain/ophthalmic.ts';
import { csvOf, id, optionalTimestamp, pageQuery, personRef, text, timestamp } from './common.ts';

export const requestAppointmentBody = z.strictObject({
  doctorId: id,
  startAt: timestamp,
  reason: text(2000).optional(),
  patientId: id.optional(),
});

export const appointmentsQuery = pageQuery.extend({
  status: csvOf([...appointmentStatuses]).optional(),
  from: timestamp.optional(),
  to: timestamp.optional(),
  doctorId: id.optional(),
  patientId: id.optional(),
  overdue: z.enum(['true', 'false']).optional(),
  order: z.enum(['asc', 'desc']).optional(),
});

export const rejectBody = z.strictObject({
  note: text(2000).pipe(z.string().min(1, 'a note for the patient is required')),
});
export const cancelBody = z.strictObject({ reason: text(2000).optional() }).nullish();
export const treatBody = z
  .strictObject({ followUpMonths: z.number().int().min(0).max(60).optional() })
  .nullish();
export const rescheduleBody = z.strictObject({ startAt: timestamp, reason: text(2000).optional() });

export const diagnosis = z.strictObject({
  code: z.string().regex(/^H\d{2}(\.\d{1,2})?$/),
  label: text(200),
  eye: z.enum(eyes).optional(),
});

export const consultationBody = z.strictObject({
  notes: text(20000).pipe(z.string().min(1, 'required')),
  exam: eyeExam.optional(),
  diagnoses: z.array(diagnosis).max(20).optional(),
});
export const consultation = z.object({
  id,
  appointmentId: id,
  notes: z.string(),
  exam: eyeExam.nullable(),
  diagnoses: z.array(diagnosis).nullable(),
  createdAt: timestamp,
  updatedAt: timestamp,
});

export const medication = z.strictObject({
  name: text(200).pipe(z.string().min(1, 'required')),
  dosage: text(200).pipe(z.string().min(1, 'required')),
  frequency: text(200).pipe(z.string().min(1, 'required')),
  duration: text(200).optional(),
  eye: z.enum(eyes).optional(),
  instructions: text(2000).optional(),
});

/** At least one medication, unless the prescription is for glasses or contact lenses only. */
export const prescriptionBody = z
  .strictObject({
    medications: z.array(medication).max(50),
    notes: text(5000).optional(),
    glasses: glassesPrescription.optional(),
    contactLenses: contactLensPrescription.optional(),
  })
  .refine(
    (body) => body.medications.length > 0 || body.glasses !== undefined || body.contactLenses !== undefined,
    {
      path: ['medications'],
      message: 'at least one medication, or a glasses or contact lens prescription',
    },
  );
export const prescription = z.object({
  id,
  appointmentId: id,
  medications: z.array(
    z.object({
      name: z.string(),
      dosage: z.string(),
      frequency: z.string(),
      duration: z.string().nullable(),
      eye: z.enum(eyes).nullable(),
      instructions: z.string().nullable(),
    }),
  ),
  notes: z.string().nullable(),
  glasses: glassesPrescription.nullable(),
  contactLenses: contactLensPrescription.nullable(),
  createdAt: timestamp,
  updatedAt: timestamp,
});
export type Prescription = z.infer<typeof prescription>;

export const billBody = z.strictObject({ amountCents: z.number().int().min(0).max(maxBillCents) });
export const paymentMethods = ['CASH', 'CARD', 'INSURANCE', 'ONLINE', 'OTHER'] as const;

export const appointmentBill = z.object({
  id,
  appointmentId: id,
  amountCents: z.number().int(),
  currency: z.string(),
  status: z.enum(['PENDING', 'PAID']),
  method: z.enum(paymentMethods).nullable(),
  reference: z.string().nullable(),
  createdAt: timestamp,
  paidAt: optionalTimestamp,
});

export const appointment = z.object({
  id,
  patientId: id,
  doctorId: id,
  patient: personRef,
  doctor: personRef,
  startAt: timestamp,
  endAt: timestamp,
  status: z.enum(appointmentStatuses),
  reason: z.string().nullable(),
  doctorNote: z.string().nullable(),
  cancelReason: z.string().nullable(),
  createdAt: timestamp,
  updatedAt: timestamp,
  treatedAt: optionalTimestamp,
  followUpAt: optionalTimestamp,
  overdue: z.boolean(),
  consultation: consultation.nullable().optional(),
  prescription: prescription.nullable().optional(),
  bill: appointmentBill.nullable().optional(),
});
export type Appointment = z.infer<typeof appointment>;
