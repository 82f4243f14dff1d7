import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import type { z } from 'zod';
import { liveStatuses } from '../../../shared/domain/appointment-states.ts';
import type { Appointment } from '../../../shared/schemas/appointments.ts';
import type { schedulingSettings } from '../../../shared/schemas/scheduling.ts';
import { apiGet } from '../../lib/api-client.ts';
import { clinicDay } from '../../lib/format.ts';
import { useUser } from '../auth/use-session.ts';
import { useClinic } from '../clinic/clinic-context.tsx';
import { MoveAppointmentDialog } from './move-appointment-dialog.tsx';

/**
 * "Move" on a patient's own visit: offered while it is live and, once confirmed, only until the
 * clinic's cut-off (the server checks the same rule).
 */
export function MoveMyVisit({ appointment }: { appointment: Appointment }) {
  const user = useUser();
  const clinic = useClinic();
  const [open, setOpen] = useState(false);
  const settings = useQuery({
    queryKey: ['scheduling-settings'],
    queryFn: ({ signal }) => apiGet<z.infer<typeof schedulingSettings>>('/settings/scheduling', {}, signal),
    staleTime: 5 * 60_000,
  });
  if (user.role !== 'PATIENT' || !settings.data) return null;
  if (!(liveStatuses as readonly string[]).includes(appointment.status)) return null;
  const cutoff = new Date(appointment.startAt).getTime() - settings.data.patientChangeCutoffHours * 3_600_000;
  if (appointment.status === 'APPROVED' && Date.now() >= cutoff) return null;
  return (
    <>
      <button type="button" className="btn btn-secondary min-h-10 px-3 text-sm" onClick={() => setOpen(true)}>
        Move this visit
      </button>
      <MoveAppointmentDialog
        target={
          open
            ? {
                id: appointment.id,
                doctorId: appointment.doctorId,
                patientName: appointment.patient.name,
                startAt: appointment.startAt,
                date: clinicDay(new Date(appointment.startAt), clinic.timezone),
              }
            : undefined
        }
        onClose={() => setOpen(false)}
      />
    </>
  );
}
