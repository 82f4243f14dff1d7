import { expect, it } from 'vitest';
import { describeEachDatabase, nextWeekdayAt, type TestClinic } from '../support/clinic.ts';
import { book, putSettings, slotsOn } from './support.ts';

async function approvedVisit(clinic: TestClinic, hour = 10) {
  const doctor = await clinic.newUser('DOCTOR', { name: 'Dr. Iris Bloom' });
  const patient = await clinic.newUser('PATIENT');
  const startAt = nextWeekdayAt(clinic, 3, hour, 0);
  const booked = await book(clinic, patient, { doctorId: doctor.id, startAt });
  const id = booked.json().id as string;
  expect((await clinic.request('POST', `/appointments/${id}/approve`, { session: doctor })).statusCode).toBe(
    200,
  );
  return { doctor, patient, startAt, id };
}

describeEachDatabase('moving and cancelling appointments', (use) => {
  it('moves a confirmed visit, keeps it confirmed, records the change and tells the patient', async () => {
    const clinic = use();
    const { doctor, patient, startAt, id } = await approvedVisit(clinic);
    const target = startAt.replace('T10:00', 'T14:20');
    const moved = await clinic.request('POST', `/appointments/${id}/reschedule`, {
      session: patient,
      body: { startAt: target, reason: 'Work meeting' },
    });
    expect(moved.statusCode).toBe(200);
    expect(moved.json()).toMatchObject({
      status: 'APPROVED',
      startAt: target,
      endAt: target.replace('T14:20', 'T14:40'),
    });

    const slots = await slotsOn(clinic, patient, doctor.id, startAt.slice(0, 10));
    expect(slots).toContain(startAt);
    expect(slots).not.toContain(target);

    const changes = await clinic.request('GET', `/appointments/${id}/changes`, { session: doctor });
    expect(changes.statusCode).toBe(200);
    expect(changes.json()).toMatchObject({
      items: [{ fromStartAt: startAt, toStartAt: target, reason: 'Work meeting', actor: { id: patient.id } }],
      nextCursor: null,
    });

    const inbox = await clinic.request('GET', '/notifications', { session: patient });
    const notice = inbox.json().items.find((item: { type: string }) => item.type === 'RESCHEDULE');
    expect(notice.message).toContain('Dr. Iris Bloom');
    expect(notice.appointmentId).toBe(id);
  });

  it('refuses a taken, invalid or unchanged time, and a doctor may not move visits', async () => {
    const clinic = use();
    const { doctor, patient, startAt, id } = await approvedVisit(clinic);
    const other = await clinic.newUser('PATIENT');
    const otherTime = startAt.replace('T10:00', 'T11:00');
    expect((await book(clinic, other, { doctorId: doctor.id, startAt: otherTime })).statusCode).toBe(201);

    const move = (session: typeof patient, body: Record<string, unknown>) =>
      clinic.request('POST', `/appointments/${id}/reschedule`, { session, body });
    const taken = await move(patient, { startAt: otherTime });
    expect(taken.statusCode).toBe(409);
    expect(taken.json().code).toBe('SLOT_TAKEN');
    expect((await move(patient, { startAt: startAt.replace('T10:00', 'T07:00') })).statusCode).toBe(400);
    expect((await move(patient, { startAt })).statusCode).toBe(400);
    expect((await move(doctor, { startAt: startAt.replace('T10:00', 'T12:00') })).statusCode).toBe(403);
    expect((await move(other, { startAt: startAt.replace('T10:00', 'T12:00') })).statusCode).toBe(404);
    const unchanged = await clinic.request('GET', `/appointments/${id}`, { session: patient });
    expect(unchanged.json().startAt).toBe(startAt);
  });

  it('refuses to move a closed appointment', async () => {
    const clinic = use();
    const { patient, startAt, id } = await approvedVisit(clinic);
    await clinic.request('POST', `/appointments/${id}/cancel`, { session: patient, body: {} });
    const moved = await clinic.request('POST', `/appointments/${id}/reschedule`, {
      session: patient,
      body: { startAt: startAt.replace('T10:00', 'T12:00') },
    });
    expect(moved.statusCode).toBe(409);
    expect(moved.json().code).toBe('INVALID_TRANSITION');
  });
});

describeEachDatabase('the patient change cut-off', (use) => {
  it('stops a patient changing a confirmed visit after the cut-off, while the front desk still can', async () => {
    const clinic = use();
    await putSettings(clinic, { patientChangeCutoffHours: 24 * 10 });
    const { patient, startAt, id } = await approvedVisit(clinic);
    const desk = await clinic.newUser('RECEPTIONIST');

    const late = await clinic.request('POST', `/appointments/${id}/reschedule`, {
      session: patient,
      body: { startAt: startAt.replace('T10:00', 'T12:00') },
    });
    expect(late.statusCode).toBe(409);
    expect(late.json()).toMatchObject({
      code: 'INVALID_TRANSITION',
      detail: expect.stringContaining('cut-off'),
    });

    const lateCancel = await clinic.request('POST', `/appointments/${id}/cancel`, {
      session: patient,
      body: {},
    });
    expect(lateCancel.statusCode).toBe(409);
    expect(lateCancel.json().detail).toContain('too late to cancel');

    const byDesk = await clinic.request('POST', `/appointments/${id}/reschedule`, {
      session: desk,
      body: { startAt: startAt.replace('T10:00', 'T12:00'), reason: 'Patient phoned' },
    });
    expect(byDesk.statusCode).toBe(200);
    expect(
      (await clinic.request('POST', `/appointments/${id}/cancel`, { session: desk, body: {} })).statusCode,
    ).toBe(200);
  });

  it('still lets a patient withdraw or move a request the doctor has not confirmed', async () => {
    const clinic = use();
    const doctor = await clinic.newUser('DOCTOR');
    const patient = await clinic.newUser('PATIENT');
    const startAt = nextWeekdayAt(clinic, 3, 9, 0);
    const { id } = (await book(clinic, patient, { doctorId: doctor.id, startAt })).json();
    const moved = await clinic.request('POST', `/appointments/${id}/reschedule`, {
      session: patient,
      body: { startAt: startAt.replace('T09:00', 'T09:40') },
    });
    expect(moved.statusCode).toBe(200);
    expect(moved.json().status).toBe('REQUESTED');
    expect(
      (await clinic.request('POST', `/appointments/${id}/cancel`, { session: patient, body: {} })).statusCode,
    ).toBe(200);
  });
});
