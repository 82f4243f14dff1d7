import { createHash, randomBytes } from 'node:crypto';
import { notFound } from '../../../shared/domain/errors.ts';
import { initialsOf } from '../../../shared/domain/slots.ts';
import type { AppContext, RequestContext } from '../../context.ts';
import { calendarFeedIcs } from './calendar.ts';
import { findAppointmentsStarting, findDoctorByCalendarToken, setCalendarToken } from './repository.ts';
import { assertMayManage, effectiveSchedule, loadDoctor } from './service.ts';

const feedDays = 90;
const hashOf = (token: string) => createHash('sha256').update(token).digest('hex');

/** A new private feed address; any earlier one stops working at once. Only the hash is kept. */
export async function issueCalendarToken(ctx: RequestContext, doctorId: string): Promise<{ url: string }> {
  assertMayManage(ctx, doctorId);
  const doctor = await loadDoctor(ctx.db, doctorId);
  const token = randomBytes(32).toString('base64url');
  await setCalendarToken(ctx.db, { doctorId, tokenHash: hashOf(token), ...effectiveSchedule(doctor) });
  return { url: `${ctx.config.publicUrl}/api/v1/calendar/${token}.ics` };
}

export async function revokeCalendarToken(ctx: RequestContext, doctorId: string): Promise<void> {
  assertMayManage(ctx, doctorId);
  const doctor = await loadDoctor(ctx.db, doctorId);
  await setCalendarToken(ctx.db, { doctorId, tokenHash: null, ...effectiveSchedule(doctor) });
}

/** The doctor's live appointments for the next 90 days; patients appear by initials only. */
export async function calendarFeed(ctx: AppContext, file: string): Promise<string> {
  const doctor = await findDoctorByCalendarToken(ctx.db, hashOf(file.replace(/\.ics$/, '')));
  if (!doctor) throw notFound('Calendar');
  const now = ctx.clock.now();
  const until = new Date(now.getTime() + feedDays * 86_400_000);
  const visits = await findAppointmentsStarting(ctx.db, [doctor.id], now, until, { liveOnly: true });
  return calendarFeedIcs(
    `${doctor.name} — ${ctx.config.clinicName}`,
    visits.map((visit) => ({
      id: visit.id,
      startAt: visit.startAt,
      endAt: visit.endAt,
      title: `${visit.status === 'REQUESTED' ? 'Requested: ' : ''}${initialsOf(visit.patientName)}`,
      tentative: visit.status === 'REQUESTED',
    })),
  );
}
