import { expect, it } from 'vitest';
import { approvedVisit, describeWithProviders } from './notify-clinic.ts';

describeWithProviders('the deliveries API', (use) => {
  it('lets the clinic manager filter deliveries, count them and retry a failed one', async () => {
    const { clinic, sendgrid, worker } = use();
    const admin = await clinic.admin();
    sendgrid.failNext(1, 401, '{"errors":[{"message":"The provided authorization grant is invalid"}]}');
    const { patient } = await approvedVisit(clinic);
    await worker().drain();

    const failed = await clinic.request('GET', '/deliveries?status=FAILED', { session: admin });
    expect(failed.statusCode).toBe(200);
    const [item] = failed.json().items;
    expect(failed.json().items).toHaveLength(1);
    expect(item).toMatchObject({
      type: 'APPROVAL',
      channel: 'EMAIL',
      status: 'FAILED',
      attempts: 1,
      provider: 'sendgrid',
      providerMessageId: null,
      sentAt: null,
      patient: { id: patient.id, name: patient.name },
    });
    expect(item.lastError).toContain('HTTP 401');
    expect(Object.keys(item)).not.toContain('recipient');
    const summary = await clinic.request('GET', '/deliveries/summary', { session: admin });
    expect(summary.json()).toEqual({ pending: 0, sending: 0, sent: 1, failed: 1 });

    const retried = await clinic.request('POST', `/deliveries/${item.id}/retry`, { session: admin });
    expect(retried.statusCode).toBe(200);
    expect(retried.json()).toMatchObject({ id: item.id, status: 'PENDING', attempts: 0 });
    expect(new Date(retried.json().dueAt).getTime()).toBeLessThanOrEqual(clinic.clock.now().getTime());
    await worker().drain();
    const after = await clinic.request('GET', `/deliveries?channel=EMAIL&patientId=${patient.id}`, {
      session: admin,
    });
    expect(after.json().items[0]).toMatchObject({ status: 'SENT', attempts: 1, lastError: null });

    const again = await clinic.request('POST', `/deliveries/${item.id}/retry`, { session: admin });
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('INVALID_TRANSITION');
    const missing = await clinic.request('POST', '/deliveries/0190c4a0-0000-7000-8000-000000000009/retry', {
      session: admin,
    });
    expect(missing.statusCode).toBe(404);
  });

  it('pages with a cursor and filters by type', async () => {
    const { clinic } = use();
    const admin = await clinic.admin();
    for (let visit = 0; visit < 3; visit++) await approvedVisit(clinic, { daysAhead: 2 + visit });
    const first = await clinic.request('GET', '/deliveries?limit=4', { session: admin });
    expect(first.json().items).toHaveLength(4);
    expect(first.json().nextCursor).toEqual(expect.any(String));
    const second = await clinic.request('GET', `/deliveries?limit=4&cursor=${first.json().nextCursor}`, {
      session: admin,
    });
    expect(second.json().items).toHaveLength(2);
    expect(second.json().nextCursor).toBeNull();
    const ids = [...first.json().items, ...second.json().items].map((item: { id: string }) => item.id);
    expect(new Set(ids).size).toBe(6);
    const none = await clinic.request('GET', '/deliveries?type=RECALL', { session: admin });
    expect(none.json().items).toEqual([]);
    const bad = await clinic.request('GET', '/deliveries?status=LOST', { session: admin });
    expect(bad.statusCode).toBe(400);
  });

  it('is for the clinic manager only', async () => {
    const { clinic } = use();
    const desk = await clinic.newUser('RECEPTIONIST');
    const patient = await clinic.newUser('PATIENT');
    for (const session of [desk, patient]) {
      expect((await clinic.request('GET', '/deliveries', { session })).statusCode).toBe(403);
      expect((await clinic.request('GET', '/deliveries/summary', { session })).statusCode).toBe(403);
      const retry = await clinic.request('POST', '/deliveries/0190c4a0-0000-7000-8000-000000000009/retry', {
        session,
      });
      expect(retry.statusCode).toBe(403);
    }
    expect((await clinic.request('GET', '/deliveries')).statusCode).toBe(401);
  });
});
