import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { beforeAll, expect, it } from 'vitest';
import { deliveries, notifications } from '../src/server/db/schema/index.ts';
import { describeEachDatabase, type Session, type TestClinic } from './support/clinic.ts';
import { approve, expectStatus, type Json, pay, requestVisit, setBill, slotMaker } from './support/visits.ts';

describeEachDatabase("the patient's notifications and their deliveries", (use) => {
  let desk: Session;
  let slot: () => string;
  beforeAll(async () => {
    desk = await use().newUser('RECEPTIONIST');
    slot = slotMaker(use());
  });

  async function inbox(clinic: TestClinic, patient: Session, query = '') {
    const response = await clinic.request('GET', `/notifications${query}`, { session: patient });
    expect(response.statusCode).toBe(200);
    return response.json() as { items: Json[]; nextCursor: string | null; unreadCount: number };
  }

  async function channelsOf(clinic: TestClinic, notificationId: string) {
    const rows = await clinic.ctx.db
      .select({ channel: deliveries.channel, recipient: deliveries.recipient })
      .from(deliveries)
      .where(eq(deliveries.notificationId, notificationId));
    return rows.sort((a, b) => a.channel.localeCompare(b.channel));
  }

  async function countFor(clinic: TestClinic, patientId: string) {
    const rows = await clinic.ctx.db.select().from(notifications).where(eq(notifications.userId, patientId));
    return rows.length;
  }

  it('sends exactly one notification of the right type per transition, by e-mail and SMS to a patient with a phone', async () => {
    const clinic = use();
    const patient = await clinic.newUser('PATIENT', { phone: '+14155550199' });
    const doctor = await clinic.newUser('DOCTOR', { name: 'Dr. Hana Vitreous' });
    const expectLatest = async (type: string, appointmentId: string, total: number) => {
      const page = await inbox(clinic, patient);
      expect(page.items).toHaveLength(total);
      const [latest] = page.items;
      expect(latest).toMatchObject({ type, appointmentId, readAt: null });
      expect(latest?.title.length).toBeGreaterThan(0);
      expect(await channelsOf(clinic, latest?.id)).toEqual([
        { channel: 'EMAIL', recipient: patient.email },
        { channel: 'SMS', recipient: '+14155550199' },
      ]);
      return latest as Json;
    };

    const visit = await requestVisit(clinic, patient, doctor, slot());
    expect(await countFor(clinic, patient.id)).toBe(0);
    await approve(clinic, doctor, visit.id);
    const approval = await expectLatest('APPROVAL', visit.id, 1);
    expect(approval.message).toContain('Dr. Hana Vitreous');
    const bill = await setBill(clinic, doctor, visit.id, 8000);
    expect(await countFor(clinic, patient.id)).toBe(1);
    await pay(clinic, desk, bill.id);
    await expectLatest('REMINDER', visit.id, 2);
    expectStatus(await clinic.request('POST', `/appointments/${visit.id}/treat`, { session: doctor }), 200);
    await expectLatest('COMPLETION', visit.id, 3);

    const declined = await requestVisit(clinic, patient, doctor, slot());
    expectStatus(
      await clinic.request('POST', `/appointments/${declined.id}/reject`, {
        session: doctor,
        body: { note: 'Please see the cornea clinic instead' },
      }),
      200,
    );
    const rejection = await expectLatest('REJECTION', declined.id, 4);
    expect(rejection.message).toContain('Please see the cornea clinic instead');

    const cancelled = await requestVisit(clinic, patient, doctor, slot());
    expectStatus(
      await clinic.request('POST', `/appointments/${cancelled.id}/cancel`, { session: desk, body: {} }),
      200,
    );
    await expectLatest('CANCELLATION', cancelled.id, 5);
  });

  it('delivers by e-mail only to a patient without a phone', async () => {
    const clinic = use();
    const patient = await clinic.newUser('PATIENT');
    const doctor = await clinic.newUser('DOCTOR');
    const visit = await requestVisit(clinic, patient, doctor, slot());
    await approve(clinic, doctor, visit.id);
    const [approval] = (await inbox(clinic, patient)).items;
    expect(await channelsOf(clinic, approval?.id)).toEqual([{ channel: 'EMAIL', recipient: patient.email }]);
  });

  it("follows the patient's contact preferences and details", async () => {
    const clinic = use();
    const patient = await clinic.newUser('PATIENT', { phone: '+14155550197' });
    const doctor = await clinic.newUser('DOCTOR');
    const latestChannels = async () => {
      const [latest] = (await inbox(clinic, patient)).items;
      return (await channelsOf(clinic, latest?.id)).map((row) => row.channel);
    };
    const approveNew = async () =>
      approve(clinic, doctor, (await requestVisit(clinic, patient, doctor, slot())).id);
    const profile = (body: Json) => clinic.request('PATCH', '/me', { session: patient, body });

    expectStatus(await profile({ notifyBySms: false }), 200);
    await approveNew();
    expect(await latestChannels()).toEqual(['EMAIL']);

    expectStatus(await profile({ notifyBySms: true, notifyByEmail: false }), 200);
    await approveNew();
    expect(await latestChannels()).toEqual(['SMS']);

    expectStatus(await profile({ notifyByEmail: true, phone: null, remindersOptOut: true }), 200);
    await approveNew();
    expect(await latestChannels()).toEqual(['EMAIL']);
    expect((await inbox(clinic, patient)).items).toHaveLength(3);
  });

  it('sends nothing after a refused action', async () => {
    const clinic = use();
    const patient = await clinic.newUser('PATIENT', { phone: '+14155550198' });
    const doctor = await clinic.newUser('DOCTOR');
    const visit = await requestVisit(clinic, patient, doctor, slot());
    await approve(clinic, doctor, visit.id);
    const deliveryCount = async () =>
      (
        await clinic.ctx.db
          .select({ id: deliveries.id })
          .from(deliveries)
          .innerJoin(notifications, eq(notifications.id, deliveries.notificationId))
          .where(eq(notifications.userId, patient.id))
      ).length;
    expect(await countFor(clinic, patient.id)).toBe(1);
    expect(await deliveryCount()).toBe(2);
    for (const action of ['approve', 'treat']) {
      const refused = await clinic.request('POST', `/appointments/${visit.id}/${action}`, {
        session: doctor,
      });
      expect(refused.statusCode).toBe(409);
    }
    const rejectApproved = await clinic.request('POST', `/appointments/${visit.id}/reject`, {
      session: doctor,
      body: { note: 'no' },
    });
    expect(rejectApproved.statusCode).toBe(409);
    expect(await countFor(clinic, patient.id)).toBe(1);
    expect(await deliveryCount()).toBe(2);
  });

  it('does not notify a patient of their own cancellation', async () => {
    const clinic = use();
    const patient = await clinic.newUser('PATIENT');
    const doctor = await clinic.newUser('DOCTOR');
    const visit = await requestVisit(clinic, patient, doctor, slot());
    expectStatus(
      await clinic.request('POST', `/appointments/${visit.id}/cancel`, { session: patient, body: {} }),
      200,
    );
    expect(await countFor(clinic, patient.id)).toBe(0);
  });

  it('filters unread notifications, counts them, and marks one read with 204', async () => {
    const clinic = use();
    const patient = await clinic.newUser('PATIENT');
    const doctor = await clinic.newUser('DOCTOR');
    const first = await requestVisit(clinic, patient, doctor, slot());
    const second = await requestVisit(clinic, patient, doctor, slot());
    await approve(clinic, doctor, first.id);
    await approve(clinic, doctor, second.id);
    const all = await inbox(clinic, patient);
    expect(all.unreadCount).toBe(2);
    const [newest, oldest] = all.items;
    expect(newest?.appointmentId).toBe(second.id);
    expect(oldest?.appointmentId).toBe(first.id);

    const read = await clinic.request('POST', `/notifications/${oldest?.id}/read`, { session: patient });
    expect(read.statusCode).toBe(204);
    expect(read.body).toBe('');
    const unread = await inbox(clinic, patient, '?unread=true');
    expect(unread.items.map((n) => n.id)).toEqual([newest?.id]);
    expect(unread.unreadCount).toBe(1);
    const everything = await inbox(clinic, patient);
    expect(everything.unreadCount).toBe(1);
    const marked = everything.items.find((n) => n.id === oldest?.id);
    expect(Date.parse(marked?.readAt)).not.toBeNaN();
    expect(
      (await clinic.request('POST', `/notifications/${oldest?.id}/read`, { session: patient })).statusCode,
    ).toBe(204);
    expect((await inbox(clinic, patient)).items.find((n) => n.id === oldest?.id)?.readAt).toBe(
      marked?.readAt,
    );
  });

  it("answers 404 for another user's notification and leaves it unread", async () => {
    const clinic = use();
    const patient = await clinic.newUser('PATIENT');
    const stranger = await clinic.newUser('PATIENT');
    const doctor = await clinic.newUser('DOCTOR');
    const visit = await requestVisit(clinic, patient, doctor, slot());
    await approve(clinic, doctor, visit.id);
    const [notification] = (await inbox(clinic, patient)).items;
    for (const session of [stranger, doctor, desk]) {
      const response = await clinic.request('POST', `/notifications/${notification?.id}/read`, { session });
      expect(response.statusCode).toBe(404);
      expect(response.json().code).toBe('NOT_FOUND');
    }
    const missing = await clinic.request('POST', `/notifications/${randomUUID()}/read`, { session: patient });
    expect(missing.statusCode).toBe(404);
    expect((await inbox(clinic, patient)).unreadCount).toBe(1);
  });

  it('pages through notifications newest first without duplicates or gaps', async () => {
    const clinic = use();
    const patient = await clinic.newUser('PATIENT');
    const doctor = await clinic.newUser('DOCTOR');
    for (let n = 0; n < 3; n++)
      await approve(clinic, doctor, (await requestVisit(clinic, patient, doctor, slot())).id);
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page = await inbox(clinic, patient, `?limit=1${cursor ? `&cursor=${cursor}` : ''}`);
      expect(page.items.length).toBeLessThanOrEqual(1);
      expect(page.unreadCount).toBe(3);
      seen.push(...page.items.map((n) => n.id));
      cursor = page.nextCursor;
    } while (cursor);
    const all = (await inbox(clinic, patient)).items.map((n) => n.id);
    expect(seen).toEqual(all);
    expect(all).toHaveLength(3);
  });
});
