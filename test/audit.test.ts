import { eq, sql } from 'drizzle-orm';
import { beforeAll, expect, it } from 'vitest';
import { sqlState } from '../src/server/db/errors.ts';
import { auditEvents } from '../src/server/db/schema/index.ts';
import { describeEachDatabase, type Session, type TestClinic } from './support/clinic.ts';
import { approve, countRows, type Json, requestVisit, setBill, slotMaker } from './support/visits.ts';

describeEachDatabase('the audit trail of patient data', (use) => {
  let slot: () => string;
  let desk: Session;
  beforeAll(async () => {
    slot = slotMaker(use());
    desk = await use().newUser('RECEPTIONIST');
  });

  async function rowsOfRequest(clinic: TestClinic, requestId: unknown) {
    expect(typeof requestId).toBe('string');
    return clinic.ctx.db
      .select()
      .from(auditEvents)
      .where(eq(auditEvents.requestId, String(requestId)));
  }

  it('records who read and who changed a patient’s appointment, under the request id of the response', async () => {
    const clinic = use();
    const patient = await clinic.newUser('PATIENT');
    const doctor = await clinic.newUser('DOCTOR');
    const created = await clinic.request('POST', '/appointments', {
      session: patient,
      body: { doctorId: doctor.id, startAt: slot() },
    });
    const id = created.json().id;
    expect(await rowsOfRequest(clinic, created.headers['x-request-id'])).toEqual([
      expect.objectContaining({
        actorId: patient.id,
        actorRole: 'PATIENT',
        patientId: patient.id,
        action: 'appointment.create',
        resourceType: 'appointment',
        resourceId: id,
        outcome: 'SUCCESS',
      }),
    ]);

    const read = await clinic.request('GET', `/appointments/${id}`, { session: doctor });
    expect(await rowsOfRequest(clinic, read.headers['x-request-id'])).toEqual([
      expect.objectContaining({
        actorId: doctor.id,
        actorRole: 'DOCTOR',
        patientId: patient.id,
        action: 'appointment.read',
        resourceId: id,
        outcome: 'SUCCESS',
      }),
    ]);

    const approved = await clinic.request('POST', `/appointments/${id}/approve`, { session: doctor });
    const approvalRows = await rowsOfRequest(clinic, approved.headers['x-request-id']);
    expect(approvalRows).toContainEqual(
      expect.objectContaining({
        actorId: doctor.id,
        patientId: patient.id,
        action: 'appointment.approve',
        outcome: 'SUCCESS',
      }),
    );
    for (const row of approvalRows) expect(Date.parse(row.at.toISOString())).not.toBeNaN();

    const bill = await setBill(clinic, doctor, id);
    const paid = await clinic.request('POST', `/bills/${bill.id}/pay`, {
      session: desk,
      body: { method: 'CASH' },
    });
    expect(await rowsOfRequest(clinic, paid.headers['x-request-id'])).toContainEqual(
      expect.objectContaining({
        actorId: desk.id,
        actorRole: 'RECEPTIONIST',
        patientId: patient.id,
        action: 'bill.pay',
      }),
    );

    const listed = await clinic.request('GET', '/appointments', { session: desk });
    expect(await rowsOfRequest(clinic, listed.headers['x-request-id'])).toContainEqual(
      expect.objectContaining({ actorId: desk.id, patientId: patient.id, action: 'appointment.list' }),
    );
    const history = await clinic.request('GET', `/patients/${patient.id}/history`, { session: desk });
    expect(await rowsOfRequest(clinic, history.headers['x-request-id'])).toContainEqual(
      expect.objectContaining({
        actorId: desk.id,
        patientId: patient.id,
        action: 'history.read',
        outcome: 'SUCCESS',
      }),
    );
    const me = await clinic.request('GET', '/me', { session: patient });
    expect(await rowsOfRequest(clinic, me.headers['x-request-id'])).toContainEqual(
      expect.objectContaining({ actorId: patient.id, patientId: patient.id, outcome: 'SUCCESS' }),
    );
  });

  it("records a refused look at another patient's record as DENIED", async () => {
    const clinic = use();
    const patient = await clinic.newUser('PATIENT');
    const snoop = await clinic.newUser('PATIENT');
    const doctor = await clinic.newUser('DOCTOR');
    const visit = await requestVisit(clinic, patient, doctor, slot());
    await approve(clinic, doctor, visit.id);
    const bill = await setBill(clinic, doctor, visit.id);
    for (const path of [
      `/appointments/${visit.id}`,
      `/bills/${bill.id}`,
      `/patients/${patient.id}/history`,
    ]) {
      const response = await clinic.request('GET', path, { session: snoop });
      expect(response.statusCode).toBe(404);
      const rows = await rowsOfRequest(clinic, response.headers['x-request-id']);
      expect(rows, path).toEqual([
        expect.objectContaining({
          actorId: snoop.id,
          actorRole: 'PATIENT',
          patientId: patient.id,
          outcome: 'DENIED',
        }),
      ]);
    }
  });

  it("records an admin reading or changing a patient's account under that patient", async () => {
    const clinic = use();
    const admin = await clinic.admin();
    const patient = await clinic.newUser('PATIENT');
    const read = await clinic.request('GET', `/users/${patient.id}`, { session: admin });
    expect(read.statusCode).toBe(200);
    expect(await rowsOfRequest(clinic, read.headers['x-request-id'])).toEqual([
      expect.objectContaining({
        actorId: admin.id,
        actorRole: 'ADMIN',
        patientId: patient.id,
        outcome: 'SUCCESS',
      }),
    ]);
    const changed = await clinic.request('PATCH', `/users/${patient.id}`, {
      session: admin,
      body: { phone: '+14155550177' },
    });
    expect(changed.json().phone).toBe('+14155550177');
    expect(await rowsOfRequest(clinic, changed.headers['x-request-id'])).toEqual([
      expect.objectContaining({ actorId: admin.id, patientId: patient.id, action: 'user.update' }),
    ]);
    const reset = await clinic.request('POST', `/users/${patient.id}/password`, {
      session: admin,
      body: { password: 'saffron-quartz-meadow-27' },
    });
    expect(await rowsOfRequest(clinic, reset.headers['x-request-id'])).toEqual([
      expect.objectContaining({ actorId: admin.id, patientId: patient.id, action: 'user.password-reset' }),
    ]);
    const doctor = await clinic.newUser('DOCTOR');
    const staffRead = await clinic.request('GET', `/users/${doctor.id}`, { session: admin });
    expect(await rowsOfRequest(clinic, staffRead.headers['x-request-id'])).toEqual([]);
  });

  it('shows the trail to admins only, filtered by patient and by actor, page by page', async () => {
    const clinic = use();
    const admin = await clinic.admin();
    const patient = await clinic.newUser('PATIENT');
    const doctor = await clinic.newUser('DOCTOR');
    const visit = await requestVisit(clinic, patient, doctor, slot());
    await approve(clinic, doctor, visit.id);
    for (let n = 0; n < 3; n++) await clinic.request('GET', `/appointments/${visit.id}`, { session: doctor });

    for (const session of [patient, doctor, desk]) {
      const refused = await clinic.request('GET', `/audit?patientId=${patient.id}`, { session });
      expect(refused.statusCode).toBe(403);
      expect(refused.json().code).toBe('FORBIDDEN');
    }

    const byPatient = await clinic.request('GET', `/audit?patientId=${patient.id}&limit=100`, {
      session: admin,
    });
    expect(byPatient.statusCode).toBe(200);
    const items = byPatient.json().items as Json[];
    expect(items.length).toBe(await countRows(clinic, auditEvents, eq(auditEvents.patientId, patient.id)));
    expect(items.every((item) => item.patientId === patient.id)).toBe(true);
    expect(items[0]).toMatchObject({
      id: expect.any(String),
      at: expect.any(String),
      actorId: expect.any(String),
      actorRole: expect.any(String),
      action: expect.any(String),
      resourceType: expect.any(String),
      outcome: 'SUCCESS',
      requestId: expect.any(String),
    });
    const times = items.map((item) => Date.parse(item.at));
    expect([...times].sort((a, b) => b - a)).toEqual(times);

    const byActor = await clinic.request(
      'GET',
      `/audit?actorId=${doctor.id}&patientId=${patient.id}&limit=100`,
      {
        session: admin,
      },
    );
    const doctorItems = byActor.json().items as Json[];
    expect(doctorItems.length).toBeGreaterThanOrEqual(4);
    expect(doctorItems.every((item) => item.actorId === doctor.id && item.patientId === patient.id)).toBe(
      true,
    );

    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const response = await clinic.request(
        'GET',
        `/audit?patientId=${patient.id}&limit=2${cursor ? `&cursor=${cursor}` : ''}`,
        { session: admin },
      );
      expect(response.statusCode).toBe(200);
      expect(response.json().items.length).toBeLessThanOrEqual(2);
      seen.push(...response.json().items.map((item: Json) => item.id));
      cursor = response.json().nextCursor;
    } while (cursor);
    expect(seen).toEqual(items.map((item) => item.id));
  });

  it('cannot be changed or removed, even by the application itself', async () => {
    const clinic = use();
    const patient = await clinic.newUser('PATIENT');
    await clinic.request('GET', '/me', { session: patient });
    const before = await clinic.ctx.db
      .select()
      .from(auditEvents)
      .where(eq(auditEvents.patientId, patient.id));
    expect(before.length).toBeGreaterThan(0);
    const refusal = async (attempt: PromiseLike<unknown>) => {
      try {
        await attempt;
      } catch (error) {
        return sqlState(error);
      }
      return 'allowed';
    };
    const insufficientPrivilege = '42501';
    const rename = clinic.ctx.db.update(auditEvents).set({ action: 'nothing.happened' });
    expect(await refusal(rename.where(eq(auditEvents.patientId, patient.id)))).toBe(insufficientPrivilege);
    expect(
      await refusal(clinic.ctx.db.delete(auditEvents).where(eq(auditEvents.patientId, patient.id))),
    ).toBe(insufficientPrivilege);
    expect(await refusal(clinic.ctx.db.execute(sql`truncate audit_events`))).toBe(insufficientPrivilege);
    const after = await clinic.ctx.db.select().from(auditEvents).where(eq(auditEvents.patientId, patient.id));
    expect(after).toEqual(before);
  });
});
