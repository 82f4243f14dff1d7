import type { ReactNode } from 'react';
import { Link } from 'react-router';
import type { Appointment } from '../../../shared/schemas/appointments.ts';
import { StatusBadge } from '../../components/status-badge.tsx';
import { useClinic } from '../clinic/clinic-context.tsx';

/** One appointment as a patient sees it: when, with whom, its status in words, and the doctor's note. */
export function AppointmentCard({ appointment, actions }: { appointment: Appointment; actions?: ReactNode }) {
  const clinic = useClinic();
  return (
    <li className="card" data-testid="appointment">
      <div className="flex flex-wrap items-start justify-between gap-2">
        <div>
          <h3 className="text-lg font-semibold">
            <Link to={`/appointments/${appointment.id}`}>{clinic.dateTime(appointment.startAt)}</Link>
          </h3>
          <p className="text-muted">{appointment.doctor.name}</p>
        </div>
        <StatusBadge status={appointment.status} />
      </div>
      {appointment.reason && <p className="mt-2">Reason: {appointment.reason}</p>}
      {appointment.doctorNote && (
        <p className="mt-2 rounded-lg border border-line bg-canvas p-2">
          <span className="font-semibold">Note from the doctor:</span> {appointment.doctorNote}
        </p>
      )}
      {actions && <div className="mt-3 flex flex-wrap gap-3">{actions}</div>}
    </li>
  );
}
