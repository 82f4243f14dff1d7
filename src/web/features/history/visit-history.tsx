import { useQuery } from '@tanstack/react-query';
import type { Appointment } from '../../../shared/schemas/appointments.ts';
import { QueryView } from '../../components/states.tsx';
import { apiGet } from '../../lib/api-client.ts';
import { useClinic } from '../clinic/clinic-context.tsx';
import { VisitRecord } from './visit-record.tsx';

export type History = {
  patient: { id: string; name: string };
  items: Appointment[];
  nextCursor: string | null;
};

export const usePatientHistory = (patientId: string) =>
  useQuery({
    queryKey: ['history', patientId],
    queryFn: ({ signal }) => apiGet<History>(`/patients/${patientId}/history`, { limit: 100 }, signal),
  });

export function VisitHistory({ patientId }: { patientId: string }) {
  const clinic = useClinic();
  const query = usePatientHistory(patientId);
  return (
    <QueryView
      query={query}
      label="the history"
      isEmpty={(data) => data.items.length === 0}
      empty="No completed visits yet."
    >
      {(data) => (
        <ol className="space-y-4" aria-label="Completed visits, newest first">
          {data.items.map((visit) => (
            <li key={visit.id} className="card" data-testid="history-visit">
              <h2 className="text-lg font-semibold">{clinic.date(visit.startAt)}</h2>
              <p className="mb-3 text-muted">
                {visit.doctor.name}
                {visit.reason && ` · ${visit.reason}`}
              </p>
              <VisitRecord appointment={visit} />
            </li>
          ))}
        </ol>
      )}
    </QueryView>
  );
}
