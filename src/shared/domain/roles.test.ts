import { describe, expect, it } from 'vitest';
import {
  can,
  isStaff,
  type Permission,
  permissions,
  type Role,
  roles,
  scopeOf,
  staffRoles,
} from './roles.ts';

const P = 'PATIENT';
const D = 'DOCTOR';
const R = 'RECEPTIONIST';
const A = 'ADMIN';

/** Who may ever do what: a change here is a change to the clinic's rules, and must be deliberate. */
const expected: Record<Permission, Role[]> = {
  'appointment.request': [P, R, A],
  'appointment.book-for-patient': [R, A],
  'appointment.read': [P, D, R, A],
  'appointment.decide': [D],
  'appointment.cancel': [P, D, R, A],
  'appointment.reschedule': [P, R, A],
  'visit.record': [D],
  'bill.read': [P, D, R, A],
  'bill.pay': [R, A],
  'history.read': [P, D, R, A],
  'patient.search': [D, R, A],
  'patient.register': [R, A],
  'notification.read-own': [P, D, R, A],
  'doctor.list': [P, D, R, A],
  'schedule.edit-own': [D],
  'schedule.edit-any': [A],
  'recall.read': [D, R, A],
  'delivery.manage': [A],
  'staff.manage': [A],
  'settings.manage': [A],
  'audit.read': [A],
};

describe('the permission table', () => {
  it('lists exactly the permissions the clinic knows', () => {
    expect([...permissions].sort()).toEqual(Object.keys(expected).sort());
  });

  it.each(permissions.flatMap((permission) => roles.map((role) => ({ permission, role }))))(
    '$role may $permission only if the table says so',
    ({ permission, role }) => {
      expect(can(role, permission)).toBe(expected[permission].includes(role));
    },
  );

  it('never lets a patient pay bills, record visits, manage staff or read the audit trail', () => {
    for (const permission of ['bill.pay', 'visit.record', 'staff.manage', 'audit.read'] as const) {
      expect(can('PATIENT', permission)).toBe(false);
    }
  });
});

describe('whose records a role sees', () => {
  it('is their own for a patient, their appointments for a doctor, and everyone for the front desk and managers', () => {
    expect(scopeOf('PATIENT')).toBe('OWN_PATIENT_RECORDS');
    expect(scopeOf('DOCTOR')).toBe('OWN_DOCTOR_APPOINTMENTS');
    expect(scopeOf('RECEPTIONIST')).toBe('ALL');
    expect(scopeOf('ADMIN')).toBe('ALL');
  });

  it('counts everyone but patients as staff', () => {
    expect(roles.filter(isStaff).sort()).toEqual([...staffRoles].sort());
    expect(isStaff('PATIENT')).toBe(false);
  });
});
