import { findTransition, guardsFor } from '../../../shared/domain/appointment-states.ts';
import type { Eye } from '../../../shared/domain/ophthalmic.ts';
import type { Appointment } from '../../../shared/schemas/appointments.ts';
import { statusWords } from '../../lib/status-words.ts';

const text = (value: string | undefined) => {
  const trimmed = value?.trim() ?? '';
  return trimmed === '' ? undefined : trimmed;
};
const number = (value: string | undefined) => {
  const trimmed = text(value);
  return trimmed === undefined ? undefined : Number(trimmed.replace(',', '.'));
};
/** Drops the properties left blank, and the whole object when nothing in it was filled. */
function compact<T extends Record<string, unknown>>(value: T): T | undefined {
  const entries = Object.entries(value).filter(([, item]) => item !== undefined);
  return entries.length === 0 ? undefined : (Object.fromEntries(entries) as T);
}

export type EyeForm = {
  visualAcuityUnaided: string;
  visualAcuityCorrected: string;
  refraction: { sphere: string; cylinder: string; axis: string; add: string };
  intraocularPressure: string;
};
export type ConsultationForm = { notes: string; exam: { right: EyeForm; left: EyeForm } };

type SavedEye = NonNullable<NonNullable<NonNullable<Appointment['consultation']>['exam']>['right']>;

const show = (value: number | undefined) => (value === undefined ? '' : String(value));

function eyeForm(eye: SavedEye | undefined): EyeForm {
  return {
    visualAcuityUnaided: eye?.visualAcuityUnaided ?? '',
    visualAcuityCorrected: eye?.visualAcuityCorrected ?? '',
    refraction: {
      sphere: show(eye?.refraction?.sphere),
      cylinder: show(eye?.refraction?.cylinder),
      axis: show(eye?.refraction?.axis),
      add: show(eye?.refraction?.add),
    },
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
    refraction: compact({
      sphere: number(eye.refraction.sphere),
      cylinder: number(eye.refraction.cylinder),
      axis: number(eye.refraction.axis),
      add: number(eye.refraction.add),
    }),
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
export type PrescriptionForm = { medications: MedicationForm[]; notes: string };

export const emptyMedication: MedicationForm = {
  name: '',
  dosage: '',
  frequency: '',
  duration: '',
  eye: '',
  instructions: '',
};

export function prescriptionForm(prescription: Appointment['prescription']): PrescriptionForm {
  if (!prescription) return { medications: [{ ...emptyMedication }], notes: '' };
  return {
    medications: prescription.medications.map((item) => ({
      name: item.name,
      dosage: item.dosage,
      frequency: item.frequency,
      duration: item.duration ?? '',
      eye: item.eye ?? '',
      instructions: item.instructions ?? '',
    })),
    notes: prescription.notes ?? '',
  };
}

/** The prescription builder's lines in the shape of the prescription body; required parts stay as typed. */
export function toPrescriptionBody(form: PrescriptionForm) {
  return compact({
    medications: form.medications.map((line) =>
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
