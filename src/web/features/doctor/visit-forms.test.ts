import { describe, expect, it } from 'vitest';
import { consultationBody, prescriptionBody } from '../../../shared/schemas/appointments.ts';
import { numberBoxError } from '../../lib/schema-resolver.ts';
import { billFromText } from './bill-section.tsx';
import {
  consultationForm,
  emptyMedication,
  prescriptionForm,
  toConsultationBody,
  toPrescriptionBody,
  treatBlocker,
} from './visit-forms.ts';

describe('prescription builder', () => {
  it('sends each typed line, leaving blank optional parts out', () => {
    const body = toPrescriptionBody({
      ...prescriptionForm(null),
      medications: [
        { ...emptyMedication, name: ' Timolol 0.5% ', dosage: '1 drop', frequency: 'Twice daily', eye: 'OS' },
        {
          ...emptyMedication,
          name: 'Lubricant',
          dosage: '1 drop',
          frequency: 'As needed',
          duration: '4 weeks',
        },
      ],
      notes: '  ',
    });
    expect(body).toEqual({
      medications: [
        { name: 'Timolol 0.5%', dosage: '1 drop', frequency: 'Twice daily', eye: 'OS' },
        { name: 'Lubricant', dosage: '1 drop', frequency: 'As needed', duration: '4 weeks' },
      ],
    });
    expect(prescriptionBody.safeParse(body).success).toBe(true);
  });

  it('keeps an unfinished line so that the schema names the missing field of that line', () => {
    const result = prescriptionBody.safeParse(
      toPrescriptionBody({
        ...prescriptionForm(null),
        medications: [{ ...emptyMedication, name: 'Atropine 1%' }],
      }),
    );
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((issue) => issue.path.join('.'))).toContain('medications.0.dosage');
  });

  it('drops the untouched medication line of a glasses-only prescription, but not of one without glasses', () => {
    const form = prescriptionForm(null);
    form.glasses = {
      ...form.glasses,
      include: true,
      right: { sphere: '-1', cylinder: '', axis: '', add: '' },
    };
    form.glasses.left = { sphere: '-1.5', cylinder: '', axis: '', add: '' };
    const body = toPrescriptionBody(form);
    expect(body?.medications).toEqual([]);
    expect(prescriptionBody.safeParse(body).success).toBe(true);
    expect(toPrescriptionBody(prescriptionForm(null))?.medications).toHaveLength(1);
  });

  it('starts with one empty line, or with the saved lines', () => {
    expect(prescriptionForm(null).medications).toEqual([emptyMedication]);
  });
});

