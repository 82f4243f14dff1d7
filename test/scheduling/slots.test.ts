import { expect, it } from 'vitest';
import { describeEachDatabase, nextWeekdayAt } from '../support/clinic.ts';
import { book, putSettings, slotsOn, weekdayDate } from './support.ts';

describeEachDatabase('free slots and the booking rules', (use) => {
  it('offers a new doctor Monday to Friday 09:00–17:00 in 20-minute slots, nothing at weekends', async () => {
    const clinic = use();
    const doctor = await clinic.newUser('DOCTOR');
    const patient = await clinic.newUser('PATIENT');
    const date = weekdayDate(clinic, 3);
    const slots = await slotsOn(clinic, patient, doctor.id, date);
    expect(slots).toHaveLength(24);
    expect(slots[0]).toBe(`${date}T09:00:00.000Z`);
    expect(slots.at(-1)).toBe(`${date}T16:40:00.000Z`);

    const response = await clinic.request('GET', `/doctors/${doctor.id}/slots?date=${date}`, {
      session: patient,
    });
    expect(response.json().timezone).toBe('UTC');
    expect(response.json().items[0].endAt).toBe(`${date}T09:20:00.000Z`);

    const saturday = new Date(`${date}T00:00:00Z`);
    while (saturday.getUTCDay() !== 6) saturday.setUTCDate(saturday.getUTCDate() + 1);
    expect(await slotsOn(clinic, patient, doctor.id, saturday.toISOString().slice(0, 10))).toEqual([]);
  });

  it('never offers a past day', async () => {
    const clinic = use();
    const doctor = await clinic.newUser('DOCTOR');
    const patient = await clinic.newUser('PATIENT');
    const lastWeek = new Date(clinic.clock.now().getTime() - 7 * 86_400_000).toISOString().slice(0, 10);
    expect(await slotsOn(clinic, patient, doctor.id, lastWeek)).toEqual([]);
  });

  it('removes a booked slot at once and frees it again when the appointment is cancelled', async () => {
    const clinic = use();
    const doctor = await clinic.newUser('DOCTOR');
    const patient = await clinic.newUser('PATIENT');
    const startAt = nextWeekdayAt(clinic, 3, 10, 0);
    const booked = await book(clinic, patient, { doctorId: doctor.id, startAt });
    expect(booked.statusCode).toBe(201);
    expect(await slotsOn(clinic, patient, doctor.id, startAt.slice(0, 10))).not.toContain(startAt);

    const other = await clinic.newUser('PATIENT');
    const taken = await book(clinic, other, { doctorId: doctor.id, startAt });
    expect(taken.statusCode).toBe(409);
    expect(taken.json().code).toBe('SLOT_TAKEN');

    const cancelled = await clinic.request('POST', `/appointments/${booked.json().id}/cancel`, {
      session: patient,
      body: {},
    });
    expect(cancelled.statusCode).toBe(200);
    expect(await slotsOn(clinic, patient, doctor.id, startAt.slice(0, 10))).toContain(startAt);
    expect((await book(clinic, other, { doctorId: doctor.id, startAt })).statusCode).toBe(201);
  });

  it('refuses a time outside working hours, off the slot grid or in time off, with a clear message', async () => {
    const clinic = use();
    const doctor = await clinic.newUser('DOCTOR');
    const patient = await clinic.newUser('PATIENT');
    const early = await book(clinic, patient, {
      doctorId: doctor.id,
      startAt: nextWeekdayAt(clinic, 3, 8, 0),
    });
    expect(early.statusCode).toBe(400);
    expect(early.json()).toMatchObject({
      code: 'VALIDATION_FAILED',
      errors: [{ path: 'startAt', message: expect.stringContaining('does not work at that time') }],
    });
    const lastSlotOverrun = await book(clinic, patient, {
      doctorId: doctor.id,
      startAt: nextWeekdayAt(clinic, 3, 16, 50),
    });
    expect(lastSlotOverrun.statusCode).toBe(400);

    const offGrid = await book(clinic, patient, {
      doctorId: doctor.id,
      startAt: nextWeekdayAt(clinic, 3, 10, 5),
    });
    expect(offGrid.statusCode).toBe(400);
    expect(offGrid.json().errors[0].message).toContain('every 20 minutes');

    const startAt = nextWeekdayAt(clinic, 4, 11, 0);
    const away = await clinic.request('POST', `/doctors/${doctor.id}/time-off`, {
      session: doctor,
      body: { startAt, endAt: nextWeekdayAt(clinic, 4, 13, 0), reason: 'Conference' },
    });
    expect(away.statusCode).toBe(201);
    const duringTimeOff = await book(clinic, patient, { doctorId: doctor.id, startAt });
    expect(duringTimeOff.statusCode).toBe(400);
    expect(duringTimeOff.json().errors[0]).toEqual({
      path: 'startAt',
      message: expect.stringContaining('away'),
    });
    const slots = await slotsOn(clinic, patient, doctor.id, startAt.slice(0, 10));
    expect(slots).toHaveLength(24 - 6);
    expect(slots).not.toContain(startAt);

    const past = await book(clinic, patient, {
      doctorId: doctor.id,
      startAt: new Date(clinic.clock.now().getTime() - 3_600_000).toISOString(),
    });
    expect(past.statusCode).toBe(400);
    expect(past.json().errors[0].message).toContain('future');
  });

  it('validates the date range of a slot search', async () => {
    const clinic = use();
    const doctor = await clinic.newUser('DOCTOR');
    const patient = await clinic.newUser('PATIENT');
    const ask = (query: string) =>
      clinic.request('GET', `/doctors/${doctor.id}/slots?${query}`, { session: patient });
    expect((await ask('')).statusCode).toBe(400);
    expect((await ask('from=2030-01-01&to=2030-02-01')).statusCode).toBe(400);
    expect((await ask('from=2030-01-10&to=2030-01-01')).statusCode).toBe(400);
    expect((await ask('date=2030-02-30')).statusCode).toBe(400);
    const month = await ask(`from=${weekdayDate(clinic, 3)}&to=${weekdayDate(clinic, 20)}`);
    expect(month.statusCode).toBe(200);
    expect(month.json().items.length).toBeGreaterThan(24 * 5);
    const unknown = await clinic.request(
      'GET',
      `/doctors/${patient.id}/slots?date=${weekdayDate(clinic, 3)}`,
      {
        session: patient,
      },
    );
    expect(unknown.statusCode).toBe(404);
  });
});

