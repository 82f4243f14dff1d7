import { Link } from 'react-router';
import { availableActions } from '../../../shared/domain/appointment-states.ts';
import type { Appointment } from '../../../shared/schemas/appointments.ts';
import { Page } from '../../components/page.tsx';
import { Empty, QueryView } from '../../components/states.tsx';
import { Badge, StatusBadge } from '../../components/status-badge.tsx';
import { useToast } from '../../components/toasts.tsx';
import { describeError } from '../../lib/api-error.ts';
import { clinicDay } from '../../lib/format.ts';
import { useAppointmentAction, useAppointments } from '../appointments/appointment-queries.ts';
import { useClinic } from '../clinic/clinic-context.tsx';
import { RejectButton } from './reject-dialog.tsx';

function QueueItem({ appointment, today }: { appointment: Appointment; today: string }) {
  const clinic = useClinic();
  const toast = useToast();
  const action = useAppointmentAction();
  const actions = availableActions(appointment.status, 'DOCTOR');
  const isToday = clinicDay(new Date(appointment.startAt), clinic.timezone) === today;
  return (
    <li className="card flex flex-wrap items-start justify-between gap-3" data-testid="queue-item">
      <div>
        <p className="text-lg font-semibold">
          {appointment.patient.name}
          {appointment.overdue && (
            <>
              {' '}
              <Badge tone="warn">Overdue</Badge>
            </>
          )}
          {isToday && !appointment.overdue && (
            <>
              {' '}
              <Badge tone="info">Today</Badge>
            </>
          )}
        </p>
        <p>{clinic.dateTime(appointment.startAt)}</p>
        {appointment.reason && <p className="text-muted">Reason: {appointment.reason}</p>}
        <p className="mt-1">
          <StatusBadge status={appointment.status} />
        </p>
      </div>
      <div className="flex flex-wrap gap-2">
        {actions.includes('approve') && (
          <button
            type="button"
            className="btn btn-primary min-h-10 px-3 text-sm"
            disabled={action.isPending}
            onClick={() =>
              action.mutateAsync({ id: appointment.id, action: 'approve' }).then(
                () =>
                  toast(`Approved: ${appointment.patient.name}, ${clinic.dateTime(appointment.startAt)}.`),
                (error: unknown) => toast(describeError(error)),
              )
            }
          >
            Approve<span className="sr-only"> the request of {appointment.patient.name}</span>
          </button>
        )}
        {actions.includes('reject') && <RejectButton appointment={appointment} />}
        {appointment.status === 'APPROVED' && (
          <Link className="btn btn-secondary min-h-10 px-3 text-sm" to={`/visits/${appointment.id}`}>
            Open visit<span className="sr-only"> of {appointment.patient.name}</span>
          </Link>
        )}
        <Link
          className="btn btn-secondary min-h-10 px-3 text-sm"
          to={`/patients/${appointment.patientId}/history`}
        >
          History<span className="sr-only"> of {appointment.patient.name}</span>
        </Link>
      </div>
    </li>
  );
}

function QueuePart({
  title,
  items,
  empty,
  today,
  tone,
}: {
  title: string;
  items: Appointment[];
  empty: string;
  today: string;
  tone?: 'warn';
}) {
  const id = `queue-${title.toLowerCase().replace(/\W+/g, '-')}`;
  return (
    <section
      aria-labelledby={id}
      className={tone === 'warn' ? 'mb-8 rounded-xl border-4 border-warn bg-warn-soft p-4' : 'mb-8'}
      data-testid={id}
    >
      <h2 id={id} className={`mb-3 text-xl font-semibold ${tone === 'warn' ? 'text-warn' : ''}`}>
        {title} <span className="font-normal">({items.length})</span>
      </h2>
      {tone === 'warn' && (
        <p className="mb-3 font-medium text-warn">
          Requests whose time passed without an answer, and approved visits from past days not yet closed.
        </p>
      )}
      {items.length === 0 ? (
        <Empty>{empty}</Empty>
      ) : (
        <ul className="space-y-3">
          {items.map((appointment) => (
            <QueueItem key={appointment.id} appointment={appointment} today={today} />
          ))}
        </ul>
      )}
    </section>
  );
}

export function WorkQueuePage() {
  const clinic = useClinic();
  const query = useAppointments({ status: ['REQUESTED', 'APPROVED'], order: 'asc', limit: 100 });
  const today = clinicDay(new Date(), clinic.timezone);
  return (
    <Page title="Work queue">
      <QueryView query={query} label="your queue">
        {(data) => {
          const overdue = data.items.filter((a) => a.overdue);
          const requests = data.items.filter((a) => !a.overdue && a.status === 'REQUESTED');
          const approved = data.items.filter((a) => !a.overdue && a.status === 'APPROVED');
          return (
            <>
              {overdue.length > 0 && (
                <QueuePart
                  title="Overdue"
                  tone="warn"
                  items={overdue}
                  today={today}
                  empty="Nothing overdue."
                />
              )}
              <QueuePart
                title="New requests"
                items={requests}
                today={today}
                empty="No requests waiting for you."
              />
              <QueuePart
                title="Today and upcoming"
                items={approved}
                today={today}
                empty="No approved visits ahead."
              />
            </>
          );
        }}
      </QueryView>
    </Page>
  );
}
