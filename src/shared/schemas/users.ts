import { z } from 'zod';
import { email, password, phone } from './auth.ts';
import { id, pageQuery, text } from './common.ts';

export const createStaffBody = z.strictObject({
  name: text(200).pipe(z.string().min(1, 'required')),
  email,
  password,
  role: z.enum(['DOCTOR', 'RECEPTIONIST', 'ADMIN']),
  phone: phone.optional(),
  specialty: text(200).optional(),
});

export const updateUserBody = z.strictObject({
  name: text(200).pipe(z.string().min(1)).optional(),
  phone: phone.nullable().optional(),
  specialty: text(200).nullable().optional(),
  disabled: z.boolean().optional(),
});

export const resetPasswordBody = z.strictObject({ password });

export const usersQuery = pageQuery.extend({
  role: z.enum(['ADMIN', 'DOCTOR', 'RECEPTIONIST', 'PATIENT']).optional(),
  q: z.string().trim().max(200).optional(),
});

export const doctor = z.object({ id, name: z.string(), specialty: z.string().nullable() });
export const registerPatientBody = z.strictObject({
  name: text(200).pipe(z.string().min(1, 'required')),
  email,
  phone: phone.optional(),
  dateOfBirth: z.iso.date().optional(),
  sex: z.enum(['FEMALE', 'MALE', 'OTHER', 'UNDISCLOSED']).optional(),
});
