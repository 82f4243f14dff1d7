import { eq } from 'drizzle-orm';
import { beforeAll, expect, it } from 'vitest';
import { bills, payments } from '../src/server/db/schema/index.ts';
import { describeEachDatabase, type Session, type TestClinic } from './support/clinic.ts';
import {
  approve,
  countRows,
  expectStatus,
  type Json,
  requestVisit,
  setBill,
  slotMaker,
} from './support/visits.ts';

describeEachDatabase('bills and payments', (use) => {
  let desk: Session;
  let slot: () => string;
  beforeAll(async () => {
    desk = await use().newUser('RECEPTIONIST');
    slot = slotMaker(use());
  });

  /** An approved visit of a new patient with a new doctor. */
  async function approvedVisit(clinic: TestClinic) {
    const patient = await clinic.newUser('PATIENT');
    const doctor = await clinic.newUser('DOCTOR', { name: 'Dr. Rosa Iris' });
    const appointment = await requestVisit(clinic, patient, doctor, slot());
    await approve(clinic, doctor, appointment.id);
    return { patient, doctor, appointmentId: appointment.id as string };
  }

  const payBill = (clinic: TestClinic, billId: string, key?: string, method = 'CARD') =>
    clinic.request('POST', `/bills/${billId}/pay`, {
      session: desk,
      body: { method, reference: 'POS-7781' },
      ...(key ? { headers: { 'idempotency-key': key } } : {}),
    });

  it('prices a visit in whole cents from 0 to 100000000 and refuses anything else', async () => {
    const clinic = use();
    const { doctor, appointmentId } = await approvedVisit(clinic);
    const put = (body: unknown) =>
      clinic.request('PUT', `/appointments/${appointmentId}/bill`, { session: doctor, body });
    for (const body of [
      { amountCents: 12.5 },
      { amountCents: -1 },
      { amountCents: 100_000_001 },
      { amountCents: '1000' },
      { amountCents: null },
      {},
      { amountCents: 1000, currency: 'EUR' },
    ]) {
      const response = await put(body);
      expect(response.statusCode, JSON.stringify(body)).toBe(400);
      expect(response.json()).toMatchObject({ status: 400, code: 'VALIDATION_FAILED' });
      expect(response.json().errors.length).toBeGreaterThan(0);
    }
    const free = await put({ amountCents: 0 });
    expect(free.statusCode).toBe(200);
    expect(free.json()).toMatchObject({ appointmentId, amountCents: 0, currency: 'USD', status: 'PENDING' });
    const top = await put({ amountCents: 100_000_000 });
    expect(top.statusCode).toBe(200);
    expect(top.json()).toMatchObject({ id: free.json().id, amountCents: 100_000_000, status: 'PENDING' });
    expect(await countRows(clinic, bills, eq(bills.appointmentId, appointmentId))).toBe(1);
  });

  it('takes a payment once: a second payment or a new price is 409 ALREADY_PAID', async () => {
    const clinic = use();
    const { patient, doctor, appointmentId } = await approvedVisit(clinic);
    const bill = await setBill(clinic, doctor, appointmentId, 12550);
    const paid = await payBill(clinic, bill.id);
    expect(paid.statusCode).toBe(200);
    expect(paid.json()).toMatchObject({
      id: bill.id,
      appointmentId,
      patient: { id: patient.id, name: patient.name },
      doctor: { id: doctor.id, name: 'Dr. Rosa Iris' },
      amountCents: 12550,
      currency: 'USD',
      status: 'PAID',
      method: 'CARD',
      reference: 'POS-7781',
    });
    expect(Date.parse(paid.json().paidAt)).not.toBeNaN();

    const again = await payBill(clinic, bill.id, undefined, 'CASH');
    expect(again.statusCode).toBe(409);
    expect(again.json()).toMatchObject({ status: 409, code: 'ALREADY_PAID' });
    const repriced = await clinic.request('PUT', `/appointments/${appointmentId}/bill`, {
      session: doctor,
      body: { amountCents: 1 },
    });
    expect(repriced.statusCode).toBe(409);
    expect(repriced.json().code).toBe('ALREADY_PAID');
    const now = await clinic.request('GET', `/bills/${bill.id}`, { session: desk });
    expect(now.json()).toMatchObject({ amountCents: 12550, method: 'CARD', status: 'PAID' });
    expect(await countRows(clinic, payments, eq(payments.billId, bill.id))).toBe(1);
  });

  it('answers a repeated Idempotency-Key with the first response, and another key with 409', async () => {
    const clinic = use();
    const { patient, doctor, appointmentId } = await approvedVisit(clinic);
    const bill = await setBill(clinic, doctor, appointmentId);
    const first = await payBill(clinic, bill.id, 'till-3-receipt-0042');
    expect(first.statusCode).toBe(200);
    const repeat = await payBill(clinic, bill.id, 'till-3-receipt-0042');
    expect(repeat.statusCode).toBe(200);
    expect(repeat.json()).toEqual(first.json());
    const otherKey = await payBill(clinic, bill.id, 'till-3-receipt-0043');
    expect(otherKey.statusCode).toBe(409);
    expect(otherKey.json().code).toBe('ALREADY_PAID');
    expect(await countRows(clinic, payments, eq(payments.billId, bill.id))).toBe(1);
    const inbox = await clinic.request('GET', '/notifications', { session: patient });
    expect(inbox.json().items.filter((n: Json) => n.type === 'REMINDER')).toHaveLength(1);
  });

  it('lets exactly one of two simultaneous payments through and records one payment', async () => {
    const clinic = use();
    const { doctor, appointmentId } = await approvedVisit(clinic);
    const bill = await setBill(clinic, doctor, appointmentId);
    const responses = await Promise.all([
      payBill(clinic, bill.id),
      payBill(clinic, bill.id, undefined, 'CASH'),
    ]);
    expect(responses.map((response) => response.statusCode).sort()).toEqual([200, 409]);
    expect(responses.find((response) => response.statusCode === 409)?.json().code).toBe('ALREADY_PAID');
    expect(await countRows(clinic, payments, eq(payments.billId, bill.id))).toBe(1);
  });

  it('answers two simultaneous payments with one Idempotency-Key alike, with one payment', async () => {
    const clinic = use();
    const { doctor, appointmentId } = await approvedVisit(clinic);
    const bill = await setBill(clinic, doctor, appointmentId);
    const responses = await Promise.all([
      payBill(clinic, bill.id, 'same-key'),
      payBill(clinic, bill.id, 'same-key'),
    ]);
    expect(responses.map((response) => response.statusCode)).toEqual([200, 200]);
    expect(responses[0]?.json()).toEqual(responses[1]?.json());
    expect(await countRows(clinic, payments, eq(payments.billId, bill.id))).toBe(1);
  });

  it('refuses a payment without a known method', async () => {
    const clinic = use();
    const { doctor, appointmentId } = await approvedVisit(clinic);
    const bill = await setBill(clinic, doctor, appointmentId);
    for (const body of [{}, { method: 'BITCOIN' }, { method: 'CASH', amountCents: 1 }]) {
      const response = await clinic.request('POST', `/bills/${bill.id}/pay`, { session: desk, body });
      expect(response.statusCode, JSON.stringify(body)).toBe(400);
    }
    expect(await countRows(clinic, payments, eq(payments.billId, bill.id))).toBe(0);
  });

  it('lists bills by status with the prescription to be dispensed, and a doctor sees only their patients', async () => {
    const clinic = use();
    const first = await approvedVisit(clinic);
    const second = await approvedVisit(clinic);
    expectStatus(
      await clinic.request('PUT', `/appointments/${first.appointmentId}/prescription`, {
        session: first.doctor,
        body: {
          medications: [
            {
              name: 'Latanoprost 0.005%',
              dosage: '1 drop',
              frequency: 'at night',
              eye: 'OD',
              duration: '3 months',
            },
          ],
          notes: 'Recheck pressure',
        },
      }),
      200,
    );
    const pending = await setBill(clinic, first.doctor, first.appointmentId, 3000);
    const settled = await setBill(clinic, second.doctor, second.appointmentId, 4000);
    expectStatus(await payBill(clinic, settled.id), 200);

    const ids = async (query: string, session: Session = desk) => {
      const response = await clinic.request('GET', `/bills?limit=100${query}`, { session });
      expect(response.statusCode).toBe(200);
      return response.json().items as Json[];
    };
    const pendingList = await ids('&status=PENDING');
    expect(pendingList.every((bill) => bill.status === 'PENDING')).toBe(true);
    const listed = pendingList.find((bill) => bill.id === pending.id);
    expect(listed).toMatchObject({
      appointmentId: first.appointmentId,
      patient: { id: first.patient.id },
      doctor: { id: first.doctor.id },
      prescription: { notes: 'Recheck pressure', medications: [{ name: 'Latanoprost 0.005%', eye: 'OD' }] },
    });
    expect(pendingList.map((bill) => bill.id)).not.toContain(settled.id);
    const paidList = await ids('&status=PAID');
    expect(paidList.every((bill) => bill.status === 'PAID')).toBe(true);
    expect(paidList.map((bill) => bill.id)).toContain(settled.id);
    expect(paidList.find((bill) => bill.id === settled.id)?.prescription).toBeNull();

    expect((await ids('', first.doctor)).map((bill) => bill.id)).toEqual([pending.id]);
    expect((await ids('', second.patient)).map((bill) => bill.id)).toEqual([settled.id]);
    const badFilter = await clinic.request('GET', '/bills?status=VOID', { session: desk });
    expect(badFilter.statusCode).toBe(400);
  });

  it('walks every bill page by page without duplicates or gaps', async () => {
    const clinic = use();
    for (let n = 0; n < 3; n++) {
      const { doctor, appointmentId } = await approvedVisit(clinic);
      await setBill(clinic, doctor, appointmentId, 100 + n);
    }
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const response = await clinic.request('GET', `/bills?limit=2${cursor ? `&cursor=${cursor}` : ''}`, {
        session: desk,
      });
      expect(response.statusCode).toBe(200);
      const page = response.json();
      expect(page.items.length).toBeLessThanOrEqual(2);
      seen.push(...page.items.map((bill: Json) => bill.id));
      cursor = page.nextCursor;
    } while (cursor);
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen.length).toBe(await countRows(clinic, bills));
  });
});
