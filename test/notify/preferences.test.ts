import { expect, it } from 'vitest';
import { nextWeekdayAt } from '../support/clinic.ts';
import { approvedVisit, describeWithProviders } from './notify-clinic.ts';

describeWithProviders('contact preferences', (use) => {
  it('an opted-out patient gets no reminder deliveries but still every clinical message', async () => {
    const { clinic, deliveries } = use();
    const doctor = await clinic.newUser('DOCTOR');
    const desk = await clinic.newUser('RECEPTIONIST');
    const patient = await clinic.newUser('PATIENT', { phone: '+14155550127' });
    const optOut = await clinic.request('PATCH', '/me', {
      session: patient,
      body: { remindersOptOut: true },
    });
    expect(optOut.statusCode).toBe(200);
    const appointment = (
      await clinic.request('POST', '/appointments', {
        session: patient,
        body: { doctorId: doctor.id, startAt: nextWeekdayAt(clinic, 2, 9, 0) },
      })
    ).json();
    await clinic.request('POST', `/appointments/${appointment.id}/approve`, { session: doctor });
    const bill = (
      await clinic.request('PUT', `/appointments/${appointment.id}/bill`, {
        session: doctor,
        body: { amountCents: 5000 },
      })
    ).json();
    await clinic.request('POST', `/bills/${bill.id}/pay`, { session: desk, body: { method: 'CASH' } });
    await clinic.request('POST', `/appointments/${appointment.id}/treat`, { session: doctor });

    const inbox = (await clinic.request('GET', '/notifications', { session: patient })).json();
    expect(inbox.items.map((n: { type: string }) => n.type)).toEqual(['COMPLETION', 'REMINDER', 'APPROVAL']);
    const queued = await deliveries(`&patientId=${patient.id}`);
    expect(queued.filter((delivery) => delivery.type === 'REMINDER')).toEqual([]);
    expect(queued.map((delivery) => `${delivery.type}/${delivery.channel}`).sort()).toEqual([
      'APPROVAL/EMAIL',
      'APPROVAL/SMS',
      'COMPLETION/EMAIL',
      'COMPLETION/SMS',
    ]);
  });

  it('a patient who turned off SMS is written to by e-mail only', async () => {
    const { clinic, deliveries, twilio, worker } = use();
    const { patient } = await approvedVisit(clinic, { phone: '+14155550128' });
    const off = await clinic.request('PATCH', '/me', { session: patient, body: { notifyBySms: false } });
    expect(off.statusCode).toBe(200);
    const doctor = await clinic.newUser('DOCTOR');
    const second = (
      await clinic.request('POST', '/appointments', {
        session: patient,
        body: { doctorId: doctor.id, startAt: nextWeekdayAt(clinic, 4, 14, 0) },
      })
    ).json();
    await clinic.request('POST', `/appointments/${second.id}/approve`, { session: doctor });
    await worker().drain();

    const queued = await deliveries(`&patientId=${patient.id}&type=APPROVAL`);
    expect(queued.map((delivery) => delivery.channel).sort()).toEqual(['EMAIL', 'EMAIL', 'SMS']);
    expect(twilio.requests).toHaveLength(1);
  });
});
