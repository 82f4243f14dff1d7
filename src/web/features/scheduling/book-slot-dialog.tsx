import { useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import type { Appointment } from '../../../shared/schemas/appointments.ts';
import type { User } from '../../../shared/schemas/auth.ts';
import type { Slot } from '../../../shared/schemas/scheduling.ts';
import { Dialog } from '../../components/dialog.tsx';
import { FormAlert, TextField } from '../../components/fields.tsx';
import { Empty, Loading } from '../../components/states.tsx';
import { useToast } from '../../components/toasts.tsx';
import { api, apiGet } from '../../lib/api-client.ts';
import { describeError } from '../../lib/api-error.ts';
import { useDebounced } from '../../lib/use-debounced.ts';
import { useClinic } from '../clinic/clinic-context.tsx';

export type SlotChoice = { doctor: { id: string; name: string }; slot: Slot };

/** Book a patient who phoned in straight into the free slot the front desk picked. */
export function BookSlotDialog({ choice, onClose }: { choice: SlotChoice | undefined; onClose: () => void }) {
  const clinic = useClinic();
  const client = useQueryClient();
  const toast = useToast();
  const [search, setSearch] = useState('');
  const [patient, setPatient] = useState<User>();
  const [reason, setReason] = useState('');
  const [failure, setFailure] = useState<string>();
  const q = useDebounced(search.trim());
  const found = useQuery({
    queryKey: ['patients', q],
    enabled: q.length >= 2,
    queryFn: ({ signal }) => apiGet<{ items: User[] }>('/patients', { q, limit: 10 }, signal),
  });
  const close = () => {
    setSearch('');
    setPatient(undefined);
    setReason('');
    setFailure(undefined);
    onClose();
  };
  const book = async (event: FormEvent) => {
    event.preventDefault();
    if (!choice || !patient) return setFailure('Choose the patient first');
    try {
      await api<Appointment>('POST', '/appointments', {
        body: {
          doctorId: choice.doctor.id,
          patientId: patient.id,
          startAt: choice.slot.startAt,
          ...(reason ? { reason } : {}),
        },
      });
      await client.invalidateQueries({ queryKey: ['day-view'] });
      toast(`Booked ${patient.name} with ${choice.doctor.name} at ${clinic.dateTime(choice.slot.startAt)}.`);
      close();
    } catch (error) {
      setFailure(describeError(error));
      void client.invalidateQueries({ queryKey: ['day-view'] });
    }
  };
  return (
    <Dialog
      open={choice !== undefined}
      title={choice ? `Book ${clinic.dateTime(choice.slot.startAt)} with ${choice.doctor.name}` : 'Book'}
      onClose={close}
    >
      <form onSubmit={book} noValidate className="space-y-4">
        <FormAlert message={failure} />
        {patient ? (
          <p>
            Patient: <span className="font-semibold">{patient.name}</span>{' '}
            <button
              type="button"
              className="btn btn-secondary min-h-10 px-3 text-sm"
              onClick={() => setPatient(undefined)}
            >
              Change
            </button>
          </p>
        ) : (
          <>
            <TextField
              label="Find the patient"
              type="search"
              value={search}
              hint="Name, e-mail or phone; at least two letters."
              onChange={(event) => setSearch(event.target.value)}
            />
            {q.length < 2 ? null : found.isPending ? (
              <Loading label="Searching patients" />
            ) : found.isError ? (
              <p role="alert">{describeError(found.error)}</p>
            ) : found.data.items.length === 0 ? (
              <Empty>No patient found.</Empty>
            ) : (
              <ul className="divide-y divide-line" aria-label="Patients found">
                {found.data.items.map((person) => (
                  <li key={person.id} className="flex items-center justify-between gap-2 py-2">
                    <span>
                      {person.name} <span className="text-muted">{person.email}</span>
                    </span>
                    <button
                      type="button"
                      className="btn btn-secondary min-h-10 px-3 text-sm"
                      onClick={() => setPatient(person)}
                    >
                      Choose<span className="sr-only"> {person.name}</span>
                    </button>
                  </li>
                ))}
              </ul>
            )}
          </>
        )}
        <TextField
          label="Reason (optional)"
          value={reason}
          onChange={(event) => setReason(event.target.value)}
        />
        <button type="submit" className="btn btn-primary">
          Book this time
        </button>
      </form>
    </Dialog>
  );
}
