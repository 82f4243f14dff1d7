import { describe, expect, it } from 'vitest';
import { contactLensSlip, glassesSlip, signedDioptres } from './optical-slip.ts';

describe("a lens power as on an optician's slip", () => {
  it.each([
    [-1.25, '\u22121.25'],
    [0.5, '+0.50'],
    [3, '+3.00'],
    [0, '0.00'],
    [-0, '0.00'],
    [undefined, '—'],
  ])('%s is written %s', (value, written) => {
    expect(signedDioptres(value)).toBe(written);
  });
});

describe('the glasses and contact lens tables', () => {
  it('shows the right eye first, each eye with sphere, cylinder, axis and add', () => {
    const slip = glassesSlip({
      right: { sphere: -1.25, cylinder: -0.5, axis: 90, add: 2 },
      left: { sphere: 0.75 },
    });
    expect(slip.columns.map((column) => column.abbreviation)).toEqual(['SPH', 'CYL', 'AXIS', 'ADD']);
    expect(slip.rows).toEqual([
      { eye: 'Right eye (OD)', cells: ['\u22121.25', '\u22120.50', '90°', '+2.00'] },
      { eye: 'Left eye (OS)', cells: ['+0.75', '—', '—', '—'] },
    ]);
  });

  it('adds base curve and diameter for contact lenses, with spoken column names', () => {
    const slip = contactLensSlip({
      right: { sphere: -3, baseCurveMm: 8.6, diameterMm: 14.2 },
      left: { sphere: -2.75 },
    });
    expect(slip.columns.slice(4)).toEqual([
      { abbreviation: 'BC', name: 'Base curve, mm' },
      { abbreviation: 'DIA', name: 'Diameter, mm' },
    ]);
    expect(slip.rows[0]?.cells).toEqual(['\u22123.00', '—', '—', '—', '8.6', '14.2']);
    expect(slip.rows[1]?.cells.slice(4)).toEqual(['—', '—']);
  });
});
