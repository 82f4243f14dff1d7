import type { AppointmentStatus } from '../../shared/domain/appointment-states.ts';

/** How each status reads to a person, and the tone of its badge. */
export const statusWords: Record<
  AppointmentStatus,
  { label: string; tone: 'info' | 'ok' | 'warn' | 'danger' | 'muted' }
> = {
  REQUESTED: { label: 'Waiting for the doctor to confirm', tone: 'info' },
  APPROVED: { label: 'Confirmed', tone: 'ok' },
  REJECTED: { label: 'Declined by the doctor', tone: 'danger' },
  CANCELLED: { label: 'Cancelled', tone: 'muted' },
  TREATED: { label: 'Visit completed', tone: 'ok' },
  NO_SHOW: { label: 'Missed', tone: 'warn' },
};

export const roleWords = {
  PATIENT: 'Patient',
  DOCTOR: 'Doctor',
  RECEPTIONIST: 'Front desk',
  ADMIN: 'Clinic manager',
} as const;

export const paymentMethodWords = {
  CASH: 'Cash',
  CARD: 'Card',
  INSURANCE: 'Insurance',
  ONLINE: 'Online',
  OTHER: 'Other',
} as const;
