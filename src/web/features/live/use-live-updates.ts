import { type QueryClient, useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { refreshSession } from '../auth/session.ts';

/** Which cached screens each live event makes stale. */
export const staleQueriesByEvent: Record<string, (id: string) => unknown[][]> = {
  'appointment.updated': (id) => [['appointments'], ['appointment', id], ['history'], ['bills']],
  'bill.updated': (id) => [['bills'], ['bill', id], ['appointments'], ['appointment']],
  'notification.created': () => [['notifications']],
};

export function invalidateFor(client: QueryClient, type: string, id: string): void {
  for (const queryKey of staleQueriesByEvent[type]?.(id) ?? []) void client.invalidateQueries({ queryKey });
}

/**
 * Listens to /api/v1/events (signed in by the refresh cookie) and refetches what changed, so the
 * doctor's queue, the patient's inbox and the front desk's bills update without a reload.
 */
export function useLiveUpdates(): void {
  const client = useQueryClient();
  useEffect(() => {
    let source: EventSource | undefined;
    let retry: ReturnType<typeof setTimeout> | undefined;
    let stopped = false;
    const open = () => {
      source = new EventSource('/api/v1/events');
      for (const type of Object.keys(staleQueriesByEvent)) {
        source.addEventListener(type, (message) => {
          const { id } = JSON.parse((message as MessageEvent<string>).data) as { id: string };
          invalidateFor(client, type, id);
        });
      }
      source.onopen = () => {
        // Anything may have changed while the stream was down.
        void client.invalidateQueries();
      };
      source.onerror = () => {
        if (source?.readyState !== EventSource.CLOSED || stopped) return;
        // The server refused the stream (its cookie had rotated or expired): renew it, then reconnect.
        retry = setTimeout(() => {
          void refreshSession().then((ok) => {
            if (ok && !stopped) open();
          });
        }, 3000);
      };
    };
    open();
    return () => {
      stopped = true;
      clearTimeout(retry);
      source?.close();
    };
  }, [client]);
}
