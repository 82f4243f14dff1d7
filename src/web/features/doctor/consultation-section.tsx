import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { type FieldErrors, type UseFormRegister, useForm } from 'react-hook-form';
import { isRaisedPressure } from '../../../shared/domain/ophthalmic.ts';
import { type Appointment, consultationBody } from '../../../shared/schemas/appointments.ts';
import { FormAlert, TextAreaField, TextField } from '../../components/fields.tsx';
import { useToast } from '../../components/toasts.tsx';
import { api } from '../../lib/api-client.ts';
import { convertingResolver } from '../../lib/schema-resolver.ts';
import { applyServerErrors } from '../../lib/server-errors.ts';
import { type ConsultationForm, consultationForm, toConsultationBody } from './visit-forms.ts';

function EyeFields({
  side,
  title,
  register,
  errors,
  pressure,
}: {
  side: 'right' | 'left';
  title: string;
  register: UseFormRegister<ConsultationForm>;
  errors: FieldErrors<ConsultationForm>;
  pressure: string;
}) {
  const eye = errors.exam?.[side];
  const raised = pressure !== '' && isRaisedPressure(Number(pressure));
  return (
    <fieldset className="rounded-lg border border-line p-3">
      <legend className="px-1 font-semibold">{title}</legend>
      <div className="grid gap-3 sm:grid-cols-2">
        <TextField
          label="VA unaided"
          hint="e.g. 6/9, 20/40, CF"
          error={eye?.visualAcuityUnaided?.message}
          {...register(`exam.${side}.visualAcuityUnaided`)}
        />
        <TextField
          label="VA corrected"
          error={eye?.visualAcuityCorrected?.message}
          {...register(`exam.${side}.visualAcuityCorrected`)}
        />
        <TextField
          label="Sphere (D)"
          inputMode="decimal"
          error={eye?.refraction?.sphere?.message}
          {...register(`exam.${side}.refraction.sphere`)}
        />
        <TextField
          label="Cylinder (D)"
          inputMode="decimal"
          error={eye?.refraction?.cylinder?.message}
          {...register(`exam.${side}.refraction.cylinder`)}
        />
        <TextField
          label="Axis (°)"
          inputMode="numeric"
          error={eye?.refraction?.axis?.message}
          {...register(`exam.${side}.refraction.axis`)}
        />
        <TextField
          label="Add (D)"
          inputMode="decimal"
          error={eye?.refraction?.add?.message}
          {...register(`exam.${side}.refraction.add`)}
        />
        <TextField
          label="IOP (mmHg)"
          inputMode="decimal"
          error={eye?.intraocularPressure?.message}
          hint={raised ? 'Raised: above 21 mmHg.' : undefined}
          {...register(`exam.${side}.intraocularPressure`)}
        />
      </div>
    </fieldset>
  );
}

export function ConsultationSection({ appointment }: { appointment: Appointment }) {
  const client = useQueryClient();
  const toast = useToast();
  const [failure, setFailure] = useState<string>();
  const form = useForm<ConsultationForm, unknown, unknown>({
    resolver: convertingResolver(consultationBody, toConsultationBody),
    defaultValues: consultationForm(appointment.consultation),
  });
  const { errors } = form.formState;
  const submit = form.handleSubmit(async (body) => {
    setFailure(undefined);
    try {
      await api('PUT', `/appointments/${appointment.id}/consultation`, { body });
      await client.invalidateQueries({ queryKey: ['appointment', appointment.id] });
      toast('Consultation saved.');
    } catch (error) {
      setFailure(applyServerErrors(error, form.setError, ['notes', 'exam']));
    }
  });
  return (
    <form onSubmit={submit} noValidate className="card space-y-4">
      <FormAlert message={failure} />
      <TextAreaField
        label="Consultation notes"
        rows={5}
        error={errors.notes?.message}
        {...form.register('notes')}
      />
      <div className="grid gap-4 lg:grid-cols-2">
        <EyeFields
          side="right"
          title="Right eye (OD)"
          register={form.register}
          errors={errors}
          pressure={form.watch('exam.right.intraocularPressure')}
        />
        <EyeFields
          side="left"
          title="Left eye (OS)"
          register={form.register}
          errors={errors}
          pressure={form.watch('exam.left.intraocularPressure')}
        />
      </div>
      <button type="submit" className="btn btn-primary" disabled={form.formState.isSubmitting}>
        {form.formState.isSubmitting ? 'Saving…' : 'Save consultation'}
      </button>
    </form>
  );
}
