import { randomUUID } from 'node:crypto';
import type { LightMyRequestResponse } from 'fastify';
import { beforeAll, expect, it } from 'vitest';
import { describeEachDatabase, type Session, type TestClinic } from './support/clinic.ts';
import {
  approve,
  expectStatus,
  type Json,
  pay,
  setBill,
  slotMaker,
  withoutRequestId,
} from './support/visits.ts';

type Actor = 'owner patient' | 'other patient' | 'owner doctor' | 'other doctor' | 'receptionist' | 'admin';
const actors: Actor[] = [
  'owner patient',
  'other patient',
  'owner doctor',
  'other doctor',
  'receptionist',
  'admin',
];

type World = {
  clinic: TestClinic;
  sessions: Record<Actor, Session>;
  slot: () => string;
};

type Target = { appointmentId: string; billId: string; patientId: string };
type Stage = 'requested' | 'approved' | 'billed' | 'paid';

/** A fresh appointment of the owner patient with the owner doctor, brought to the stage an endpoint needs. */
async function prepare(world: World, stage: Stage): Promise<Target> {
  const { clinic, sessions } = world;
  const doctor = sessions['owner doctor'];
  const created = expectStatus(
    await clinic.request('POST', '/appointments', {
      session: sessions['owner patient'],
      body: { doctorId: doctor.id, startAt: world.slot() },
    }),
    201,
  );
  const target = { appointmentId: created.id, billId: '', patientId: created.patientId };
  if (stage === 'requested') return target;
  await approve(clinic, doctor, created.id);
  if (stage === 'approved') return target;
  target.billId = (await setBill(clinic, doctor, created.id)).id;
  if (stage === 'paid') await pay(clinic, sessions.receptionist, target.billId);
  return target;
}

type Endpoint = {
  name: string;
  stage: Stage;
  call: (clinic: TestClinic, session: Session, target: Target) => Promise<LightMyRequestResponse>;
  /** The same request for a record that does not exist. */
  missing: (target: Target) => Target;
  expect: Record<Actor, number>;
};

const noSuchAppointment = (target: Target) => ({ ...target, appointmentId: randomUUID() });
const noSuchBill = (target: Target) => ({ ...target, billId: randomUUID() });
const noSuchPatient = (target: Target) => ({ ...target, patientId: randomUUID() });

const readers = (status: number): Record<Actor, number> => ({
  'owner patient': status,
  'other patient': 404,
  'owner doctor': status,
  'other doctor': 404,
  receptionist: status,
  admin: status,
});
const doctorOnly = (status: number): Record<Actor, number> => ({
  'owner patient': 403,
  'other patient': 403,
  'owner doctor': status,
  'other doctor': 404,
  receptionist: 403,
  admin: 403,
});

const medications = [{ name: 'Timolol 0.5%', dosage: '1 drop', frequency: 'twice a day', eye: 'OU' }];

const endpoints: Endpoint[] = [
  {
    name: 'GET /appointments/:id',
    stage: 'requested',
    call: (c, s, t) => c.request('GET', `/appointments/${t.appointmentId}`, { session: s }),
    missing: noSuchAppointment,
    expect: readers(200),
  },
  {
    name: 'POST /appointments/:id/approve',
    stage: 'requested',
    call: (c, s, t) => c.request('POST', `/appointments/${t.appointmentId}/approve`, { session: s }),
    missing: noSuchAppointment,
    expect: doctorOnly(200),
  },
  {
    name: 'POST /appointments/:id/reject',
    stage: 'requested',
    call: (c, s, t) =>
      c.request('POST', `/appointments/${t.appointmentId}/reject`, {
        session: s,
        body: { note: 'Please see your GP' },
      }),
    missing: noSuchAppointment,
    expect: doctorOnly(200),
  },
  {
    name: 'POST /appointments/:id/cancel',
    stage: 'requested',
    call: (c, s, t) => c.request('POST', `/appointments/${t.appointmentId}/cancel`, { session: s, body: {} }),
    missing: noSuchAppointment,
    expect: readers(200),
  },
  {
    name: 'POST /appointments/:id/no-show (before the visit starts)',
    stage: 'approved',
    call: (c, s, t) => c.request('POST', `/appointments/${t.appointmentId}/no-show`, { session: s }),
    missing: noSuchAppointment,
    expect: doctorOnly(409),
  },
  {
    name: 'POST /appointments/:id/treat',
    stage: 'paid',
    call: (c, s, t) => c.request('POST', `/appointments/${t.appointmentId}/treat`, { session: s }),
    missing: noSuchAppointment,
    expect: doctorOnly(200),
  },
  {
    name: 'PUT /appointments/:id/consultation',
    stage: 'approved',
    call: (c, s, t) =>
      c.request('PUT', `/appointments/${t.appointmentId}/consultation`, {
        session: s,
        body: { notes: 'Clear media' },
      }),
    missing: noSuchAppointment,
    expect: doctorOnly(200),
  },
  {
    name: 'PUT /appointments/:id/prescription',
    stage: 'approved',
    call: (c, s, t) =>
      c.request('PUT', `/appointments/${t.appointmentId}/prescription`, {
        session: s,
        body: { medications },
      }),
    missing: noSuchAppointment,
    expect: doctorOnly(200),
  },
  {
    name: 'PUT /appointments/:id/bill',
    stage: 'approved',
    call: (c, s, t) =>
      c.request('PUT', `/appointments/${t.appointmentId}/bill`, { session: s, body: { amountCents: 4500 } }),
    missing: noSuchAppointment,
    expect: doctorOnly(200),
  },
  {
    name: 'GET /bills/:id',
    stage: 'billed',
    call: (c, s, t) => c.request('GET', `/bills/${t.billId}`, { session: s }),
    missing: noSuchBill,
    expect: readers(200),
  },
  {
    name: 'POST /bills/:id/pay',
    stage: 'billed',
    call: (c, s, t) => c.request('POST', `/bills/${t.billId}/pay`, { session: s, body: { method: 'CARD' } }),
    missing: noSuchBill,
    expect: {
      'owner patient': 403,
      'other patient': 403,
      'owner doctor': 403,
      'other doctor': 403,
      receptionist: 200,
      admin: 200,
    },
  },
  {
    name: 'GET /patients/:id/history',
    stage: 'requested',
    call: (c, s, t) => c.request('GET', `/patients/${t.patientId}/history`, { session: s }),
    missing: noSuchPatient,
    expect: readers(200),
  },
];

