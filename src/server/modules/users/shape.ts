import type { User } from '../../../shared/schemas/auth.ts';
import type { UserWithProfile } from './repository.ts';

/** The user as the API shows it: never the password hash or lockout counters. */
export function shapeUser(row: UserWithProfile): User {
  return {
    id: row.id,
    name: row.name,
    email: row.email,
    role: row.role,
    phone: row.phone,
    specialty: row.specialty,
    disabled: row.disabledAt !== null,
    createdAt: row.createdAt.toISOString(),
    ...(row.patient
      ? {
          patient: {
            dateOfBirth: row.patient.dateOfBirth,
            sex: row.patient.sex,
            address: row.patient.address,
            notifyByEmail: row.patient.notifyByEmail,
            notifyBySms: row.patient.notifyBySms,
            remindersOptOut: row.patient.remindersOptOut,
          },
        }
      : {}),
  };
}