describeEachDatabase('minimum notice and booking horizon', (use) => {
  it('keeps patients to the notice and horizon while the front desk may book sooner or further', async () => {
    const clinic = use();
    const settings = await putSettings(clinic, { minimumNoticeMinutes: 5 * 24 * 60, bookingHorizonDays: 20 });
    expect(settings).toMatchObject({ minimumNoticeMinutes: 7200, bookingHorizonDays: 20 });
    const doctor = await clinic.newUser('DOCTOR');
    const patient = await clinic.newUser('PATIENT');
    const desk = await clinic.newUser('RECEPTIONIST');

    const soon = nextWeekdayAt(clinic, 2, 10, 0);
    expect(await slotsOn(clinic, patient, doctor.id, soon.slice(0, 10))).toEqual([]);
    expect(await slotsOn(clinic, desk, doctor.id, soon.slice(0, 10))).toContain(soon);
    const tooSoon = await book(clinic, patient, { doctorId: doctor.id, startAt: soon });
    expect(tooSoon.statusCode).toBe(400);
    expect(tooSoon.json().errors[0].message).toBe('Appointments must be booked at least 120 hours ahead');
    expect(
      (await book(clinic, desk, { doctorId: doctor.id, startAt: soon, patientId: patient.id })).statusCode,
    ).toBe(201);

    const far = nextWeekdayAt(clinic, 30, 10, 0);
    expect(await slotsOn(clinic, patient, doctor.id, far.slice(0, 10))).toEqual([]);
    const tooFar = await book(clinic, patient, { doctorId: doctor.id, startAt: far });
    expect(tooFar.statusCode).toBe(400);
    expect(tooFar.json().errors[0].message).toContain('at most 20 days ahead');
    expect(
      (await book(clinic, desk, { doctorId: doctor.id, startAt: far, patientId: patient.id })).statusCode,
    ).toBe(201);

    const outside = await book(clinic, desk, {
      doctorId: doctor.id,
      startAt: nextWeekdayAt(clinic, 3, 18, 0),
      patientId: patient.id,
    });
    expect(outside.statusCode).toBe(400);
  });

  it('lets only the clinic manager change the settings, and checks them', async () => {
    const clinic = use();
    const desk = await clinic.newUser('RECEPTIONIST');
    const patient = await clinic.newUser('PATIENT');
    expect((await clinic.request('GET', '/settings/scheduling', { session: patient })).statusCode).toBe(200);
    const denied = await clinic.request('PUT', '/settings/scheduling', {
      session: desk,
      body: { bookingHorizonDays: 10 },
    });
    expect(denied.statusCode).toBe(403);
    const admin = await clinic.admin();
    for (const body of [
      { bookingHorizonDays: 0 },
      { reminderOffsetsHours: [24, 24] },
      { minimumNoticeMinutes: 1.5 },
      { unknown: 1 },
    ]) {
      expect((await clinic.request('PUT', '/settings/scheduling', { session: admin, body })).statusCode).toBe(
        400,
      );
    }
    const saved = await putSettings(clinic, { reminderOffsetsHours: [2, 48], patientChangeCutoffHours: 12 });
    expect(saved).toMatchObject({ reminderOffsetsHours: [48, 2], patientChangeCutoffHours: 12 });
  });
});
