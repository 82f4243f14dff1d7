export const roles = ['ADMIN', 'DOCTOR', 'RECEPTIONIST', 'PATIENT'] as const;
export type Role = (typeof roles)[number];
export const staffRoles = ['ADMIN', 'DOCTOR', 'RECEPTIONIST'] as const satisfies readonly Role[];

/** What each role may ever do. Whose records it may do it to is `scopeOf`. */
const permissionTable = {
  'appointment.request': ['PATIENT', 'RECEPTIONIST', 'ADMIN'],
  'appointment.book-for-patient': ['RECEPTIONIST', 'ADMIN'],
  'appointment.read': ['PATIENT', 'DOCTOR', 'RECEPTIONIST', 'ADMIN'],
  'appointment.decide': ['DOCTOR'],
  'appointment.cancel': ['PATIENT', 'DOCTOR', 'RECEPTIONIST', 'ADMIN'],
  'appointment.reschedule': ['PATIENT', 'RECEPTIONIST', 'ADMIN'],
  'visit.record': ['DOCTOR'],
  'bill.read': ['PATIENT', 'DOCTOR', 'RECEPTIONIST', 'ADMIN'],
  'bill.pay': ['RECEPTIONIST', 'ADMIN'],
  'history.read': ['PATIENT', 'DOCTOR', 'RECEPTIONIST', 'ADMIN'],
  'patient.search': ['DOCTOR', 'RECEPTIONIST', 'ADMIN'],
  'patient.register': ['RECEPTIONIST', 'ADMIN'],
  'notification.read-own': ['PATIENT', 'DOCTOR', 'RECEPTIONIST', 'ADMIN'],
  'doctor.list': ['PATIENT', 'DOCTOR', 'RECEPTIONIST', 'ADMIN'],
  'schedule.edit-own': ['DOCTOR'],
  'schedule.edit-any': ['ADMIN'],
  'recall.read': ['RECEPTIONIST', 'ADMIN', 'DOCTOR'],
  'delivery.manage': ['ADMIN'],
  'staff.manage': ['ADMIN'],
  'settings.manage': ['ADMIN'],
  'audit.read': ['ADMIN'],
} as const satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof permissionTable;
export const permissions = Object.keys(permissionTable) as Permission[];

export function can(role: Role, permission: Permission): boolean {
  return (permissionTable[permission] as readonly Role[]).includes(role);
}

/**
 * Whose records a role sees: a patient only their own, a doctor the appointments
 * they hold (and those patients' history), the front desk and the manager everyone's.
 */
export type Scope = 'OWN_PATIENT_RECORDS' | 'OWN_DOCTOR_APPOINTMENTS' | 'ALL';

export function scopeOf(role: Role): Scope {
  if (role === 'PATIENT') return 'OWN_PATIENT_RECORDS';
  if (role === 'DOCTOR') return 'OWN_DOCTOR_APPOINTMENTS';
  return 'ALL';
}

export function isStaff(role: Role): boolean {
  return role !== 'PATIENT';
}
