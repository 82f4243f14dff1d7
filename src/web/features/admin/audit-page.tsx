import { useInfiniteQuery } from '@tanstack/react-query';
import { DateTime } from 'luxon';
import { useState } from 'react';
import type { z } from 'zod';
import type { auditEvent } from '../../../shared/schemas/audit.ts';
import { SelectField, TextField } from '../../components/fields.tsx';
import { Page } from '../../components/page.tsx';
import { ShowMore } from '../../components/show-more.tsx';
import { Empty, ErrorState, Loading } from '../../components/states.tsx';
import { Badge } from '../../components/status-badge.tsx';
import { TableScroll } from '../../components/table-scroll.tsx';
import { apiGet } from '../../lib/api-client.ts';
import { useDebounced } from '../../lib/use-debounced.ts';
import { useClinic } from '../clinic/clinic-context.tsx';
import { useStaff } from './staff-page.tsx';

type AuditEvent = z.infer<typeof auditEvent>;
type Filters = { actorId: string; patientId: string; action: string; from: string; to: string };

const outcomeTone = { SUCCESS: 'ok', DENIED: 'danger', FAILED: 'warn' } as const;
const uuidPattern = /^[0-9a-f-]{36}$/i;

/** A clinic-local day as the instant it starts (or ends): the audit filter's bounds. */
function dayBound(date: string, timezone: string, edge: 'start' | 'end'): string | undefined {
  if (!date) return undefined;
  const day = DateTime.fromISO(date, { zone: timezone });
  return (edge === 'start' ? day.startOf('day') : day.endOf('day')).toUTC().toISO() ?? undefined;
}

export function AuditPage() {
  const clinic = useClinic();
  const staff = useStaff();
  const [filters, setFilters] = useState<Filters>({
    actorId: '',
    patientId: '',
    action: '',
    from: '',
    to: '',
  });
  const settled = useDebounced(filters);
  const patientId = settled.patientId.trim();
  const query = useInfiniteQuery({
    queryKey: ['audit', settled],
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam, signal }) =>
      apiGet<{ items: AuditEvent[]; nextCursor: string | null }>(
        '/audit',
        {
          actorId: settled.actorId,
          patientId: uuidPattern.test(patientId) ? patientId : undefined,
          action: settled.action.trim(),
          from: dayBound(settled.from, clinic.timezone, 'start'),
          to: dayBound(settled.to, clinic.timezone, 'end'),
          cursor: pageParam,
          limit: 50,
        },
        signal,
      ),
    getNextPageParam: (page) => page.nextCursor ?? undefined,
  });
  const names = new Map((staff.data ?? []).map((user) => [user.id, user.name]));
  const events = query.data?.pages.flatMap((page) => page.items) ?? [];
  const set = (key: keyof Filters) => (event: { target: { value: string } }) =>
    setFilters((current) => ({ ...current, [key]: event.target.value }));
  const patientIdInvalid = patientId !== '' && !uuidPattern.test(patientId);
  return (
    <Page title="Audit log">
      <search
        aria-label="Filter the audit log"
        className="card mb-4 grid gap-4 sm:grid-cols-2 lg:grid-cols-5"
      >
        <SelectField label="Staff member" value={filters.actorId} onChange={set('actorId')}>
          <option value="">Anyone</option>
          {(staff.data ?? []).map((user) => (
            <option key={user.id} value={user.id}>
              {user.name}
            </option>
          ))}
        </SelectField>
        <TextField
          label="Patient ID"
          value={filters.patientId}
          onChange={set('patientId')}
          error={patientIdInvalid ? 'A patient ID looks like 0192…-…' : undefined}
        />
        <TextField label="Action" hint="e.g. bill.pay" value={filters.action} onChange={set('action')} />
        <TextField label="From" type="date" value={filters.from} onChange={set('from')} />
        <TextField label="To" type="date" value={filters.to} onChange={set('to')} />
      </search>
      {query.isPending ? (
        <Loading label="Loading the audit log" />
      ) : query.isError ? (
        <ErrorState error={query.error} onRetry={() => void query.refetch()} />
      ) : events.length === 0 ? (
        <Empty>No events match these filters.</Empty>
      ) : (
        <>
          <TableScroll label="Audit events">
            <table className="w-full text-left text-sm">
              <caption className="sr-only">Audit events, newest first</caption>
              <thead>
                <tr className="border-b border-line">
                  <th scope="col" className="p-2">
                    When
                  </th>
                  <th scope="col" className="p-2">
                    Who
                  </th>
                  <th scope="col" className="p-2">
                    Action
                  </th>
                  <th scope="col" className="p-2">
                    Record
                  </th>
                  <th scope="col" className="p-2">
                    Patient
                  </th>
                  <th scope="col" className="p-2">
                    Outcome
                  </th>
                </tr>
              </thead>
              <tbody>
                {events.map((event) => (
                  <tr key={event.id} className="border-b border-line/60 align-top">
                    <td className="whitespace-nowrap p-2">{clinic.dateTime(event.at)}</td>
                    <td className="p-2">
                      {event.actorId ? (names.get(event.actorId) ?? 'Patient') : 'System'}
                      {event.actorRole && (
                        <span className="block text-muted">{event.actorRole.toLowerCase()}</span>
                      )}
                    </td>
                    <td className="p-2 font-mono">{event.action}</td>
                    <td className="p-2">
                      {event.resourceType}
                      {event.resourceId && (
                        <span className="block font-mono text-muted">{event.resourceId.slice(0, 8)}…</span>
                      )}
                    </td>
                    <td className="p-2 font-mono">
                      {event.patientId ? `${event.patientId.slice(0, 8)}…` : '—'}
                    </td>
                    <td className="p-2">
                      <Badge tone={outcomeTone[event.outcome]}>{event.outcome.toLowerCase()}</Badge>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
          <ShowMore query={query} label="Show older events" />
        </>
      )}
    </Page>
  );
}
