import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import type { Bill } from '../../../shared/schemas/billing.ts';
import { apiGet } from '../../lib/api-client.ts';

export type BillPage = { items: Bill[]; nextCursor: string | null };
export type BillFilter = { status?: 'PENDING' | 'PAID' | undefined; q?: string | undefined };

/** Pending bills come first from the server (oldest first), then paid ones; more load on demand. */
export const useBills = (filter: BillFilter) =>
  useInfiniteQuery({
    queryKey: ['bills', filter],
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam, signal }) =>
      apiGet<BillPage>(
        '/bills',
        { status: filter.status, q: filter.q, cursor: pageParam, limit: 50 },
        signal,
      ),
    getNextPageParam: (page) => page.nextCursor ?? undefined,
  });

export const useBill = (id: string) =>
  useQuery({ queryKey: ['bill', id], queryFn: ({ signal }) => apiGet<Bill>(`/bills/${id}`, {}, signal) });
