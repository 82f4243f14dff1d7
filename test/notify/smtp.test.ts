import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createDeliveryWorker } from '../../src/server/notify/worker.ts';
import { openTestClinic, type TestClinic, testDatabases } from '../support/clinic.ts';
import { FakeSmtpServer } from './fake-providers.ts';
import { approvedVisit } from './notify-clinic.ts';

for (const kind of testDatabases()) {
  describe(`e-mail through SMTP [${kind}]`, () => {
    let smtp: FakeSmtpServer;
    let opened: Awaited<ReturnType<typeof openTestClinic>>;
    let clinic: TestClinic;
    beforeEach(async () => {
      smtp = await FakeSmtpServer.start();
      opened = await openTestClinic(kind, {
        ECMS_EMAIL_PROVIDER: 'smtp',
        SMTP_URL: smtp.url,
        ECMS_EMAIL_FROM: 'Test Eye Clinic <no-reply@clinic.test>',
        ECMS_CLINIC_NAME: 'Test Eye Clinic',
        ECMS_SMS_PROVIDER: 'none',
      });
      clinic = opened.clinic;
    });
    afterEach(async () => {
      await opened.close();
      await smtp.close();
    });

    it('sends the approval with its calendar file to the patient, signed in with SMTP_URL credentials', async () => {
      const { patient } = await approvedVisit(clinic);
      const worker = createDeliveryWorker(clinic.ctx);
      await worker.drain();
      await worker.stop();

      expect(smtp.messages).toHaveLength(1);
      const [mail] = smtp.messages;
      expect(mail?.user).toBe('clinic');
      expect(mail?.from).toBe('no-reply@clinic.test');
      expect(mail?.to).toEqual([patient.email]);
      expect(mail?.raw).toContain('Subject: Test Eye Clinic: Your appointment is confirmed');
      expect(mail?.raw).toMatch(/Content-Type: text\/calendar/i);
      expect(mail?.raw).toMatch(/filename=appointment\.ics/);
      expect(mail?.raw).toMatch(/X-ECMS-Delivery-Id: [0-9a-f-]{36}/i);

      const listed = await clinic.request('GET', `/deliveries?patientId=${patient.id}`, {
        session: await clinic.admin(),
      });
      const byChannel = Object.fromEntries(
        listed.json().items.map((item: { channel: string }) => [item.channel, item]),
      );
      expect(byChannel.EMAIL).toMatchObject({ status: 'SENT', provider: 'smtp' });
      expect(byChannel.EMAIL.providerMessageId).toMatch(/@clinic\.test>$/);
      expect(byChannel.SMS).toMatchObject({
        status: 'CANCELLED',
        lastError: 'SMS is turned off (ECMS_SMS_PROVIDER=none)',
      });
    });
  });
}
