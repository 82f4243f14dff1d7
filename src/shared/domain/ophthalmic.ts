import { z } from 'zod';

export const eyes = ['OD', 'OS', 'OU'] as const;
export type Eye = (typeof eyes)[number];
export const eyeNames: Record<Eye, string> = {
  OD: 'Right eye (OD)',
  OS: 'Left eye (OS)',
  OU: 'Both eyes (OU)',
};

/** Snellen acuity as written in the chart: 6/6, 6/12, 20/40, or the low-vision notations. */
export const visualAcuity = z
  .string()
  .trim()
  .regex(
    /^(\d{1,2}\/\d{1,3}|CF|HM|PL|NPL)$/,
    'use Snellen notation such as 6/6 or 20/40, or CF, HM, PL, NPL',
  );

const quarterDioptre = (min: number, max: number) =>
  z
    .number()
    .min(min)
    .max(max)
    .refine((value) => Number.isInteger(value * 4), 'in steps of 0.25 D');

export const refraction = z.strictObject({
  sphere: quarterDioptre(-30, 30),
  cylinder: quarterDioptre(-10, 10).optional(),
  axis: z.number().int().min(1).max(180).optional(),
  add: quarterDioptre(0, 4).optional(),
});

/** Findings of one eye. Intra-ocular pressure in mmHg. */
export const eyeFindings = z.strictObject({
  visualAcuityUnaided: visualAcuity.optional(),
  visualAcuityCorrected: visualAcuity.optional(),
  refraction: refraction.optional(),
  intraocularPressure: z.number().min(0).max(80).optional(),
  anteriorSegment: z.string().max(2000).optional(),
  posteriorSegment: z.string().max(2000).optional(),
});

export const eyeExam = z.strictObject({
  right: eyeFindings.optional(),
  left: eyeFindings.optional(),
  pupils: z.string().max(500).optional(),
  motility: z.string().max(500).optional(),
});
export type EyeExam = z.infer<typeof eyeExam>;

export const glassesPrescription = z.strictObject({
  right: refraction,
  left: refraction,
  pupillaryDistanceMm: z.number().min(40).max(80).optional(),
  notes: z.string().max(1000).optional(),
});

export const contactLensPrescription = z.strictObject({
  right: refraction.extend({
    baseCurveMm: z.number().min(7).max(10).optional(),
    diameterMm: z.number().min(8).max(16).optional(),
  }),
  left: refraction.extend({
    baseCurveMm: z.number().min(7).max(10).optional(),
    diameterMm: z.number().min(8).max(16).optional(),
  }),
  brand: z.string().max(200).optional(),
  notes: z.string().max(1000).optional(),
});

/** Intra-ocular pressure above 21 mmHg is the usual threshold for suspected ocular hypertension. */
export function isRaisedPressure(mmHg: number): boolean {
  return mmHg > 21;
}
