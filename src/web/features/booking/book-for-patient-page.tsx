import { zodResolver } from '@hookform/resolvers/zod';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import type { z } from 'zod';
import type { User } from '../../../shared/schemas/auth.ts';
import { registerPatientBody } from '../../../shared/schemas/users.ts';
import { FormAlert, SelectField, TextField } from '../../components/fields.tsx';
import { Page, Section } from '../../components/page.tsx';
import { Empty, ErrorState, Loading } from '../../components/states.tsx';
import { useToast } from '../../components/toasts.tsx';
import { api, apiGet } from '../../lib/api-client.ts';
import { emptyAsUndefined } from '../../lib/form-values.ts';
import { applyServerErrors } from '../../lib/server-errors.ts';
import { useDebounced } from '../../lib/use-debounced.ts';
import { useClinic } from '../clinic/clinic-context.tsx';
import { BookingForm } from './booking-form.tsx';

type Patient = Pick<User, 'id' | 'name' | 'email' | 'phone'>;

function FindPatient({ onChoose }: { onChoose: (patient: Patient) => void }) {
  const [search, setSearch] = useState('');
  const q = useDebounced(search.trim());
  const query = useQuery({
    queryKey: ['patients', q],
    enabled: q.length >= 2,
    queryFn: ({ signal }) => apiGet<{ items: User[] }>('/patients', { q, limit: 20 }, signal),
  });
  return (
    <div className="card space-y-3">
      <TextField
        label="Search by name, e-mail or phone"
        type="search"
        value={search}
        onChange={(event) => setSearch(event.target.value)}
        hint="Type at least two letters."
      />
      {q.length < 2 ? null : query.isPending ? (
        <Loading label="Searching patients" />
      ) : query.isError ? (
        <ErrorState error={query.error} onRetry={() => void query.refetch()} />
      ) : query.data.items.length === 0 ? (
        <Empty>No patient found. Register them below.</Empty>
      ) : (
        <ul className="divide-y divide-line" aria-label="Patients found">
          {query.data.items.map((patient) => (
            <li key={patient.id} className="flex flex-wrap items-center justify-between gap-2 py-2">
              <span>
                <span className="font-semibold">{patient.name}</span>{' '}
                <span className="text-muted">
                  {patient.email}
                  {patient.phone ? ` · ${patient.phone}` : ''}
                </span>
              </span>
              <button
                type="button"
                className="btn btn-secondary min-h-10 px-3 text-sm"
                onClick={() => onChoose(patient)}
              >
                Choose<span className="sr-only"> {patient.name}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

const registerFields = ['name', 'email', 'phone', 'dateOfBirth', 'sex'] as const;

function RegisterPatient({ onRegistered }: { onRegistered: (patient: Patient) => void }) {
  const [failure, setFailure] = useState<string>();
  const form = useForm<z.input<typeof registerPatientBody>, unknown, z.output<typeof registerPatientBody>>({
    resolver: zodResolver(registerPatientBody),
    defaultValues: { name: '', email: '' },
  });
  const { errors } = form.formState;
  const submit = form.handleSubmit(async (values) => {
    setFailure(undefined);
    try {
      onRegistered(await api<User>('POST', '/patients', { body: values }));
    } catch (error) {
      setFailure(applyServerErrors(error, form.setError, registerFields));
    }
  });
  return (
    <form onSubmit={submit} noValidate className="card grid gap-4 sm:grid-cols-2">
      <div className="sm:col-span-2">
        <FormAlert message={failure} />
      </div>
      <TextField label="Full name" error={errors.name?.message} {...form.register('name')} />
      <TextField
        label="E-mail address"
        type="email"
        error={errors.email?.message}
        {...form.register('email')}
      />
      <TextField
        label="Mobile phone (optional)"
        type="tel"
        hint="e.g. +14155550123"
        error={errors.phone?.message}
        {...form.register('phone', { setValueAs: emptyAsUndefined })}
      />
      <TextField
        label="Date of birth (optional)"
        type="date"
        error={errors.dateOfBirth?.message}
        {...form.register('dateOfBirth', { setValueAs: emptyAsUndefined })}
      />
      <SelectField label="Sex (optional)" {...form.register('sex', { setValueAs: emptyAsUndefined })}>
        <option value="">Not given</option>
        <option value="FEMALE">Female</option>
        <option value="MALE">Male</option>
        <option value="OTHER">Other</option>
      </SelectField>
      <div className="sm:col-span-2">
        <button type="submit" className="btn btn-primary" disabled={form.formState.isSubmitting}>
          Register the patient
        </button>
      </div>
    </form>
  );
}

/** For a patient who phones in: find them (or register them), then book as they would. */
export function BookForPatientPage() {
  const clinic = useClinic();
  const toast = useToast();
  const [patient, setPatient] = useState<Patient>();
  return (
    <Page title="Book for a patient">
      {patient ? (
        <>
          <div className="card mb-6 flex flex-wrap items-center justify-between gap-3">
            <p>
              Booking for <span className="font-semibold">{patient.name}</span>{' '}
              <span className="text-muted">{patient.email}</span>
            </p>
            <button
              type="button"
              className="btn btn-secondary min-h-10 px-3 text-sm"
              onClick={() => setPatient(undefined)}
            >
              Choose another patient
            </button>
          </div>
          <BookingForm
            key={patient.id}
            patientId={patient.id}
            onBooked={(appointment) => {
              toast(
                `Requested ${clinic.dateTime(appointment.startAt)} with ${appointment.doctor.name} for ${patient.name}.`,
              );
              setPatient(undefined);
            }}
          />
        </>
      ) : (
        <>
          <Section title="Find the patient">
            <FindPatient onChoose={setPatient} />
          </Section>
          <Section title="Or register a new patient">
            <RegisterPatient
              onRegistered={(registered) => {
                toast(`${registered.name} is registered.`);
                setPatient(registered);
              }}
            />
          </Section>
        </>
      )}
    </Page>
  );
}
