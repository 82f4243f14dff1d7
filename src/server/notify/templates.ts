import { createEvent } from 'ics';
import { DateTime } from 'luxon';
import type { NotificationType } from '../../shared/domain/appointment-states.ts';
import type { EmailAttachment } from './channels/types.ts';

/** The notification as the patient saw it in the app, plus the appointment it is about. */
export type MessageContext = {
  type: NotificationType;
  title: string;
  message: string;
  appointment: { id: string; doctorName: string; startAt: Date; endAt: Date } | null;
  clinicName: string;
  publicUrl: string;
  timezone: string;
};

export type RenderedEmail = { subject: string; text: string; html: string; attachments: EmailAttachment[] };

export const smsLimit = 160;

/** The five characters that can open markup or leave an attribute; enough for text and quoted attributes. */
export function escapeHtml(value: string): string {
  return value
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .replaceAll("'", '&#39;');
}

export function renderEmail(context: MessageContext): RenderedEmail {
  const link = appLink(context.publicUrl);
  const footer = `You receive this message from ${context.clinicName} about your care. You can change how we contact you in your profile.`;
  const text = [
    context.title,
    '',
    context.message,
    '',
    `Open ${context.clinicName}: ${link}`,
    '',
    footer,
  ].join('\n');
  const html = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(context.title)}</title></head>
<body style="font-family:Arial,Helvetica,sans-serif;color:#1f2933;line-height:1.5;max-width:600px;margin:0 auto;padding:16px">
<p style="font-size:14px;color:#52606d;margin:0 0 8px">${escapeHtml(context.clinicName)}</p>
<h1 style="font-size:20px;margin:0 0 16px">${escapeHtml(context.title)}</h1>
<p style="white-space:pre-line">${escapeHtml(context.message)}</p>
<p><a href="${escapeHtml(link)}" style="color:#0b5fff">Open ${escapeHtml(context.clinicName)}</a></p>
<p style="font-size:12px;color:#7b8794">${escapeHtml(footer)}</p>
</body></html>`;
  return {
    subject: `${context.clinicName}: ${context.title}`,
    text,
    html,
    attachments: context.type === 'APPROVAL' && context.appointment ? [calendarFile(context)] : [],
  };
}

/**
 * One line the patient reads on a phone, with the link. Clinical details (a doctor's note, a
 * prescription) stay behind the sign-in: a text message is read on a lock screen.
 */
export function renderSms(context: MessageContext): string {
  const clinic = shorten(context.clinicName, 40);
  const visit = context.appointment;
  const doctor = visit ? shorten(visit.doctorName, 40) : 'your doctor';
  const when = visit ? shortTime(visit.startAt, context.timezone) : '';
  const sentence = visit ? smsSentence(context.type, doctor, when) : `${context.title}.`;
  return fitSms(`${clinic}: ${sentence}`, appLink(context.publicUrl));
}

function smsSentence(type: NotificationType, doctor: string, when: string): string {
  switch (type) {
    case 'APPROVAL':
      return `${doctor} confirmed your appointment on ${when}.`;
    case 'REJECTION':
      return `${doctor} could not accept your request for ${when}. See the note in the app:`;
    case 'REMINDER':
      return `payment received for your visit of ${when}. Thank you.`;
    case 'COMPLETION':
      return `your visit with ${doctor} on ${when} is complete. Notes and prescription:`;
    case 'CANCELLATION':
      return `your appointment with ${doctor} on ${when} is cancelled.`;
    case 'NO_SHOW':
      return `we missed you on ${when}. Please book a new time:`;
    case 'RESCHEDULE':
      return `your appointment with ${doctor} has moved to ${when}.`;
    case 'VISIT_REMINDER':
      return `reminder of your appointment with ${doctor} on ${when}.`;
    case 'RECALL':
      return `${doctor} would like to see you for a follow-up visit. Please book:`;
  }
}

/** Keeps the link whole and shortens the words; "..." rather than "…", which would force UCS-2 (70 characters). */
function fitSms(text: string, link: string): string {
  const full = `${text} ${link}`;
  if (full.length <= smsLimit) return full;
  const room = smsLimit - link.length - 1;
  if (room >= 24) return `${text.slice(0, room - 3).trimEnd()}... ${link}`;
  return `${text.slice(0, smsLimit - 3).trimEnd()}...`;
}

function shorten(value: string, max: number): string {
  return value.length <= max ? value : `${value.slice(0, max - 3).trimEnd()}...`;
}

/** "Mon 7 Dec 09:20" in the clinic's zone. */
function shortTime(at: Date, timezone: string): string {
  return DateTime.fromJSDate(at, { zone: timezone }).setLocale('en-GB').toFormat('ccc d LLL HH:mm');
}

function appLink(publicUrl: string): string {
  return publicUrl.replace(/\/+$/, '');
}

function calendarFile(context: MessageContext): EmailAttachment {
  const visit = context.appointment;
  if (!visit) throw new Error('a calendar file needs an appointment');
  const { error, value } = createEvent({
    uid: `${visit.id}@ecms`,
    productId: 'ecms/notifications',
    method: 'PUBLISH',
    title: `Eye appointment with ${visit.doctorName}`,
    location: context.clinicName,
    url: appLink(context.publicUrl),
    status: 'CONFIRMED',
    start: visit.startAt.getTime(),
    startInputType: 'utc',
    startOutputType: 'utc',
    end: visit.endAt.getTime(),
    endInputType: 'utc',
    endOutputType: 'utc',
  });
  if (error || !value) throw error ?? new Error('calendar file could not be built');
  return {
    filename: 'appointment.ics',
    contentType: 'text/calendar; charset=utf-8; method=PUBLISH',
    content: value,
  };
}
