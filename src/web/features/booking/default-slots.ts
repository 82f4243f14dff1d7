import { DateTime } from 'luxon';

export type Slot = { startAt: string; endAt: string };

const slotMinutes = 20;

/**
 * A new doctor's hours from API.md (Monday–Friday 09:00–17:00 clinic time, 20-minute slots),
 * future times only: what booking offers while the server has no slots endpoint.
 */
export function defaultSlots(date: string, timezone: string, now: Date): Slot[] {
  const day = DateTime.fromISO(date, { zone: timezone });
  if (!day.isValid || day.weekday > 5) return [];
  const slots: Slot[] = [];
  const close = day.set({ hour: 17 });
  for (let start = day.set({ hour: 9 }); start < close; start = start.plus({ minutes: slotMinutes })) {
    if (start.toJSDate() <= now) continue;
    slots.push({
      startAt: start.toUTC().toISO() ?? '',
      endAt: start.plus({ minutes: slotMinutes }).toUTC().toISO() ?? '',
    });
  }
  return slots;
}
