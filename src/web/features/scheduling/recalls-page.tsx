import { useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import type { Recall } from '../../../shared/schemas/scheduling.ts';
import { Dialog } from '../../components/dialog.tsx';
import { FormAlert, TextField } from '../../components/fields.tsx';
import { Page } from '../../components/page.tsx';
import { QueryView } from '../../components/states.tsx';
import { useToast } from '../../components/toasts.tsx';
import { api } from '../../lib/api-client.ts';
import { describeError } from '../../lib/api-error.ts';
import { clinicDay } from '../../lib/format.ts';
import { useClinic } from '../clinic/clinic-context.tsx';
import { FreeSlotPicker } from './free-slot-picker.tsx';
import { useRecalls } from './scheduling-queries.ts';

function BookRecallDialog({ recall, onClose }: { recall: Recall | undefined; onClose: () => void }) {
  const clinic = useClinic();
  const client = useQueryClient();
  const toast = useToast();
  const [date, setDate] = useState(() => clinicDay(new Date(Date.now() + 86_400_000), clinic.timezone));
  const [startAt, setStartAt] = useState('');
  const [failure, setFailure] = useState<string>();
  const close = () => {
    setStartAt('');
    setFailure(undefined);
    onClose();
  };
  const book = async (event: FormEvent) => {
    event.preventDefault();
    if (!recall || !startAt) return setFailure('Choose a time');
    try {
      await api('POST', '/appointments', {
        body: {
          doctorId: recall.doctor.id,
          patientId: recall.patient.id,
          startAt,
          reason: 'Follow-up visit',
        },
      });
      await client.invalidateQueries({ queryKey: ['recalls'] });
      toast(`Booked ${recall.patient.name}'s follow-up at ${clinic.dateTime(startAt)}.`);
      close();
    } catch (error) {
      setFailure(describeError(error));
      void client.invalidateQueries({ queryKey: ['slots'] });
    }
  };
  return (
    <Dialog
      open={recall !== undefined}
      title={recall ? `Book ${recall.patient.name}'s follow-up` : 'Book'}
      onClose={close}
    >
      {recall && (
        <form onSubmit={book} noValidate className="space-y-4">
          <FormAlert message={failure} />
          <p>With {recall.doctor.name}</p>
          <TextField
            label="Day"
            type="date"
            value={date}
            onChange={(event) => {
              setDate(event.target.value);
              setStartAt('');
            }}
          />
          <FreeSlotPicker
            doctorId={recall.doctor.id}
            date={date}
            value={startAt}
            onChange={(slot) => setStartAt(slot.startAt)}
          />
          <button type="submit" className="btn btn-primary">
            Book the follow-up
          </button>
        </form>
      )}
    </Dialog>
  );
}

/** Patients whose follow-up has fallen due: call them, book in one step, or dismiss. */
export function RecallsPage() {
  const clinic = useClinic();
  const client = useQueryClient();
  const toast = useToast();
  const recalls = useRecalls();
  const [booking, setBooking] = useState<Recall>();
  const dismiss = async (recall: Recall) => {
    try {
      await api('POST', `/recalls/${recall.id}/dismiss`);
      toast(`Recall of ${recall.patient.name} dismissed.`);
    } catch (error) {
      toast(describeError(error));
    }
    await client.invalidateQueries({ queryKey: ['recalls'] });
  };
  return (
    <Page title="Recalls">
      <QueryView
        query={recalls}
        label="recalls"
        isEmpty={(data) => data.items.length === 0}
        empty="No patient is due for a follow-up."
      >
        {(data) => (
          <ul className="card divide-y divide-line" aria-label="Patients due for a follow-up">
            {data.items.map((recall) => (
              <li key={recall.id} className="flex flex-wrap items-center justify-between gap-2 py-3">
                <span>
                  <span className="font-semibold">{recall.patient.name}</span> with {recall.doctor.name}, due{' '}
                  {clinic.date(recall.dueAt)}
                  {recall.overdue ? <span className="font-semibold text-danger"> (overdue)</span> : null}
                </span>
                <span className="flex gap-2">
                  <button
                    type="button"
                    className="btn btn-primary min-h-10 px-3 text-sm"
                    onClick={() => setBooking(recall)}
                  >
                    Book<span className="sr-only"> {recall.patient.name}'s follow-up</span>
                  </button>
                  <button
                    type="button"
                    className="btn btn-secondary min-h-10 px-3 text-sm"
                    onClick={() => void dismiss(recall)}
                  >
                    Dismiss<span className="sr-only"> {recall.patient.name}'s recall</span>
                  </button>
                </span>
              </li>
            ))}
          </ul>
        )}
      </QueryView>
      <BookRecallDialog recall={booking} onClose={() => setBooking(undefined)} />
    </Page>
  );
}
