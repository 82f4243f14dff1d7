import { DateTime } from 'luxon';

/** Midnight of the clinic's current day, as an instant. */
export function startOfClinicDay(now: Date, timezone: string): Date {
  return DateTime.fromJSDate(now, { zone: timezone }).startOf('day').toJSDate();
}

/** "Monday 7 December 2026 at 09:20" in the clinic's zone: how a patient reads a visit time. */
export function formatVisitTime(at: Date, timezone: string, locale = 'en-GB'): string {
  return DateTime.fromJSDate(at, { zone: timezone })
    .setLocale(locale)
    .toFormat("cccc d LLLL yyyy 'at' HH:mm");
}

/** "Monday 7 December 2026": a day without a time, for recalls that fall due around a date. */
export function formatVisitDay(at: Date, timezone: string, locale = 'en-GB'): string {
  return DateTime.fromJSDate(at, { zone: timezone }).setLocale(locale).toFormat('cccc d LLLL yyyy');
}
