import type { AppointmentStatus } from '../../../shared/domain/appointment-states.ts';
import type { AppContext } from '../../context.ts';
import type { Executor } from '../../db/client.ts';
import type { AppointmentRow } from '../appointments/repository.ts';

export type TransitionFacts = {
  appointment: AppointmentRow;
  to: AppointmentStatus;
  followUpAt: Date | undefined;
};

/** Scheduling's part of a status change (reminders, recalls), run in the same transaction. */
export async function onAppointmentTransition(
  _ctx: AppContext,
  _tx: Executor,
  _facts: TransitionFacts,
): Promise<void> {}
