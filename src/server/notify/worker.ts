import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import { liveStatuses } from '../../shared/domain/appointment-states.ts';
import type { AppContext } from '../context.ts';
import { deliveriesChannel } from '../modules/notifications/service.ts';
import { DeliveryFailure } from './channels/failure.ts';
import { type Channels, channelsFromConfig } from './channels/from-config.ts';
import type { SendResult } from './channels/types.ts';
import { composeDelivery } from './compose.ts';
import {
  type ClaimedDelivery,
  claimDueDeliveries,
  findClaimedDetails,
  findNextDueAt,
  markForRetry,
  markGivenUp,
  markSent,
} from './repository.ts';
import { retryDelayMs } from './retry-policy.ts';

export type DeliveryWorkerOptions = {
  workerId?: string;
  /** Deliveries claimed and sent together; also how many may be in flight at a stop. */
  batchSize?: number;
  pollIntervalMs?: number;
  claimTimeoutMs?: number;
  maxAttempts?: number;
  channels?: Channels;
  random?: () => number;
};

export type DeliveryWorker = {
  readonly id: string;
  /** Listens for new deliveries and sends them until `stop()`. */
  start(): Promise<void>;
  /** Finishes the sends in flight, then stops listening and polling. */
  stop(): Promise<void>;
  /** Claims and sends one batch; returns how many deliveries it claimed. */
  runOnce(): Promise<number>;
  /** Runs batches until nothing is due (for tests and one-off runs). */
  drain(maxBatches?: number): Promise<number>;
};

