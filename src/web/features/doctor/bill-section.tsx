import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { parseMoney } from '../../../shared/domain/money.ts';
import type { Appointment } from '../../../shared/schemas/appointments.ts';
import { billBody } from '../../../shared/schemas/appointments.ts';
import { FormAlert, TextField } from '../../components/fields.tsx';
import { useToast } from '../../components/toasts.tsx';
import { api } from '../../lib/api-client.ts';
import { describeError } from '../../lib/api-error.ts';
import { useClinic } from '../clinic/clinic-context.tsx';
import { BillSummary } from '../history/visit-record.tsx';

/** Typed money ("85", "1,250.50") as the bill body, or the reason it is not a bill amount. */
export function billFromText(text: string): { amountCents: number } | { error: string } {
  const amountCents = parseMoney(text);
  if (amountCents === undefined) return { error: 'Enter an amount such as 85.00' };
  const parsed = billBody.safeParse({ amountCents });
  return parsed.success ? parsed.data : { error: parsed.error.issues[0]?.message ?? 'Not a valid amount' };
}

export function BillSection({ appointment }: { appointment: Appointment }) {
  const clinic = useClinic();
  const client = useQueryClient();
  const toast = useToast();
  const bill = appointment.bill;
  const [amount, setAmount] = useState(bill ? (bill.amountCents / 100).toFixed(2) : '');
  const [fieldError, setFieldError] = useState<string>();
  const [failure, setFailure] = useState<string>();
  const [saving, setSaving] = useState(false);
  if (bill?.status === 'PAID') return <BillSummary bill={bill} />;
  return (
    <form
      noValidate
      className="card space-y-4"
      onSubmit={async (event) => {
        event.preventDefault();
        setFailure(undefined);
        const body = billFromText(amount);
        if ('error' in body) {
          setFieldError(body.error);
          return;
        }
        setFieldError(undefined);
        setSaving(true);
        try {
          await api('PUT', `/appointments/${appointment.id}/bill`, { body });
          await client.invalidateQueries({ queryKey: ['appointment', appointment.id] });
          toast(`Bill set to ${clinic.money(body.amountCents)}.`);
        } catch (error) {
          setFailure(describeError(error));
        } finally {
          setSaving(false);
        }
      }}
    >
      <FormAlert message={failure} />
      {bill && <BillSummary bill={bill} />}
      <TextField
        label={`Amount (${clinic.currency})`}
        inputMode="decimal"
        value={amount}
        onChange={(event) => setAmount(event.target.value)}
        error={fieldError}
        hint="The patient pays this at the front desk."
        className="max-w-xs"
      />
      <button type="submit" className="btn btn-primary" disabled={saving}>
        {bill ? 'Change the bill' : 'Set the bill'}
      </button>
    </form>
  );
}
