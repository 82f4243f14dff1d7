import { createAccount } from '../src/server/modules/auth/service.ts';
import { findDeliveries } from '../src/server/modules/deliveries/repository.ts';
import { notifyPatient } from '../src/server/modules/notifications/service.ts';
import { createDeliveryWorker } from '../src/server/notify/worker.ts';
import { deliveryIdOf, FakeHttpProvider, providerEnvironment } from '../test/notify/fake-providers.ts';
import type { BenchResult } from './run.ts';
import { openBenchContext } from './support/database.ts';

const backlog = 2_000;
const loadNotifications = 1_000;
const loadRatePerSecond = 100;

/**
 * Deliveries per second through one worker to a local fake SendGrid and Twilio, and the delay
 * from the commit of a notification to the provider receiving it while notifications keep coming.
 */
export async function run(): Promise<BenchResult[]> {
  const sendgrid = await FakeHttpProvider.start('sendgrid');
  const twilio = await FakeHttpProvider.start('twilio');
  const bench = await openBenchContext(providerEnvironment({ sendgrid, twilio }));
  const { ctx } = bench;
  try {
    const patient = await createAccount(
      ctx,
      {
        name: 'Bench Patient',
        email: 'bench@clinic.test',
        password: 'x',
        role: 'PATIENT',
        phone: '+14155550199',
      },
      { trustedPassword: true },
    );
    const notify = (count: number) =>
      ctx.db.transaction(async (tx) => {
        const ids: string[] = [];
        for (let index = 0; index < count; index++) {
          ids.push(
            await notifyPatient(ctx, tx, {
              patientId: patient.id,
              appointmentId: null,
              type: 'COMPLETION',
              facts: { doctorName: 'Dr. Ada Lens', startAt: ctx.clock.now() },
            }),
          );
        }
        return ids;
      });

    for (let batch = 0; batch < backlog / 2 / 100; batch++) await notify(100);
    const drainer = createDeliveryWorker(ctx, { batchSize: 20 });
    const started = performance.now();
    const drained = await drainer.drain(10_000);
    const seconds = (performance.now() - started) / 1000;
    await drainer.stop();
    if (drained !== backlog) throw new Error(`expected ${backlog} deliveries, sent ${drained}`);

    sendgrid.requests.length = 0;
    twilio.requests.length = 0;
    const committedAt = new Map<string, number>();
    const worker = createDeliveryWorker(ctx, { batchSize: 20 });
    await worker.start();
    const loadStarted = performance.now();
    for (let index = 0; index < loadNotifications; index++) {
      const [id] = await notify(1);
      if (id) committedAt.set(id, performance.now());
      const ahead = loadStarted + ((index + 1) * 1000) / loadRatePerSecond - performance.now();
      if (ahead > 0) await new Promise((resolve) => setTimeout(resolve, ahead));
    }
    const deadline = performance.now() + 60_000;
    while (sendgrid.accepted.length + twilio.accepted.length < loadNotifications * 2) {
      if (performance.now() > deadline) throw new Error('deliveries under load did not finish within 60 s');
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    await worker.stop();

    const listed = await findDeliveries(ctx.db, {}, undefined, backlog + loadNotifications * 2);
    const notificationOf = new Map(listed.map((row) => [row.id, row.notificationId]));
    const delays = [...sendgrid.accepted, ...twilio.accepted]
      .map((request) => {
        const notificationId = notificationOf.get(deliveryIdOf(request));
        const committed = notificationId ? committedAt.get(notificationId) : undefined;
        return committed === undefined ? undefined : request.receivedAt - committed;
      })
      .filter((delay): delay is number => delay !== undefined)
      .sort((a, b) => a - b);
    const note = `${bench.kind}, ${loadRatePerSecond} notifications/s × 2 channels`;
    return [
      {
        metric: 'deliveries per second, one worker',
        value: backlog / seconds,
        unit: '1/s',
        note: `${bench.kind}, backlog of ${backlog}, batch 20`,
      },
      { metric: 'commit → send p50', value: percentile(delays, 0.5), unit: 'ms', note },
      { metric: 'commit → send p99', value: percentile(delays, 0.99), unit: 'ms', note },
    ];
  } finally {
    await bench.close();
    await sendgrid.close();
    await twilio.close();
  }
}

function percentile(sorted: number[], fraction: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil(fraction * sorted.length) - 1)] ?? Number.NaN;
}
