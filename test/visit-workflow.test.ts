import { expect, it } from 'vitest';
import { describeEachDatabase, nextWeekdayAt } from './support/clinic.ts';

describeEachDatabase('the whole visit workflow over HTTP', (use) => {
  it('takes a visit from request to the patient history, notifying the patient at each step', async () => {
    const clinic = use();
    const doctor = await clinic.newUser('DOCTOR', { name: 'Dr. Ada Lens' });
    const desk = await clinic.newUser('RECEPTIONIST');
    const patient = await clinic.newUser('PATIENT', { phone: '+14155550123' });

    const requested = await clinic.request('POST', '/appointments', {
      session: patient,
      body: { doctorId: doctor.id, startAt: nextWeekdayAt(clinic, 2, 10, 0), reason: 'Blurry vision' },
    });
    expect(requested.statusCode).toBe(201);
    const appointment = requested.json();
    expect(appointment).toMatchObject({
      status: 'REQUESTED',
      patientId: patient.id,
      doctorId: doctor.id,
      overdue: false,
    });
    expect(new Date(appointment.endAt).getTime() - new Date(appointment.startAt).getTime()).toBe(20 * 60_000);

    const approved = await clinic.request('POST', `/appointments/${appointment.id}/approve`, {
      session: doctor,
    });
    expect(approved.statusCode).toBe(200);
    expect(approved.json().status).toBe('APPROVED');

    const consultation = await clinic.request('PUT', `/appointments/${appointment.id}/consultation`, {
      session: doctor,
      body: {
        notes: 'Early cataract in the left eye',
        exam: { left: { visualAcuityCorrected: '6/12', intraocularPressure: 16 } },
      },
    });
    expect(consultation.statusCode).toBe(200);

    const prescription = await clinic.request('PUT', `/appointments/${appointment.id}/prescription`, {
      session: doctor,
      body: {
        medications: [
          { name: 'Artificial tears', dosage: '1 drop', frequency: '4 times a day', eye: 'OU' },
          {
            name: 'Chloramphenicol 0.5%',
            dosage: '1 drop',
            frequency: 'every 2 hours',
            duration: '5 days',
            eye: 'OS',
            instructions: 'Shake well',
          },
        ],
        notes: 'Review in 3 months',
      },
    });
    expect(prescription.statusCode).toBe(200);
    expect(prescription.json().medications).toHaveLength(2);

    const bill = await clinic.request('PUT', `/appointments/${appointment.id}/bill`, {
      session: doctor,
      body: { amountCents: 12550 },
    });
    expect(bill.statusCode).toBe(200);
    expect(bill.json()).toMatchObject({ amountCents: 12550, currency: 'USD', status: 'PENDING' });

    const early = await clinic.request('POST', `/appointments/${appointment.id}/treat`, { session: doctor });
    expect(early.statusCode).toBe(409);
    expect(early.json().code).toBe('INVALID_TRANSITION');

    const pending = await clinic.request('GET', '/bills?status=PENDING', { session: desk });
    const listed = pending.json().items.find((item: { id: string }) => item.id === bill.json().id);
    expect(listed.prescription.medications).toHaveLength(2);

    const paid = await clinic.request('POST', `/bills/${bill.json().id}/pay`, {
      session: desk,
      body: { method: 'CARD', reference: 'POS-1' },
    });
    expect(paid.statusCode).toBe(200);
    expect(paid.json()).toMatchObject({ status: 'PAID', method: 'CARD', reference: 'POS-1' });

    const treated = await clinic.request('POST', `/appointments/${appointment.id}/treat`, {
      session: doctor,
    });
    expect(treated.statusCode).toBe(200);
    expect(treated.json().status).toBe('TREATED');

    const history = await clinic.request('GET', `/patients/${patient.id}/history`, { session: patient });
    expect(history.statusCode).toBe(200);
    const [visit] = history.json().items;
    expect(visit.id).toBe(appointment.id);
    expect(visit.consultation.notes).toBe('Early cataract in the left eye');
    expect(visit.prescription.medications[1].eye).toBe('OS');
    expect(visit.bill.status).toBe('PAID');

    const inbox = await clinic.request('GET', '/notifications', { session: patient });
    expect(inbox.json().items.map((n: { type: string }) => n.type)).toEqual([
      'COMPLETION',
      'REMINDER',
      'APPROVAL',
    ]);
    expect(inbox.json().unreadCount).toBe(3);
    expect(inbox.json().items[2].message).toContain('Dr. Ada Lens');
  });
});
