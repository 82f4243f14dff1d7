import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { availableActions, canRecordVisit } from '../../../shared/domain/appointment-states.ts';
import type { Appointment } from '../../../shared/schemas/appointments.ts';
import { SelectField } from '../../components/fields.tsx';
import { NotFoundPage } from '../../components/not-found-page.tsx';
import { Page, Section } from '../../components/page.tsx';
import { QueryView } from '../../components/states.tsx';
import { StatusBadge } from '../../components/status-badge.tsx';
import { useToast } from '../../components/toasts.tsx';
import { ApiError, describeError } from '../../lib/api-error.ts';
import { useAppointment, useAppointmentAction } from '../appointments/appointment-queries.ts';
import { useClinic } from '../clinic/clinic-context.tsx';
import { VisitRecord } from '../history/visit-record.tsx';
import { BillSection } from './bill-section.tsx';
import { ConsultationSection } from './consultation-section.tsx';
import { PrescriptionBuilder } from './prescription-builder.tsx';
import { treatBlocker } from './visit-forms.ts';

function CloseVisit({ appointment }: { appointment: Appointment }) {
  const toast = useToast();
  const action = useAppointmentAction();
  const [followUpMonths, setFollowUpMonths] = useState('');
  const blocker = treatBlocker(appointment);
  const started = new Date(appointment.startAt) <= new Date();
  const canNoShow = availableActions(appointment.status, 'DOCTOR').includes('no-show') && started;
  return (
    <div className="card space-y-4">
      <SelectField
        label="Recall for a follow-up (optional)"
        value={followUpMonths}
        onChange={(event) => setFollowUpMonths(event.target.value)}
        className="max-w-xs"
      >
        <option value="">No follow-up</option>
        {[1, 3, 6, 12, 24].map((months) => (
          <option key={months} value={months}>
            In {months} {months === 1 ? 'month' : 'months'}
          </option>
        ))}
      </SelectField>
      <div className="flex flex-wrap items-center gap-3">
        <button
          type="button"
          className="btn btn-primary"
          disabled={blocker !== undefined || action.isPending}
          aria-describedby="treat-blocker"
          onClick={() =>
            action
              .mutateAsync({
                id: appointment.id,
                action: 'treat',
                body: followUpMonths ? { followUpMonths: Number(followUpMonths) } : {},
              })
              .then(
                () => toast(`${appointment.patient.name} is marked treated.`),
                (error: unknown) => toast(describeError(error)),
              )
          }
        >
          Mark as treated
        </button>
        {canNoShow && (
          <button
            type="button"
            className="btn btn-danger"
            disabled={action.isPending}
            onClick={() =>
              action.mutateAsync({ id: appointment.id, action: 'no-show' }).then(
                () => toast(`${appointment.patient.name} is marked as not attended.`),
                (error: unknown) => toast(describeError(error)),
              )
            }
          >
            Patient did not come
          </button>
        )}
      </div>
      <p id="treat-blocker" className={blocker ? 'font-medium text-warn' : 'text-muted'}>
        {blocker ?? 'The bill is paid: you can close the visit.'}
      </p>
    </div>
  );
}

export function VisitPage() {
  const { id = '' } = useParams();
  const clinic = useClinic();
  const query = useAppointment(id);
  if (query.error instanceof ApiError && (query.error.status === 404 || query.error.status === 400))
    return <NotFoundPage />;
  const title = query.data ? `Visit: ${query.data.patient.name}` : 'Visit';
  return (
    <Page title={title}>
      <QueryView query={query} label="the visit">
        {(appointment) => (
          <>
            <div className="card mb-6 flex flex-wrap items-start justify-between gap-3">
              <div>
                <p className="text-lg font-semibold">{clinic.dateTime(appointment.startAt)}</p>
                {appointment.reason && <p>Reason: {appointment.reason}</p>}
                <p className="mt-1">
                  <StatusBadge status={appointment.status} />
                </p>
              </div>
              <Link to={`/patients/${appointment.patientId}/history`}>
                Past visits of {appointment.patient.name}
              </Link>
            </div>
            {canRecordVisit(appointment.status) ? (
              <>
                <Section title="Consultation and eye examination">
                  <ConsultationSection appointment={appointment} />
                </Section>
                <Section title="Prescription">
                  <PrescriptionBuilder appointment={appointment} />
                </Section>
                <Section title="Bill">
                  <BillSection appointment={appointment} />
                </Section>
                <Section title="Close the visit">
                  <CloseVisit appointment={appointment} />
                </Section>
              </>
            ) : (
              <Section title="Visit record">
                <VisitRecord appointment={appointment} />
              </Section>
            )}
          </>
        )}
      </QueryView>
    </Page>
  );
}
