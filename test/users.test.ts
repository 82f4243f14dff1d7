import { randomUUID } from 'node:crypto';
import { expect, it } from 'vitest';
import { describeEachDatabase } from './support/clinic.ts';
import type { Json } from './support/visits.ts';

const staffBody = (overrides: Record<string, unknown> = {}) => ({
  name: 'Dr. Omar Fundus',
  email: `staff-${randomUUID().slice(0, 8)}@test.ecms`,
  password: 'juniper-harbour-cello-61',
  role: 'DOCTOR',
  specialty: 'Retina',
  ...overrides,
});

describeEachDatabase('staff accounts and the doctor list', (use) => {
  it('lets an admin create staff of each role, with the shape of a user and no password hash', async () => {
    const clinic = use();
    const admin = await clinic.admin();
    for (const role of ['DOCTOR', 'RECEPTIONIST', 'ADMIN']) {
      const body = staffBody({ role, phone: '+14155550142' });
      const response = await clinic.request('POST', '/users', { session: admin, body });
      expect(response.statusCode).toBe(201);
      expect(response.json()).toMatchObject({
        name: body.name,
        email: body.email,
        role,
        phone: '+14155550142',
        disabled: false,
      });
      expect(response.json().id).toMatch(/^[0-9a-f-]{36}$/);
      expect(response.body).not.toMatch(/argon2|passwordHash/i);
      const signedIn = await clinic.signIn(body.email, body.password);
      expect(signedIn.role).toBe(role);
    }
  });

  it('refuses staff with an e-mail already in use, a patient role, or a weak password', async () => {
    const clinic = use();
    const admin = await clinic.admin();
    const body = staffBody();
    expect((await clinic.request('POST', '/users', { session: admin, body })).statusCode).toBe(201);
    const taken = await clinic.request('POST', '/users', {
      session: admin,
      body: staffBody({ email: body.email.toUpperCase() }),
    });
    expect(taken.statusCode).toBe(409);
    expect(taken.json().code).toBe('EMAIL_TAKEN');
    for (const bad of [
      staffBody({ role: 'PATIENT' }),
      staffBody({ password: 'password1' }),
      staffBody({ extra: 1 }),
    ]) {
      const response = await clinic.request('POST', '/users', { session: admin, body: bad });
      expect(response.statusCode).toBe(400);
      expect(response.json().code).toBe('VALIDATION_FAILED');
    }
  });

  it('lets only an admin create or list accounts', async () => {
    const clinic = use();
    for (const role of ['PATIENT', 'DOCTOR', 'RECEPTIONIST'] as const) {
      const session = await clinic.newUser(role);
      const create = await clinic.request('POST', '/users', { session, body: staffBody({ role: 'ADMIN' }) });
      expect(create.statusCode).toBe(403);
      expect(create.json().code).toBe('FORBIDDEN');
      expect((await clinic.request('GET', '/users', { session })).statusCode).toBe(403);
    }
  });

  it('pages through every user without duplicates or gaps', async () => {
    const clinic = use();
    const admin = await clinic.admin();
    const created = [];
    for (let n = 0; n < 3; n++) {
      const response = await clinic.request('POST', '/users', {
        session: admin,
        body: staffBody({ name: `Same Name`, role: 'RECEPTIONIST' }),
      });
      created.push(response.json().id);
    }
    const everyone = await clinic.request('GET', '/users?limit=100', { session: admin });
    expect(everyone.statusCode).toBe(200);
    const all = everyone.json().items.map((user: Json) => user.id);
    expect(everyone.json().items.every((user: Json) => !('passwordHash' in user))).toBe(true);
    expect(all).toEqual(expect.arrayContaining(created));

    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const response = await clinic.request('GET', `/users?limit=2${cursor ? `&cursor=${cursor}` : ''}`, {
        session: admin,
      });
      expect(response.statusCode).toBe(200);
      expect(response.json().items.length).toBeLessThanOrEqual(2);
      seen.push(...response.json().items.map((user: Json) => user.id));
      cursor = response.json().nextCursor;
      pages += 1;
    } while (cursor && pages < 100);
    expect(seen).toEqual(all);
    expect(new Set(seen).size).toBe(seen.length);
  });

  it('shows active doctors to anyone signed in, and no one else', async () => {
    const clinic = use();
    const doctor = await clinic.newUser('DOCTOR', { name: 'Dr. Ada Cornea', specialty: 'Cornea' });
    const retired = await clinic.newUser('DOCTOR');
    const patient = await clinic.newUser('PATIENT');
    const admin = await clinic.admin();
    await clinic.request('PATCH', `/users/${retired.id}`, { session: admin, body: { disabled: true } });
    const listed = await clinic.request('GET', '/doctors?limit=100', { session: patient });
    expect(listed.statusCode).toBe(200);
    const items = listed.json().items as Json[];
    expect(items).toContainEqual({ id: doctor.id, name: 'Dr. Ada Cornea', specialty: 'Cornea' });
    expect(items.map((item) => item.id)).not.toContain(retired.id);
    for (const item of items) expect(Object.keys(item).sort()).toEqual(['id', 'name', 'specialty']);
    expect((await clinic.request('GET', '/doctors')).statusCode).toBe(401);
  });

  it("disabling a user ends their sessions, and an admin's password reset replaces the old password", async () => {
    const clinic = use();
    const admin = await clinic.admin();
    const doctor = await clinic.newUser('DOCTOR');
    const second = await clinic.signIn(doctor.email, doctor.password);

    const reset = await clinic.request('POST', `/users/${doctor.id}/password`, {
      session: admin,
      body: { password: 'saffron-quartz-meadow-27' },
    });
    expect(reset.statusCode).toBe(204);
    expect((await clinic.request('GET', '/me', { session: doctor })).statusCode).toBe(401);
    expect((await clinic.request('GET', '/me', { session: second })).statusCode).toBe(401);
    await expect(clinic.signIn(doctor.email, doctor.password)).rejects.toThrow(/401/);
    const renewed = await clinic.signIn(doctor.email, 'saffron-quartz-meadow-27');

    const weak = await clinic.request('POST', `/users/${doctor.id}/password`, {
      session: admin,
      body: { password: 'password' },
    });
    expect(weak.statusCode).toBe(400);
    const notAdmin = await clinic.request('POST', `/users/${doctor.id}/password`, {
      session: renewed,
      body: { password: 'saffron-quartz-meadow-28' },
    });
    expect(notAdmin.statusCode).toBe(403);

    const disabled = await clinic.request('PATCH', `/users/${doctor.id}`, {
      session: admin,
      body: { disabled: true },
    });
    expect(disabled.statusCode).toBe(200);
    expect(disabled.json()).toMatchObject({ id: doctor.id, disabled: true });
    expect((await clinic.request('GET', '/me', { session: renewed })).statusCode).toBe(401);
    await expect(clinic.signIn(doctor.email, 'saffron-quartz-meadow-27')).rejects.toThrow(/401/);

    const enabled = await clinic.request('PATCH', `/users/${doctor.id}`, {
      session: admin,
      body: { disabled: false },
    });
    expect(enabled.json().disabled).toBe(false);
    expect((await clinic.signIn(doctor.email, 'saffron-quartz-meadow-27')).id).toBe(doctor.id);
  });

  it('answers 404 for an unknown user', async () => {
    const clinic = use();
    const admin = await clinic.admin();
    const response = await clinic.request('PATCH', `/users/${randomUUID()}`, {
      session: admin,
      body: { name: 'X' },
    });
    expect(response.statusCode).toBe(404);
    expect(response.json().code).toBe('NOT_FOUND');
  });
});
