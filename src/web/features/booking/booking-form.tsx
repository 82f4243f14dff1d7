import { zodResolver } from '@hookform/resolvers/zod';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import type { z } from 'zod';
import type { Appointment } from '../../../shared/schemas/appointments.ts';
import { requestAppointmentBody } from '../../../shared/schemas/appointments.ts';
import { FormAlert, SelectField, TextAreaField, TextField } from '../../components/fields.tsx';
import { ErrorState, Loading } from '../../components/states.tsx';
import { api } from '../../lib/api-client.ts';
import { ApiError } from '../../lib/api-error.ts';
import { emptyAsUndefined } from '../../lib/form-values.ts';
import { clinicDay } from '../../lib/format.ts';
import { applyServerErrors } from '../../lib/server-errors.ts';
import { useClinic } from '../clinic/clinic-context.tsx';
import { useDoctors, useFreeSlots } from './slot-queries.ts';

type Values = z.input<typeof requestAppointmentBody>;
const fields = ['doctorId', 'startAt', 'reason', 'patientId'] as const;

/** Choose a doctor, a day and a free time, and say why: the patient's booking and the front desk's. */
export function BookingForm({
  patientId,
  onBooked,
}: {
  patientId?: string;
  onBooked: (appointment: Appointment) => void;
}) {
  const clinic = useClinic();
  const client = useQueryClient();
  const doctors = useDoctors();
  const [date, setDate] = useState(() => clinicDay(new Date(), clinic.timezone));
  const [failure, setFailure] = useState<string>();
  const form = useForm<Values, unknown, z.output<typeof requestAppointmentBody>>({
    resolver: zodResolver(requestAppointmentBody),
    defaultValues: { doctorId: '', startAt: '', reason: '', ...(patientId ? { patientId } : {}) },
  });
  const doctorId = form.watch('doctorId');
  const startAt = form.watch('startAt');
  const slots = useFreeSlots(doctorId, date, clinic.timezone);
  const { errors } = form.formState;

  const submit = form.handleSubmit(async (values) => {
    setFailure(undefined);
    try {
      const appointment = await api<Appointment>('POST', '/appointments', { body: values });
      await client.invalidateQueries({ queryKey: ['appointments'] });
      onBooked(appointment);
    } catch (error) {
      setFailure(applyServerErrors(error, form.setError, fields));
      if (error instanceof ApiError && error.code === 'SLOT_TAKEN') {
        form.setValue('startAt', '');
        void client.invalidateQueries({ queryKey: ['slots', doctorId, date] });
      }
    }
  });

  return (
    <form onSubmit={submit} noValidate className="card max-w-3xl space-y-5">
      <FormAlert message={failure} />
      {doctors.isError ? (
        <ErrorState error={doctors.error} onRetry={() => void doctors.refetch()} />
      ) : (
        <SelectField
          label="Doctor"
          error={errors.doctorId?.message && 'Choose a doctor'}
          disabled={doctors.isPending}
          {...form.register('doctorId', { onChange: () => form.setValue('startAt', '') })}
        >
          <option value="">{doctors.isPending ? 'Loading doctors…' : 'Choose a doctor'}</option>
          {doctors.data?.items.map((doctor) => (
            <option key={doctor.id} value={doctor.id}>
              {doctor.name}
              {doctor.specialty ? ` — ${doctor.specialty}` : ''}
            </option>
          ))}
        </SelectField>
      )}
      <TextField
        label="Day"
        type="date"
        value={date}
        min={clinicDay(new Date(), clinic.timezone)}
        hint={`Times are in the clinic's time zone (${clinic.timezone}).`}
        onChange={(event) => {
          setDate(event.target.value);
          form.setValue('startAt', '');
        }}
      />
      <fieldset aria-describedby={errors.startAt ? 'start-at-error' : undefined}>
        <legend className="mb-2 font-medium">Free times</legend>
        {!doctorId ? (
          <p className="text-muted">Choose a doctor to see free times.</p>
        ) : slots.isPending ? (
          <Loading label="Finding free times" />
        ) : slots.isError ? (
          <ErrorState error={slots.error} onRetry={() => void slots.refetch()} />
        ) : slots.data.length === 0 ? (
          <p className="text-muted">No free times on this day. Try another day.</p>
        ) : (
          <div className="flex flex-wrap gap-2">
            {slots.data.map((slot) => (
              <label
                key={slot.startAt}
                className={`cursor-pointer rounded-lg border-2 px-3 py-2 font-medium has-[:focus-visible]:outline-4 has-[:focus-visible]:outline-offset-2 has-[:focus-visible]:outline-focus ${
                  startAt === slot.startAt
                    ? 'border-accent bg-accent text-accent-ink'
                    : 'border-line bg-surface'
                }`}
              >
                <input type="radio" value={slot.startAt} className="sr-only" {...form.register('startAt')} />
                {clinic.time(slot.startAt)}
              </label>
            ))}
          </div>
        )}
        {errors.startAt && (
          <p id="start-at-error" className="mt-1 text-sm font-semibold text-danger">
            {errors.startAt.type === 'server' ? errors.startAt.message : 'Choose a time'}
          </p>
        )}
      </fieldset>
      <TextAreaField
        label="Reason for the visit (optional)"
        hint="For example: blurred vision when reading."
        error={errors.reason?.message}
        {...form.register('reason', { setValueAs: emptyAsUndefined })}
      />
      <button type="submit" className="btn btn-primary" disabled={form.formState.isSubmitting}>
        {form.formState.isSubmitting ? 'Sending…' : 'Request the appointment'}
      </button>
    </form>
  );
}
