import { and, eq } from 'drizzle-orm';
import { afterEach, expect, it } from 'vitest';
import { deliveries, notifications } from '../../src/server/db/schema/index.ts';
import { runDueJobs } from '../../src/server/modules/scheduling/due-jobs.ts';
import { describeEachDatabase, nextWeekdayAt, type Session, type TestClinic } from '../support/clinic.ts';
import { book } from './support.ts';

const hour = 3_600_000;

function moveClockTo(clinic: TestClinic, at: Date): void {
  clinic.clock.advance(at.getTime() - clinic.clock.now().getTime());
}

async function messagesOf(clinic: TestClinic, patientId: string, type: string) {
  return clinic.ctx.db
    .select({
      id: notifications.id,
      appointmentId: notifications.appointmentId,
      createdAt: notifications.createdAt,
    })
    .from(notifications)
    .where(and(eq(notifications.userId, patientId), eq(notifications.type, type)));
}

async function deliveriesOf(clinic: TestClinic, notificationId: string) {
  return clinic.ctx.db.select().from(deliveries).where(eq(deliveries.notificationId, notificationId));
}

async function approved(clinic: TestClinic, doctor: Session, patient: Session, startAt: string) {
  const booked = await book(clinic, patient, { doctorId: doctor.id, startAt });
  expect(booked.statusCode).toBe(201);
  const id = booked.json().id as string;
  expect((await clinic.request('POST', `/appointments/${id}/approve`, { session: doctor })).statusCode).toBe(
    200,
  );
  return id;
}

describeEachDatabase('visit reminders', (use) => {
  afterEach(() => use().clock.reset());

  it('sends the reminder 24 hours before an approved visit, not before, and only once', async () => {
    const clinic = use();
    const doctor = await clinic.newUser('DOCTOR');
    const patient = await clinic.newUser('PATIENT', { phone: '+14155550199' });
    const startAt = nextWeekdayAt(clinic, 3, 10, 0);
    const id = await approved(clinic, doctor, patient, startAt);

    await runDueJobs(clinic.ctx);
    expect(await messagesOf(clinic, patient.id, 'VISIT_REMINDER')).toEqual([]);
    const inbox = await clinic.request('GET', '/notifications', { session: patient });
    expect(inbox.json().items.map((item: { type: string }) => item.type)).toEqual(['APPROVAL']);

    moveClockTo(clinic, new Date(Date.parse(startAt) - 24 * hour - 60_000));
    await runDueJobs(clinic.ctx);
    expect(await messagesOf(clinic, patient.id, 'VISIT_REMINDER')).toEqual([]);

    clinic.clock.advance(2 * 60_000);
    await runDueJobs(clinic.ctx);
    const [reminder] = await messagesOf(clinic, patient.id, 'VISIT_REMINDER');
    expect(reminder?.appointmentId).toBe(id);
    const sent = await deliveriesOf(clinic, reminder?.id as string);
    expect(sent.map((row) => row.channel).sort()).toEqual(['EMAIL', 'SMS']);
    expect(sent.every((row) => row.status === 'PENDING' && row.dueAt <= clinic.clock.now())).toBe(true);

    await runDueJobs(clinic.ctx);
    expect(await messagesOf(clinic, patient.id, 'VISIT_REMINDER')).toHaveLength(1);
    const again = await clinic.signIn(patient.email, patient.password);
    const later = await clinic.request('GET', '/notifications', { session: again });
    expect(later.json().items[0]).toMatchObject({ type: 'VISIT_REMINDER', title: 'Appointment reminder' });
  });

  it('drops the reminder of a cancelled visit and moves the reminder of a rescheduled one', async () => {
    const clinic = use();
    const doctor = await clinic.newUser('DOCTOR');
    const patient = await clinic.newUser('PATIENT');
    const desk = await clinic.newUser('RECEPTIONIST');
    const cancelledAt = nextWeekdayAt(clinic, 3, 10, 0);
    const cancelled = await approved(clinic, doctor, patient, cancelledAt);
    await clinic.request('POST', `/appointments/${cancelled}/cancel`, { session: desk, body: {} });

    const movedFrom = nextWeekdayAt(clinic, 3, 11, 0);
    const moved = await approved(clinic, doctor, patient, movedFrom);
    const movedTo = nextWeekdayAt(clinic, 6, 11, 0);
    const response = await clinic.request('POST', `/appointments/${moved}/reschedule`, {
      session: desk,
      body: { startAt: movedTo },
    });
    expect(response.statusCode).toBe(200);

    moveClockTo(clinic, new Date(Date.parse(movedFrom) - 23 * hour));
    await runDueJobs(clinic.ctx);
    expect(await messagesOf(clinic, patient.id, 'VISIT_REMINDER')).toEqual([]);

    moveClockTo(clinic, new Date(Date.parse(movedTo) - 23 * hour));
    await runDueJobs(clinic.ctx);
    const reminders = await messagesOf(clinic, patient.id, 'VISIT_REMINDER');
    expect(reminders.map((row) => row.appointmentId)).toEqual([moved]);
  });
});

