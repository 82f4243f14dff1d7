import { describe, expect, it } from 'vitest';
import { composeMessage } from '../../src/server/modules/notifications/messages.ts';
import {
  escapeHtml,
  type MessageContext,
  renderEmail,
  renderSms,
} from '../../src/server/notify/templates.ts';
import type { NotificationType } from '../../src/shared/domain/appointment-states.ts';

const types: NotificationType[] = [
  'APPROVAL',
  'REJECTION',
  'REMINDER',
  'COMPLETION',
  'CANCELLATION',
  'NO_SHOW',
  'RESCHEDULE',
  'VISIT_REMINDER',
  'RECALL',
];

function contextFor(
  type: NotificationType,
  overrides: { doctorName?: string; clinicName?: string; note?: string } = {},
): MessageContext {
  const doctorName = overrides.doctorName ?? 'Dr. Ada Lens';
  const clinicName = overrides.clinicName ?? 'Lakeside Eye Clinic';
  const startAt = new Date('2026-12-07T14:20:00.000Z');
  const { title, message } = composeMessage(type, {
    doctorName,
    startAt,
    timezone: 'America/New_York',
    clinicName,
    note: overrides.note ?? 'Bring your current glasses',
    amountCents: 12550,
    currency: 'USD',
  });
  return {
    type,
    title,
    message,
    appointment: {
      id: '0190c4a0-0000-7000-8000-000000000001',
      doctorName,
      startAt,
      endAt: new Date('2026-12-07T14:40:00.000Z'),
    },
    clinicName,
    publicUrl: 'https://eyes.example.org/',
    timezone: 'America/New_York',
  };
}

describe('message templates', () => {
  it.each(types)('%s e-mail names the clinic, the doctor, the local time and links to the app', (type) => {
    const email = renderEmail(contextFor(type));
    expect(email.subject.startsWith('Lakeside Eye Clinic: ')).toBe(true);
    expect(email.text).toContain('https://eyes.example.org');
    expect(email.html).toContain('href="https://eyes.example.org"');
    expect(email.text).toContain('Dr. Ada Lens');
    // A recall falls due around a day; every other message names the visit's local time.
    expect(email.text).toContain(type === 'RECALL' ? 'Monday 7 December 2026' : '09:20');
    expect(email.html).toContain('Lakeside Eye Clinic');
  });

  it('attaches a calendar invitation to the approval e-mail only', () => {
    const [invite] = renderEmail(contextFor('APPROVAL')).attachments;
    expect(invite?.filename).toBe('appointment.ics');
    expect(invite?.content).toContain('DTSTART:20261207T142000Z');
    expect(invite?.content).toContain('DTEND:20261207T144000Z');
    expect(invite?.content).toContain('UID:0190c4a0-0000-7000-8000-000000000001@ecms');
    for (const type of types.filter((t) => t !== 'APPROVAL')) {
      expect(renderEmail(contextFor(type)).attachments).toEqual([]);
    }
  });

  it('escapes everything a person typed in the HTML part', () => {
    const hostile = contextFor('REJECTION', {
      doctorName: 'Dr. <img src=x onerror=alert(1)>',
      clinicName: 'Eyes & "Co"',
      note: "</p><script>document.location='https://evil.example'</script>",
    });
    const { html, text } = renderEmail(hostile);
    expect(html).not.toMatch(/<script|<img/i);
    expect(html).toContain('&lt;script&gt;document.location=&#39;https://evil.example&#39;&lt;/script&gt;');
    expect(html).toContain('Dr. &lt;img src=x onerror=alert(1)&gt;');
    expect(html).toContain('Eyes &amp; &quot;Co&quot;');
    expect(text).toContain("<script>document.location='https://evil.example'</script>");
    expect(escapeHtml(`<a href="x">'&'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;');
  });

  it.each(types)('%s SMS fits one 160-character message with the link, even with long names', (type) => {
    const plain = renderSms(contextFor(type));
    expect(plain.length).toBeLessThanOrEqual(160);
    expect(plain.startsWith('Lakeside Eye Clinic: ')).toBe(true);
    expect(plain.endsWith('https://eyes.example.org')).toBe(true);
    const long = renderSms(
      contextFor(type, {
        doctorName: 'Dr. Maximiliana Alexandra Featherstonehaugh-Cholmondeley',
        clinicName: 'The Royal Metropolitan Ophthalmic Hospital and Eye Research Institute',
      }),
    );
    expect(long.length).toBeLessThanOrEqual(160);
    expect(long.endsWith('https://eyes.example.org')).toBe(true);
    expect(long).not.toContain('…');
  });

  it('states the visit time in the clinic zone in the SMS and never the doctor note', () => {
    const sms = renderSms(contextFor('REJECTION', { note: 'Glaucoma suspected' }));
    expect(sms).toContain('Mon 7 Dec 09:20');
    expect(sms).not.toContain('Glaucoma');
  });
});
