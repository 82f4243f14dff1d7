import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { AppointmentAction, AppointmentStatus } from '../../../shared/domain/appointment-states.ts';
import type { Appointment } from '../../../shared/schemas/appointments.ts';
import { api, apiGet } from '../../lib/api-client.ts';

export type AppointmentList = { items: Appointment[]; nextCursor: string | null };
export type AppointmentFilter = {
  status?: AppointmentStatus[];
  from?: string;
  to?: string;
  order?: 'asc' | 'desc';
  overdue?: boolean;
  limit?: number;
};

export const useAppointments = (filter: AppointmentFilter) =>
  useQuery({
    queryKey: ['appointments', filter],
    queryFn: ({ signal }) =>
      apiGet<AppointmentList>(
        '/appointments',
        {
          status: filter.status?.join(','),
          from: filter.from,
          to: filter.to,
          order: filter.order,
          overdue: filter.overdue === undefined ? undefined : String(filter.overdue),
          limit: filter.limit ?? 100,
        },
        signal,
      ),
  });

export const useAppointment = (id: string) =>
  useQuery({
    queryKey: ['appointment', id],
    queryFn: ({ signal }) => apiGet<Appointment>(`/appointments/${id}`, {}, signal),
  });

/** Approve, reject, cancel, no-show or treat: every status change goes through the server's state machine. */
export function useAppointmentAction() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, action, body }: { id: string; action: AppointmentAction; body?: unknown }) =>
      api<Appointment>('POST', `/appointments/${id}/${action}`, body === undefined ? {} : { body }),
    onSuccess: (appointment) => client.setQueryData(['appointment', appointment.id], appointment),
    onSettled: () =>
      Promise.all([
        client.invalidateQueries({ queryKey: ['appointments'] }),
        client.invalidateQueries({ queryKey: ['appointment'] }),
        client.invalidateQueries({ queryKey: ['history'] }),
      ]),
  });
}
