import type { AppointmentStatus } from '../../../shared/domain/appointment-states.ts';
import type { AppContext } from '../../context.ts';
import type { Executor } from '../../db/client.ts';
import { newId } from '../../db/ids.ts';
import type { AppointmentRow } from '../appointments/repository.ts';
import {
  cancelPendingNotices,
  insertRecall,
  insertScheduledNotices,
  markRecallsBooked,
} from './repository.ts';
import { loadSchedulingSettings } from './settings.ts';

export type TransitionFacts = {
  appointment: AppointmentRow;
  to: AppointmentStatus;
  followUpAt: Date | undefined;
};

/** Scheduling's part of a status change (reminders, recalls), run in the same transaction. */
export async function onAppointmentTransition(
  ctx: AppContext,
  tx: Executor,
  facts: TransitionFacts,
): Promise<void> {
  const { appointment, to } = facts;
  const now = ctx.clock.now();
  if (to === 'APPROVED') {
    await scheduleVisitReminders(ctx, tx, appointment, now);
    return;
  }
  await cancelPendingNotices(tx, { appointmentId: appointment.id, type: 'VISIT_REMINDER' }, now);
  if (to === 'TREATED' && facts.followUpAt) {
    const recallId = newId();
    await insertRecall(tx, {
      id: recallId,
      patientId: appointment.patientId,
      doctorId: appointment.doctorId,
      sourceAppointmentId: appointment.id,
      dueAt: facts.followUpAt,
      createdAt: now,
    });
    await insertScheduledNotices(tx, [
      {
        id: newId(),
        type: 'RECALL',
        patientId: appointment.patientId,
        appointmentId: appointment.id,
        recallId,
        dueAt: facts.followUpAt,
        createdAt: now,
        updatedAt: now,
      },
    ]);
  }
}

/** One reminder per clinic offset before the visit; an offset already past is skipped, not sent late. */
export async function scheduleVisitReminders(
  ctx: AppContext,
  tx: Executor,
  appointment: { id: string; patientId: string; startAt: Date },
  now: Date,
): Promise<void> {
  const settings = await loadSchedulingSettings(ctx, tx);
  await insertScheduledNotices(
    tx,
    settings.reminderOffsetsHours
      .map((hours) => new Date(appointment.startAt.getTime() - hours * 3_600_000))
      .filter((dueAt) => dueAt > now)
      .map((dueAt) => ({
        id: newId(),
        type: 'VISIT_REMINDER' as const,
        patientId: appointment.patientId,
        appointmentId: appointment.id,
        dueAt,
        createdAt: now,
        updatedAt: now,
      })),
  );
}

/** A new visit with the doctor who asked for a follow-up answers the recall; its message is no longer needed. */
export async function onAppointmentBooked(
  ctx: AppContext,
  tx: Executor,
  booking: { appointmentId: string; patientId: string; doctorId: string },
): Promise<void> {
  const recallIds = await markRecallsBooked(tx, booking);
  await cancelPendingNotices(tx, { recallIds, type: 'RECALL' }, ctx.clock.now());
}
