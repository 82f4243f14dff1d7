import { useState } from 'react';
import { findTransition, guardsFor } from '../../../shared/domain/appointment-states.ts';
import type { Role } from '../../../shared/domain/roles.ts';
import type { Appointment } from '../../../shared/schemas/appointments.ts';
import { Dialog } from '../../components/dialog.tsx';
import { FormAlert, TextAreaField } from '../../components/fields.tsx';
import { useToast } from '../../components/toasts.tsx';
import { describeError } from '../../lib/api-error.ts';
import { useAppointmentAction } from './appointment-queries.ts';

/** Whether this role may cancel now: the state machine's table, plus its time guard for the role. */
export function canCancel(
  appointment: Pick<Appointment, 'status' | 'startAt'>,
  role: Role,
  now: Date,
): boolean {
  const transition = findTransition(appointment.status, 'cancel');
  if (!transition?.roles.includes(role)) return false;
  const guards = guardsFor(transition, role);
  return !guards.includes('BEFORE_START') || new Date(appointment.startAt) > now;
}

export function CancelAppointment({ appointment, label }: { appointment: Appointment; label: string }) {
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const action = useAppointmentAction();
  const toast = useToast();
  return (
    <>
      <button type="button" className="btn btn-danger min-h-10 px-3 text-sm" onClick={() => setOpen(true)}>
        Cancel<span className="sr-only"> {label}</span>
      </button>
      <Dialog open={open} title="Cancel this appointment?" onClose={() => setOpen(false)}>
        <form
          className="space-y-4"
          onSubmit={(event) => {
            event.preventDefault();
            action
              .mutateAsync({
                id: appointment.id,
                action: 'cancel',
                body: reason.trim() ? { reason: reason.trim() } : {},
              })
              .then(() => {
                setOpen(false);
                toast('The appointment was cancelled.');
              })
              .catch(() => undefined);
          }}
        >
          <p>{label}</p>
          <FormAlert message={action.isError ? describeError(action.error) : undefined} />
          <TextAreaField
            label="Reason (optional)"
            value={reason}
            onChange={(e) => setReason(e.target.value)}
            maxLength={2000}
          />
          <div className="flex flex-wrap gap-3">
            <button type="submit" className="btn btn-danger" disabled={action.isPending}>
              {action.isPending ? 'Cancelling…' : 'Cancel the appointment'}
            </button>
            <button type="button" className="btn btn-secondary" onClick={() => setOpen(false)}>
              Keep it
            </button>
          </div>
        </form>
      </Dialog>
    </>
  );
}
