import { describe, expect, it } from 'vitest';
import {
  type AppointmentAction,
  type AppointmentStatus,
  appointmentActions,
  appointmentStatuses,
  availableActions,
  canRecordVisit,
  findTransition,
  type Guard,
  guardsFor,
  isOverdue,
  liveStatuses,
  type NotificationType,
} from './appointment-states.ts';
import { type Role, roles } from './roles.ts';

type Expected = {
  to: AppointmentStatus;
  roles: Role[];
  guards: Partial<Record<Role, Guard[]>>;
  notify: NotificationType;
};

const everyone: Role[] = ['PATIENT', 'DOCTOR', 'RECEPTIONIST', 'ADMIN'];

/** The contract's diagram, written out: every pair not listed here must not exist. */
const expected: Partial<Record<`${AppointmentStatus} ${AppointmentAction}`, Expected>> = {
  'REQUESTED approve': { to: 'APPROVED', roles: ['DOCTOR'], guards: {}, notify: 'APPROVAL' },
  'REQUESTED reject': { to: 'REJECTED', roles: ['DOCTOR'], guards: {}, notify: 'REJECTION' },
  'REQUESTED cancel': {
    to: 'CANCELLED',
    roles: everyone,
    guards: { PATIENT: ['BEFORE_START'] },
    notify: 'CANCELLATION',
  },
  'APPROVED cancel': {
    to: 'CANCELLED',
    roles: everyone,
    guards: { PATIENT: ['BEFORE_START', 'BEFORE_CUTOFF'] },
    notify: 'CANCELLATION',
  },
  'APPROVED no-show': {
    to: 'NO_SHOW',
    roles: ['DOCTOR'],
    guards: { DOCTOR: ['AFTER_START'] },
    notify: 'NO_SHOW',
  },
  'APPROVED treat': {
    to: 'TREATED',
    roles: ['DOCTOR'],
    guards: { DOCTOR: ['BILL_PAID'] },
    notify: 'COMPLETION',
  },
};

const pairs = appointmentStatuses.flatMap((status) =>
  appointmentActions.map((action) => ({ status, action, rule: expected[`${status} ${action}`] })),
);

describe('the appointment state machine', () => {
  it('covers every status and action of the contract', () => {
    expect([...appointmentStatuses].sort()).toEqual(
      ['APPROVED', 'CANCELLED', 'NO_SHOW', 'REJECTED', 'REQUESTED', 'TREATED'].sort(),
    );
    expect([...appointmentActions].sort()).toEqual(['approve', 'cancel', 'no-show', 'reject', 'treat']);
    expect(pairs).toHaveLength(30);
  });

  it.each(pairs.filter((pair) => !pair.rule))(
    'a $status appointment cannot be sent $action',
    ({ status, action }) => {
      expect(findTransition(status, action)).toBeUndefined();
    },
  );

  it.each(pairs.filter((pair) => pair.rule))(
    '$action takes a $status appointment to its next state, for the right roles only',
    ({ status, action, rule }) => {
      const transition = findTransition(status, action);
      if (!rule || !transition) throw new Error(`missing transition ${status} ${action}`);
      expect(transition.to).toBe(rule.to);
      expect([...transition.roles].sort()).toEqual([...rule.roles].sort());
      expect(transition.notify).toBe(rule.notify);
      for (const role of roles) {
        expect(guardsFor(transition, role), `guards of ${role}`).toEqual(rule.guards[role] ?? []);
      }
    },
  );

  it('leaves terminal states without any way out', () => {
    for (const status of ['REJECTED', 'CANCELLED', 'TREATED', 'NO_SHOW'] as const) {
      for (const role of roles) expect(availableActions(status, role)).toEqual([]);
    }
  });

  it.each([
    ['REQUESTED', 'DOCTOR', ['approve', 'reject', 'cancel']],
    ['REQUESTED', 'PATIENT', ['cancel']],
    ['REQUESTED', 'RECEPTIONIST', ['cancel']],
    ['REQUESTED', 'ADMIN', ['cancel']],
    ['APPROVED', 'DOCTOR', ['cancel', 'no-show', 'treat']],
    ['APPROVED', 'PATIENT', ['cancel']],
    ['APPROVED', 'RECEPTIONIST', ['cancel']],
    ['APPROVED', 'ADMIN', ['cancel']],
  ] as const)('offers a %s appointment to a %s the buttons %j', (status, role, actions) => {
    expect([...availableActions(status, role)].sort()).toEqual([...actions].sort());
  });

  it('holds the doctor time only while requested or approved', () => {
    expect([...liveStatuses].sort()).toEqual(['APPROVED', 'REQUESTED']);
  });

  it('lets the visit be recorded only while it is approved', () => {
    for (const status of appointmentStatuses) expect(canRecordVisit(status)).toBe(status === 'APPROVED');
  });
});

describe('an overdue appointment', () => {
  const now = new Date('2026-12-09T12:00:00.000Z');
  const startOfToday = new Date('2026-12-09T00:00:00.000Z');
  const at = (iso: string) => new Date(iso);

  it('is a request whose start has passed unanswered', () => {
    expect(
      isOverdue({ status: 'REQUESTED', startAt: at('2026-12-09T11:59:59.999Z') }, now, startOfToday),
    ).toBe(true);
    expect(isOverdue({ status: 'REQUESTED', startAt: now }, now, startOfToday)).toBe(false);
    expect(
      isOverdue({ status: 'REQUESTED', startAt: at('2026-12-09T13:00:00.000Z') }, now, startOfToday),
    ).toBe(false);
  });

  it('is an approved visit from a past clinic day, not one from earlier today', () => {
    expect(
      isOverdue({ status: 'APPROVED', startAt: at('2026-12-08T23:59:00.000Z') }, now, startOfToday),
    ).toBe(true);
    expect(
      isOverdue({ status: 'APPROVED', startAt: at('2026-12-09T09:00:00.000Z') }, now, startOfToday),
    ).toBe(false);
    expect(
      isOverdue({ status: 'APPROVED', startAt: at('2026-12-10T09:00:00.000Z') }, now, startOfToday),
    ).toBe(false);
  });

  it('is never a closed visit, however old', () => {
    for (const status of ['REJECTED', 'CANCELLED', 'TREATED', 'NO_SHOW'] as const) {
      expect(isOverdue({ status, startAt: at('2020-01-01T09:00:00.000Z') }, now, startOfToday)).toBe(false);
    }
  });
});
