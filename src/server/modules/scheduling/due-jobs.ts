import type { AppContext } from '../../context.ts';
import type { Executor } from '../../db/client.ts';
import { describeForLog } from '../../plugins/errors.ts';
import { notifyPatient } from '../notifications/service.ts';
import {
  claimDueNotices,
  findNoticeSubject,
  findRecallStatus,
  markNoticeSent,
  type ScheduledNoticeRow,
} from './repository.ts';

const batchSize = 50;
const maxBatchesPerRun = 20;

/**
 * Turns every reminder and recall due by `now` into the patient's notification and outbox deliveries.
 * Safe to run in several processes at once: each notice is claimed with SKIP LOCKED.
 */
export async function runDueJobs(ctx: AppContext, now: Date = ctx.clock.now()): Promise<number> {
  let total = 0;
  for (let batch = 0; batch < maxBatchesPerRun; batch++) {
    const handled = await ctx.db.transaction(async (tx) => {
      const due = await claimDueNotices(tx, now, batchSize);
      for (const notice of due) await materialise(ctx, tx, notice, now);
      return due.length;
    });
    total += handled;
    if (handled < batchSize) break;
  }
  return total;
}

async function materialise(ctx: AppContext, tx: Executor, notice: ScheduledNoticeRow, now: Date) {
  const subject = await findNoticeSubject(tx, notice.appointmentId);
  const wanted =
    notice.type === 'RECALL'
      ? notice.recallId !== null && (await findRecallStatus(tx, notice.recallId))?.status === 'DUE'
      : subject?.status === 'APPROVED';
  const notificationId =
    subject && wanted
      ? await notifyPatient(ctx, tx, {
          patientId: notice.patientId,
          appointmentId: notice.appointmentId,
          type: notice.type,
          facts: {
            doctorName: subject.doctorName,
            startAt: notice.type === 'RECALL' ? notice.dueAt : subject.startAt,
          },
          dueAt: now,
        })
      : null;
  await markNoticeSent(tx, notice.id, notificationId, now);
}

/** Runs the due jobs every minute in the server process; returns the function that stops them. */
export function startDueJobs(ctx: AppContext, everyMs = 60_000): () => void {
  const tick = () =>
    void runDueJobs(ctx).catch((error: unknown) =>
      ctx.log.warn({ err: describeForLog(error) }, 'scheduled reminders could not run'),
    );
  tick();
  const timer = setInterval(tick, everyMs);
  timer.unref();
  return () => clearInterval(timer);
}
