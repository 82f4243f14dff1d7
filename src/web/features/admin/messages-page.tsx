import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import {
  type Delivery,
  type DeliverySummary,
  deliveryChannels,
  deliveryStatuses,
} from '../../../shared/schemas/deliveries.ts';
import { SelectField } from '../../components/fields.tsx';
import { Page } from '../../components/page.tsx';
import { ShowMore } from '../../components/show-more.tsx';
import { Empty, ErrorState, Loading } from '../../components/states.tsx';
import { Badge } from '../../components/status-badge.tsx';
import { TableScroll } from '../../components/table-scroll.tsx';
import { useToast } from '../../components/toasts.tsx';
import { api, apiGet } from '../../lib/api-client.ts';
import { ApiError, describeError } from '../../lib/api-error.ts';
import { useClinic } from '../clinic/clinic-context.tsx';

const statusTone = {
  PENDING: 'info',
  SENDING: 'info',
  SENT: 'ok',
  FAILED: 'danger',
  CANCELLED: 'muted',
} as const;
const channelWords = { EMAIL: 'E-mail', SMS: 'Text message' } as const;

/** A server without the deliveries module answers 404 for the whole route: say so instead of failing. */
const isMissingService = (error: unknown) => error instanceof ApiError && error.status === 404;

function Counts() {
  const query = useQuery({
    queryKey: ['deliveries', 'summary'],
    queryFn: ({ signal }) => apiGet<DeliverySummary>('/deliveries/summary', {}, signal),
    refetchInterval: 15_000,
  });
  if (query.isPending) return <Loading label="Counting messages" />;
  if (query.isError)
    return isMissingService(query.error) ? null : (
      <ErrorState error={query.error} onRetry={() => void query.refetch()} />
    );
  const counts = [
    ['Waiting', query.data.pending, 'info'],
    ['Sending', query.data.sending, 'info'],
    ['Sent', query.data.sent, 'ok'],
    ['Failed', query.data.failed, 'danger'],
  ] as const;
  return (
    <dl className="mb-6 grid grid-cols-2 gap-3 sm:grid-cols-4">
      {counts.map(([label, count, tone]) => (
        <div key={label} className={`card ${tone === 'danger' && count > 0 ? 'border-2 border-danger' : ''}`}>
          <dt className="text-muted">{label}</dt>
          <dd className="text-3xl font-bold">{count}</dd>
        </div>
      ))}
    </dl>
  );
}

function RetryButton({ delivery }: { delivery: Delivery }) {
  const client = useQueryClient();
  const toast = useToast();
  const retry = useMutation({
    mutationFn: () => api<Delivery>('POST', `/deliveries/${delivery.id}/retry`),
    onSuccess: () =>
      toast(
        `The ${channelWords[delivery.channel].toLowerCase()} to ${delivery.patient.name} will be sent again.`,
      ),
    onError: (error) => toast(describeError(error)),
    onSettled: () => client.invalidateQueries({ queryKey: ['deliveries'] }),
  });
  return (
    <button
      type="button"
      className="btn btn-secondary min-h-10 px-3 text-sm"
      disabled={retry.isPending}
      onClick={() => retry.mutate()}
    >
      Retry<span className="sr-only"> the message to {delivery.patient.name}</span>
    </button>
  );
}

export function MessagesPage() {
  const clinic = useClinic();
  const [status, setStatus] = useState('');
  const [channel, setChannel] = useState('');
  const query = useInfiniteQuery({
    queryKey: ['deliveries', 'list', status, channel],
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam, signal }) =>
      apiGet<{ items: Delivery[]; nextCursor: string | null }>(
        '/deliveries',
        { status, channel, cursor: pageParam, limit: 50 },
        signal,
      ),
    getNextPageParam: (page) => page.nextCursor ?? undefined,
  });
  const deliveries = query.data?.pages.flatMap((page) => page.items) ?? [];
  return (
    <Page title="Messages to patients">
      {query.isError && isMissingService(query.error) ? (
        <Empty>This server does not track e-mail and text deliveries yet.</Empty>
      ) : (
        <>
          <Counts />
          <search aria-label="Filter messages" className="mb-4 flex flex-wrap gap-4">
            <SelectField
              label="Status"
              value={status}
              onChange={(e) => setStatus(e.target.value)}
              className="w-48"
            >
              <option value="">Any status</option>
              {deliveryStatuses.map((value) => (
                <option key={value} value={value}>
                  {value.charAt(0) + value.slice(1).toLowerCase()}
                </option>
              ))}
            </SelectField>
            <SelectField
              label="Channel"
              value={channel}
              onChange={(e) => setChannel(e.target.value)}
              className="w-48"
            >
              <option value="">E-mail and text</option>
              {deliveryChannels.map((value) => (
                <option key={value} value={value}>
                  {channelWords[value]}
                </option>
              ))}
            </SelectField>
          </search>
          {query.isPending ? (
            <Loading label="Loading messages" />
          ) : query.isError ? (
            <ErrorState error={query.error} onRetry={() => void query.refetch()} />
          ) : deliveries.length === 0 ? (
            <Empty>No messages match.</Empty>
          ) : (
            <>
              <TableScroll label="Messages">
                <table className="w-full text-left text-sm">
                  <caption className="sr-only">E-mail and text messages to patients, newest first</caption>
                  <thead>
                    <tr className="border-b border-line">
                      <th scope="col" className="p-2">
                        Patient
                      </th>
                      <th scope="col" className="p-2">
                        Message
                      </th>
                      <th scope="col" className="p-2">
                        Channel
                      </th>
                      <th scope="col" className="p-2">
                        Due
                      </th>
                      <th scope="col" className="p-2">
                        Status
                      </th>
                      <th scope="col" className="p-2">
                        Attempts
                      </th>
                      <th scope="col" className="p-2">
                        <span className="sr-only">Actions</span>
                      </th>
                    </tr>
                  </thead>
                  <tbody>
                    {deliveries.map((delivery) => (
                      <tr key={delivery.id} className="border-b border-line/60 align-top">
                        <td className="p-2">{delivery.patient.name}</td>
                        <td className="p-2">{delivery.type.toLowerCase().replaceAll('_', ' ')}</td>
                        <td className="p-2">{channelWords[delivery.channel]}</td>
                        <td className="whitespace-nowrap p-2">{clinic.dateTime(delivery.dueAt)}</td>
                        <td className="p-2">
                          <Badge tone={statusTone[delivery.status]}>{delivery.status.toLowerCase()}</Badge>
                          {delivery.lastError && (
                            <span className="mt-1 block text-danger">{delivery.lastError}</span>
                          )}
                        </td>
                        <td className="p-2">{delivery.attempts}</td>
                        <td className="p-2">
                          {delivery.status === 'FAILED' && <RetryButton delivery={delivery} />}
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </TableScroll>
              <ShowMore query={query} label="Show more messages" />
            </>
          )}
        </>
      )}
    </Page>
  );
}
