import { randomUUID } from 'node:crypto';
import { beforeAll, expect, it } from 'vitest';
import { describeEachDatabase, type Session, type TestClinic } from './support/clinic.ts';
import { approve, expectStatus, type Json, pay, requestVisit, setBill, slotMaker } from './support/visits.ts';

describeEachDatabase('booking, reading and listing appointments', (use) => {
  let desk: Session;
  let slot: () => string;
  beforeAll(async () => {
    desk = await use().newUser('RECEPTIONIST');
    slot = slotMaker(use());
  });

  async function walk(clinic: TestClinic, session: Session, query: string, limit: number) {
    const seen: Json[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const response = await clinic.request(
        'GET',
        `/appointments?${query}&limit=${limit}${cursor ? `&cursor=${cursor}` : ''}`,
        {
          session,
        },
      );
      expect(response.statusCode).toBe(200);
      expect(response.json().items.length).toBeLessThanOrEqual(limit);
      seen.push(...response.json().items);
      cursor = response.json().nextCursor;
      pages += 1;
    } while (cursor && pages < 50);
    return seen;
  }

  it('lets the front desk book for a patient, and needs to know which patient', async () => {
    const clinic = use();
    const patient = await clinic.newUser('PATIENT');
    const doctor = await clinic.newUser('DOCTOR');
    const booked = await clinic.request('POST', '/appointments', {
      session: desk,
      body: { doctorId: doctor.id, startAt: slot(), patientId: patient.id, reason: 'Phoned in' },
    });
    expect(booked.statusCode).toBe(201);
    expect(booked.json()).toMatchObject({
      patientId: patient.id,
      doctorId: doctor.id,
      patient: { id: patient.id, name: patient.name },
      doctor: { id: doctor.id, name: doctor.name },
      status: 'REQUESTED',
      reason: 'Phoned in',
      doctorNote: null,
      treatedAt: null,
      overdue: false,
    });
    const mine = await clinic.request('GET', '/appointments', { session: patient });
    expect(mine.json().items.map((item: Json) => item.id)).toEqual([booked.json().id]);

    const withoutPatient = await clinic.request('POST', '/appointments', {
      session: desk,
      body: { doctorId: doctor.id, startAt: slot() },
    });
    expect(withoutPatient.statusCode).toBe(400);
    const notAPatient = await clinic.request('POST', '/appointments', {
      session: desk,
      body: { doctorId: doctor.id, startAt: slot(), patientId: doctor.id },
    });
    expect(notAPatient.statusCode).toBe(404);
    const unknownDoctor = await clinic.request('POST', '/appointments', {
      session: patient,
      body: { doctorId: randomUUID(), startAt: slot() },
    });
    expect(unknownDoctor.statusCode).toBe(400);
  });

  it('shows the consultation, prescription and bill on the appointment', async () => {
    const clinic = use();
    const patient = await clinic.newUser('PATIENT');
    const doctor = await clinic.newUser('DOCTOR');
    const { id } = await requestVisit(clinic, patient, doctor, slot());
    await approve(clinic, doctor, id);
    expectStatus(
      await clinic.request('PUT', `/appointments/${id}/consultation`, {
        session: doctor,
        body: {
          notes: 'IOP raised',
          exam: { right: { intraocularPressure: 26, visualAcuityCorrected: '6/9' } },
        },
      }),
      200,
    );
    const prescription = expectStatus(
      await clinic.request('PUT', `/appointments/${id}/prescription`, {
        session: doctor,
        body: { medications: [{ name: 'Timolol', dosage: '1 drop', frequency: 'twice a day', eye: 'OD' }] },
      }),
      200,
    );
    expect(prescription).toMatchObject({
      appointmentId: id,
      medications: [
        { name: 'Timolol', dosage: '1 drop', frequency: 'twice a day', eye: 'OD', duration: null },
      ],
      notes: null,
    });
    const bill = await setBill(clinic, doctor, id, 6000);
    const detail = await clinic.request('GET', `/appointments/${id}`, { session: patient });
    expect(detail.json()).toMatchObject({
      status: 'APPROVED',
      consultation: { notes: 'IOP raised', exam: { right: { intraocularPressure: 26 } } },
      prescription: { id: prescription.id, medications: [{ name: 'Timolol' }] },
      bill: { id: bill.id, amountCents: 6000, status: 'PENDING' },
    });
    const badEye = await clinic.request('PUT', `/appointments/${id}/prescription`, {
      session: doctor,
      body: { medications: [{ name: 'Timolol', dosage: '1 drop', frequency: 'daily', eye: 'LEFT' }] },
    });
    expect(badEye.statusCode).toBe(400);
    const none = await clinic.request('PUT', `/appointments/${id}/prescription`, {
      session: doctor,
      body: { medications: [] },
    });
    expect(none.statusCode).toBe(400);
  });

  it('filters the list by status, doctor and time', async () => {
    const clinic = use();
    const patient = await clinic.newUser('PATIENT');
    const doctor = await clinic.newUser('DOCTOR');
    const early = await requestVisit(clinic, patient, doctor, slot());
    const middle = await requestVisit(clinic, patient, doctor, slot());
    const late = await requestVisit(clinic, patient, doctor, slot());
    await approve(clinic, doctor, middle.id);
    expectStatus(
      await clinic.request('POST', `/appointments/${late.id}/reject`, {
        session: doctor,
        body: { note: 'Full' },
      }),
      200,
    );
    const ids = async (query: string) =>
      (await clinic.request('GET', `/appointments?doctorId=${doctor.id}&${query}`, { session: desk }))
        .json()
        .items.map((item: Json) => item.id);
    expect(await ids('status=REQUESTED')).toEqual([early.id]);
    expect(await ids('status=REQUESTED,APPROVED')).toEqual([early.id, middle.id]);
    expect(await ids('status=REJECTED')).toEqual([late.id]);
    expect(await ids(`from=${middle.startAt}`)).toEqual([middle.id, late.id]);
    expect(await ids(`to=${middle.startAt}`)).toEqual([early.id, middle.id]);
    expect(await ids(`from=${middle.startAt}&to=${middle.startAt}`)).toEqual([middle.id]);
    expect(await ids('')).toEqual([early.id, middle.id, late.id]);
  });

  it('pages through appointments in time order without duplicates or gaps', async () => {
    const clinic = use();
    const patient = await clinic.newUser('PATIENT');
    const doctor = await clinic.newUser('DOCTOR');
    const booked: string[] = [];
    for (let n = 0; n < 5; n++) booked.push((await requestVisit(clinic, patient, doctor, slot())).id);
    for (const limit of [1, 2, 5]) {
      const seen = await walk(clinic, doctor, `doctorId=${doctor.id}`, limit);
      expect(seen.map((item) => item.id)).toEqual(booked);
    }
    const everything = await walk(
      clinic,
      desk,
      'status=REQUESTED,APPROVED,REJECTED,CANCELLED,TREATED,NO_SHOW',
      3,
    );
    expect(new Set(everything.map((item) => item.id)).size).toBe(everything.length);
    expect(everything.map((item) => item.id)).toEqual(expect.arrayContaining(booked));
    const times = everything.map((item) => Date.parse(item.startAt));
    expect([...times].sort((a, b) => a - b)).toEqual(times);
  });

  it('keeps only treated visits in the history, newest first, page by page', async () => {
    const clinic = use();
    const patient = await clinic.newUser('PATIENT');
    const doctor = await clinic.newUser('DOCTOR');
    const treated: string[] = [];
    for (let n = 0; n < 3; n++) {
      const { id } = await requestVisit(clinic, patient, doctor, slot());
      await approve(clinic, doctor, id);
      await pay(clinic, desk, (await setBill(clinic, doctor, id)).id);
      expectStatus(await clinic.request('POST', `/appointments/${id}/treat`, { session: doctor }), 200);
      treated.push(id);
    }
    await requestVisit(clinic, patient, doctor, slot());
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const response = await clinic.request(
        'GET',
        `/patients/${patient.id}/history?limit=2${cursor ? `&cursor=${cursor}` : ''}`,
        { session: doctor },
      );
      expect(response.statusCode).toBe(200);
      for (const item of response.json().items) {
        expect(item).toMatchObject({ status: 'TREATED', bill: { status: 'PAID' } });
        seen.push(item.id);
      }
      cursor = response.json().nextCursor;
    } while (cursor);
    expect(seen).toEqual([...treated].reverse());
  });

  it('lets only one of two racing decisions on one request win, with one notification', async () => {
    const clinic = use();
    const patient = await clinic.newUser('PATIENT');
    const doctor = await clinic.newUser('DOCTOR');
    const { id } = await requestVisit(clinic, patient, doctor, slot());
    const [approved, rejected] = await Promise.all([
      clinic.request('POST', `/appointments/${id}/approve`, { session: doctor }),
      clinic.request('POST', `/appointments/${id}/reject`, { session: doctor, body: { note: 'Clash' } }),
    ]);
    expect([approved.statusCode, rejected.statusCode].sort()).toEqual([200, 409]);
    const winner = approved.statusCode === 200 ? 'APPROVED' : 'REJECTED';
    const final = await clinic.request('GET', `/appointments/${id}`, { session: doctor });
    expect(final.json().status).toBe(winner);
    const inbox = await clinic.request('GET', '/notifications', { session: patient });
    expect(inbox.json().items.map((n: Json) => n.type)).toEqual([
      winner === 'APPROVED' ? 'APPROVAL' : 'REJECTION',
    ]);
  });
});