const everyone = (status: number, overrides: Partial<Record<Actor, number>> = {}): Record<Actor, number> =>
  ({
    ...Object.fromEntries(actors.map((actor) => [actor, status])),
    ...overrides,
  }) as Record<Actor, number>;

/** Endpoints without a record in the path: the role alone decides. */
const roleEndpoints: {
  name: string;
  call: (c: TestClinic, s: Session, world: World) => Promise<LightMyRequestResponse>;
  expect: Record<Actor, number>;
}[] = [
  {
    name: 'POST /appointments',
    call: (c, s, w) =>
      c.request('POST', '/appointments', {
        session: s,
        body: {
          doctorId: w.sessions['owner doctor'].id,
          startAt: w.slot(),
          ...(s.role === 'PATIENT' ? {} : { patientId: w.sessions['owner patient'].id }),
        },
      }),
    expect: everyone(201, { 'owner doctor': 403, 'other doctor': 403 }),
  },
  {
    name: 'GET /appointments',
    call: (c, s) => c.request('GET', '/appointments', { session: s }),
    expect: everyone(200),
  },
  { name: 'GET /bills', call: (c, s) => c.request('GET', '/bills', { session: s }), expect: everyone(200) },
  {
    name: 'GET /notifications',
    call: (c, s) => c.request('GET', '/notifications', { session: s }),
    expect: everyone(200),
  },
  {
    name: 'GET /doctors',
    call: (c, s) => c.request('GET', '/doctors', { session: s }),
    expect: everyone(200),
  },
  { name: 'GET /me', call: (c, s) => c.request('GET', '/me', { session: s }), expect: everyone(200) },
  {
    name: 'GET /audit',
    call: (c, s) => c.request('GET', '/audit', { session: s }),
    expect: everyone(403, { admin: 200 }),
  },
  {
    name: 'GET /users',
    call: (c, s) => c.request('GET', '/users', { session: s }),
    expect: everyone(403, { admin: 200 }),
  },
  {
    name: 'POST /users',
    call: (c, s) =>
      c.request('POST', '/users', {
        session: s,
        body: {
          name: 'Dr. New Hire',
          email: `hire-${randomUUID().slice(0, 8)}@test.ecms`,
          password: 'juniper-harbour-cello-61',
          role: 'DOCTOR',
        },
      }),
    expect: everyone(403, { admin: 201 }),
  },
];