describe('glasses and contact lenses in the prescription', () => {
  const medications = [{ ...emptyMedication, name: 'Lubricant', dosage: '1 drop', frequency: 'As needed' }];

  it('sends glasses only once the doctor includes them, typed text read as dioptres', () => {
    const form = { ...prescriptionForm(null), medications };
    form.glasses.right = { sphere: '-1,25', cylinder: '−0.50', axis: '90', add: '' };
    form.glasses.left.sphere = '+0.75';
    form.glasses.pupillaryDistanceMm = '62';
    expect(toPrescriptionBody(form)).not.toHaveProperty('glasses');

    form.glasses.include = true;
    const body = toPrescriptionBody(form);
    expect(body?.glasses).toEqual({
      right: { sphere: -1.25, cylinder: -0.5, axis: 90 },
      left: { sphere: 0.75 },
      pupillaryDistanceMm: 62,
    });
    expect(prescriptionBody.safeParse(body).success).toBe(true);
  });

  it('names a blank or unreadable sphere beside its box', () => {
    const form = { ...prescriptionForm(null), medications };
    form.contactLenses.include = true;
    form.contactLenses.left.sphere = 'minus two';
    const result = prescriptionBody.safeParse(toPrescriptionBody(form), { error: numberBoxError });
    expect(result.error?.issues.map((issue) => [issue.path.join('.'), issue.message])).toEqual([
      ['contactLenses.right.sphere', 'required'],
      ['contactLenses.left.sphere', 'enter a number'],
    ]);
  });

  it('refuses an axis beyond 180°, a negative add and a cylinder off the quarter steps, in plain words', () => {
    const form = { ...prescriptionForm(null), medications };
    form.glasses.include = true;
    form.glasses.right = { sphere: '-2', cylinder: '-0.6', axis: '181', add: '-1' };
    form.glasses.left.sphere = '-2';
    const result = prescriptionBody.safeParse(toPrescriptionBody(form), { error: numberBoxError });
    expect(result.error?.issues.map((issue) => [issue.path.join('.'), issue.message])).toEqual([
      ['glasses.right.cylinder', 'in steps of 0.25 D'],
      ['glasses.right.axis', 'at most 180'],
      ['glasses.right.add', 'at least 0'],
    ]);
  });

  it('opens a saved prescription with its glasses and lenses, and saves them back unchanged', () => {
    const saved = {
      id: '1',
      appointmentId: '1',
      medications: [
        {
          name: 'Lubricant',
          dosage: '1 drop',
          frequency: 'As needed',
          duration: null,
          eye: null,
          instructions: null,
        },
      ],
      notes: null,
      glasses: { right: { sphere: -1.25, cylinder: -0.5, axis: 90, add: 2 }, left: { sphere: 0 } },
      contactLenses: {
        right: { sphere: -1, baseCurveMm: 8.6, diameterMm: 14.2 },
        left: { sphere: -1.25, cylinder: -0.75, axis: 180 },
        brand: 'Acuvue Oasys',
      },
      createdAt: '',
      updatedAt: '',
    };
    const form = prescriptionForm(saved);
    expect(form.glasses.include).toBe(true);
    expect(form.glasses.left.sphere).toBe('0');
    expect(form.contactLenses.right.baseCurveMm).toBe('8.6');
    const body = toPrescriptionBody(form);
    expect(body?.glasses).toEqual(saved.glasses);
    expect(body?.contactLenses).toEqual(saved.contactLenses);
  });

  it('starts with glasses and lenses left out of a new prescription', () => {
    const form = prescriptionForm(null);
    expect([form.glasses.include, form.contactLenses.include]).toEqual([false, false]);
  });
});

describe('eye examination', () => {
  it('turns typed findings into numbers and drops an eye left blank', () => {
    const form = consultationForm(null);
    form.notes = 'Routine check';
    form.exam.right.visualAcuityUnaided = '6/9';
    form.exam.right.refraction.sphere = '-1,25';
    form.exam.right.intraocularPressure = '18';
    const body = toConsultationBody(form);
    expect(body).toEqual({
      notes: 'Routine check',
      exam: { right: { visualAcuityUnaided: '6/9', refraction: { sphere: -1.25 }, intraocularPressure: 18 } },
    });
    expect(consultationBody.safeParse(body).success).toBe(true);
  });

  it('lets the schema refuse a sphere that is not in quarter dioptres', () => {
    const form = consultationForm(null);
    form.notes = 'x';
    form.exam.left.refraction.sphere = '-1.3';
    const result = consultationBody.safeParse(toConsultationBody(form));
    expect(result.error?.issues[0]?.path.join('.')).toBe('exam.left.refraction.sphere');
  });
});

describe('money typed for a bill', () => {
  it.each([
    ['85', 8500],
    ['85.5', 8550],
    ['1,250.00', 125000],
  ])('%s is %i cents', (text, cents) => {
    expect(billFromText(text)).toEqual({ amountCents: cents });
  });

  it.each(['', 'abc', '12.345', '-5'])('"%s" is refused with a reason', (text) => {
    expect(billFromText(text)).toHaveProperty('error');
  });
});

describe('why "Mark as treated" waits', () => {
  const bill = (status: 'PENDING' | 'PAID') => ({
    id: '0',
    appointmentId: '0',
    amountCents: 100,
    currency: 'USD',
    status,
    method: null,
    reference: null,
    createdAt: '',
    paidAt: null,
  });
  it('asks for a bill, then for its payment, then allows it', () => {
    expect(treatBlocker({ status: 'APPROVED', bill: null })).toMatch(/Set the bill first/);
    expect(treatBlocker({ status: 'APPROVED', bill: bill('PENDING') })).toMatch(/Waiting for payment/);
    expect(treatBlocker({ status: 'APPROVED', bill: bill('PAID') })).toBeUndefined();
  });
  it('explains a visit that can no longer be treated', () => {
    expect(treatBlocker({ status: 'REJECTED', bill: null })).toMatch(/declined/);
  });
});
