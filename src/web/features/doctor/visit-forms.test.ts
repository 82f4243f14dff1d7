import { describe, expect, it } from 'vitest';
import { consultationBody, prescriptionBody } from '../../../shared/schemas/appointments.ts';
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
      toPrescriptionBody({ medications: [{ ...emptyMedication, name: 'Atropine 1%' }], notes: '' }),
    );
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((issue) => issue.path.join('.'))).toContain('medications.0.dosage');
  });

  it('starts with one empty line, or with the saved lines', () => {
    expect(prescriptionForm(null).medications).toEqual([emptyMedication]);
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
