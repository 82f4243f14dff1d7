import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/server/db/client.ts';
import { notifyPatient } from '../../src/server/modules/notifications/service.ts';
import { createDeliveryWorker } from '../../src/server/notify/worker.ts';
import { testDatabases } from '../support/clinic.ts';
import { deliveryIdOf } from './fake-providers.ts';
import { approvedVisit, describeWithProviders, openNotifyClinic } from './notify-clinic.ts';

describeWithProviders('a running worker', (use) => {
  it('wakes on NOTIFY, not on its poll, and sends a new delivery at once', async () => {
    const { clinic, sendgrid, twilio, worker } = use();
    const running = worker({ pollIntervalMs: 10 * 60_000 });
    await running.start();
    try {
      await approvedVisit(clinic);
      await expect.poll(() => sendgrid.accepted.length + twilio.accepted.length, { timeout: 5_000 }).toBe(2);
    } finally {
      await running.stop();
    }
  });

  it('on stop finishes the send in flight, records it, and claims nothing more', async () => {
    const { clinic, sendgrid, twilio, worker, deliveries } = use();
    const running = worker({ pollIntervalMs: 10 * 60_000 });
    await running.start();
    const releaseMail = sendgrid.hold();
    const releaseSms = twilio.hold();
    const { patient } = await approvedVisit(clinic);
    await expect.poll(() => sendgrid.requests.length + twilio.requests.length, { timeout: 5_000 }).toBe(2);

    const stopped = running.stop();
    releaseMail();
    releaseSms();
    await stopped;

    const sent = await deliveries(`&patientId=${patient.id}`);
    expect(sent.map((delivery) => delivery.status)).toEqual(['SENT', 'SENT']);
    const later = await approvedVisit(clinic);
    const waiting = await deliveries(`&patientId=${later.patient.id}`);
    expect(waiting.map((delivery) => delivery.status)).toEqual(['PENDING', 'PENDING']);
    expect(sendgrid.requests.length + twilio.requests.length).toBe(2);
  });
});

for (const kind of testDatabases().filter((database) => database === 'postgres')) {
  describe(`several workers [${kind}]`, () => {
    it('two workers on PostgreSQL send each of 200 due deliveries exactly once between them', async () => {
      const { notify, close } = await openNotifyClinic(kind);
      const second = await openDatabase({ url: notify.clinic.ctx.config.databaseUrl });
      try {
        const { clinic, sendgrid, twilio } = notify;
        const patient = await clinic.newUser('PATIENT', { phone: '+14155550126' });
        await clinic.ctx.db.transaction(async (tx) => {
          for (let index = 0; index < 100; index++) {
            await notifyPatient(clinic.ctx, tx, {
              patientId: patient.id,
              appointmentId: null,
              type: 'COMPLETION',
              facts: { doctorName: 'Dr. Ada Lens', startAt: clinic.clock.now() },
            });
          }
        });
        const one = createDeliveryWorker(clinic.ctx, { workerId: 'worker-one', batchSize: 7 });
        const two = createDeliveryWorker(
          { ...clinic.ctx, handle: second, db: second.db },
          { workerId: 'worker-two', batchSize: 7 },
        );

        const [sentByOne, sentByTwo] = await Promise.all([one.drain(), two.drain()]);

        expect(sentByOne + sentByTwo).toBe(200);
        const ids = [...sendgrid.requests, ...twilio.requests].map(deliveryIdOf);
        expect(ids).toHaveLength(200);
        expect(new Set(ids).size).toBe(200);
        const summary = await clinic.request('GET', '/deliveries/summary', { session: await clinic.admin() });
        expect(summary.json()).toEqual({ pending: 0, sending: 0, sent: 200, failed: 0 });
      } finally {
        await second.close();
        await close();
      }
    });
  });
}
