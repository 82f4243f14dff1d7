import { nextWeekdayAt, type Session, type TestClinic } from '../support/clinic.ts';

/** A Monday–Friday clinic date (UTC in tests) at least `daysAhead` days from the clinic's now. */
export function weekdayDate(clinic: TestClinic, daysAhead: number): string {
  return nextWeekdayAt(clinic, daysAhead, 0).slice(0, 10);
}

export function book(clinic: TestClinic, session: Session, body: Record<string, unknown>) {
  return clinic.request('POST', '/appointments', { session, body });
}

export async function slotsOn(clinic: TestClinic, session: Session, doctorId: string, date: string) {
  const response = await clinic.request('GET', `/doctors/${doctorId}/slots?date=${date}`, { session });
  if (response.statusCode !== 200) throw new Error(`slots failed: ${response.body}`);
  return (response.json().items as { startAt: string; endAt: string }[]).map((slot) => slot.startAt);
}

export async function putSettings(clinic: TestClinic, body: Record<string, unknown>) {
  const response = await clinic.request('PUT', '/settings/scheduling', {
    session: await clinic.admin(),
    body,
  });
  if (response.statusCode !== 200) throw new Error(`settings failed: ${response.body}`);
  return response.json();
}
