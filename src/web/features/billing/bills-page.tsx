import { useState } from 'react';
import { Link } from 'react-router';
import { SelectField, TextField } from '../../components/fields.tsx';
import { Page } from '../../components/page.tsx';
import { ShowMore } from '../../components/show-more.tsx';
import { Empty, ErrorState, Loading } from '../../components/states.tsx';
import { Badge } from '../../components/status-badge.tsx';
import { TableScroll } from '../../components/table-scroll.tsx';
import { useDebounced } from '../../lib/use-debounced.ts';
import { useClinic } from '../clinic/clinic-context.tsx';
import { type BillFilter, useBills } from './bill-queries.ts';

export function BillsPage() {
  const clinic = useClinic();
  const [status, setStatus] = useState<BillFilter['status']>(undefined);
  const [search, setSearch] = useState('');
  const q = useDebounced(search.trim());
  const query = useBills({ status, q: q || undefined });
  const bills = query.data?.pages.flatMap((page) => page.items) ?? [];
  return (
    <Page
      title="Bills"
      actions={
        <Link className="btn btn-primary" to="/book">
          Book for a patient
        </Link>
      }
    >
      <search className="mb-4 flex flex-wrap gap-4" aria-label="Filter bills">
        <SelectField
          label="Status"
          value={status ?? ''}
          onChange={(event) => setStatus((event.target.value || undefined) as BillFilter['status'])}
          className="w-48"
        >
          <option value="">All (pending first)</option>
          <option value="PENDING">Pending</option>
          <option value="PAID">Paid</option>
        </SelectField>
        <TextField
          label="Patient name"
          type="search"
          value={search}
          onChange={(event) => setSearch(event.target.value)}
          className="w-64"
        />
      </search>
      {query.isPending ? (
        <Loading label="Loading bills" />
      ) : query.isError ? (
        <ErrorState error={query.error} onRetry={() => void query.refetch()} />
      ) : bills.length === 0 ? (
        <Empty>{q || status ? 'No bills match.' : 'No bills yet. Doctors set them during visits.'}</Empty>
      ) : (
        <>
          <TableScroll label="Bills">
            <table className="w-full text-left">
              <caption className="sr-only">Bills, pending first</caption>
              <thead>
                <tr className="border-b border-line">
                  <th scope="col" className="p-3">
                    Patient
                  </th>
                  <th scope="col" className="p-3">
                    Visit
                  </th>
                  <th scope="col" className="p-3">
                    Doctor
                  </th>
                  <th scope="col" className="p-3 text-right">
                    Amount
                  </th>
                  <th scope="col" className="p-3">
                    Status
                  </th>
                </tr>
              </thead>
              <tbody>
                {bills.map((bill) => (
                  <tr key={bill.id} className="border-b border-line/60" data-testid="bill-row">
                    <td className="p-3">
                      <Link to={`/bills/${bill.id}`}>{bill.patient.name}</Link>
                    </td>
                    <td className="p-3">{clinic.dateTime(bill.appointmentStartAt)}</td>
                    <td className="p-3">{bill.doctor.name}</td>
                    <td className="p-3 text-right font-semibold">
                      {clinic.money(bill.amountCents, bill.currency)}
                    </td>
                    <td className="p-3">
                      {bill.status === 'PAID' ? (
                        <Badge tone="ok">Paid</Badge>
                      ) : (
                        <Badge tone="warn">Pending</Badge>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
          <ShowMore query={query} label="Show more bills" />
        </>
      )}
    </Page>
  );
}
