import type { Prescription } from '../../../shared/schemas/appointments.ts';
import { TableScroll } from '../../components/table-scroll.tsx';
import { contactLensSlip, glassesSlip, type Slip } from './optical-slip.ts';

function SlipTable({ caption, slip }: { caption: string; slip: Slip }) {
  return (
    <TableScroll label={`${caption} prescription`} framed={false}>
      <table className="text-left">
        <caption className="pb-1 text-left font-semibold">{caption}</caption>
        <thead>
          <tr className="border-b border-line">
            <th scope="col" className="py-1 pr-4">
              Eye
            </th>
            {slip.columns.map((column) => (
              <th key={column.abbreviation} scope="col" className="py-1 pl-6 text-right">
                <span aria-hidden="true">{column.abbreviation}</span>
                <span className="sr-only">{column.name}</span>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {slip.rows.map((row) => (
            <tr key={row.eye} className="border-b border-line/50">
              <th scope="row" className="py-1 pr-4 font-medium">
                {row.eye}
              </th>
              {row.cells.map((cell, index) => (
                <td key={slip.columns[index]?.abbreviation} className="py-1 pl-6 text-right tabular-nums">
                  {cell}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}

/** The glasses and contact lens parts of a prescription, each as an optician's slip. */
export function OpticalPrescription({ prescription }: { prescription: Prescription }) {
  const { glasses, contactLenses } = prescription;
  return (
    <>
      {glasses && (
        <div>
          <SlipTable caption="Glasses" slip={glassesSlip(glasses)} />
          {glasses.pupillaryDistanceMm !== undefined && (
            <p className="mt-1">Pupillary distance: {glasses.pupillaryDistanceMm} mm</p>
          )}
          {glasses.notes && <p className="mt-1">Notes: {glasses.notes}</p>}
        </div>
      )}
      {contactLenses && (
        <div>
          <SlipTable caption="Contact lenses" slip={contactLensSlip(contactLenses)} />
          {contactLenses.brand && <p className="mt-1">Brand: {contactLenses.brand}</p>}
          {contactLenses.notes && <p className="mt-1">Notes: {contactLenses.notes}</p>}
        </div>
      )}
    </>
  );
}
