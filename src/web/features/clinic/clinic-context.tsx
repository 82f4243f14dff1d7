import { useQuery } from '@tanstack/react-query';
import { createContext, type ReactNode, useContext, useMemo } from 'react';
import { formatMoney } from '../../../shared/domain/money.ts';
import type { ClinicInfo } from '../../../shared/schemas/clinic.ts';
import { Loading } from '../../components/states.tsx';
import { apiGet } from '../../lib/api-client.ts';
import { formatDate, formatDateTime, formatTime } from '../../lib/format.ts';

export type Clinic = ClinicInfo & {
  dateTime(iso: string): string;
  date(iso: string): string;
  time(iso: string): string;
  money(amountCents: number, currency?: string): string;
};

const fallback: ClinicInfo = { name: 'Eye Clinic', timezone: 'UTC', currency: 'USD' };

function clinicWith(info: ClinicInfo): Clinic {
  return {
    ...info,
    dateTime: (iso) => formatDateTime(iso, info.timezone),
    date: (iso) => formatDate(iso, info.timezone),
    time: (iso) => formatTime(iso, info.timezone),
    money: (amountCents, currency = info.currency) => formatMoney(amountCents, currency),
  };
}

const ClinicContext = createContext<Clinic>(clinicWith(fallback));

/** Times and money appear in the clinic's zone and currency, whatever the browser's own settings. */
export function ClinicProvider({ children }: { children: ReactNode }) {
  const query = useQuery({
    queryKey: ['clinic'],
    queryFn: () => apiGet<ClinicInfo>('/clinic'),
    staleTime: Number.POSITIVE_INFINITY,
  });
  const value = useMemo(() => clinicWith(query.data ?? fallback), [query.data]);
  // Wait for the zone before drawing any time, so that nothing flickers from UTC to clinic time.
  if (query.isPending) return <Loading label="Opening the clinic" />;
  return <ClinicContext value={value}>{children}</ClinicContext>;
}

export function useClinic(): Clinic {
  return useContext(ClinicContext);
}
