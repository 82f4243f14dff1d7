import { zodResolver } from '@hookform/resolvers/zod';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import type { z } from 'zod';
import { type Appointment, rejectBody } from '../../../shared/schemas/appointments.ts';
import { Dialog } from '../../components/dialog.tsx';
import { FormAlert, TextAreaField } from '../../components/fields.tsx';
import { useToast } from '../../components/toasts.tsx';
import { applyServerErrors } from '../../lib/server-errors.ts';
import { useAppointmentAction } from '../appointments/appointment-queries.ts';
import { useClinic } from '../clinic/clinic-context.tsx';

/** Declining a request needs a note: the patient reads it in their inbox. */
export function RejectButton({ appointment }: { appointment: Appointment }) {
  const clinic = useClinic();
  const toast = useToast();
  const action = useAppointmentAction();
  const [open, setOpen] = useState(false);
  const [failure, setFailure] = useState<string>();
  const form = useForm<z.input<typeof rejectBody>, unknown, z.output<typeof rejectBody>>({
    resolver: zodResolver(rejectBody),
    defaultValues: { note: '' },
  });
  const submit = form.handleSubmit(async (values) => {
    setFailure(undefined);
    try {
      await action.mutateAsync({ id: appointment.id, action: 'reject', body: values });
      setOpen(false);
      form.reset();
      toast(`The request of ${appointment.patient.name} was declined.`);
    } catch (error) {
      setFailure(applyServerErrors(error, form.setError, ['note']));
    }
  });
  return (
    <>
      <button type="button" className="btn btn-danger min-h-10 px-3 text-sm" onClick={() => setOpen(true)}>
        Decline<span className="sr-only"> the request of {appointment.patient.name}</span>
      </button>
      <Dialog open={open} title="Decline this request" onClose={() => setOpen(false)}>
        <form onSubmit={submit} noValidate className="space-y-4">
          <p>
            {appointment.patient.name} · {clinic.dateTime(appointment.startAt)}
          </p>
          <FormAlert message={failure} />
          <TextAreaField
            label="Note for the patient (required)"
            hint="Say why, and what they can do instead. The patient receives this note."
            error={form.formState.errors.note?.message}
            autoFocus
            {...form.register('note')}
          />
          <div className="flex flex-wrap gap-3">
            <button type="submit" className="btn btn-danger" disabled={form.formState.isSubmitting}>
              Decline and notify the patient
            </button>
            <button type="button" className="btn btn-secondary" onClick={() => setOpen(false)}>
              Keep the request
            </button>
          </div>
        </form>
      </Dialog>
    </>
  );
}
