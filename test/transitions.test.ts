import { afterEach, beforeAll, expect, it } from 'vitest';
import type { AppointmentStatus } from '../src/shared/domain/appointment-states.ts';
import { describeEachDatabase, nextWeekdayAt, type Session, type TestClinic } from './support/clinic.ts';
import {
  advanceTo,
  approve,
  expectStatus,
  footprint,
  type Json,
  pay,
  requestVisit,
  setBill,
  slotMaker,
} from './support/visits.ts';

type Cast = {
  patient: Session & { password: string };
  doctor: Session & { password: string };
  desk: Session;
};

const bodyOf = (action: string) =>
  action === 'reject' ? { note: 'Not needed' } : action === 'cancel' ? {} : undefined;

describeEachDatabase('moving an appointment through its states', (use) => {
  let desk: Session & { password: string };
  beforeAll(async () => {
    desk = await use().newUser('RECEPTIONIST');
  });
  afterEach(() => use().clock.reset());

  async function cast(clinic: TestClinic, phone?: string): Promise<Cast> {
    return {
      patient: await clinic.newUser('PATIENT', phone ? { phone } : {}),
      doctor: await clinic.newUser('DOCTOR'),
      desk,
    };
  }

  const act = (clinic: TestClinic, session: Session, id: string, action: string, ...body: unknown[]) => {
    const payload = body.length > 0 ? body[0] : bodyOf(action);
    return clinic.request('POST', `/appointments/${id}/${action}`, {
      session,
      ...(payload !== undefined ? { body: payload } : {}),
    });
  };

  /** One appointment in each status the doctor can reach without waiting, plus a no-show. */
  async function appointmentsInEveryState(
    clinic: TestClinic,
    people: Cast,
  ): Promise<Record<AppointmentStatus, string>> {
    const slot = slotMaker(clinic);
    const book = async () => (await requestVisit(clinic, people.patient, people.doctor, slot())).id as string;
    const requested = await book();
    const approved = await book();
    await approve(clinic, people.doctor, approved);
    const rejected = await book();
    expectStatus(await act(clinic, people.doctor, rejected, 'reject'), 200);
    const cancelled = await book();
    expectStatus(await act(clinic, people.desk, cancelled, 'cancel'), 200);
    const treated = await book();
    await approve(clinic, people.doctor, treated);
    await pay(clinic, people.desk, (await setBill(clinic, people.doctor, treated)).id);
    expectStatus(await act(clinic, people.doctor, treated, 'treat'), 200);
    const noShowSlot = slot();
    const noShow = (await requestVisit(clinic, people.patient, people.doctor, noShowSlot)).id as string;
    await approve(clinic, people.doctor, noShow);
    advanceTo(clinic, noShowSlot, 60_000);
    const lateDoctor = await clinic.signIn(people.doctor.email, people.doctor.password);
    expectStatus(await act(clinic, lateDoctor, noShow, 'no-show'), 200);
    clinic.clock.reset();
    return {
      REQUESTED: requested,
      APPROVED: approved,
      REJECTED: rejected,
      CANCELLED: cancelled,
      TREATED: treated,
      NO_SHOW: noShow,
    };
  }

  it('refuses every action the state does not allow with 409 INVALID_TRANSITION and writes nothing', async () => {
    const clinic = use();
    const people = await cast(clinic, '+14155550111');
    const ids = await appointmentsInEveryState(clinic, people);
    const refused: [AppointmentStatus, string, Session][] = [
      ['REQUESTED', 'no-show', people.doctor],
      ['REQUESTED', 'treat', people.doctor],
      ['APPROVED', 'approve', people.doctor],
      ['APPROVED', 'reject', people.doctor],
      ['APPROVED', 'treat', people.doctor],
      ['APPROVED', 'no-show', people.doctor],
    ];
    for (const status of ['REJECTED', 'CANCELLED', 'TREATED', 'NO_SHOW'] as const) {
      for (const action of ['approve', 'reject', 'no-show', 'treat', 'cancel'])
        refused.push([status, action, people.doctor]);
      refused.push([status, 'cancel', people.patient], [status, 'cancel', people.desk]);
    }
    for (const [status, action, session] of refused) {
      const id = ids[status];
      const before = await clinic.request('GET', `/appointments/${id}`, { session: people.doctor });
      const written = await footprint(clinic, people.patient.id, id);
      const response = await act(clinic, session, id, action);
      const label = `${action} on ${status} by ${session.role}`;
      expect(response.statusCode, label).toBe(409);
      expect(response.json(), label).toMatchObject({ status: 409, code: 'INVALID_TRANSITION' });
      expect(response.headers['content-type']).toContain('application/problem+json');
      const after = await clinic.request('GET', `/appointments/${id}`, { session: people.doctor });
      expect(after.json(), label).toEqual(before.json());
      expect(await footprint(clinic, people.patient.id, id), label).toEqual(written);
    }
  });

  it('needs a note of 1 to 2000 characters to reject, and the patient reads that note', async () => {
    const clinic = use();
    const { patient, doctor } = await cast(clinic);
    const { id } = await requestVisit(clinic, patient, doctor);
    for (const body of [
      undefined,
      {},
      { note: '' },
      { note: '   ' },
      { note: 'x'.repeat(2001) },
      { note: 5 },
    ]) {
      const response = await act(clinic, doctor, id, 'reject', body);
      expect(response.statusCode, JSON.stringify(body)).toBe(400);
      expect(response.json().code).toBe('VALIDATION_FAILED');
    }
    const note = 'Your referral letter is missing; please ask your optometrist to send it.';
    const rejected = await act(clinic, doctor, id, 'reject', { note });
    expect(rejected.statusCode).toBe(200);
    expect(rejected.json()).toMatchObject({ id, status: 'REJECTED', doctorNote: note });
    const inbox = await clinic.request('GET', '/notifications', { session: patient });
    expect(inbox.json().items).toHaveLength(1);
    expect(inbox.json().items[0]).toMatchObject({ type: 'REJECTION', appointmentId: id });
    expect(inbox.json().items[0].message).toContain(note);
  });

  it('lets a patient cancel a visit before it starts but not after, while the front desk still can', async () => {
    const clinic = use();
    const people = await cast(clinic);
    const slot = slotMaker(clinic);
    const early = await requestVisit(clinic, people.patient, people.doctor, slot());
    await approve(clinic, people.doctor, early.id);
    const cancelled = await act(clinic, people.patient, early.id, 'cancel', { reason: 'Feeling better' });
    expect(cancelled.statusCode).toBe(200);
    expect(cancelled.json()).toMatchObject({ status: 'CANCELLED', cancelReason: 'Feeling better' });

    const unanswered = await requestVisit(clinic, people.patient, people.doctor, slot());
    const startAt = slot();
    const late = await requestVisit(clinic, people.patient, people.doctor, startAt);
    await approve(clinic, people.doctor, late.id);
    advanceTo(clinic, startAt, 5 * 60_000);
    const patient = await clinic.signIn(people.patient.email, people.patient.password);
    for (const id of [late.id, unanswered.id]) {
      const refused = await act(clinic, patient, id, 'cancel');
      expect(refused.statusCode).toBe(409);
      expect(refused.json().code).toBe('INVALID_TRANSITION');
    }
    const deskNow = await clinic.signIn(desk.email, desk.password);
    const byStaff = await act(clinic, deskNow, late.id, 'cancel');
    expect(byStaff.statusCode).toBe(200);
    expect(byStaff.json().status).toBe('CANCELLED');
  });

  it('marks a no-show only once the visit has begun, and tells the patient', async () => {
    const clinic = use();
    const { patient, doctor } = await cast(clinic);
    const startAt = slotMaker(clinic)();
    const { id } = await requestVisit(clinic, patient, doctor, startAt);
    await approve(clinic, doctor, id);
    const early = await act(clinic, doctor, id, 'no-show');
    expect(early.statusCode).toBe(409);
    expect(early.json().code).toBe('INVALID_TRANSITION');
    advanceTo(clinic, startAt);
    const late = await clinic.signIn(doctor.email, doctor.password);
    const marked = await act(clinic, late, id, 'no-show');
    expect(marked.statusCode).toBe(200);
    expect(marked.json().status).toBe('NO_SHOW');
    const inbox = await clinic.request('GET', '/notifications', {
      session: await clinic.signIn(patient.email, patient.password),
    });
    expect(inbox.json().items.map((n: Json) => n.type)).toEqual(['NO_SHOW', 'APPROVAL']);
  });

  it('records consultation, prescription and bill only while the visit is approved', async () => {
    const clinic = use();
    const people = await cast(clinic);
    const slot = slotMaker(clinic);
    const requested = await requestVisit(clinic, people.patient, people.doctor, slot());
    const rejected = await requestVisit(clinic, people.patient, people.doctor, slot());
    expectStatus(await act(clinic, people.doctor, rejected.id, 'reject'), 200);
    const writes: [string, unknown][] = [
      ['consultation', { notes: 'Clear media' }],
      ['prescription', { medications: [{ name: 'Lubricant', dosage: '1 drop', frequency: 'as needed' }] }],
      ['bill', { amountCents: 5000 }],
    ];
    for (const id of [requested.id, rejected.id]) {
      for (const [what, body] of writes) {
        const response = await clinic.request('PUT', `/appointments/${id}/${what}`, {
          session: people.doctor,
          body,
        });
        expect(response.statusCode, what).toBe(409);
        expect(response.json().code, what).toBe('INVALID_TRANSITION');
      }
    }
    const detail = await clinic.request('GET', `/appointments/${requested.id}`, { session: people.doctor });
    expect(detail.json()).toMatchObject({ consultation: null, prescription: null, bill: null });
  });

  it('treats only with a paid bill, and the treated visit enters the history', async () => {
    const clinic = use();
    const people = await cast(clinic);
    const { id } = await requestVisit(clinic, people.patient, people.doctor);
    await approve(clinic, people.doctor, id);
    const withoutBill = await act(clinic, people.doctor, id, 'treat');
    expect(withoutBill.statusCode).toBe(409);
    expect(withoutBill.json().code).toBe('INVALID_TRANSITION');
    const bill = await setBill(clinic, people.doctor, id, 7000);
    const unpaid = await act(clinic, people.doctor, id, 'treat');
    expect(unpaid.statusCode).toBe(409);
    expect(unpaid.json().code).toBe('INVALID_TRANSITION');
    expect(
      (
        await clinic.request('GET', `/patients/${people.patient.id}/history`, { session: people.patient })
      ).json().items,
    ).toEqual([]);
    await pay(clinic, desk, bill.id);
    const treated = await act(clinic, people.doctor, id, 'treat');
    expect(treated.statusCode).toBe(200);
    expect(treated.json()).toMatchObject({ id, status: 'TREATED', overdue: false, bill: { status: 'PAID' } });
    expect(treated.json().treatedAt).not.toBeNull();
    const history = await clinic.request('GET', `/patients/${people.patient.id}/history`, {
      session: people.patient,
    });
    expect(history.json().items.map((item: Json) => item.id)).toEqual([id]);
  });

  it('flags a request whose start passed and an approved visit from a past day as overdue, and filters by it', async () => {
    const clinic = use();
    const { patient, doctor } = await cast(clinic);
    const slot = slotMaker(clinic);
    const requestedAt = slot();
    const approvedAt = slot();
    const waiting = await requestVisit(clinic, patient, doctor, requestedAt);
    const confirmed = await requestVisit(clinic, patient, doctor, approvedAt);
    await approve(clinic, doctor, confirmed.id);
    const future = await requestVisit(clinic, patient, doctor, nextWeekdayAt(clinic, 12, 9));
    expect(waiting.overdue).toBe(false);

    const overdueIds = async (session: Session, value: 'true' | 'false') =>
      (await clinic.request('GET', `/appointments?overdue=${value}&limit=100`, { session }))
        .json()
        .items.map((item: Json) => item.id);
    const sameDay = new Date(
      Math.max(Date.parse(requestedAt), Date.parse(approvedAt)) + 30 * 60_000,
    ).toISOString();
    advanceTo(clinic, sameDay);
    let session = await clinic.signIn(doctor.email, doctor.password);
    const flag = async (id: string) =>
      (await clinic.request('GET', `/appointments/${id}`, { session })).json().overdue as boolean;
    expect(await flag(waiting.id)).toBe(true);
    expect(await flag(confirmed.id)).toBe(false);
    expect(await overdueIds(session, 'true')).toEqual([waiting.id]);
    expect(await overdueIds(session, 'false')).toEqual(expect.arrayContaining([confirmed.id, future.id]));
    expect(await overdueIds(session, 'false')).not.toContain(waiting.id);

    const nextMorning = new Date(approvedAt);
    nextMorning.setUTCHours(24, 1, 0, 0);
    advanceTo(clinic, nextMorning.toISOString());
    session = await clinic.signIn(doctor.email, doctor.password);
    expect(await flag(confirmed.id)).toBe(true);
    expect((await overdueIds(session, 'true')).sort()).toEqual([waiting.id, confirmed.id].sort());
    const patientView = await clinic.signIn(patient.email, patient.password);
    expect((await overdueIds(patientView, 'true')).sort()).toEqual([waiting.id, confirmed.id].sort());
  });

  it('refuses a second live request for the same doctor and time with 409 SLOT_TAKEN, and frees it on cancel', async () => {
    const clinic = use();
    const { patient, doctor } = await cast(clinic);
    const other = await clinic.newUser('PATIENT');
    const startAt = slotMaker(clinic)();
    const first = await requestVisit(clinic, patient, doctor, startAt);
    const taken = await clinic.request('POST', '/appointments', {
      session: other,
      body: { doctorId: doctor.id, startAt },
    });
    expect(taken.statusCode).toBe(409);
    expect(taken.json()).toMatchObject({ status: 409, code: 'SLOT_TAKEN' });
    await approve(clinic, doctor, first.id);
    const stillTaken = await clinic.request('POST', '/appointments', {
      session: other,
      body: { doctorId: doctor.id, startAt },
    });
    expect(stillTaken.json().code).toBe('SLOT_TAKEN');

    expectStatus(await act(clinic, patient, first.id, 'cancel'), 200);
    const freed = await clinic.request('POST', '/appointments', {
      session: other,
      body: { doctorId: doctor.id, startAt },
    });
    expect(freed.statusCode).toBe(201);
    expect(freed.json()).toMatchObject({ status: 'REQUESTED', patientId: other.id, startAt });

    const otherDoctor = await clinic.newUser('DOCTOR');
    const elsewhere = await clinic.request('POST', '/appointments', {
      session: patient,
      body: { doctorId: otherDoctor.id, startAt },
    });
    expect(elsewhere.statusCode).toBe(201);
  });

  it('gives exactly one of several simultaneous requests for one slot a 201', async () => {
    const clinic = use();
    const doctor = await clinic.newUser('DOCTOR');
    const patients = [
      await clinic.newUser('PATIENT'),
      await clinic.newUser('PATIENT'),
      await clinic.newUser('PATIENT'),
    ];
    const startAt = slotMaker(clinic)();
    const responses = await Promise.all(
      patients.map((patient) =>
        clinic.request('POST', '/appointments', { session: patient, body: { doctorId: doctor.id, startAt } }),
      ),
    );
    expect(responses.map((response) => response.statusCode).sort()).toEqual([201, 409, 409]);
    for (const response of responses.filter((r) => r.statusCode === 409)) {
      expect(response.json().code).toBe('SLOT_TAKEN');
    }
    const booked = await clinic.request('GET', `/appointments?doctorId=${doctor.id}`, { session: doctor });
    expect(booked.json().items).toHaveLength(1);
  });

  it('refuses a request in the past and for someone who is not a doctor', async () => {
    const clinic = use();
    const { patient, doctor } = await cast(clinic);
    const past = new Date(clinic.clock.now().getTime() - 86_400_000).toISOString();
    const response = await clinic.request('POST', '/appointments', {
      session: patient,
      body: { doctorId: doctor.id, startAt: past },
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().code).toBe('VALIDATION_FAILED');
    const notDoctor = await clinic.request('POST', '/appointments', {
      session: patient,
      body: { doctorId: desk.id, startAt: slotMaker(clinic)() },
    });
    expect(notDoctor.statusCode).toBe(400);
  });
});
