import { findTransition, guardsFor } from '../../../shared/domain/appointment-states.ts';
import type { Eye } from '../../../shared/domain/ophthalmic.ts';
import type { Appointment } from '../../../shared/schemas/appointments.ts';
import { statusWords } from '../../lib/status-words.ts';

const text = (value: string | undefined) => {
  const trimmed = value?.trim() ?? '';
  return trimmed === '' ? undefined : trimmed;
};
// The history prints a true minus sign (−); a value copied back from it counts as a hyphen.
const number = (value: string | undefined) => {
  const trimmed = text(value);
  return trimmed === undefined ? undefined : Number(trimmed.replace(',', '.').replace('\u2212', '-'));
};
/** Drops the properties left blank. */
function filled<T extends Record<string, unknown>>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, item]) => item !== undefined)) as T;
}
/** Drops the properties left blank, and the whole object when nothing in it was filled. */
function compact<T extends Record<string, unknown>>(value: T): T | undefined {
  const kept = filled(value);
  return Object.keys(kept).length === 0 ? undefined : kept;
}

export type RefractionForm = { sphere: string; cylinder: string; axis: string; add: string };
export type EyeForm = {
  visualAcuityUnaided: string;
  visualAcuityCorrected: string;
  refraction: RefractionForm;
  intraocularPressure: string;
};
export type ConsultationForm = { notes: string; exam: { right: EyeForm; left: EyeForm } };

type SavedEye = NonNullable<NonNullable<NonNullable<Appointment['consultation']>['exam']>['right']>;
type SavedRefraction = NonNullable<SavedEye['refraction']>;

const show = (value: number | undefined) => (value === undefined ? '' : String(value));

function refractionForm(refraction: SavedRefraction | undefined): RefractionForm {
  return {
    sphere: show(refraction?.sphere),
    cylinder: show(refraction?.cylinder),
    axis: show(refraction?.axis),
    add: show(refraction?.add),
  };
}

/** Typed refraction as numbers; blank parts stay undefined for the caller to drop. */
const refractionOf = (typed: RefractionForm) => ({
  sphere: number(typed.sphere),
  cylinder: number(typed.cylinder),
  axis: number(typed.axis),
  add: number(typed.add),
});

function eyeForm(eye: SavedEye | undefined): EyeForm {
  return {
    visualAcuityUnaided: eye?.visualAcuityUnaided ?? '',
    visualAcuityCorrected: eye?.visualAcuityCorrected ?? '',
    refraction: refractionForm(eye?.refraction),
    intraocularPressure: show(eye?.intraocularPressure),
  };
}

export function consultationForm(consultation: Appointment['consultation']): ConsultationForm {
  return {
    notes: consultation?.notes ?? '',
    exam: { right: eyeForm(consultation?.exam?.right), left: eyeForm(consultation?.exam?.left) },
  };
}

function eyeFindings(eye: EyeForm) {
  return compact({
    visualAcuityUnaided: text(eye.visualAcuityUnaided),
    visualAcuityCorrected: text(eye.visualAcuityCorrected),
    refraction: compact(refractionOf(eye.refraction)),
    intraocularPressure: number(eye.intraocularPressure),
  });
}

/** What the doctor typed, in the shape of the consultation body (blank findings left out). */
export function toConsultationBody(form: ConsultationForm) {
  const exam = compact({ right: eyeFindings(form.exam.right), left: eyeFindings(form.exam.left) });
  return exam ? { notes: form.notes, exam } : { notes: form.notes };
}

export type MedicationForm = {
  name: string;
  dosage: string;
  frequency: string;
  duration: string;
  eye: '' | Eye;
  instructions: string;
};
export type GlassesForm = {
  include: boolean;
  right: RefractionForm;
  left: RefractionForm;
  pupillaryDistanceMm: string;
  notes: string;
};
export type ContactLensEyeForm = RefractionForm & { baseCurveMm: string; diameterMm: string };
export type ContactLensForm = {
  include: boolean;
  right: ContactLensEyeForm;
  left: ContactLensEyeForm;
  brand: string;
  notes: string;
};
export type PrescriptionForm = {
  medications: MedicationForm[];
  notes: string;
  glasses: GlassesForm;
  contactLenses: ContactLensForm;
};

export const emptyMedication: MedicationForm = {
  name: '',
  dosage: '',
  frequency: '',
  duration: '',
  eye: '',
  instructions: '',
};

