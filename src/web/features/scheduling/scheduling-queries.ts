import { useQuery } from '@tanstack/react-query';
import type { DayView, DoctorSchedule, Recall, Slot, TimeOff } from '../../../shared/schemas/scheduling.ts';
import { apiGet } from '../../lib/api-client.ts';

export const useSchedule = (doctorId: string) =>
  useQuery({
    queryKey: ['schedule', doctorId],
    queryFn: ({ signal }) => apiGet<DoctorSchedule>(`/doctors/${doctorId}/schedule`, {}, signal),
  });

export const useTimeOff = (doctorId: string, from: string) =>
  useQuery({
    queryKey: ['time-off', doctorId],
    queryFn: ({ signal }) =>
      apiGet<{ items: TimeOff[] }>(`/doctors/${doctorId}/time-off`, { from, limit: 100 }, signal),
  });

export const useDayView = (date: string) =>
  useQuery({
    queryKey: ['day-view', date],
    queryFn: ({ signal }) => apiGet<DayView>('/schedule/day', { date }, signal),
  });

export const useRecalls = () =>
  useQuery({
    queryKey: ['recalls'],
    queryFn: ({ signal }) => apiGet<{ items: Recall[] }>('/recalls', { status: 'DUE', limit: 100 }, signal),
  });

export const useSlots = (doctorId: string, date: string) =>
  useQuery({
    queryKey: ['slots', doctorId, date],
    enabled: Boolean(doctorId && date),
    queryFn: ({ signal }) =>
      apiGet<{ items: Slot[] }>(`/doctors/${doctorId}/slots`, { date }, signal).then((page) => page.items),
  });