async function treatedWithFollowUp(clinic: TestClinic, doctor: Session, patient: Session, desk: Session) {
  const id = await approved(clinic, doctor, patient, nextWeekdayAt(clinic, 3, 15, 0));
  const bill = await clinic.request('PUT', `/appointments/${id}/bill`, {
    session: doctor,
    body: { amountCents: 5000 },
  });
  await clinic.request('POST', `/bills/${bill.json().id}/pay`, { session: desk, body: { method: 'CASH' } });
  const treated = await clinic.request('POST', `/appointments/${id}/treat`, {
    session: doctor,
    body: { followUpMonths: 2 },
  });
  expect(treated.statusCode).toBe(200);
  return id;
}

describeEachDatabase('follow-up recalls', (use) => {
  afterEach(() => use().clock.reset());

  it('recalls the patient when the follow-up falls due and lists them until a visit is booked', async () => {
    const clinic = use();
    const doctor = await clinic.newUser('DOCTOR', { name: 'Dr. Rhea Cornea' });
    const patient = await clinic.newUser('PATIENT', { name: 'Lena Iris' });
    const desk = await clinic.newUser('RECEPTIONIST');
    const source = await treatedWithFollowUp(clinic, doctor, patient, desk);

    expect((await clinic.request('GET', '/recalls', { session: desk })).json().items).toEqual([]);
    await runDueJobs(clinic.ctx);
    expect(await messagesOf(clinic, patient.id, 'RECALL')).toEqual([]);

    clinic.clock.advance(63 * 24 * hour);
    await runDueJobs(clinic.ctx);
    const [recallMessage] = await messagesOf(clinic, patient.id, 'RECALL');
    expect(recallMessage?.appointmentId).toBe(source);
    expect(await deliveriesOf(clinic, recallMessage?.id as string)).toHaveLength(1);

    const deskNow = await clinic.signIn(desk.email, desk.password);
    const due = await clinic.request('GET', '/recalls?status=DUE&limit=10', { session: deskNow });
    expect(due.statusCode).toBe(200);
    expect(due.json().items).toMatchObject([
      {
        patient: { id: patient.id, name: 'Lena Iris' },
        doctor: { id: doctor.id },
        sourceAppointmentId: source,
      },
    ]);
    const doctorNow = await clinic.signIn(doctor.email, doctor.password);
    expect((await clinic.request('GET', '/recalls', { session: doctorNow })).json().items).toHaveLength(1);
    const patientNow = await clinic.signIn(patient.email, patient.password);
    expect((await clinic.request('GET', '/recalls', { session: patientNow })).statusCode).toBe(403);

    const followUp = await book(clinic, deskNow, {
      doctorId: doctor.id,
      patientId: patient.id,
      startAt: nextWeekdayAt(clinic, 2, 9, 0),
    });
    expect(followUp.statusCode).toBe(201);
    expect((await clinic.request('GET', '/recalls', { session: deskNow })).json().items).toEqual([]);
    const booked = await clinic.request('GET', '/recalls?status=BOOKED', { session: deskNow });
    expect(booked.json().items[0]).toMatchObject({
      status: 'BOOKED',
      bookedAppointmentId: followUp.json().id,
    });
  });

  it('lets the front desk dismiss a recall, which then sends nothing', async () => {
    const clinic = use();
    const doctor = await clinic.newUser('DOCTOR');
    const patient = await clinic.newUser('PATIENT');
    const desk = await clinic.newUser('RECEPTIONIST');
    await treatedWithFollowUp(clinic, doctor, patient, desk);
    const [open] = (await clinic.request('GET', '/recalls?status=DUE', { session: desk })).json().items;
    expect(open).toBeUndefined();

    clinic.clock.advance(30 * 24 * hour);
    const deskNow = await clinic.signIn(desk.email, desk.password);
    const all = await clinic.ctx.db.query.recalls.findMany({
      where: (recall, { eq: is }) => is(recall.patientId, patient.id),
    });
    const recallId = all[0]?.id as string;
    const dismissed = await clinic.request('POST', `/recalls/${recallId}/dismiss`, { session: deskNow });
    expect(dismissed.statusCode).toBe(200);
    expect(dismissed.json().status).toBe('DISMISSED');
    expect(
      (await clinic.request('POST', `/recalls/${recallId}/dismiss`, { session: deskNow })).statusCode,
    ).toBe(409);

    clinic.clock.advance(40 * 24 * hour);
    await runDueJobs(clinic.ctx);
    expect(await messagesOf(clinic, patient.id, 'RECALL')).toEqual([]);
  });
});
