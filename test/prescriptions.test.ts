import { expect, it } from 'vitest';
import { describeEachDatabase } from './support/clinic.ts';
import { approve, requestVisit } from './support/visits.ts';

const glasses = { right: { sphere: -2.25, cylinder: -0.75, axis: 175 }, left: { sphere: -2, add: 1.5 } };

describeEachDatabase('prescriptions for glasses and contact lenses', (use) => {
  it('takes a glasses-only prescription, and the patient reads it in their history record', async () => {
    const clinic = use();
    const doctor = await clinic.newUser('DOCTOR');
    const patient = await clinic.newUser('PATIENT');
    const { id } = await requestVisit(clinic, patient, doctor);
    await approve(clinic, doctor, id);

    const saved = await clinic.request('PUT', `/appointments/${id}/prescription`, {
      session: doctor,
      body: { medications: [], glasses: { ...glasses, pupillaryDistanceMm: 63 } },
    });
    expect(saved.statusCode).toBe(200);
    expect(saved.json()).toMatchObject({ medications: [], glasses: { ...glasses, pupillaryDistanceMm: 63 } });

    const seen = await clinic.request('GET', `/appointments/${id}`, { session: patient });
    expect(seen.json().prescription.glasses.right).toEqual(glasses.right);
  });

  it('still refuses a prescription with nothing in it', async () => {
    const clinic = use();
    const doctor = await clinic.newUser('DOCTOR');
    const patient = await clinic.newUser('PATIENT');
    const { id } = await requestVisit(clinic, patient, doctor);
    await approve(clinic, doctor, id);

    const empty = await clinic.request('PUT', `/appointments/${id}/prescription`, {
      session: doctor,
      body: { medications: [] },
    });
    expect(empty.statusCode).toBe(400);
    expect(empty.json().code).toBe('VALIDATION_FAILED');
    expect(empty.json().errors.map((error: { path: string }) => error.path)).toContain('body.medications');
    const seen = await clinic.request('GET', `/appointments/${id}`, { session: doctor });
    expect(seen.json().prescription).toBeNull();
  });
});
