import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { notificationsPage } from '../../../shared/schemas/notifications.ts';
import { api, apiGet } from '../../lib/api-client.ts';

export type NotificationsPage = z.infer<typeof notificationsPage>;

export const useNotifications = (unreadOnly = false, limit = 50) =>
  useQuery({
    queryKey: ['notifications', { unreadOnly, limit }],
    queryFn: () =>
      apiGet<NotificationsPage>('/notifications', { unread: unreadOnly ? 'true' : undefined, limit }),
  });

export function useMarkRead() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api<void>('POST', `/notifications/${id}/read`),
    onSettled: () => client.invalidateQueries({ queryKey: ['notifications'] }),
  });
}
