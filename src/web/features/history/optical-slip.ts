import { eyeNames } from '../../../shared/domain/ophthalmic.ts';
import type { Prescription } from '../../../shared/schemas/appointments.ts';

type Glasses = NonNullable<Prescription['glasses']>;
type ContactLenses = NonNullable<Prescription['contactLenses']>;
type Lens = ContactLenses['right'];

/** A lens power as an optician writes it: a sign (a true minus, not a hyphen) and two decimals. */
export function signedDioptres(value: number | undefined): string {
  if (value === undefined) return '—';
  if (value === 0) return '0.00';
  return `${value > 0 ? '+' : '\u2212'}${Math.abs(value).toFixed(2)}`;
}

const axisDegrees = (axis: number | undefined) => (axis === undefined ? '—' : `${axis}°`);
const millimetres = (value: number | undefined) => (value === undefined ? '—' : String(value));

/** Columns under their optician's abbreviation; `name` is what a screen reader says instead. */
export type SlipColumn = { abbreviation: string; name: string };
/** One row per eye, right (OD) first, as on a printed prescription. */
export type Slip = { columns: SlipColumn[]; rows: { eye: string; cells: string[] }[] };

const refractionColumns: SlipColumn[] = [
  { abbreviation: 'SPH', name: 'Sphere' },
  { abbreviation: 'CYL', name: 'Cylinder' },
  { abbreviation: 'AXIS', name: 'Axis' },
  { abbreviation: 'ADD', name: 'Add' },
];
const refractionCells = (eye: Glasses['right']) => [
  signedDioptres(eye.sphere),
  signedDioptres(eye.cylinder),
  axisDegrees(eye.axis),
  signedDioptres(eye.add),
];

export function glassesSlip(glasses: Glasses): Slip {
  return {
    columns: refractionColumns,
    rows: [
      { eye: eyeNames.OD, cells: refractionCells(glasses.right) },
      { eye: eyeNames.OS, cells: refractionCells(glasses.left) },
    ],
  };
}

const lensCells = (lens: Lens) => [
  ...refractionCells(lens),
  millimetres(lens.baseCurveMm),
  millimetres(lens.diameterMm),
];

export function contactLensSlip(lenses: ContactLenses): Slip {
  return {
    columns: [
      ...refractionColumns,
      { abbreviation: 'BC', name: 'Base curve, mm' },
      { abbreviation: 'DIA', name: 'Diameter, mm' },
    ],
    rows: [
      { eye: eyeNames.OD, cells: lensCells(lenses.right) },
      { eye: eyeNames.OS, cells: lensCells(lenses.left) },
    ],
  };
}
