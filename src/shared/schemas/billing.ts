import { z } from 'zod';
import { appointmentBill, paymentMethods, prescription } from './appointments.ts';
import { pageQuery, personRef, text, timestamp } from './common.ts';

export const billsQuery = pageQuery.extend({
  status: z.enum(['PENDING', 'PAID']).optional(),
  q: z.string().trim().max(200).optional(),
});

export const payBody = z.strictObject({ method: z.enum(paymentMethods), reference: text(200).optional() });

export const bill = appointmentBill.extend({
  patient: personRef,
  doctor: personRef,
  appointmentStartAt: timestamp,
  prescription: prescription.nullable(),
});
export type Bill = z.infer<typeof bill>;
