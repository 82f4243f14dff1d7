import { afterEach, beforeEach, describe } from 'vitest';
import { createDeliveryWorker, type DeliveryWorkerOptions } from '../../src/server/notify/worker.ts';
import {
  bootstrapAdmin,
  type DatabaseKind,
  nextWeekdayAt,
  openTestClinic,
  type Session,
  type TestClinic,
  testDatabases,
} from '../support/clinic.ts';
import { FakeHttpProvider, providerEnvironment } from './fake-providers.ts';

export type NotifyClinic = {
  clinic: TestClinic;
  sendgrid: FakeHttpProvider;
  twilio: FakeHttpProvider;
  /** A worker on the clinic's database and clock; jitter fixed so retry times are known. */
  worker(options?: DeliveryWorkerOptions): ReturnType<typeof createDeliveryWorker>;
  deliveries(query?: string): Promise<DeliveryItem[]>;
};

export type DeliveryItem = {
  id: string;
  type: string;
  channel: 'EMAIL' | 'SMS';
  status: string;
  attempts: number;
  provider: string | null;
  providerMessageId: string | null;
  lastError: string | null;
  sentAt: string | null;
  dueAt: string;
  patient: { id: string; name: string };
};

export async function openNotifyClinic(kind: DatabaseKind, overrides: Record<string, string> = {}) {
  const sendgrid = await FakeHttpProvider.start('sendgrid');
  const twilio = await FakeHttpProvider.start('twilio');
  const opened = await openTestClinic(kind, { ...providerEnvironment({ sendgrid, twilio }), ...overrides });
  const { clinic } = opened;
  let admin: { session: Session; clockOffset: number } | undefined;
  // Signs in again once a test has moved the clock, which may have expired the last access token.
  const adminSession = async () => {
    const clockOffset = clinic.clock.now().getTime() - Date.now();
    if (!admin || Math.abs(admin.clockOffset - clockOffset) > 1_000) {
      admin = { session: await clinic.signIn(bootstrapAdmin.email, bootstrapAdmin.password), clockOffset };
    }
    return admin.session;
  };
  const notify: NotifyClinic = {
    clinic,
    sendgrid,
    twilio,
    worker: (options = {}) => createDeliveryWorker(clinic.ctx, { random: () => 0.5, ...options }),
    async deliveries(query = '') {
      const response = await clinic.request('GET', `/deliveries?limit=100${query}`, {
        session: await adminSession(),
      });
      if (response.statusCode !== 200) throw new Error(`deliveries: ${response.statusCode} ${response.body}`);
      return response.json().items;
    },
  };
  return {
    notify,
    async close() {
      await opened.close();
      await sendgrid.close();
      await twilio.close();
    },
  };
}

/** A fresh clinic wired to fake SendGrid and Twilio for every test (tests move its clock by hours). */
export function describeWithProviders(name: string, suite: (use: () => NotifyClinic) => void) {
  for (const kind of testDatabases()) {
    describe(`${name} [${kind}]`, () => {
      let opened: Awaited<ReturnType<typeof openNotifyClinic>> | undefined;
      beforeEach(async () => {
        opened = await openNotifyClinic(kind);
      });
      afterEach(async () => {
        await opened?.close();
      });
      suite(() => {
        if (!opened) throw new Error('clinic not open');
        return opened.notify;
      });
    });
  }
}

/** A patient with e-mail and phone, a doctor, and an appointment the doctor approved. */
export async function approvedVisit(
  clinic: TestClinic,
  options: { daysAhead?: number; phone?: string } = {},
) {
  const doctor = await clinic.newUser('DOCTOR', { name: 'Dr. Ada Lens' });
  const patient = await clinic.newUser('PATIENT', { phone: options.phone ?? '+14155550123' });
  const requested = await clinic.request('POST', '/appointments', {
    session: patient,
    body: { doctorId: doctor.id, startAt: nextWeekdayAt(clinic, options.daysAhead ?? 2, 10, 0) },
  });
  if (requested.statusCode !== 201) throw new Error(`request failed: ${requested.body}`);
  const appointment = requested.json();
  const approved = await clinic.request('POST', `/appointments/${appointment.id}/approve`, {
    session: doctor,
  });
  if (approved.statusCode !== 200) throw new Error(`approve failed: ${approved.body}`);
  return { doctor, patient, appointment };
}
