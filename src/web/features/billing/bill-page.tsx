import { zodResolver } from '@hookform/resolvers/zod';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { Link, useParams } from 'react-router';
import type { z } from 'zod';
import { paymentMethods } from '../../../shared/schemas/appointments.ts';
import { type Bill, payBody } from '../../../shared/schemas/billing.ts';
import { FormAlert, SelectField, TextField } from '../../components/fields.tsx';
import { NotFoundPage } from '../../components/not-found-page.tsx';
import { Page, Section } from '../../components/page.tsx';
import { QueryView } from '../../components/states.tsx';
import { useToast } from '../../components/toasts.tsx';
import { api } from '../../lib/api-client.ts';
import { ApiError } from '../../lib/api-error.ts';
import { emptyAsUndefined } from '../../lib/form-values.ts';
import { applyServerErrors } from '../../lib/server-errors.ts';
import { paymentMethodWords } from '../../lib/status-words.ts';
import { useClinic } from '../clinic/clinic-context.tsx';
import { BillSummary, PrescriptionRecord } from '../history/visit-record.tsx';
import { useBill } from './bill-queries.ts';

function ConfirmPayment({ bill }: { bill: Bill }) {
  const client = useQueryClient();
  const toast = useToast();
  const clinic = useClinic();
  const [failure, setFailure] = useState<string>();
  // One key per payment form: a double click or a retried request pays once.
  const [idempotencyKey] = useState(() => crypto.randomUUID());
  const form = useForm<z.input<typeof payBody>, unknown, z.output<typeof payBody>>({
    resolver: zodResolver(payBody),
    defaultValues: { method: 'CARD' },
  });
  const submit = form.handleSubmit(async (values) => {
    setFailure(undefined);
    try {
      const paid = await api<Bill>('POST', `/bills/${bill.id}/pay`, {
        body: values,
        headers: { 'idempotency-key': idempotencyKey },
      });
      client.setQueryData(['bill', bill.id], paid);
      await client.invalidateQueries({ queryKey: ['bills'] });
      toast(
        `Payment of ${clinic.money(paid.amountCents, paid.currency)} confirmed for ${paid.patient.name}.`,
      );
    } catch (error) {
      setFailure(applyServerErrors(error, form.setError, ['method', 'reference']));
      if (error instanceof ApiError && error.code === 'ALREADY_PAID')
        await client.invalidateQueries({ queryKey: ['bill', bill.id] });
    }
  });
  return (
    <form onSubmit={submit} noValidate className="card max-w-xl space-y-4">
      <FormAlert message={failure} />
      <SelectField
        label="Payment method"
        error={form.formState.errors.method?.message}
        {...form.register('method')}
      >
        {paymentMethods.map((method) => (
          <option key={method} value={method}>
            {paymentMethodWords[method]}
          </option>
        ))}
      </SelectField>
      <TextField
        label="Reference (optional)"
        hint="Card slip, insurance claim or transfer number."
        error={form.formState.errors.reference?.message}
        {...form.register('reference', { setValueAs: emptyAsUndefined })}
      />
      <button type="submit" className="btn btn-primary" disabled={form.formState.isSubmitting}>
        {form.formState.isSubmitting
          ? 'Confirming…'
          : `Confirm payment of ${clinic.money(bill.amountCents, bill.currency)}`}
      </button>
    </form>
  );
}

export function BillPage() {
  const { id = '' } = useParams();
  const clinic = useClinic();
  const query = useBill(id);
  if (query.error instanceof ApiError && (query.error.status === 404 || query.error.status === 400))
    return <NotFoundPage />;
  return (
    <Page title={query.data ? `Bill for ${query.data.patient.name}` : 'Bill'}>
      <p className="mb-4">
        <Link to="/">All bills</Link>
      </p>
      <QueryView query={query} label="the bill">
        {(bill) => (
          <>
            <div className="card mb-6 space-y-1">
              <p>
                Visit on {clinic.dateTime(bill.appointmentStartAt)} with {bill.doctor.name}
              </p>
              <BillSummary bill={bill} />
              <p>
                <Link to={`/patients/${bill.patient.id}/history`}>History of {bill.patient.name}</Link>
              </p>
            </div>
            <Section title="Prescription">
              {bill.prescription ? (
                <div className="card">
                  <PrescriptionRecord prescription={bill.prescription} />
                </div>
              ) : (
                <p className="text-muted">No prescription for this visit.</p>
              )}
            </Section>
            {bill.status === 'PENDING' && (
              <Section title="Confirm payment">
                <ConfirmPayment bill={bill} />
              </Section>
            )}
          </>
        )}
      </QueryView>
    </Page>
  );
}
