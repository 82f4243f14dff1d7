import { useQuery } from '@tanstack/react-query';
import { apiGet } from '../../lib/api-client.ts';
import { ApiError } from '../../lib/api-error.ts';
import { defaultSlots, type Slot } from './default-slots.ts';

export type Doctor = { id: string; name: string; specialty: string | null };

export const useDoctors = () =>
  useQuery({
    queryKey: ['doctors'],
    queryFn: ({ signal }) => apiGet<{ items: Doctor[] }>('/doctors', { limit: 100 }, signal),
    staleTime: 5 * 60_000,
  });

/** Free times from the scheduling endpoint; where a server has none yet, the default hours. */
export const useFreeSlots = (doctorId: string, date: string, timezone: string) =>
  useQuery({
    queryKey: ['slots', doctorId, date],
    enabled: Boolean(doctorId && date),
    queryFn: async ({ signal }) => {
      try {
        return (await apiGet<{ items: Slot[] }>(`/doctors/${doctorId}/slots`, { date }, signal)).items;
      } catch (error) {
        if (error instanceof ApiError && error.status === 404)
          return defaultSlots(date, timezone, new Date());
        throw error;
      }
    },
  });
