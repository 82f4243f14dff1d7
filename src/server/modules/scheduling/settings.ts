import type { z } from 'zod';
import { defaultSchedulingSettings, type SchedulingSettings } from '../../../shared/domain/slots.ts';
import { schedulingSettings, type schedulingSettingsBody } from '../../../shared/schemas/scheduling.ts';
import type { AppContext, RequestContext } from '../../context.ts';
import type { Executor } from '../../db/client.ts';
import { findSettings, upsertSettings } from './repository.ts';

const prefix = 'scheduling.';

/** The clinic's booking rules; a key never set, or set to something no longer valid, falls back to its default. */
export async function loadSchedulingSettings(
  ctx: AppContext,
  db: Executor = ctx.db,
): Promise<SchedulingSettings> {
  const stored: Record<string, unknown> = {};
  for (const row of await findSettings(db, prefix)) {
    try {
      stored[row.key.slice(prefix.length)] = JSON.parse(row.value);
    } catch {
      // an unreadable value is ignored in favour of the default
    }
  }
  const merged = { ...defaultSchedulingSettings };
  for (const key of Object.keys(merged) as (keyof SchedulingSettings)[]) {
    const parsed = schedulingSettings.shape[key].safeParse(stored[key]);
    if (parsed.success) Object.assign(merged, { [key]: parsed.data });
  }
  return merged;
}

export async function getSchedulingSettings(ctx: RequestContext): Promise<SchedulingSettings> {
  return loadSchedulingSettings(ctx);
}

export async function updateSchedulingSettings(
  ctx: RequestContext,
  body: z.infer<typeof schedulingSettingsBody>,
): Promise<SchedulingSettings> {
  const now = ctx.clock.now();
  const rows = Object.entries(body)
    .filter(([, value]) => value !== undefined)
    .map(([key, value]) => ({
      key: `${prefix}${key}`,
      value: JSON.stringify(
        key === 'reminderOffsetsHours' ? [...(value as number[])].sort((a, b) => b - a) : value,
      ),
      updatedAt: now,
    }));
  await ctx.db.transaction(async (tx) => upsertSettings(tx, rows));
  return loadSchedulingSettings(ctx);
}
