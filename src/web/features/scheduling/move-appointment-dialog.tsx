import { useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { Dialog } from '../../components/dialog.tsx';
import { FormAlert, TextField } from '../../components/fields.tsx';
import { useToast } from '../../components/toasts.tsx';
import { api } from '../../lib/api-client.ts';
import { describeError } from '../../lib/api-error.ts';
import { useClinic } from '../clinic/clinic-context.tsx';
import { FreeSlotPicker } from './free-slot-picker.tsx';

export type MoveTarget = { id: string; doctorId: string; patientName: string; startAt: string; date: string };

/** Move a visit to another free time; it keeps its status and the patient is told. */
export function MoveAppointmentDialog({
  target,
  onClose,
}: {
  target: MoveTarget | undefined;
  onClose: () => void;
}) {
  const clinic = useClinic();
  const client = useQueryClient();
  const toast = useToast();
  const [date, setDate] = useState<string>();
  const [startAt, setStartAt] = useState('');
  const [reason, setReason] = useState('');
  const [failure, setFailure] = useState<string>();
  const day = date ?? target?.date ?? '';
  const close = () => {
    setDate(undefined);
    setStartAt('');
    setReason('');
    setFailure(undefined);
    onClose();
  };
  const move = async (event: FormEvent) => {
    event.preventDefault();
    if (!target || !startAt) return setFailure('Choose the new time');
    try {
      await api('POST', `/appointments/${target.id}/reschedule`, {
        body: { startAt, ...(reason ? { reason } : {}) },
      });
      await Promise.all(
        ['day-view', 'slots', 'appointments', 'appointment'].map((key) =>
          client.invalidateQueries({ queryKey: [key] }),
        ),
      );
      toast(`Moved ${target.patientName} to ${clinic.dateTime(startAt)}.`);
      close();
    } catch (error) {
      setFailure(describeError(error));
      void client.invalidateQueries({ queryKey: ['slots'] });
    }
  };
  return (
    <Dialog
      open={target !== undefined}
      title={target ? `Move ${target.patientName}'s visit` : 'Move'}
      onClose={close}
    >
      {target && (
        <form onSubmit={move} noValidate className="space-y-4">
          <FormAlert message={failure} />
          <p>Now: {clinic.dateTime(target.startAt)}</p>
          <TextField
            label="New day"
            type="date"
            value={day}
            onChange={(event) => {
              setDate(event.target.value);
              setStartAt('');
            }}
          />
          <FreeSlotPicker
            doctorId={target.doctorId}
            date={day}
            value={startAt}
            onChange={(slot) => setStartAt(slot.startAt)}
          />
          <TextField
            label="Reason (optional)"
            value={reason}
            onChange={(event) => setReason(event.target.value)}
          />
          <button type="submit" className="btn btn-primary">
            Move the visit
          </button>
        </form>
      )}
    </Dialog>
  );
}
