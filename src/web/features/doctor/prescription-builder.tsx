import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useFieldArray, useForm } from 'react-hook-form';
import { eyeNames, eyes } from '../../../shared/domain/ophthalmic.ts';
import { type Appointment, prescriptionBody } from '../../../shared/schemas/appointments.ts';
import { FormAlert, SelectField, TextAreaField, TextField } from '../../components/fields.tsx';
import { useToast } from '../../components/toasts.tsx';
import { api } from '../../lib/api-client.ts';
import { convertingResolver } from '../../lib/schema-resolver.ts';
import { applyServerErrors } from '../../lib/server-errors.ts';
import { ContactLensFields, GlassesFields } from './optical-prescription-fields.tsx';
import {
  emptyMedication,
  type PrescriptionForm,
  prescriptionForm,
  toPrescriptionBody,
} from './visit-forms.ts';

/**
 * The prescription, one medication per line, and glasses or contact lenses when included: add, fill and
 * remove lines, then save them together.
 */
export function PrescriptionBuilder({ appointment }: { appointment: Appointment }) {
  const client = useQueryClient();
  const toast = useToast();
  const [failure, setFailure] = useState<string>();
  const form = useForm<PrescriptionForm, unknown, unknown>({
    resolver: convertingResolver(prescriptionBody, toPrescriptionBody),
    defaultValues: prescriptionForm(appointment.prescription),
  });
  const lines = useFieldArray({ control: form.control, name: 'medications' });
  const { errors } = form.formState;
  const submit = form.handleSubmit(async (body) => {
    setFailure(undefined);
    try {
      await api('PUT', `/appointments/${appointment.id}/prescription`, { body });
      await client.invalidateQueries({ queryKey: ['appointment', appointment.id] });
      toast('Prescription saved.');
    } catch (error) {
      setFailure(
        applyServerErrors(error, form.setError, ['medications', 'notes', 'glasses', 'contactLenses']),
      );
    }
  });
  return (
    <form onSubmit={submit} noValidate className="card space-y-4">
      <FormAlert message={failure} />
      {errors.medications?.root?.message && (
        <p className="font-semibold text-danger">{errors.medications.root.message}</p>
      )}
      {errors.medications?.message && (
        <p className="font-semibold text-danger">{errors.medications.message}</p>
      )}
      <ol className="space-y-4">
        {lines.fields.map((line, index) => {
          const lineErrors = errors.medications?.[index];
          return (
            <li key={line.id} className="rounded-lg border border-line p-3" data-testid="medication-line">
              <fieldset>
                <legend className="mb-2 font-semibold">Medication {index + 1}</legend>
                <div className="grid gap-3 sm:grid-cols-2 lg:grid-cols-3">
                  <TextField
                    label="Medication"
                    error={lineErrors?.name?.message}
                    {...form.register(`medications.${index}.name`)}
                  />
                  <TextField
                    label="Dosage"
                    hint="e.g. 1 drop"
                    error={lineErrors?.dosage?.message}
                    {...form.register(`medications.${index}.dosage`)}
                  />
                  <TextField
                    label="Frequency"
                    hint="e.g. twice daily"
                    error={lineErrors?.frequency?.message}
                    {...form.register(`medications.${index}.frequency`)}
                  />
                  <TextField
                    label="Duration"
                    hint="e.g. 2 weeks"
                    error={lineErrors?.duration?.message}
                    {...form.register(`medications.${index}.duration`)}
                  />
                  <SelectField
                    label="Eye"
                    error={lineErrors?.eye?.message}
                    {...form.register(`medications.${index}.eye`)}
                  >
                    <option value="">Not eye-specific</option>
                    {eyes.map((eye) => (
                      <option key={eye} value={eye}>
                        {eyeNames[eye]}
                      </option>
                    ))}
                  </SelectField>
                  <TextField
                    label="Instructions"
                    error={lineErrors?.instructions?.message}
                    {...form.register(`medications.${index}.instructions`)}
                  />
                </div>
                {lines.fields.length > 1 && (
                  <button
                    type="button"
                    className="btn btn-danger mt-3 min-h-10 px-3 text-sm"
                    onClick={() => lines.remove(index)}
                  >
                    Remove medication {index + 1}
                  </button>
                )}
              </fieldset>
            </li>
          );
        })}
      </ol>
      <button
        type="button"
        className="btn btn-secondary"
        onClick={() => lines.append({ ...emptyMedication })}
      >
        Add a medication
      </button>
      <GlassesFields register={form.register} errors={errors} included={form.watch('glasses.include')} />
      <ContactLensFields
        register={form.register}
        errors={errors}
        included={form.watch('contactLenses.include')}
      />
      <TextAreaField
        label="Notes for the prescription (optional)"
        rows={2}
        error={errors.notes?.message}
        {...form.register('notes')}
      />
      <button type="submit" className="btn btn-primary" disabled={form.formState.isSubmitting}>
        {form.formState.isSubmitting ? 'Saving…' : 'Save prescription'}
      </button>
    </form>
  );
}
