import { expect, it } from 'vitest';
import { nextWeekdayAt } from '../support/clinic.ts';
import { deliveryIdOf } from './fake-providers.ts';
import { describeWithProviders } from './notify-clinic.ts';

type SendgridBody = {
  personalizations: { to: { email: string }[] }[];
  from: { email: string; name?: string };
  subject: string;
  content: { type: string; value: string }[];
  attachments?: { content: string; filename: string; type: string; disposition: string }[];
  custom_args: { delivery_id: string };
};

describeWithProviders('e-mail and SMS of the visit workflow', (use) => {
  it('sends each step of a visit by SendGrid and Twilio, to the patient, with the clinic credentials', async () => {
    const { clinic, sendgrid, twilio, worker, deliveries } = use();
    const doctor = await clinic.newUser('DOCTOR', { name: 'Dr. Ada Lens' });
    const desk = await clinic.newUser('RECEPTIONIST');
    const patient = await clinic.newUser('PATIENT', { phone: '+14155550123' });
    const startAt = nextWeekdayAt(clinic, 2, 10, 0);
    const appointment = (
      await clinic.request('POST', '/appointments', {
        session: patient,
        body: { doctorId: doctor.id, startAt },
      })
    ).json();
    await clinic.request('POST', `/appointments/${appointment.id}/approve`, { session: doctor });
    const bill = (
      await clinic.request('PUT', `/appointments/${appointment.id}/bill`, {
        session: doctor,
        body: { amountCents: 12550 },
      })
    ).json();
    await clinic.request('POST', `/bills/${bill.id}/pay`, { session: desk, body: { method: 'CARD' } });
    const treated = await clinic.request('POST', `/appointments/${appointment.id}/treat`, {
      session: doctor,
    });
    expect(treated.statusCode).toBe(200);

    expect(await worker().drain()).toBe(6);

    expect(sendgrid.requests).toHaveLength(3);
    for (const request of sendgrid.requests) {
      expect(request.method).toBe('POST');
      expect(request.path).toBe('/v3/mail/send');
      expect(request.headers.authorization).toBe('Bearer SG.test-key');
      expect(request.headers['content-type']).toBe('application/json');
      const body = JSON.parse(request.body) as SendgridBody;
      expect(body.personalizations[0]?.to).toEqual([{ email: patient.email }]);
      expect(body.from).toEqual({ email: 'no-reply@clinic.test', name: 'Test Eye Clinic' });
      expect(body.content.map((part) => part.type)).toEqual(['text/plain', 'text/html']);
      expect(body.content[0]?.value).toContain('Dr. Ada Lens');
      expect(body.content[0]?.value).toContain('https://clinic.test');
    }
    const mails = sendgrid.requests.map((request) => JSON.parse(request.body) as SendgridBody);
    expect(mails.map((mail) => mail.subject)).toEqual([
      'Test Eye Clinic: Your appointment is confirmed',
      'Test Eye Clinic: Payment received',
      'Test Eye Clinic: Your visit is complete',
    ]);
    const [invite] = mails[0]?.attachments ?? [];
    expect(invite).toMatchObject({ filename: 'appointment.ics', disposition: 'attachment' });
    const calendar = Buffer.from(invite?.content ?? '', 'base64').toString('utf8');
    expect(calendar).toContain('BEGIN:VEVENT');
    expect(calendar).toContain(`DTSTART:${startAt.replaceAll(/[-:]/g, '').replace('.000', '')}`);
    expect(mails[1]?.attachments).toBeUndefined();

    expect(twilio.requests).toHaveLength(3);
    for (const request of twilio.requests) {
      expect(request.path).toBe('/2010-04-01/Accounts/AC0123456789abcdef0123456789abcdef/Messages.json');
      expect(request.headers.authorization).toBe(
        `Basic ${Buffer.from('AC0123456789abcdef0123456789abcdef:twilio-test-token').toString('base64')}`,
      );
      expect(request.headers['content-type']).toBe('application/x-www-form-urlencoded');
      const form = new URLSearchParams(request.body);
      expect(form.get('To')).toBe('+14155550123');
      expect(form.get('From')).toBe('+15005550006');
      expect(form.get('Body')?.length).toBeLessThanOrEqual(160);
      expect(form.get('Body')).toMatch(/^Test Eye Clinic: /);
    }

    const recorded = await deliveries(`&patientId=${patient.id}`);
    expect(recorded).toHaveLength(6);
    for (const delivery of recorded) {
      expect(delivery.status).toBe('SENT');
      expect(delivery.attempts).toBe(1);
      expect(delivery.sentAt).not.toBeNull();
      expect(delivery.provider).toBe(delivery.channel === 'EMAIL' ? 'sendgrid' : 'twilio');
      expect(delivery.providerMessageId).toMatch(delivery.channel === 'EMAIL' ? /^sg-/ : /^SM[0-9a-f]{32}$/);
    }
    const sentIds = [...sendgrid.requests, ...twilio.requests].map(deliveryIdOf).sort();
    expect(sentIds).toEqual(recorded.map((delivery) => delivery.id).sort());
  });

  it('escapes the doctor note in the rejection e-mail and keeps it out of the SMS', async () => {
    const { clinic, sendgrid, twilio, worker } = use();
    const doctor = await clinic.newUser('DOCTOR', { name: 'Dr. <b>Bold</b>' });
    const patient = await clinic.newUser('PATIENT', { phone: '+14155550124' });
    const appointment = (
      await clinic.request('POST', '/appointments', {
        session: patient,
        body: { doctorId: doctor.id, startAt: nextWeekdayAt(clinic, 3, 11, 0) },
      })
    ).json();
    const note = 'Please see <script>alert("x")</script> & bring your glasses';
    await clinic.request('POST', `/appointments/${appointment.id}/reject`, {
      session: doctor,
      body: { note },
    });
    const mailsBefore = sendgrid.requests.length;
    const smsBefore = twilio.requests.length;
    await worker().drain();

    const mail = JSON.parse(sendgrid.requests[mailsBefore]?.body ?? '{}') as SendgridBody;
    const html = mail.content.find((part) => part.type === 'text/html')?.value ?? '';
    expect(html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; bring your glasses');
    expect(html).toContain('Dr. &lt;b&gt;Bold&lt;/b&gt;');
    expect(html).not.toContain('<script>');
    expect(html).not.toContain('<b>Bold');
    expect(mail.content.find((part) => part.type === 'text/plain')?.value).toContain(note);
    const sms = new URLSearchParams(twilio.requests[smsBefore]?.body).get('Body') ?? '';
    expect(sms).not.toContain('glasses');
    expect(sms).toContain('could not accept');
  });
});