type SavedPrescription = NonNullable<Appointment['prescription']>;
type SavedLens = NonNullable<SavedPrescription['contactLenses']>['right'];

function glassesForm(glasses: SavedPrescription['glasses'] | undefined): GlassesForm {
  return {
    include: Boolean(glasses),
    right: refractionForm(glasses?.right),
    left: refractionForm(glasses?.left),
    pupillaryDistanceMm: show(glasses?.pupillaryDistanceMm),
    notes: glasses?.notes ?? '',
  };
}

const lensEyeForm = (lens: SavedLens | undefined): ContactLensEyeForm => ({
  ...refractionForm(lens),
  baseCurveMm: show(lens?.baseCurveMm),
  diameterMm: show(lens?.diameterMm),
});

function contactLensForm(lenses: SavedPrescription['contactLenses'] | undefined): ContactLensForm {
  return {
    include: Boolean(lenses),
    right: lensEyeForm(lenses?.right),
    left: lensEyeForm(lenses?.left),
    brand: lenses?.brand ?? '',
    notes: lenses?.notes ?? '',
  };
}

export function prescriptionForm(prescription: Appointment['prescription']): PrescriptionForm {
  return {
    medications: prescription?.medications.map((item) => ({
      name: item.name,
      dosage: item.dosage,
      frequency: item.frequency,
      duration: item.duration ?? '',
      eye: item.eye ?? '',
      instructions: item.instructions ?? '',
    })) ?? [{ ...emptyMedication }],
    notes: prescription?.notes ?? '',
    glasses: glassesForm(prescription?.glasses),
    contactLenses: contactLensForm(prescription?.contactLenses),
  };
}

// Both eyes are always sent once a part is included, so that a blank sphere is named beside its box.
const toGlasses = (glasses: GlassesForm) =>
  filled({
    right: filled(refractionOf(glasses.right)),
    left: filled(refractionOf(glasses.left)),
    pupillaryDistanceMm: number(glasses.pupillaryDistanceMm),
    notes: text(glasses.notes),
  });

const lensOf = (lens: ContactLensEyeForm) =>
  filled({
    ...refractionOf(lens),
    baseCurveMm: number(lens.baseCurveMm),
    diameterMm: number(lens.diameterMm),
  });

const toContactLenses = (lenses: ContactLensForm) =>
  filled({
    right: lensOf(lenses.right),
    left: lensOf(lenses.left),
    brand: text(lenses.brand),
    notes: text(lenses.notes),
  });

/** The prescription builder's lines in the shape of the prescription body; required parts stay as typed. */
export function toPrescriptionBody(form: PrescriptionForm) {
  const optical = form.glasses.include || form.contactLenses.include;
  // With glasses or lenses, an untouched medication line means "no medication"; alone it stays to be filled.
  const lines = optical
    ? form.medications.filter((line) => Object.values(line).some((value) => value.trim() !== ''))
    : form.medications;
  return compact({
    medications: lines.map((line) =>
      compact({
        name: line.name.trim(),
        dosage: line.dosage.trim(),
        frequency: line.frequency.trim(),
        duration: text(line.duration),
        eye: line.eye === '' ? undefined : line.eye,
        instructions: text(line.instructions),
      }),
    ),
    notes: text(form.notes),
    glasses: form.glasses.include ? toGlasses(form.glasses) : undefined,
    contactLenses: form.contactLenses.include ? toContactLenses(form.contactLenses) : undefined,
  });
}

/**
 * Why "Mark as treated" cannot be pressed yet, in words for the doctor; undefined when it can.
 * The conditions come from the state machine's table (the treat transition and its bill guard).
 */
export function treatBlocker(appointment: Pick<Appointment, 'status' | 'bill'>): string | undefined {
  const transition = findTransition(appointment.status, 'treat');
  if (!transition?.roles.includes('DOCTOR')) {
    return `This visit cannot be marked treated: it is "${statusWords[appointment.status].label.toLowerCase()}".`;
  }
  if (guardsFor(transition, 'DOCTOR').includes('BILL_PAID')) {
    if (!appointment.bill)
      return 'Set the bill first. The patient pays it at the front desk before the visit is closed.';
    if (appointment.bill.status !== 'PAID')
      return 'Waiting for payment. Once the front desk confirms it, you can mark the patient treated.';
  }
  return undefined;
}
