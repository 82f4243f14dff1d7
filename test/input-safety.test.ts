import { randomUUID } from 'node:crypto';
import { beforeAll, expect, it } from 'vitest';
import { describeEachDatabase, type Session } from './support/clinic.ts';
import { type Json, requestVisit, slotMaker } from './support/visits.ts';

const forgedCursor = (at: unknown, id: unknown = randomUUID()) =>
  Buffer.from(JSON.stringify([at, id])).toString('base64url');

describeEachDatabase('what the API refuses to take in and what it always sends back', (use) => {
  let patient: Session;
  let doctor: Session;
  let slot: () => string;
  beforeAll(async () => {
    slot = slotMaker(use());
    patient = await use().newUser('PATIENT');
    doctor = await use().newUser('DOCTOR');
  });

  const expectProblem = (
    response: { statusCode: number; headers: Json; json(): Json },
    status: number,
    code: string,
  ) => {
    expect(response.statusCode).toBe(status);
    expect(response.headers['content-type']).toContain('application/problem+json');
    const body = response.json();
    expect(body).toMatchObject({ status, code });
    expect(typeof body.type).toBe('string');
    expect(typeof body.title).toBe('string');
    expect(typeof body.detail).toBe('string');
    return body;
  };

  it('refuses unknown body fields with 400 VALIDATION_FAILED naming them', async () => {
    const clinic = use();
    const response = await clinic.request('POST', '/appointments', {
      session: patient,
      body: {
        doctorId: doctor.id,
        startAt: new Date(Date.now() + 3 * 86_400_000).toISOString(),
        status: 'APPROVED',
      },
    });
    const body = expectProblem(response, 400, 'VALIDATION_FAILED');
    expect(body.errors).toEqual(
      expect.arrayContaining([expect.objectContaining({ path: expect.any(String) })]),
    );
    expect(JSON.stringify(body.errors)).toContain('status');
    const register = await clinic.request('POST', '/auth/register', {
      body: { name: 'A', email: 'a@test.ecms', password: 'amber-lantern-orbit-42', role: 'ADMIN' },
    });
    expectProblem(register, 400, 'VALIDATION_FAILED');
  });

  it('refuses a body on an action that takes none, but accepts none or an empty one', async () => {
    const clinic = use();
    const { id } = await requestVisit(clinic, patient, doctor, slot());
    const refused = await clinic.request('POST', `/appointments/${id}/approve`, {
      session: doctor,
      body: { status: 'TREATED' },
    });
    expectProblem(refused, 400, 'VALIDATION_FAILED');
    const still = await clinic.request('GET', `/appointments/${id}`, { session: doctor });
    expect(still.json().status).toBe('REQUESTED');
    const logout = await clinic.request('POST', '/auth/logout', {
      session: patient,
      body: { everywhere: true },
    });
    expectProblem(logout, 400, 'VALIDATION_FAILED');
    expect(
      (await clinic.request('POST', `/appointments/${id}/approve`, { session: doctor, body: {} })).statusCode,
    ).toBe(200);
  });

  it('lists each invalid field of a body', async () => {
    const response = await use().request('POST', '/auth/register', {
      body: { name: '', email: 'not-an-email', password: 'short' },
    });
    const body = expectProblem(response, 400, 'VALIDATION_FAILED');
    const paths = body.errors.map((error: Json) => error.path).join(' ');
    for (const field of ['name', 'email', 'password']) expect(paths).toContain(field);
    for (const error of body.errors) expect(typeof error.message).toBe('string');
  });

  it('refuses malformed JSON with 400', async () => {
    const response = await use().app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      headers: { 'content-type': 'application/json' },
      payload: '{"email": "a@test.ecms", "password": ',
    });
    expectProblem(response, 400, 'VALIDATION_FAILED');
  });

  it('refuses prototype-polluting keys in JSON bodies', async () => {
    for (const payload of [
      '{"email":"a@test.ecms","password":"x","__proto__":{"role":"ADMIN"}}',
      '{"email":"a@test.ecms","password":"x","constructor":{"prototype":{"role":"ADMIN"}}}',
    ]) {
      const response = await use().app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        headers: { 'content-type': 'application/json' },
        payload,
      });
      expectProblem(response, 400, 'VALIDATION_FAILED');
    }
    expect(({} as Json).role).toBeUndefined();
  });

  it('refuses a body that is not JSON with 400', async () => {
    const response = await use().app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      headers: { 'content-type': 'text/plain' },
      payload: 'email=a&password=b',
    });
    expectProblem(response, 400, 'VALIDATION_FAILED');
  });

  it('refuses a body over 256 KiB with 413 PAYLOAD_TOO_LARGE', async () => {
    const response = await use().request('POST', '/auth/login', {
      body: { email: 'a@test.ecms', password: 'x'.repeat(257 * 1024) },
    });
    expectProblem(response, 413, 'PAYLOAD_TOO_LARGE');
  });

  it('refuses NUL bytes in bodies, queries and paths with 400', async () => {
    const clinic = use();
    const { id } = await requestVisit(clinic, patient, doctor, slot());
    const body = await clinic.request('POST', `/appointments/${id}/cancel`, {
      session: patient,
      body: { reason: 'bad\u0000byte' },
    });
    expectProblem(body, 400, 'VALIDATION_FAILED');
    const key = await clinic.request('POST', '/auth/login', { body: { 'email\u0000': 'x', password: 'y' } });
    expectProblem(key, 400, 'VALIDATION_FAILED');
    const query = await clinic.request('GET', '/bills?q=a%00b', { session: doctor });
    expectProblem(query, 400, 'VALIDATION_FAILED');
    const still = await clinic.request('GET', `/appointments/${id}`, { session: patient });
    expect(still.json()).toMatchObject({ status: 'REQUESTED', cancelReason: null });
  });

  it('refuses ids that are not UUIDs in paths with 400', async () => {
    const clinic = use();
    for (const path of [
      '/appointments/42',
      '/appointments/not-a-uuid/approve',
      "/bills/1'%20or%20'1'='1",
      '/patients/abc/history',
      '/notifications/xyz/read',
    ]) {
      const method = path.endsWith('approve') || path.endsWith('read') ? 'POST' : 'GET';
      const response = await clinic.request(method, path, { session: doctor });
      expectProblem(response, 400, 'VALIDATION_FAILED');
    }
  });

  it.each(['0', '101', '-1', '1.5', 'ten', ''])('refuses limit=%j with 400', async (limit) => {
    const clinic = use();
    for (const path of ['/appointments', '/bills', '/notifications', '/doctors']) {
      const response = await clinic.request('GET', `${path}?limit=${limit}`, { session: doctor });
      expect(response.statusCode, path).toBe(400);
      expect(response.json().code).toBe('VALIDATION_FAILED');
    }
  });

  it('accepts limit=1 and limit=100', async () => {
    const clinic = use();
    for (const limit of [1, 100]) {
      expect(
        (await clinic.request('GET', `/appointments?limit=${limit}`, { session: doctor })).statusCode,
      ).toBe(200);
    }
  });

  it('refuses a cursor the server did not issue with 400, never 500', async () => {
    const clinic = use();
    const admin = await clinic.admin();
    for (const cursor of ['garbage', forgedCursor('not-a-time'), forgedCursor('2026-01-01T00:00:00Z', 'x')]) {
      for (const path of ['/appointments', '/notifications', '/audit', `/patients/${patient.id}/history`]) {
        const response = await clinic.request('GET', `${path}?cursor=${cursor}`, { session: admin });
        expect(response.statusCode, `${path} ${cursor}`).toBe(400);
        expect(response.json().code).toBe('VALIDATION_FAILED');
      }
    }
    const bills = await clinic.request('GET', `/bills?cursor=${forgedCursor('PENDING~not-a-time')}`, {
      session: admin,
    });
    expect(bills.statusCode).toBe(400);
  });

  it('refuses query values of the wrong kind', async () => {
    const clinic = use();
    for (const query of ['status=LOST', 'from=yesterday', 'doctorId=7', 'overdue=maybe']) {
      const response = await clinic.request('GET', `/appointments?${query}`, { session: doctor });
      expect(response.statusCode, query).toBe(400);
    }
    const backwards = await clinic.request(
      'GET',
      '/appointments?from=2027-01-02T00:00:00Z&to=2027-01-01T00:00:00Z',
      {
        session: doctor,
      },
    );
    expect(backwards.statusCode).toBe(400);
  });

  it('answers an unknown route with a 404 problem document', async () => {
    const response = await use().request('GET', '/no-such-thing', { session: doctor });
    expectProblem(response, 404, 'NOT_FOUND');
  });

  it('sends security headers and no-store on patient data, and no CORS headers by default', async () => {
    const clinic = use();
    const { id } = await requestVisit(clinic, patient, doctor, slot());
    const response = await clinic.request('GET', `/appointments/${id}`, {
      session: patient,
      headers: { origin: 'https://evil.example' },
    });
    expect(response.statusCode).toBe(200);
    const csp = String(response.headers['content-security-policy']);
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("default-src 'self'");
    expect(response.headers['strict-transport-security']).toMatch(/max-age=\d{7,}/);
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    expect(response.headers['cache-control']).toBe('no-store');
    expect(response.headers['access-control-allow-origin']).toBeUndefined();
    expect(response.headers['access-control-allow-credentials']).toBeUndefined();
    const preflight = await clinic.app.inject({
      method: 'OPTIONS',
      url: '/api/v1/appointments',
      headers: { origin: 'https://evil.example', 'access-control-request-method': 'POST' },
    });
    expect(preflight.headers['access-control-allow-origin']).toBeUndefined();
    for (const path of ['/me', '/bills', '/notifications', `/patients/${patient.id}/history`]) {
      const data = await clinic.request('GET', path, { session: patient });
      expect(data.headers['cache-control'], path).toBe('no-store');
    }
  });

  it('puts an x-request-id on every response, success or failure, matching the problem document', async () => {
    const clinic = use();
    const responses = [
      await clinic.request('GET', '/health'),
      await clinic.request('GET', '/me', { session: patient }),
      await clinic.request('GET', '/me'),
      await clinic.request('GET', '/appointments/nope', { session: patient }),
      await clinic.request('GET', '/nowhere'),
      await clinic.app.inject({ method: 'GET', url: '/api/openapi.json' }),
    ];
    const ids = responses.map((response) => response.headers['x-request-id']);
    for (const id of ids) expect(id).toMatch(/^[0-9a-f-]{36}$/);
    expect(new Set(ids).size).toBe(ids.length);
    for (const response of responses.filter((r) => r.statusCode >= 400)) {
      expect(response.json().requestId).toBe(response.headers['x-request-id']);
    }
  });

  it('ignores a request id sent by the client', async () => {
    const response = await use().request('GET', '/health', { headers: { 'x-request-id': 'client-chosen' } });
    expect(response.headers['x-request-id']).not.toBe('client-chosen');
  });
});
