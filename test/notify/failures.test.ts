import { expect, it } from 'vitest';
import { claimDueDeliveries } from '../../src/server/notify/repository.ts';
import { deliveryIdOf } from './fake-providers.ts';
import { approvedVisit, describeWithProviders } from './notify-clinic.ts';

const hour = 60 * 60_000;

describeWithProviders('failed sends', (use) => {
  it('retries while the provider answers 500, then delivers exactly once after it recovers', async () => {
    const { clinic, sendgrid, twilio, worker, deliveries } = use();
    const sendgridBefore = sendgrid.requests.length;
    sendgrid.failNext(3, 500, '{"errors":[{"message":"Internal error"}]}');
    const { patient } = await approvedVisit(clinic);
    const [email] = await deliveries(`&patientId=${patient.id}&channel=EMAIL`);
    if (!email) throw new Error('no e-mail delivery');
    const sender = worker();

    await sender.drain();
    let [state] = await deliveries(`&patientId=${patient.id}&channel=EMAIL`);
    expect(state).toMatchObject({ status: 'PENDING', attempts: 1, provider: 'sendgrid' });
    expect(state?.lastError).toContain('HTTP 500');
    const firstRetryAt = new Date(state?.dueAt ?? 0).getTime() - clinic.clock.now().getTime();
    expect(firstRetryAt).toBeGreaterThan(10_000);
    expect(firstRetryAt).toBeLessThanOrEqual(30_000);
    expect(await sender.drain()).toBe(0);

    for (let round = 0; round < 5; round++) {
      clinic.clock.advance(hour);
      await sender.drain();
    }
    [state] = await deliveries(`&patientId=${patient.id}&channel=EMAIL`);
    expect(state).toMatchObject({ status: 'SENT', attempts: 4, lastError: null });
    const attempts = sendgrid.requests.slice(sendgridBefore).filter((r) => deliveryIdOf(r) === email.id);
    expect(attempts).toHaveLength(4);
    expect(attempts.filter((request) => request.accepted)).toHaveLength(1);
    expect(twilio.accepted.filter((r) => deliveryIdOf(r) !== email.id).length).toBeGreaterThan(0);
  });

  it('fails a delivery at once when the provider refuses it, with the error recorded', async () => {
    const { clinic, sendgrid, twilio, worker, deliveries } = use();
    sendgrid.failNext(1, 400, '{"errors":[{"message":"Does not contain a valid address."}]}');
    twilio.failNext(
      1,
      400,
      JSON.stringify({
        code: 21211,
        message: "The 'To' number +14155550125 is not a valid phone number.",
        status: 400,
      }),
    );
    const { patient } = await approvedVisit(clinic, { phone: '+14155550125' });
    await worker().drain();

    const failed = await deliveries(`&patientId=${patient.id}`);
    expect(failed.map((delivery) => delivery.status)).toEqual(['FAILED', 'FAILED']);
    const email = failed.find((delivery) => delivery.channel === 'EMAIL');
    const sms = failed.find((delivery) => delivery.channel === 'SMS');
    expect(email?.attempts).toBe(1);
    expect(email?.lastError).toBe('sendgrid answered HTTP 400: Does not contain a valid address.');
    expect(sms?.lastError).toContain('error 21211');
    expect(sms?.lastError).not.toContain('4155550125');
    clinic.clock.advance(2 * hour);
    expect(await worker().drain()).toBe(0);
  });

  it('gives up after the attempt limit when the provider never recovers', async () => {
    const { clinic, sendgrid, worker, deliveries } = use();
    const { patient } = await approvedVisit(clinic);
    sendgrid.failNext(Number.POSITIVE_INFINITY, 503);
    const sender = worker({ maxAttempts: 3 });
    for (let round = 0; round < 5; round++) {
      await sender.drain();
      clinic.clock.advance(2 * hour);
    }
    sendgrid.recover();
    const [email] = await deliveries(`&patientId=${patient.id}&channel=EMAIL`);
    expect(email).toMatchObject({ status: 'FAILED', attempts: 3 });
    expect(email?.lastError).toBe('sendgrid answered HTTP 503 (gave up after 3 attempts)');
  });

  it('sends what a killed worker had claimed once the claim times out, and nothing twice', async () => {
    const { clinic, sendgrid, twilio, worker, deliveries } = use();
    const { patient } = await approvedVisit(clinic);
    const abandoned = await claimDueDeliveries(clinic.ctx.db, {
      workerId: 'killed-worker',
      now: clinic.clock.now(),
      claimTimeoutMs: 5 * 60_000,
      limit: 100,
    });
    const mine = await deliveries(`&patientId=${patient.id}`);
    expect(mine.map((delivery) => delivery.status)).toEqual(['SENDING', 'SENDING']);
    expect(abandoned).toEqual(expect.arrayContaining(mine.map((delivery) => delivery.id)));

    const survivor = worker({ claimTimeoutMs: 5 * 60_000 });
    expect(await survivor.drain()).toBe(0);
    clinic.clock.advance(4 * 60_000);
    expect(await survivor.drain()).toBe(0);
    clinic.clock.advance(60_001);
    expect(await survivor.drain()).toBe(abandoned.length);

    const after = await deliveries(`&patientId=${patient.id}`);
    expect(after.map((delivery) => delivery.status)).toEqual(['SENT', 'SENT']);
    for (const delivery of after) {
      const requests = [...sendgrid.requests, ...twilio.requests].filter(
        (r) => deliveryIdOf(r) === delivery.id,
      );
      expect(requests).toHaveLength(1);
    }
  });
});
