import { afterEach, expect, it } from 'vitest';
import { appointmentIcs } from '../../src/server/modules/scheduling/calendar.ts';
import { describeEachDatabase, nextWeekdayAt } from '../support/clinic.ts';
import { book } from './support.ts';

describeEachDatabase('the front desk day view and follow-up list', (use) => {
  afterEach(() => use().clock.reset());

  it('shows each doctor’s hours, time off, appointments and free slots; a doctor sees only their own', async () => {
    const clinic = use();
    const doctor = await clinic.newUser('DOCTOR', { name: 'Dr. Day View' });
    const colleague = await clinic.newUser('DOCTOR');
    const patient = await clinic.newUser('PATIENT', { name: 'Maria Lopez' });
    const desk = await clinic.newUser('RECEPTIONIST');
    const startAt = nextWeekdayAt(clinic, 3, 10, 0);
    const date = startAt.slice(0, 10);
    const booked = await book(clinic, patient, { doctorId: doctor.id, startAt });
    await clinic.request('POST', `/doctors/${doctor.id}/time-off`, {
      session: doctor,
      body: { startAt: `${date}T16:00:00.000Z`, endAt: `${date}T17:00:00.000Z`, reason: 'Training' },
    });

    const view = await clinic.request('GET', `/schedule/day?date=${date}`, { session: desk });
    expect(view.statusCode).toBe(200);
    expect(view.json()).toMatchObject({ date, timezone: 'UTC' });
    const column = view
      .json()
      .doctors.find((entry: { doctor: { id: string } }) => entry.doctor.id === doctor.id);
    expect(column.workingHours).toEqual([
      { startAt: `${date}T09:00:00.000Z`, endAt: `${date}T17:00:00.000Z` },
    ]);
    expect(column.timeOff).toMatchObject([{ reason: 'Training' }]);
    expect(column.appointments).toMatchObject([
      { id: booked.json().id, status: 'REQUESTED', patient: { name: 'Maria Lopez', initials: 'M. L.' } },
    ]);
    expect(column.freeSlots).toHaveLength(24 - 1 - 3);
    expect(
      view.json().doctors.some((entry: { doctor: { id: string } }) => entry.doctor.id === colleague.id),
    ).toBe(true);

    const own = await clinic.request('GET', `/schedule/day?date=${date}`, { session: colleague });
    expect(own.json().doctors.map((entry: { doctor: { id: string } }) => entry.doctor.id)).toEqual([
      colleague.id,
    ]);
    expect((await clinic.request('GET', `/schedule/day?date=${date}`, { session: patient })).statusCode).toBe(
      403,
    );
  });

  it('lists requests still unconfirmed 48 hours ahead and those whose time passed unanswered', async () => {
    const clinic = use();
    const doctor = await clinic.newUser('DOCTOR');
    const patient = await clinic.newUser('PATIENT');
    const desk = await clinic.newUser('RECEPTIONIST');
    const startAt = nextWeekdayAt(clinic, 4, 11, 0);
    const { id } = (await book(clinic, patient, { doctorId: doctor.id, startAt })).json();
    const listed = async () => {
      const session = await clinic.signIn(desk.email, desk.password);
      const response = await clinic.request('GET', '/schedule/follow-up?limit=100', { session });
      expect(response.statusCode).toBe(200);
      return response.json().items.find((item: { id: string }) => item.id === id);
    };
    expect(await listed()).toBeUndefined();
    clinic.clock.advance(Date.parse(startAt) - clinic.clock.now().getTime() - 24 * 3_600_000);
    expect(await listed()).toMatchObject({ followUp: 'UNCONFIRMED', status: 'REQUESTED' });
    clinic.clock.advance(25 * 3_600_000);
    expect(await listed()).toMatchObject({ followUp: 'OVERDUE_REQUEST', overdue: true });
  });
});

describeEachDatabase('the doctor’s private calendar feed', (use) => {
  it('serves live appointments with initials only, and stops when rotated or revoked', async () => {
    const clinic = use();
    const doctor = await clinic.newUser('DOCTOR');
    const colleague = await clinic.newUser('DOCTOR');
    const patient = await clinic.newUser('PATIENT', { name: 'Tomas Vitreous' });
    await book(clinic, patient, { doctorId: doctor.id, startAt: nextWeekdayAt(clinic, 3, 10, 0) });

    expect(
      (await clinic.request('POST', `/doctors/${doctor.id}/calendar-token`, { session: colleague }))
        .statusCode,
    ).toBe(403);
    const issued = await clinic.request('POST', `/doctors/${doctor.id}/calendar-token`, { session: doctor });
    expect(issued.statusCode).toBe(201);
    const path = new URL(issued.json().url).pathname.replace('/api/v1', '');

    const feed = await clinic.request('GET', path);
    expect(feed.statusCode).toBe(200);
    expect(feed.headers['content-type']).toContain('text/calendar');
    expect(feed.body).toContain('BEGIN:VCALENDAR');
    expect(feed.body).toContain('T. V.');
    expect(feed.body).not.toContain('Tomas');

    const rotated = await clinic.request('POST', `/doctors/${doctor.id}/calendar-token`, { session: doctor });
    expect((await clinic.request('GET', path)).statusCode).toBe(404);
    const rotatedPath = new URL(rotated.json().url).pathname.replace('/api/v1', '');
    expect((await clinic.request('GET', rotatedPath)).statusCode).toBe(200);
    expect(
      (
        await clinic.request('DELETE', `/doctors/${doctor.id}/calendar-token`, {
          session: await clinic.admin(),
        })
      ).statusCode,
    ).toBe(204);
    expect((await clinic.request('GET', rotatedPath)).statusCode).toBe(404);
    expect((await clinic.request('GET', '/calendar/not-a-token.ics')).statusCode).toBe(400);
  });
});

it('builds the .ics attachment of one confirmed visit', () => {
  const text = appointmentIcs({
    appointmentId: '0190f6a4-0000-7000-8000-000000000001',
    startAt: new Date('2026-12-07T09:20:00.000Z'),
    endAt: new Date('2026-12-07T09:40:00.000Z'),
    doctorName: 'Dr. Ada Lens',
    clinicName: 'ECMS Eye Clinic',
  });
  expect(text).toContain('BEGIN:VEVENT');
  expect(text).toContain('DTSTART:20261207T092000Z');
  expect(text).toContain('DTEND:20261207T094000Z');
  expect(text).toContain('UID:0190f6a4-0000-7000-8000-000000000001@ecms');
  expect(text).toContain('Dr. Ada Lens');
});
