import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeEachDatabase, nextWeekdayAt, openTestClinic, type Session } from '../support/clinic.ts';
import { book, slotsOn, weekdayDate } from './support.ts';

const splitDay = {
  '1': [
    ['08:00', '12:00'],
    ['13:00', '16:00'],
  ] as [string, string][],
};

describeEachDatabase('working hours and time off', (use) => {
  it('shows a new doctor the clinic default until their week is changed', async () => {
    const clinic = use();
    const doctor = await clinic.newUser('DOCTOR');
    const response = await clinic.request('GET', `/doctors/${doctor.id}/schedule`, { session: doctor });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({
      doctorId: doctor.id,
      slotMinutes: 20,
      isDefault: true,
      timezone: 'UTC',
      weeklyHours: { '1': [['09:00', '17:00']], '5': [['09:00', '17:00']] },
    });
    expect(response.json().weeklyHours['6']).toBeUndefined();
  });

  it('lets a doctor set their own week with a lunch break, and offers slots only in it', async () => {
    const clinic = use();
    const doctor = await clinic.newUser('DOCTOR');
    const patient = await clinic.newUser('PATIENT');
    const saved = await clinic.request('PUT', `/doctors/${doctor.id}/schedule`, {
      session: doctor,
      body: { slotMinutes: 30, weeklyHours: splitDay },
    });
    expect(saved.statusCode).toBe(200);
    expect(saved.json()).toMatchObject({ slotMinutes: 30, isDefault: false, weeklyHours: splitDay });

    const monday = new Date(`${weekdayDate(clinic, 3)}T00:00:00Z`);
    while (monday.getUTCDay() !== 1) monday.setUTCDate(monday.getUTCDate() + 1);
    const date = monday.toISOString().slice(0, 10);
    const slots = await slotsOn(clinic, patient, doctor.id, date);
    expect(slots).toHaveLength(8 + 6);
    expect(slots).toContain(`${date}T08:00:00.000Z`);
    expect(slots).not.toContain(`${date}T12:00:00.000Z`);
    expect(slots).toContain(`${date}T13:00:00.000Z`);
    const tuesday = new Date(monday.getTime() + 86_400_000).toISOString().slice(0, 10);
    expect(await slotsOn(clinic, patient, doctor.id, tuesday)).toEqual([]);
  });

  it('keeps existing appointments whole when the slot length changes', async () => {
    const clinic = use();
    const doctor = await clinic.newUser('DOCTOR');
    const patient = await clinic.newUser('PATIENT');
    const startAt = nextWeekdayAt(clinic, 3, 10, 0);
    const first = await book(clinic, patient, { doctorId: doctor.id, startAt });
    expect(first.statusCode).toBe(201);
    const week = Object.fromEntries(['1', '2', '3', '4', '5'].map((day) => [day, [['09:00', '17:00']]]));
    await clinic.request('PUT', `/doctors/${doctor.id}/schedule`, {
      session: await clinic.admin(),
      body: { slotMinutes: 30, weeklyHours: week },
    });
    const kept = await clinic.request('GET', `/appointments/${first.json().id}`, { session: patient });
    expect(kept.json().endAt).toBe(first.json().endAt);
    const slots = await slotsOn(clinic, patient, doctor.id, startAt.slice(0, 10));
    expect(slots).not.toContain(startAt);
    expect(slots).toContain(startAt.replace('T10:00', 'T10:30'));
    const second = await book(clinic, patient, {
      doctorId: doctor.id,
      startAt: startAt.replace('T10:00', 'T10:30'),
    });
    expect(second.statusCode).toBe(201);
    expect(second.json().endAt).toBe(startAt.replace('T10:00', 'T11:00'));
  });

  it('lets only the doctor themself or the clinic manager change a schedule', async () => {
    const clinic = use();
    const doctor = await clinic.newUser('DOCTOR');
    const colleague = await clinic.newUser('DOCTOR');
    const desk = await clinic.newUser('RECEPTIONIST');
    const patient = await clinic.newUser('PATIENT');
    const body = { slotMinutes: 15, weeklyHours: splitDay };
    const put = (session: Session) =>
      clinic.request('PUT', `/doctors/${doctor.id}/schedule`, { session, body });
    expect((await put(colleague)).statusCode).toBe(403);
    expect((await put(desk)).statusCode).toBe(403);
    expect((await put(patient)).statusCode).toBe(403);
    expect((await put(await clinic.admin())).statusCode).toBe(200);
    expect(
      (await clinic.request('GET', `/doctors/${doctor.id}/schedule`, { session: desk })).statusCode,
    ).toBe(200);
    expect(
      (await clinic.request('GET', `/doctors/${doctor.id}/schedule`, { session: patient })).statusCode,
    ).toBe(403);
    const notADoctor = await clinic.request('GET', `/doctors/${desk.id}/schedule`, { session: desk });
    expect(notADoctor.statusCode).toBe(404);
  });

  it('refuses a week that makes no sense', async () => {
    const clinic = use();
    const doctor = await clinic.newUser('DOCTOR');
    for (const body of [
      { slotMinutes: 4, weeklyHours: splitDay },
      { slotMinutes: 241, weeklyHours: splitDay },
      { slotMinutes: 20, weeklyHours: { '1': [['12:00', '09:00']] } },
      {
        slotMinutes: 20,
        weeklyHours: {
          '1': [
            ['09:00', '12:00'],
            ['11:00', '13:00'],
          ],
        },
      },
      { slotMinutes: 20, weeklyHours: { '8': [['09:00', '12:00']] } },
      { slotMinutes: 20, weeklyHours: { '1': [['9:00', '12:00']] } },
    ]) {
      const response = await clinic.request('PUT', `/doctors/${doctor.id}/schedule`, {
        session: doctor,
        body,
      });
      expect(response.statusCode, JSON.stringify(body)).toBe(400);
      expect(response.json().code).toBe('VALIDATION_FAILED');
    }
  });

  it('records, lists and removes time off', async () => {
    const clinic = use();
    const doctor = await clinic.newUser('DOCTOR');
    const colleague = await clinic.newUser('DOCTOR');
    const desk = await clinic.newUser('RECEPTIONIST');
    const day = weekdayDate(clinic, 5);
    const body = { startAt: `${day}T00:00:00.000Z`, endAt: `${day}T23:59:00.000Z`, reason: 'Holiday' };
    expect(
      (await clinic.request('POST', `/doctors/${doctor.id}/time-off`, { session: colleague, body }))
        .statusCode,
    ).toBe(403);
    const created = await clinic.request('POST', `/doctors/${doctor.id}/time-off`, { session: doctor, body });
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({ ...body, doctorId: doctor.id });
    expect(await slotsOn(clinic, desk, doctor.id, day)).toEqual([]);

    const backwards = await clinic.request('POST', `/doctors/${doctor.id}/time-off`, {
      session: doctor,
      body: { startAt: body.endAt, endAt: body.startAt },
    });
    expect(backwards.statusCode).toBe(400);
    expect(backwards.json().errors[0].path).toBe('body.endAt');

    const listed = await clinic.request('GET', `/doctors/${doctor.id}/time-off?limit=10`, { session: desk });
    expect(listed.json()).toMatchObject({
      items: [{ id: created.json().id, reason: 'Holiday' }],
      nextCursor: null,
    });

    const path = `/doctors/${doctor.id}/time-off/${created.json().id}`;
    expect((await clinic.request('DELETE', path, { session: desk })).statusCode).toBe(403);
    expect((await clinic.request('DELETE', path, { session: doctor })).statusCode).toBe(204);
    expect((await clinic.request('DELETE', path, { session: doctor })).statusCode).toBe(404);
    expect(await slotsOn(clinic, desk, doctor.id, day)).toHaveLength(24);
  });
});

describe('working hours in a zone with daylight-saving changes', () => {
  let opened: Awaited<ReturnType<typeof openTestClinic>>;
  beforeAll(async () => {
    opened = await openTestClinic('embedded', { ECMS_TIMEZONE: 'America/New_York' });
  });
  afterAll(async () => opened?.close());

  it('opens at 09:00 New York time on both sides of the March change', async () => {
    const clinic = opened.clinic;
    const doctor = await clinic.newUser('DOCTOR');
    const desk = await clinic.newUser('RECEPTIONIST');
    const response = await clinic.request(
      'GET',
      `/doctors/${doctor.id}/slots?from=2027-03-12&to=2027-03-15`,
      {
        session: desk,
      },
    );
    expect(response.json().timezone).toBe('America/New_York');
    const starts: string[] = response.json().items.map((slot: { startAt: string }) => slot.startAt);
    expect(starts[0]).toBe('2027-03-12T14:00:00.000Z');
    expect(starts).toContain('2027-03-15T13:00:00.000Z');
    expect(starts).not.toContain('2027-03-15T12:40:00.000Z');
    expect(starts.filter((start) => start.startsWith('2027-03-15'))).toHaveLength(24);
  });
});
