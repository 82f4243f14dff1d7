import type { Role } from './roles.ts';

export const appointmentStatuses = [
  'REQUESTED',
  'APPROVED',
  'REJECTED',
  'CANCELLED',
  'TREATED',
  'NO_SHOW',
] as const;
export type AppointmentStatus = (typeof appointmentStatuses)[number];

export const appointmentActions = ['approve', 'reject', 'cancel', 'no-show', 'treat'] as const;
export type AppointmentAction = (typeof appointmentActions)[number];

/** Statuses that hold the doctor's time: the no-double-booking constraint covers exactly these. */
export const liveStatuses = ['REQUESTED', 'APPROVED'] as const satisfies readonly AppointmentStatus[];

export type NotificationType =
  | 'APPROVAL'
  | 'REJECTION'
  | 'REMINDER'
  | 'COMPLETION'
  | 'CANCELLATION'
  | 'NO_SHOW'
  | 'RESCHEDULE'
  | 'VISIT_REMINDER'
  | 'RECALL';

/** A condition on time or on the bill that the action also needs, checked by the service. */
export type Guard = 'BEFORE_START' | 'BEFORE_CUTOFF' | 'AFTER_START' | 'BILL_PAID';

export type Transition = {
  from: AppointmentStatus;
  action: AppointmentAction;
  to: AppointmentStatus;
  /** Roles that may take the action; a doctor only on their own appointments, a patient on their own. */
  roles: readonly Role[];
  /** Guards that apply to some roles only (a patient cancels only before the visit starts). */
  guards?: readonly { guard: Guard; roles: readonly Role[] }[];
  notify?: NotificationType;
};

const everyone: readonly Role[] = ['PATIENT', 'DOCTOR', 'RECEPTIONIST', 'ADMIN'];

export const transitions: readonly Transition[] = [
  { from: 'REQUESTED', action: 'approve', to: 'APPROVED', roles: ['DOCTOR'], notify: 'APPROVAL' },
  { from: 'REQUESTED', action: 'reject', to: 'REJECTED', roles: ['DOCTOR'], notify: 'REJECTION' },
  {
    from: 'REQUESTED',
    action: 'cancel',
    to: 'CANCELLED',
    roles: everyone,
    guards: [{ guard: 'BEFORE_START', roles: ['PATIENT'] }],
    notify: 'CANCELLATION',
  },
  {
    from: 'APPROVED',
    action: 'cancel',
    to: 'CANCELLED',
    roles: everyone,
    guards: [
      { guard: 'BEFORE_START', roles: ['PATIENT'] },
      { guard: 'BEFORE_CUTOFF', roles: ['PATIENT'] },
    ],
    notify: 'CANCELLATION',
  },
  {
    from: 'APPROVED',
    action: 'no-show',
    to: 'NO_SHOW',
    roles: ['DOCTOR'],
    guards: [{ guard: 'AFTER_START', roles: ['DOCTOR'] }],
    notify: 'NO_SHOW',
  },
  {
    from: 'APPROVED',
    action: 'treat',
    to: 'TREATED',
    roles: ['DOCTOR'],
    guards: [{ guard: 'BILL_PAID', roles: ['DOCTOR'] }],
    notify: 'COMPLETION',
  },
];

export function findTransition(from: AppointmentStatus, action: AppointmentAction): Transition | undefined {
  return transitions.find((transition) => transition.from === from && transition.action === action);
}

/** Guards the role must satisfy for this transition. */
export function guardsFor(transition: Transition, role: Role): Guard[] {
  return (transition.guards ?? []).filter((entry) => entry.roles.includes(role)).map((entry) => entry.guard);
}

/** The actions a role may offer on an appointment in this status (the web app draws its buttons from this). */
export function availableActions(status: AppointmentStatus, role: Role): AppointmentAction[] {
  return transitions.filter((t) => t.from === status && t.roles.includes(role)).map((t) => t.action);
}

/** Consultation, prescription and bill can be written only while the visit is approved and not yet closed. */
export function canRecordVisit(status: AppointmentStatus): boolean {
  return status === 'APPROVED';
}

/**
 * Overdue: a request whose start has passed unanswered, or an approved visit
 * whose day (in the clinic's zone) ended without treatment.
 */
export function isOverdue(
  appointment: { status: AppointmentStatus; startAt: Date },
  now: Date,
  startOfClinicToday: Date,
): boolean {
  if (appointment.status === 'REQUESTED') return appointment.startAt.getTime() < now.getTime();
  if (appointment.status === 'APPROVED') return appointment.startAt.getTime() < startOfClinicToday.getTime();
  return false;
}
