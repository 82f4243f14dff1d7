import { z } from 'zod';
import { roles } from '../domain/roles.ts';
import { id, text } from './common.ts';

export const email = z.string().trim().toLowerCase().pipe(z.email().max(254));
export const password = z.string().min(8, 'at least 8 characters').max(128, 'at most 128 characters');
/** E.164: a plus, the country code and the number, no spaces. */
export const phone = z
  .string()
  .trim()
  .regex(/^\+[1-9]\d{6,14}$/, 'use international format, e.g. +14155550123');
export const sex = z.enum(['FEMALE', 'MALE', 'OTHER', 'UNDISCLOSED']);
export const dateOfBirth = z.iso.date();

export const registerBody = z.strictObject({
  name: text(200).pipe(z.string().min(1, 'required')),
  email,
  password,
  phone: phone.optional(),
  dateOfBirth: dateOfBirth.optional(),
  sex: sex.optional(),
});

export const loginBody = z.strictObject({
  email: z.string().trim().toLowerCase().max(254),
  password: z.string().max(1024),
});

export const changePasswordBody = z.strictObject({
  currentPassword: z.string().max(1024),
  newPassword: password,
});

export const patientProfile = z.object({
  dateOfBirth: z.string().nullable(),
  sex: sex.nullable(),
  address: z.string().nullable(),
  notifyByEmail: z.boolean(),
  notifyBySms: z.boolean(),
  remindersOptOut: z.boolean(),
});

export const user = z.object({
  id,
  name: z.string(),
  email: z.string(),
  role: z.enum(roles),
  phone: z.string().nullable(),
  specialty: z.string().nullable(),
  disabled: z.boolean(),
  createdAt: z.string(),
  patient: patientProfile.optional(),
});
export type User = z.infer<typeof user>;

export const tokenResponse = z.object({
  accessToken: z.string(),
  tokenType: z.literal('Bearer'),
  expiresIn: z.number().int(),
  user,
});

export const updateProfileBody = z.strictObject({
  name: text(200).pipe(z.string().min(1)).optional(),
  phone: phone.nullable().optional(),
  dateOfBirth: dateOfBirth.nullable().optional(),
  sex: sex.nullable().optional(),
  address: text(500).nullable().optional(),
  notifyByEmail: z.boolean().optional(),
  notifyBySms: z.boolean().optional(),
  remindersOptOut: z.boolean().optional(),
});