describeEachDatabase('who may do what to whose records', (use) => {
  let world: World;
  beforeAll(async () => {
    const clinic = use();
    const [ownerPatient, otherPatient, ownerDoctor, otherDoctor, receptionist] = [
      await clinic.newUser('PATIENT'),
      await clinic.newUser('PATIENT'),
      await clinic.newUser('DOCTOR'),
      await clinic.newUser('DOCTOR'),
      await clinic.newUser('RECEPTIONIST'),
    ];
    world = {
      clinic,
      slot: slotMaker(clinic),
      sessions: {
        'owner patient': ownerPatient,
        'other patient': otherPatient,
        'owner doctor': ownerDoctor,
        'other doctor': otherDoctor,
        receptionist,
        admin: await clinic.admin(),
      },
    };
  });

  const cases = endpoints.flatMap((endpoint) =>
    actors.map((actor) => ({ endpoint, actor, status: endpoint.expect[actor] })),
  );

  it.each(cases)('$endpoint.name as the $actor answers $status', async ({ endpoint, actor, status }) => {
    const session = world.sessions[actor];
    const target = await prepare(world, endpoint.stage);
    const response = await endpoint.call(world.clinic, session, target);
    expect(response.statusCode, response.body).toBe(status);
    if (status >= 400) {
      expect(response.headers['content-type']).toContain('application/problem+json');
      const code = { 403: 'FORBIDDEN', 404: 'NOT_FOUND', 409: 'INVALID_TRANSITION' }[status];
      expect(response.json()).toMatchObject({ status, code });
    }
    if (status === 404) {
      // Another's record must be indistinguishable from one that does not exist.
      const missing = await endpoint.call(world.clinic, session, endpoint.missing(target));
      expect(missing.statusCode).toBe(404);
      expect(withoutRequestId(response.json())).toEqual(withoutRequestId(missing.json()));
    }
  });

  const roleCases = roleEndpoints.flatMap((endpoint) =>
    actors.map((actor) => ({ endpoint, actor, status: endpoint.expect[actor] })),
  );

  it.each(roleCases)('$endpoint.name as the $actor answers $status', async ({ endpoint, actor, status }) => {
    const response = await endpoint.call(world.clinic, world.sessions[actor], world);
    expect(response.statusCode, response.body).toBe(status);
    if (status === 403) expect(response.json()).toMatchObject({ status: 403, code: 'FORBIDDEN' });
  });

  it("never lists another patient's appointments, bills or notifications to a patient, even when asked by id", async () => {
    const { clinic, sessions } = world;
    const owner = sessions['owner patient'];
    const other = sessions['other patient'];
    const theirs = await prepare(world, 'paid');
    const ids = (body: Json) => body.items.map((item: Json) => item.id);

    const asked = await clinic.request('GET', `/appointments?patientId=${owner.id}&limit=100`, {
      session: other,
    });
    expect(asked.statusCode).toBe(200);
    expect(asked.json()).toEqual({ items: [], nextCursor: null });
    const ownList = await clinic.request('GET', '/appointments?limit=100', { session: other });
    expect(ownList.json().items.every((item: Json) => item.patientId === other.id)).toBe(true);
    expect(ids(ownList.json())).not.toContain(theirs.appointmentId);

    const bills = await clinic.request('GET', `/bills?patientId=${owner.id}&limit=100`, { session: other });
    expect(bills.statusCode).toBe(200);
    expect(ids(bills.json())).not.toContain(theirs.billId);
    expect(bills.json().items.every((item: Json) => item.patient.id === other.id)).toBe(true);

    const ownerBills = await clinic.request('GET', '/bills?limit=100', { session: owner });
    expect(ids(ownerBills.json())).toContain(theirs.billId);

    const notes = await clinic.request('GET', '/notifications?limit=100', { session: other });
    expect(notes.json()).toMatchObject({ items: [], unreadCount: 0 });
    const ownerNotes = await clinic.request('GET', '/notifications?limit=100', { session: owner });
    expect(ownerNotes.json().items.length).toBeGreaterThan(0);
  });

  it("never lists another doctor's appointments or bills to a doctor", async () => {
    const { clinic, sessions } = world;
    const theirs = await prepare(world, 'billed');
    const other = sessions['other doctor'];
    const asked = await clinic.request('GET', `/appointments?doctorId=${sessions['owner doctor'].id}`, {
      session: other,
    });
    expect(asked.json()).toEqual({ items: [], nextCursor: null });
    const bills = await clinic.request('GET', '/bills?limit=100', { session: other });
    expect(bills.json().items.map((item: Json) => item.id)).not.toContain(theirs.billId);
    const ownerBills = await clinic.request('GET', '/bills?limit=100', { session: sessions['owner doctor'] });
    expect(ownerBills.json().items.map((item: Json) => item.id)).toContain(theirs.billId);
  });

  it('lets a doctor find only their own patients, while the front desk finds anyone', async () => {
    const { clinic, sessions } = world;
    const doctor = await clinic.newUser('DOCTOR');
    const theirs = await clinic.newUser('PATIENT');
    const stranger = await clinic.newUser('PATIENT');
    expectStatus(
      await clinic.request('POST', '/appointments', {
        session: theirs,
        body: { doctorId: doctor.id, startAt: world.slot() },
      }),
      201,
    );
    const found = async (session: Session) =>
      (await clinic.request('GET', '/patients?limit=100', { session }))
        .json()
        .items.map((user: Json) => user.id);
    expect(await found(doctor)).toEqual([theirs.id]);
    expect(await found(sessions['other doctor'])).not.toContain(theirs.id);
    expect(await found(sessions.receptionist)).toEqual(expect.arrayContaining([theirs.id, stranger.id]));
    expect((await clinic.request('GET', '/patients', { session: stranger })).statusCode).toBe(403);
  });

  it('lets a patient book only for themself', async () => {
    const { clinic, sessions } = world;
    const response = await clinic.request('POST', '/appointments', {
      session: sessions['other patient'],
      body: {
        doctorId: sessions['owner doctor'].id,
        startAt: world.slot(),
        patientId: sessions['owner patient'].id,
      },
    });
    expect(response.statusCode).toBe(403);
    expect(response.json().code).toBe('FORBIDDEN');
  });
});
