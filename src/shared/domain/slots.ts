import { DateTime } from 'luxon';

/** Weekly hours keyed by ISO weekday ("1" = Monday), each day a list of ["HH:MM", "HH:MM"] ranges. */
export type WeeklyHours = Partial<Record<string, [string, string][]>>;
export type Interval = { startAt: Date; endAt: Date };

export const defaultSlotMinutes = 20;
const officeDay: [string, string][] = [['09:00', '17:00']];
export const defaultWeeklyHours: WeeklyHours = {
  '1': officeDay,
  '2': officeDay,
  '3': officeDay,
  '4': officeDay,
  '5': officeDay,
};

export type SchedulingSettings = {
  minimumNoticeMinutes: number;
  bookingHorizonDays: number;
  patientChangeCutoffHours: number;
  reminderOffsetsHours: number[];
};

export const defaultSchedulingSettings: SchedulingSettings = {
  minimumNoticeMinutes: 120,
  bookingHorizonDays: 90,
  patientChangeCutoffHours: 24,
  reminderOffsetsHours: [24],
};

const minute = 60_000;

/** The clinic-local calendar date (YYYY-MM-DD) of an instant. */
export function clinicDate(at: Date, timezone: string): string {
  return DateTime.fromJSDate(at, { zone: timezone }).toISODate() ?? '';
}

/** Each date from `from` to `to`, both included. */
export function datesBetween(from: string, to: string): string[] {
  const dates: string[] = [];
  let day = DateTime.fromISO(from, { zone: 'UTC' });
  const last = DateTime.fromISO(to, { zone: 'UTC' });
  while (day <= last) {
    dates.push(day.toISODate() ?? '');
    day = day.plus({ days: 1 });
  }
  return dates;
}

/**
 * The doctor's working intervals on one clinic-local date. Wall-clock times are resolved in the
 * clinic's zone for that very date, so 09:00 stays 09:00 local on both sides of a DST change.
 */
export function workingIntervals(date: string, weeklyHours: WeeklyHours, timezone: string): Interval[] {
  const day = DateTime.fromISO(date, { zone: timezone });
  return (weeklyHours[String(day.weekday)] ?? [])
    .map(([from, to]) => ({ startAt: wallClock(day, from), endAt: wallClock(day, to) }))
    .filter((interval) => interval.endAt > interval.startAt);
}

function wallClock(day: DateTime, time: string): Date {
  const [hour, minuteOfHour] = time.split(':').map(Number);
  return day.set({ hour, minute: minuteOfHour, second: 0, millisecond: 0 }).toJSDate();
}

/** Every slot of the grid on a date: each working interval cut into slot-length pieces from its start. */
export function gridSlots(
  date: string,
  weeklyHours: WeeklyHours,
  slotMinutes: number,
  timezone: string,
): Interval[] {
  const length = slotMinutes * minute;
  const slots: Interval[] = [];
  for (const interval of workingIntervals(date, weeklyHours, timezone)) {
    for (
      let start = interval.startAt.getTime();
      start + length <= interval.endAt.getTime();
      start += length
    ) {
      slots.push({ startAt: new Date(start), endAt: new Date(start + length) });
    }
  }
  return slots;
}

export type SlotSearch = {
  from: string;
  to: string;
  timezone: string;
  weeklyHours: WeeklyHours;
  slotMinutes: number;
  /** Time off and live appointments: a slot touching any of them is not free. */
  blocked: Interval[];
  /** The earliest start offered: now plus the minimum notice (or now, for staff). */
  notBefore: Date;
  /** The latest start offered: the booking horizon. */
  notAfter: Date;
};

/** The free slots between two clinic-local dates, in time order. */
export function freeSlots(search: SlotSearch): Interval[] {
  const blocked = mergeIntervals(search.blocked);
  const free: Interval[] = [];
  let next = 0;
  for (const date of datesBetween(search.from, search.to)) {
    for (const slot of gridSlots(date, search.weeklyHours, search.slotMinutes, search.timezone)) {
      if (slot.startAt < search.notBefore || slot.startAt > search.notAfter) continue;
      while (next < blocked.length && (blocked[next] as Interval).endAt <= slot.startAt) next++;
      const ahead = blocked[next];
      if (ahead && ahead.startAt < slot.endAt) continue;
      free.push(slot);
    }
  }
  return free;
}

/** Sorted, disjoint union of intervals: lets one forward pass check every slot. */
export function mergeIntervals(intervals: Interval[]): Interval[] {
  const sorted = [...intervals].sort((a, b) => a.startAt.getTime() - b.startAt.getTime());
  const merged: Interval[] = [];
  for (const interval of sorted) {
    const last = merged.at(-1);
    if (last && interval.startAt <= last.endAt) {
      if (interval.endAt > last.endAt) last.endAt = interval.endAt;
    } else {
      merged.push({ startAt: interval.startAt, endAt: interval.endAt });
    }
  }
  return merged;
}

export function overlaps(a: Interval, b: Interval): boolean {
  return a.startAt < b.endAt && b.startAt < a.endAt;
}

export type BookingProblem = 'PAST' | 'TOO_SOON' | 'TOO_FAR' | 'OUTSIDE_HOURS' | 'OFF_GRID' | 'TIME_OFF';

export type BookingQuestion = {
  slot: Interval;
  now: Date;
  timezone: string;
  weeklyHours: WeeklyHours;
  slotMinutes: number;
  timeOff: Interval[];
  notBefore: Date;
  notAfter: Date;
};

/** Why a time cannot be booked, or undefined when the rules allow it (whether it is taken is the database's call). */
export function bookingProblem(question: BookingQuestion): BookingProblem | undefined {
  const { slot } = question;
  if (slot.startAt <= question.now) return 'PAST';
  if (slot.startAt < question.notBefore) return 'TOO_SOON';
  if (slot.startAt > question.notAfter) return 'TOO_FAR';
  const date = clinicDate(slot.startAt, question.timezone);
  const interval = workingIntervals(date, question.weeklyHours, question.timezone).find(
    (candidate) => candidate.startAt <= slot.startAt && slot.endAt <= candidate.endAt,
  );
  if (!interval) return 'OUTSIDE_HOURS';
  if ((slot.startAt.getTime() - interval.startAt.getTime()) % (question.slotMinutes * minute) !== 0) {
    return 'OFF_GRID';
  }
  if (question.timeOff.some((away) => overlaps(away, slot))) return 'TIME_OFF';
  return undefined;
}

/** "J. D." from "Jane Doe": what a calendar feed may show of a patient. */
export function initialsOf(name: string): string {
  return name
    .split(/\s+/)
    .filter((part) => /^\p{L}/u.test(part))
    .map((part) => `${part.charAt(0).toUpperCase()}.`)
    .join(' ');
}
