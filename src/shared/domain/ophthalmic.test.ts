import { describe, expect, it } from 'vitest';
import { eyeExam, glassesPrescription, isRaisedPressure, refraction, visualAcuity } from './ophthalmic.ts';

describe('visual acuity', () => {
  it.each(['6/6', '6/12', '20/20', '20/40', '6/60', '3/60', 'CF', 'HM', 'PL', 'NPL', ' 6/9 '])(
    'accepts %j',
    (value) => {
      expect(visualAcuity.safeParse(value).success).toBe(true);
    },
  );

  it('is stored without surrounding spaces', () => {
    expect(visualAcuity.parse(' 6/9 ')).toBe('6/9');
  });

  it.each(['', '6', '6/', '/6', '6-6', '0.5', '6/1000', '100/20', 'cf', 'LP', '6/6 OD', 6])(
    'refuses %j',
    (value) => {
      expect(visualAcuity.safeParse(value).success).toBe(false);
    },
  );
});

describe('refraction', () => {
  it('accepts spheres, cylinders and adds in quarter dioptres within range', () => {
    expect(refraction.safeParse({ sphere: -2.25, cylinder: -0.75, axis: 180, add: 2.5 }).success).toBe(true);
    expect(refraction.safeParse({ sphere: 0 }).success).toBe(true);
    expect(refraction.safeParse({ sphere: 30, cylinder: -10, axis: 1, add: 4 }).success).toBe(true);
    expect(refraction.safeParse({ sphere: -30, cylinder: 10 }).success).toBe(true);
  });

  it.each([
    ['a sphere off the quarter-dioptre steps', { sphere: -2.2 }],
    ['a cylinder off the steps', { sphere: 1, cylinder: 0.3 }],
    ['an add off the steps', { sphere: 1, add: 1.1 }],
    ['a sphere beyond 30 D', { sphere: 30.25 }],
    ['a cylinder beyond 10 D', { sphere: 0, cylinder: -10.25 }],
    ['a negative add', { sphere: 0, add: -0.25 }],
    ['an add above 4 D', { sphere: 0, add: 4.25 }],
    ['an axis of 0', { sphere: 0, cylinder: -1, axis: 0 }],
    ['an axis above 180', { sphere: 0, cylinder: -1, axis: 181 }],
    ['a fractional axis', { sphere: 0, cylinder: -1, axis: 90.5 }],
    ['a missing sphere', { cylinder: -1 }],
    ['a sphere given as text', { sphere: '-2.00' }],
    ['an unknown field', { sphere: 0, prism: 1 }],
  ])('refuses %s', (_what, value) => {
    expect(refraction.safeParse(value).success).toBe(false);
  });
});

describe('an eye examination', () => {
  it('takes findings per eye and refuses what it does not know', () => {
    expect(
      eyeExam.safeParse({
        right: { visualAcuityUnaided: '6/9', intraocularPressure: 14, refraction: { sphere: -1 } },
        left: { visualAcuityCorrected: '6/6', intraocularPressure: 0 },
        pupils: 'PERRLA',
      }).success,
    ).toBe(true);
    expect(eyeExam.safeParse({ right: { intraocularPressure: 81 } }).success).toBe(false);
    expect(eyeExam.safeParse({ right: { intraocularPressure: -1 } }).success).toBe(false);
    expect(eyeExam.safeParse({ centre: {} }).success).toBe(false);
  });

  it('needs both eyes in a glasses prescription and a plausible pupillary distance', () => {
    expect(glassesPrescription.safeParse({ right: { sphere: -1 }, left: { sphere: -1.25 } }).success).toBe(
      true,
    );
    expect(glassesPrescription.safeParse({ right: { sphere: -1 } }).success).toBe(false);
    expect(
      glassesPrescription.safeParse({ right: { sphere: 0 }, left: { sphere: 0 }, pupillaryDistanceMm: 39 })
        .success,
    ).toBe(false);
  });

  it('flags pressure above 21 mmHg as raised', () => {
    expect(isRaisedPressure(21)).toBe(false);
    expect(isRaisedPressure(22)).toBe(true);
  });
});