/** The outbox worker of DESIGN.md: at-least-once delivery, the delivery id as the idempotency key. */
export function createDeliveryWorker(ctx: AppContext, options: DeliveryWorkerOptions = {}): DeliveryWorker {
  const id = options.workerId ?? `${hostname()}#${process.pid}#${randomUUID().slice(0, 8)}`;
  const batchSize = options.batchSize ?? 10;
  const pollIntervalMs = options.pollIntervalMs ?? ctx.config.delivery.pollIntervalMs;
  const claimTimeoutMs = options.claimTimeoutMs ?? ctx.config.delivery.claimTimeoutMs;
  const maxAttempts = options.maxAttempts ?? ctx.config.delivery.maxAttempts;
  const random = options.random ?? Math.random;
  const channels = options.channels ?? channelsFromConfig(ctx.config, ctx.log);

  async function runOnce(): Promise<number> {
    const ids = await claimDueDeliveries(ctx.db, {
      workerId: id,
      now: ctx.clock.now(),
      claimTimeoutMs,
      limit: batchSize,
    });
    if (ids.length === 0) return 0;
    const claimed = await findClaimedDetails(ctx.db, ids);
    // Every send of the batch settles before the batch ends, so a stop never abandons one mid-flight.
    const outcomes = await Promise.allSettled(claimed.map(deliver));
    const failed = outcomes.find((outcome) => outcome.status === 'rejected');
    if (failed) throw failed.reason;
    return ids.length;
  }

  async function deliver(delivery: ClaimedDelivery): Promise<void> {
    if (delivery.attempts > maxAttempts) {
      return giveUp(delivery, 'FAILED', null, `Gave up after ${maxAttempts} attempts`);
    }
    if (
      delivery.type === 'VISIT_REMINDER' &&
      !(liveStatuses as readonly string[]).includes(delivery.appointmentStatus ?? '')
    ) {
      return giveUp(delivery, 'CANCELLED', null, 'The appointment is no longer scheduled');
    }
    const provider = channels[delivery.channel].provider;
    let result: SendResult;
    try {
      const composed = composeDelivery(ctx.config, delivery);
      result =
        composed.channel === 'EMAIL'
          ? await channels.EMAIL.send(composed.message)
          : await channels.SMS.send(composed.message);
    } catch (error) {
      return recordFailure(delivery, provider, error);
    }
    await markSent(ctx.db, delivery.id, id, {
      provider: result.provider,
      providerMessageId: result.messageId,
      at: ctx.clock.now(),
    });
  }

  async function recordFailure(delivery: ClaimedDelivery, provider: string, error: unknown) {
    const failure =
      error instanceof DeliveryFailure
        ? error
        : new DeliveryFailure(`Unexpected ${error instanceof Error ? error.name : 'error'} while sending`, {
            permanent: false,
          });
    ctx.log.warn(
      { deliveryId: delivery.id, channel: delivery.channel, attempts: delivery.attempts, provider },
      `delivery failed: ${failure.message}`,
    );
    if (failure.turnedOff) return giveUp(delivery, 'CANCELLED', provider, failure.message);
    if (failure.permanent) return giveUp(delivery, 'FAILED', provider, failure.message);
    if (delivery.attempts >= maxAttempts) {
      return giveUp(
        delivery,
        'FAILED',
        provider,
        `${failure.message} (gave up after ${maxAttempts} attempts)`,
      );
    }
    const now = ctx.clock.now();
    await markForRetry(ctx.db, delivery.id, id, {
      provider,
      error: failure.message,
      dueAt: new Date(now.getTime() + retryDelayMs(delivery.attempts, random)),
      at: now,
    });
  }

  function giveUp(
    delivery: ClaimedDelivery,
    status: 'FAILED' | 'CANCELLED',
    provider: string | null,
    error: string,
  ) {
    return markGivenUp(ctx.db, delivery.id, id, { status, provider, error, at: ctx.clock.now() });
  }

  async function drain(maxBatches = 1000): Promise<number> {
    let total = 0;
    for (let batch = 0; batch < maxBatches; batch++) {
      const claimed = await runOnce();
      total += claimed;
      if (claimed === 0) break;
    }
    return total;
  }

  let stopped = false;
  let started = false;
  let running: Promise<void> | undefined;
  let wokenWhileRunning = false;
  let unlisten: (() => Promise<void>) | undefined;
  let pollTimer: NodeJS.Timeout | undefined;
  let dueTimer: NodeJS.Timeout | undefined;

  function wake(): void {
    if (stopped) return;
    if (running) {
      wokenWhileRunning = true;
      return;
    }
    running = loop().finally(() => {
      running = undefined;
    });
  }

  async function loop(): Promise<void> {
    try {
      do {
        wokenWhileRunning = false;
        while (!stopped && (await runOnce()) === batchSize);
      } while (wokenWhileRunning && !stopped);
      if (!stopped) await scheduleNextDue();
    } catch (error) {
      ctx.log.warn(
        { workerId: id, err: { name: (error as Error).name, code: (error as { code?: string }).code } },
        'delivery worker could not reach the database; retrying at the next poll',
      );
    }
  }

  /** A retry or a scheduled reminder falls due without any NOTIFY: wake for it instead of waiting for the poll. */
  async function scheduleNextDue(): Promise<void> {
    const next = await findNextDueAt(ctx.db);
    clearTimeout(dueTimer);
    if (!next) return;
    // At least a second: a row due now but locked by another worker's claim must not spin this loop.
    const delay = Math.min(pollIntervalMs, Math.max(1_000, next.getTime() - ctx.clock.now().getTime()));
    dueTimer = setTimeout(wake, delay);
    dueTimer.unref();
  }

  return {
    id,
    async start() {
      if (started) return;
      started = true;
      unlisten = await ctx.handle.listen(deliveriesChannel, wake);
      pollTimer = setInterval(wake, pollIntervalMs);
      pollTimer.unref();
      ctx.log.info(
        { workerId: id, email: channels.EMAIL.provider, sms: channels.SMS.provider },
        'delivery worker started',
      );
      wake();
    },
    async stop() {
      stopped = true;
      clearInterval(pollTimer);
      clearTimeout(dueTimer);
      await unlisten?.();
      unlisten = undefined;
      await running;
      channels.EMAIL.close?.();
      channels.SMS.close?.();
    },
    runOnce,
    drain,
  };
}
