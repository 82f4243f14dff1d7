import { DateTime } from 'luxon';
import {
  type AppointmentAction,
  findTransition,
  type Guard,
  guardsFor,
  transitions,
} from '../../../shared/domain/appointment-states.ts';
import { AppError } from '../../../shared/domain/errors.ts';
import type { RequestContext } from '../../context.ts';
import type { Executor } from '../../db/client.ts';
import { audit } from '../audit/service.ts';
import { publishEvent } from '../events/publish.ts';
import { notifyPatient } from '../notifications/service.ts';
import { beforePatientCutoff } from '../scheduling/booking-rules.ts';
import { onAppointmentTransition } from '../scheduling/transition-hooks.ts';
import { loadVisibleAppointment } from './access.ts';
import { getAppointment } from './queries.ts';
import { type AppointmentRow, findBills, updateStatus } from './repository.ts';

export type TransitionInput = {
  note?: string | undefined;
  reason?: string | undefined;
  followUpMonths?: number | undefined;
};

const guardMessages: Record<Guard, string> = {
  BEFORE_START: 'This can only be done before the appointment starts',
  BEFORE_CUTOFF:
    'It is too late to cancel online: confirmed visits can be changed only up to the clinic’s cut-off before they start; please call the clinic',
  AFTER_START: 'This can only be done once the appointment time has begun',
  BILL_PAID: 'The bill must be paid before the patient is marked treated',
};

/**
 * Moves an appointment along the state machine: one conditional update, and in the same
 * transaction the patient's notification and deliveries, the audit row and the live event.
 */
export async function transitionAppointment(
  ctx: RequestContext,
  id: string,
  action: AppointmentAction,
  input: TransitionInput = {},
) {
  if (!transitions.some((t) => t.action === action && t.roles.includes(ctx.actor.role))) {
    throw new AppError('FORBIDDEN', `Your role may not ${action} appointments`);
  }
  const row = await loadVisibleAppointment(ctx, id, { action: `appointment.${action}` });
  const transition = findTransition(row.status, action);
  if (!transition?.roles.includes(ctx.actor.role)) {
    throw new AppError(
      'INVALID_TRANSITION',
      `A ${row.status.toLowerCase()} appointment cannot be ${pastTense(action)}`,
    );
  }
  const now = ctx.clock.now();
  for (const guard of guardsFor(transition, ctx.actor.role)) {
    if (!(await guardHolds(ctx, guard, row, now)))
      throw new AppError('INVALID_TRANSITION', guardMessages[guard]);
  }

  await ctx.db.transaction(async (tx) => {
    const followUpAt =
      action === 'treat' && input.followUpMonths
        ? DateTime.fromJSDate(now, { zone: ctx.config.timezone })
            .plus({ months: input.followUpMonths })
            .toJSDate()
        : undefined;
    const changed = await updateStatus(tx, id, row.status, {
      status: transition.to,
      updatedAt: now,
      ...(action === 'reject' ? { doctorNote: input.note ?? null } : {}),
      ...(action === 'cancel' ? { cancelReason: input.reason ?? null } : {}),
      ...(action === 'treat' ? { treatedAt: now, followUpAt: followUpAt ?? null } : {}),
    });
    if (!changed)
      throw new AppError('INVALID_TRANSITION', 'The appointment changed meanwhile; reload and try again');
    await notifyOfTransition(ctx, tx, row, transition.notify, input);
    await onAppointmentTransition(ctx, tx, { appointment: row, to: transition.to, followUpAt });
    await audit(
      ctx,
      {
        action: `appointment.${action}`,
        resourceType: 'appointment',
        resourceId: id,
        patientId: row.patientId,
      },
      tx,
    );
    await publishEvent(tx, {
      type: 'appointment.updated',
      id,
      patientId: row.patientId,
      doctorId: row.doctorId,
      staff: true,
    });
  });
  return getAppointment(ctx, id, { audited: true });
}

async function notifyOfTransition(
  ctx: RequestContext,
  tx: Executor,
  row: AppointmentRow,
  type: (typeof transitions)[number]['notify'],
  input: TransitionInput,
) {
  // A patient who cancels their own visit knows already; everyone else's change reaches them.
  if (!type || (type === 'CANCELLATION' && ctx.actor.id === row.patientId)) return;
  await notifyPatient(ctx, tx, {
    patientId: row.patientId,
    appointmentId: row.id,
    type,
    facts: { doctorName: row.doctorName, startAt: row.startAt, note: input.note ?? input.reason },
  });
}

async function guardHolds(
  ctx: RequestContext,
  guard: Guard,
  row: AppointmentRow,
  now: Date,
): Promise<boolean> {
  switch (guard) {
    case 'BEFORE_START':
      return now.getTime() < row.startAt.getTime();
    case 'BEFORE_CUTOFF':
      return beforePatientCutoff(ctx, row.startAt, now);
    case 'AFTER_START':
      return now.getTime() >= row.startAt.getTime();
    case 'BILL_PAID': {
      const [bill] = await findBills(ctx.db, [row.id]);
      return bill?.status === 'PAID';
    }
  }
}

function pastTense(action: AppointmentAction): string {
  const words: Record<AppointmentAction, string> = {
    approve: 'approved',
    reject: 'rejected',
    cancel: 'cancelled',
    'no-show': 'marked as a no-show',
    treat: 'marked treated',
  };
  return words[action];
}
