import type { FieldErrors, UseFormRegister } from 'react-hook-form';
import { eyeNames } from '../../../shared/domain/ophthalmic.ts';
import { CheckboxField, TextAreaField, TextField } from '../../components/fields.tsx';
import type { PrescriptionForm } from './visit-forms.ts';

type Part = 'glasses' | 'contactLenses';
type Side = 'right' | 'left';
type FormParts = {
  register: UseFormRegister<PrescriptionForm>;
  errors: FieldErrors<PrescriptionForm>;
  included: boolean;
};

const sides: [Side, string][] = [
  ['right', eyeNames.OD],
  ['left', eyeNames.OS],
];
const stepsHint = 'Sphere, cylinder and add in steps of 0.25 D (0 for plano); axis 1 to 180°.';

// Signed values get the full keyboard: a phone's decimal pad has no minus key.
function RefractionInputs({
  part,
  side,
  register,
  errors,
}: Omit<FormParts, 'included'> & { part: Part; side: Side }) {
  const eye = errors[part]?.[side];
  return (
    <>
      <TextField label="Sphere (D)" error={eye?.sphere?.message} {...register(`${part}.${side}.sphere`)} />
      <TextField
        label="Cylinder (D)"
        error={eye?.cylinder?.message}
        {...register(`${part}.${side}.cylinder`)}
      />
      <TextField
        label="Axis (°)"
        inputMode="numeric"
        error={eye?.axis?.message}
        {...register(`${part}.${side}.axis`)}
      />
      <TextField
        label="Add (D)"
        inputMode="decimal"
        error={eye?.add?.message}
        {...register(`${part}.${side}.add`)}
      />
    </>
  );
}

export function GlassesFields({ register, errors, included }: FormParts) {
  return (
    <fieldset className="rounded-lg border border-line p-3">
      <legend className="px-1 font-semibold">Glasses</legend>
      <CheckboxField
        label="Include glasses in this prescription"
        hint={stepsHint}
        {...register('glasses.include')}
      />
      {included && (
        <div className="mt-3 space-y-3">
          {sides.map(([side, title]) => (
            <fieldset key={side} className="rounded-lg border border-line p-3">
              <legend className="px-1 font-medium">{title}</legend>
              <div className="grid grid-cols-2 gap-3 md:grid-cols-4">
                <RefractionInputs part="glasses" side={side} register={register} errors={errors} />
              </div>
            </fieldset>
          ))}
          <TextField
            label="Pupillary distance (mm)"
            inputMode="decimal"
            className="max-w-xs"
            error={errors.glasses?.pupillaryDistanceMm?.message}
            {...register('glasses.pupillaryDistanceMm')}
          />
          <TextAreaField
            label="Notes for the glasses (optional)"
            rows={2}
            error={errors.glasses?.notes?.message}
            {...register('glasses.notes')}
          />
        </div>
      )}
    </fieldset>
  );
}

export function ContactLensFields({ register, errors, included }: FormParts) {
  return (
    <fieldset className="rounded-lg border border-line p-3">
      <legend className="px-1 font-semibold">Contact lenses</legend>
      <CheckboxField
        label="Include contact lenses in this prescription"
        hint={stepsHint}
        {...register('contactLenses.include')}
      />
      {included && (
        <div className="mt-3 space-y-3">
          {sides.map(([side, title]) => (
            <fieldset key={side} className="rounded-lg border border-line p-3">
              <legend className="px-1 font-medium">{title}</legend>
              <div className="grid grid-cols-2 gap-3 md:grid-cols-3 xl:grid-cols-6">
                <RefractionInputs part="contactLenses" side={side} register={register} errors={errors} />
                <TextField
                  label="Base curve (mm)"
                  inputMode="decimal"
                  error={errors.contactLenses?.[side]?.baseCurveMm?.message}
                  {...register(`contactLenses.${side}.baseCurveMm`)}
                />
                <TextField
                  label="Diameter (mm)"
                  inputMode="decimal"
                  error={errors.contactLenses?.[side]?.diameterMm?.message}
                  {...register(`contactLenses.${side}.diameterMm`)}
                />
              </div>
            </fieldset>
          ))}
          <TextField
            label="Brand (optional)"
            className="max-w-md"
            error={errors.contactLenses?.brand?.message}
            {...register('contactLenses.brand')}
          />
          <TextAreaField
            label="Notes for the contact lenses (optional)"
            rows={2}
            error={errors.contactLenses?.notes?.message}
            {...register('contactLenses.notes')}
          />
        </div>
      )}
    </fieldset>
  );
}
