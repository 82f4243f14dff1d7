import { describe, expect, it } from 'vitest';
import { formatVisitTime, startOfClinicDay } from './clinic-time.ts';

describe("the start of the clinic's day", () => {
  it.each([
    ['UTC', '2026-12-09T15:30:00.000Z', '2026-12-09T00:00:00.000Z'],
    ['UTC', '2026-12-09T00:00:00.000Z', '2026-12-09T00:00:00.000Z'],
    // New York in winter is UTC-5: 03:00 UTC is still the previous evening there.
    ['America/New_York', '2026-12-09T03:00:00.000Z', '2026-12-08T05:00:00.000Z'],
    ['America/New_York', '2026-07-09T12:00:00.000Z', '2026-07-09T04:00:00.000Z'],
    // Auckland is ahead: 20:00 UTC on the 8th is already the 9th there (UTC+13 in December).
    ['Pacific/Auckland', '2026-12-08T20:00:00.000Z', '2026-12-08T11:00:00.000Z'],
    ['Asia/Kolkata', '2026-12-09T20:00:00.000Z', '2026-12-09T18:30:00.000Z'],
  ])('in %s at %s is %s', (zone, now, start) => {
    expect(startOfClinicDay(new Date(now), zone).toISOString()).toBe(start);
  });

  it('is the right midnight on the days clocks change', () => {
    // 8 March 2026: New York springs forward at 02:00; the day began at 05:00 UTC (still EST).
    expect(startOfClinicDay(new Date('2026-03-08T15:00:00.000Z'), 'America/New_York').toISOString()).toBe(
      '2026-03-08T05:00:00.000Z',
    );
    // The next day begins an hour earlier in UTC (EDT).
    expect(startOfClinicDay(new Date('2026-03-09T15:00:00.000Z'), 'America/New_York').toISOString()).toBe(
      '2026-03-09T04:00:00.000Z',
    );
    // 1 November 2026: back to EST; the day began at 04:00 UTC (EDT) although it ends in EST.
    expect(startOfClinicDay(new Date('2026-11-01T20:00:00.000Z'), 'America/New_York').toISOString()).toBe(
      '2026-11-01T04:00:00.000Z',
    );
    // London on 29 March 2026 (GMT to BST at 01:00): midnight was still GMT.
    expect(startOfClinicDay(new Date('2026-03-29T12:00:00.000Z'), 'Europe/London').toISOString()).toBe(
      '2026-03-29T00:00:00.000Z',
    );
    expect(startOfClinicDay(new Date('2026-03-30T12:00:00.000Z'), 'Europe/London').toISOString()).toBe(
      '2026-03-29T23:00:00.000Z',
    );
  });
});

describe('a visit time as a patient reads it', () => {
  it("is written in the clinic's zone", () => {
    expect(formatVisitTime(new Date('2026-12-07T09:20:00.000Z'), 'UTC')).toBe(
      'Monday 7 December 2026 at 09:20',
    );
    expect(formatVisitTime(new Date('2026-12-07T09:20:00.000Z'), 'America/New_York')).toBe(
      'Monday 7 December 2026 at 04:20',
    );
    expect(formatVisitTime(new Date('2026-12-07T23:30:00.000Z'), 'Pacific/Auckland')).toBe(
      'Tuesday 8 December 2026 at 12:30',
    );
  });
});
