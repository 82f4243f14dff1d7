import { eyeNames } from '../../../shared/domain/ophthalmic.ts';
import type { Appointment, Prescription } from '../../../shared/schemas/appointments.ts';
import { Badge } from '../../components/status-badge.tsx';
import { TableScroll } from '../../components/table-scroll.tsx';
import { paymentMethodWords } from '../../lib/status-words.ts';
import { useClinic } from '../clinic/clinic-context.tsx';
import { OpticalPrescription } from './optical-prescription.tsx';
import { signedDioptres } from './optical-slip.ts';

type Exam = NonNullable<NonNullable<Appointment['consultation']>['exam']>;
type Refraction = NonNullable<NonNullable<Exam['right']>['refraction']>;

export function refractionText(refraction: Refraction | undefined): string {
  if (!refraction) return '—';
  const parts = [`${signedDioptres(refraction.sphere)} DS`];
  if (refraction.cylinder !== undefined) parts.push(`${signedDioptres(refraction.cylinder)} DC`);
  if (refraction.axis !== undefined) parts.push(`× ${refraction.axis}°`);
  if (refraction.add !== undefined) parts.push(`add ${signedDioptres(refraction.add)}`);
  return parts.join(' ');
}

export function EyeExamTable({ exam }: { exam: Exam }) {
  const rows: [string, (eye: Exam['right']) => string][] = [
    ['Visual acuity, unaided', (eye) => eye?.visualAcuityUnaided ?? '—'],
    ['Visual acuity, corrected', (eye) => eye?.visualAcuityCorrected ?? '—'],
    ['Refraction', (eye) => refractionText(eye?.refraction)],
    [
      'Intra-ocular pressure',
      (eye) => (eye?.intraocularPressure === undefined ? '—' : `${eye.intraocularPressure} mmHg`),
    ],
  ];
  return (
    <TableScroll label="Eye examination" framed={false}>
      <table className="w-full text-left">
        <caption className="sr-only">Eye examination</caption>
        <thead>
          <tr className="border-b border-line">
            <th scope="col" className="py-1 pr-3">
              Finding
            </th>
            <th scope="col" className="py-1 pr-3">
              Right eye (OD)
            </th>
            <th scope="col" className="py-1">
              Left eye (OS)
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map(([label, read]) => (
            <tr key={label} className="border-b border-line/50">
              <th scope="row" className="py-1 pr-3 font-medium">
                {label}
              </th>
              <td className="py-1 pr-3">{read(exam.right)}</td>
              <td className="py-1">{read(exam.left)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}

function PrescriptionTable({ prescription }: { prescription: Prescription }) {
  return (
    <TableScroll label="Prescribed medications" framed={false}>
      <table className="w-full text-left">
        <caption className="sr-only">Prescribed medications</caption>
        <thead>
          <tr className="border-b border-line">
            <th scope="col" className="py-1 pr-3">
              Medication
            </th>
            <th scope="col" className="py-1 pr-3">
              Dosage
            </th>
            <th scope="col" className="py-1 pr-3">
              Frequency
            </th>
            <th scope="col" className="py-1 pr-3">
              Duration
            </th>
            <th scope="col" className="py-1 pr-3">
              Eye
            </th>
            <th scope="col" className="py-1">
              Instructions
            </th>
          </tr>
        </thead>
        <tbody>
          {prescription.medications.map((item, index) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: a saved prescription's lines have no id and never reorder
            <tr key={index} className="border-b border-line/50 align-top">
              <td className="py-1 pr-3 font-medium">{item.name}</td>
              <td className="py-1 pr-3">{item.dosage}</td>
              <td className="py-1 pr-3">{item.frequency}</td>
              <td className="py-1 pr-3">{item.duration ?? '—'}</td>
              <td className="py-1 pr-3">{item.eye ? eyeNames[item.eye] : '—'}</td>
              <td className="py-1">{item.instructions ?? '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {prescription.notes && <p className="mt-2">Notes: {prescription.notes}</p>}
    </TableScroll>
  );
}

/** The whole prescription: medications, then glasses and contact lenses when prescribed. */
export function PrescriptionRecord({ prescription }: { prescription: Prescription }) {
  return (
    <div className="space-y-3">
      <PrescriptionTable prescription={prescription} />
      <OpticalPrescription prescription={prescription} />
    </div>
  );
}

export function BillSummary({ bill }: { bill: NonNullable<Appointment['bill']> }) {
  const clinic = useClinic();
  return (
    <p className="flex flex-wrap items-center gap-2">
      <span className="text-lg font-semibold">{clinic.money(bill.amountCents, bill.currency)}</span>
      {bill.status === 'PAID' ? <Badge tone="ok">Paid</Badge> : <Badge tone="warn">Awaiting payment</Badge>}
      {bill.paidAt && (
        <span className="text-muted">
          {clinic.dateTime(bill.paidAt)}
          {bill.method && ` · ${paymentMethodWords[bill.method]}`}
          {bill.reference && ` · ref. ${bill.reference}`}
        </span>
      )}
    </p>
  );
}

/** A visit's consultation, examination, prescription and bill, as a patient or a clinician reads it. */
export function VisitRecord({ appointment }: { appointment: Appointment }) {
  const { consultation, prescription, bill } = appointment;
  if (!consultation && !prescription && !bill)
    return <p className="text-muted">Nothing recorded for this visit yet.</p>;
  return (
    <div className="space-y-4">
      {consultation && (
        <div>
          <h3 className="font-semibold">Consultation notes</h3>
          <p className="whitespace-pre-line">{consultation.notes}</p>
          {consultation.diagnoses && consultation.diagnoses.length > 0 && (
            <ul className="mt-2 list-disc pl-6">
              {consultation.diagnoses.map((diagnosis) => (
                <li key={diagnosis.code}>
                  {diagnosis.label} ({diagnosis.code}
                  {diagnosis.eye ? `, ${eyeNames[diagnosis.eye]}` : ''})
                </li>
              ))}
            </ul>
          )}
          {consultation.exam && (
            <div className="mt-3">
              <h3 className="font-semibold">Eye examination</h3>
              <EyeExamTable exam={consultation.exam} />
            </div>
          )}
        </div>
      )}
      {prescription && (
        <div>
          <h3 className="font-semibold">Prescription</h3>
          <PrescriptionRecord prescription={prescription} />
        </div>
      )}
      {bill && (
        <div>
          <h3 className="font-semibold">Bill</h3>
          <BillSummary bill={bill} />
        </div>
      )}
    </div>
  );
}
