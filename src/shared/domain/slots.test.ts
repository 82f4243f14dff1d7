import fc from 'fast-check';
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import {
  bookingProblem,
  defaultWeeklyHours,
  freeSlots,
  gridSlots,
  type Interval,
  mergeIntervals,
  overlaps,
  type WeeklyHours,
  workingIntervals,
} from './slots.ts';

const zones = ['UTC', 'America/New_York', 'Europe/London', 'Australia/Sydney', 'Asia/Kolkata'];
const minute = 60_000;

const clock = fc.integer({ min: 0, max: 23 * 60 }).map((m) => m);
const hhmm = (m: number) =>
  `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;

/** Up to three disjoint working ranges on each weekday. */
const weeklyHoursArbitrary: fc.Arbitrary<WeeklyHours> = fc
  .array(fc.array(clock, { minLength: 0, maxLength: 6 }), { minLength: 7, maxLength: 7 })
  .map((days) => {
    const week: WeeklyHours = {};
    days.forEach((marks, index) => {
      const sorted = [...new Set(marks)].sort((a, b) => a - b);
      const ranges: [string, string][] = [];
      for (let i = 0; i + 1 < sorted.length; i += 2)
        ranges.push([hhmm(sorted[i] as number), hhmm(sorted[i + 1] as number)]);
      if (ranges.length > 0) week[String(index + 1)] = ranges;
    });
    return week;
  });

const base = Date.parse('2026-01-05T00:00:00Z');
const span = 70 * 86_400_000;
const intervalArbitrary = fc
  .tuple(fc.integer({ min: 0, max: span }), fc.integer({ min: 5, max: 3 * 24 * 60 }))
  .map(([offset, length]): Interval => {
    const start = base + Math.floor(offset / minute) * minute;
    return { startAt: new Date(start), endAt: new Date(start + length * minute) };
  });

const searchArbitrary = fc.record({
  timezone: fc.constantFrom(...zones),
  weeklyHours: weeklyHoursArbitrary,
  slotMinutes: fc.constantFrom(5, 10, 15, 20, 30, 45, 60, 90),
  firstDay: fc.integer({ min: 0, max: 60 }),
  days: fc.integer({ min: 1, max: 10 }),
  blocked: fc.array(intervalArbitrary, { maxLength: 25 }),
  nowOffset: fc.integer({ min: 0, max: span }),
});

function dateAfter(days: number): string {
  return new Date(base + days * 86_400_000).toISOString().slice(0, 10);
}

describe('free slots', () => {
  it('never offers a slot outside working hours, in a blocked interval or before the earliest start', () => {
    fc.assert(
      fc.property(searchArbitrary, (search) => {
        const from = dateAfter(search.firstDay);
        const to = dateAfter(search.firstDay + search.days - 1);
        const now = new Date(base + search.nowOffset);
        const slots = freeSlots({
          from,
          to,
          timezone: search.timezone,
          weeklyHours: search.weeklyHours,
          slotMinutes: search.slotMinutes,
          blocked: search.blocked,
          notBefore: now,
          notAfter: new Date(base + 2 * span),
        });
        for (const slot of slots) {
          expect(slot.startAt >= now).toBe(true);
          expect(search.blocked.some((interval) => overlaps(interval, slot))).toBe(false);
          const date = DateTime.fromJSDate(slot.startAt, { zone: search.timezone }).toISODate() as string;
          const inside = workingIntervals(date, search.weeklyHours, search.timezone).some(
            (interval) => interval.startAt <= slot.startAt && slot.endAt <= interval.endAt,
          );
          expect(inside).toBe(true);
          expect(slot.endAt.getTime() - slot.startAt.getTime()).toBe(search.slotMinutes * minute);
          expect(
            bookingProblem({
              slot,
              now: new Date(now.getTime() - 1),
              timezone: search.timezone,
              weeklyHours: search.weeklyHours,
              slotMinutes: search.slotMinutes,
              timeOff: search.blocked,
              notBefore: now,
              notAfter: new Date(base + 2 * span),
            }),
          ).toBeUndefined();
        }
      }),
      { numRuns: 300 },
    );
  });

  it('offers every grid slot that is free, in time order', () => {
    fc.assert(
      fc.property(searchArbitrary, (search) => {
        const date = dateAfter(search.firstDay);
        const slots = freeSlots({
          from: date,
          to: date,
          timezone: search.timezone,
          weeklyHours: search.weeklyHours,
          slotMinutes: search.slotMinutes,
          blocked: search.blocked,
          notBefore: new Date(0),
          notAfter: new Date(base + 2 * span),
        });
        const expected = gridSlots(date, search.weeklyHours, search.slotMinutes, search.timezone).filter(
          (slot) => !search.blocked.some((interval) => overlaps(interval, slot)),
        );
        expect(slots).toEqual(expected);
      }),
      { numRuns: 300 },
    );
  });

  it('merges intervals into a disjoint union that covers exactly the same instants', () => {
    fc.assert(
      fc.property(
        fc.array(intervalArbitrary, { maxLength: 30 }),
        fc.integer({ min: 0, max: span }),
        (list, at) => {
          const merged = mergeIntervals(list);
          const instant = new Date(base + at);
          const covered = (intervals: Interval[]) =>
            intervals.some((interval) => interval.startAt <= instant && instant < interval.endAt);
          expect(covered(merged)).toBe(covered(list));
          merged.forEach((interval, index) => {
            if (index > 0) expect((merged[index - 1] as Interval).endAt < interval.startAt).toBe(true);
          });
        },
      ),
    );
  });
});

describe('daylight-saving changes', () => {
  const localTimes = (date: string, zone: string) =>
    gridSlots(date, defaultWeeklyHours, 20, zone).map((slot) =>
      DateTime.fromJSDate(slot.startAt, { zone }).toFormat('HH:mm'),
    );

  it('keeps 09:00 at 09:00 local on both sides of the March change in New York', () => {
    const zone = 'America/New_York';
    const friday = localTimes('2026-03-06', zone);
    const monday = localTimes('2026-03-09', zone);
    expect(friday[0]).toBe('09:00');
    expect(monday[0]).toBe('09:00');
    expect(monday).toEqual(friday);
    expect(gridSlots('2026-03-06', defaultWeeklyHours, 20, zone)[0]?.startAt.toISOString()).toBe(
      '2026-03-06T14:00:00.000Z',
    );
    expect(gridSlots('2026-03-09', defaultWeeklyHours, 20, zone)[0]?.startAt.toISOString()).toBe(
      '2026-03-09T13:00:00.000Z',
    );
  });

  it('keeps 09:00 at 09:00 local on both sides of the November change in New York', () => {
    const zone = 'America/New_York';
    expect(gridSlots('2026-10-30', defaultWeeklyHours, 20, zone)[0]?.startAt.toISOString()).toBe(
      '2026-10-30T13:00:00.000Z',
    );
    expect(gridSlots('2026-11-02', defaultWeeklyHours, 20, zone)[0]?.startAt.toISOString()).toBe(
      '2026-11-02T14:00:00.000Z',
    );
    expect(localTimes('2026-11-02', zone)).toEqual(localTimes('2026-10-30', zone));
  });

  it('works a Sunday of the change at its local hours, a day of 23 or 25 hours', () => {
    const zone = 'America/New_York';
    const sunday: WeeklyHours = { '7': [['00:00', '05:00']] };
    const spring = gridSlots('2026-03-08', sunday, 60, zone);
    const autumn = gridSlots('2026-11-01', sunday, 60, zone);
    expect(spring).toHaveLength(4);
    expect(autumn).toHaveLength(6);
    const weekAfter = gridSlots('2026-03-15', sunday, 60, zone);
    expect(weekAfter).toHaveLength(5);
  });

  it('refuses a slot that is 09:00 by the old offset but 10:00 local after the change', () => {
    const zone = 'America/New_York';
    const slot = {
      startAt: new Date('2026-03-09T14:00:00.000Z'),
      endAt: new Date('2026-03-09T14:20:00.000Z'),
    };
    const question = {
      now: new Date('2026-03-01T00:00:00Z'),
      timezone: zone,
      weeklyHours: { '1': [['09:00', '10:00']] as [string, string][] },
      slotMinutes: 20,
      timeOff: [],
      notBefore: new Date('2026-03-01T00:00:00Z'),
      notAfter: new Date('2026-04-01T00:00:00Z'),
    };
    expect(bookingProblem({ ...question, slot })).toBe('OUTSIDE_HOURS');
    expect(
      bookingProblem({
        ...question,
        slot: { startAt: new Date('2026-03-09T13:00:00.000Z'), endAt: new Date('2026-03-09T13:20:00.000Z') },
      }),
    ).toBeUndefined();
  });
});
