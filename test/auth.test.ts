import { randomUUID } from 'node:crypto';
import type { LightMyRequestResponse } from 'fastify';
import { SignJWT, UnsecuredJWT } from 'jose';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { describeEachDatabase, openTestClinic, type Session, type TestClinic } from './support/clinic.ts';
import { expectStatus, withoutRequestId } from './support/visits.ts';

const strongPassword = 'amber-lantern-orbit-42';

function refreshCookieOf(response: LightMyRequestResponse) {
  const cookie = response.cookies.find((entry) => entry.name === 'ecms_refresh');
  if (!cookie) throw new Error(`no refresh cookie in ${JSON.stringify(response.headers['set-cookie'])}`);
  return cookie;
}

async function register(clinic: TestClinic, overrides: Record<string, unknown> = {}) {
  return clinic.request('POST', '/auth/register', {
    body: {
      name: 'Iris Patel',
      email: `iris-${randomUUID().slice(0, 8)}@test.ecms`,
      password: strongPassword,
      ...overrides,
    },
  });
}

async function login(clinic: TestClinic, email: string, password: string) {
  return clinic.request('POST', '/auth/login', { body: { email, password } });
}

const me = (clinic: TestClinic, token: string) =>
  clinic.request('GET', '/me', { headers: { authorization: `Bearer ${token}` } });

const seconds = (date: Date) => Math.floor(date.getTime() / 1000);

describeEachDatabase('signing up, signing in and sessions', (use) => {
  afterEach(() => use().clock.reset());

  it('registers a patient with a session and never shows a password hash', async () => {
    const clinic = use();
    const email = `new-${randomUUID().slice(0, 8)}@test.ecms`;
    const response = await register(clinic, {
      email,
      phone: '+14155550100',
      dateOfBirth: '1980-02-29',
      sex: 'FEMALE',
    });
    expect(response.statusCode).toBe(201);
    const body = response.json();
    expect(body).toMatchObject({
      user: { name: 'Iris Patel', email, role: 'PATIENT', phone: '+14155550100' },
      tokenType: 'Bearer',
      expiresIn: 900,
    });
    expect(body.user.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(body.user.patient).toMatchObject({ dateOfBirth: '1980-02-29', sex: 'FEMALE' });
    expect(typeof body.accessToken).toBe('string');
    expect(response.body).not.toMatch(/argon2|passwordHash|password_hash/i);
    expect(response.body).not.toContain(strongPassword);
    const meResponse = await me(clinic, body.accessToken);
    expect(meResponse.statusCode).toBe(200);
    expect(meResponse.body).not.toMatch(/argon2|passwordHash|password_hash/i);
  });

  it.each([
    ['a common password', 'password123'],
    ['a keyboard walk', 'qwertyuiop'],
    ['digits in a row', '12345678'],
    ['too short a password', 'Xk9#vQ2'],
    ['too long a password', `Xk9#vQ2-${'z7'.repeat(61)}`],
  ])('refuses %s at registration with 400', async (_what, password) => {
    const response = await register(use(), { password });
    expect(response.statusCode).toBe(400);
    expect(response.headers['content-type']).toContain('application/problem+json');
    expect(response.json()).toMatchObject({ status: 400, code: 'VALIDATION_FAILED' });
    expect(
      response
        .json()
        .errors.map((error: { path: string }) => error.path)
        .join(),
    ).toContain('password');
  });

  it('accepts passwords of exactly 8 and 128 characters', async () => {
    const clinic = use();
    expect((await register(clinic, { password: 'Zq7!vP3x' })).statusCode).toBe(201);
    expect((await register(clinic, { password: `Zq7!vP3x${'-lantern'.repeat(15)}` })).statusCode).toBe(201);
  });

  it('refuses a second account for an e-mail address in any letter case with 409 EMAIL_TAKEN', async () => {
    const clinic = use();
    const email = `twice-${randomUUID().slice(0, 8)}@test.ecms`;
    expect((await register(clinic, { email })).statusCode).toBe(201);
    const again = await register(clinic, { email: email.toUpperCase() });
    expect(again.statusCode).toBe(409);
    expect(again.json()).toMatchObject({ status: 409, code: 'EMAIL_TAKEN' });
  });

  it('gives one of two simultaneous sign-ups with one e-mail the account and the other 409 EMAIL_TAKEN', async () => {
    const clinic = use();
    const email = `race-${randomUUID().slice(0, 8)}@test.ecms`;
    const responses = await Promise.all([
      register(clinic, { email }),
      register(clinic, { email: email.toUpperCase() }),
    ]);
    expect(responses.map((response) => response.statusCode).sort()).toEqual([201, 409]);
    expect(responses.find((response) => response.statusCode === 409)?.json().code).toBe('EMAIL_TAKEN');
  });

  it('signs in with a bearer token, the user and an httpOnly, SameSite=Strict refresh cookie', async () => {
    const clinic = use();
    const patient = await clinic.newUser('PATIENT');
    const response = await login(clinic, patient.email.toUpperCase(), patient.password);
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({
      tokenType: 'Bearer',
      expiresIn: 900,
      user: { id: patient.id, name: patient.name, email: patient.email, role: 'PATIENT' },
    });
    expect(response.body).not.toMatch(/argon2|passwordHash/i);
    const cookie = refreshCookieOf(response);
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Strict', path: '/api/v1' });
  });

  it('answers an unknown e-mail and a wrong password with the same 401', async () => {
    const clinic = use();
    const patient = await clinic.newUser('PATIENT');
    const unknown = await login(clinic, `nobody-${randomUUID().slice(0, 8)}@test.ecms`, patient.password);
    const wrong = await login(clinic, patient.email, 'not-the-password-1');
    expect(unknown.statusCode).toBe(401);
    expect(wrong.statusCode).toBe(401);
    expect(wrong.json().code).toBe('UNAUTHENTICATED');
    expect(withoutRequestId(unknown.json())).toEqual(withoutRequestId(wrong.json()));
    expect(unknown.headers['set-cookie']).toBeUndefined();
  });

  it('locks an account after repeated failures, refuses even the right password, and unlocks after 15 minutes', async () => {
    const clinic = use();
    const patient = await clinic.newUser('PATIENT');
    const statuses: number[] = [];
    for (let attempt = 0; attempt < 5; attempt++) {
      statuses.push((await login(clinic, patient.email, `wrong-guess-${attempt}`)).statusCode);
    }
    expect(statuses).toEqual([401, 401, 401, 401, 429]);
    const locked = await login(clinic, patient.email, patient.password);
    expect(locked.statusCode).toBe(429);
    expect(locked.json()).toMatchObject({ status: 429, code: 'RATE_LIMITED' });
    const retryAfter = Number(locked.headers['retry-after']);
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(15 * 60);
    clinic.clock.advance(14 * 60_000);
    expect((await login(clinic, patient.email, patient.password)).statusCode).toBe(429);
    clinic.clock.advance(2 * 60_000);
    expect((await login(clinic, patient.email, patient.password)).statusCode).toBe(200);
  });

  it('gives an account a fresh set of attempts once its lockout has ended', async () => {
    const clinic = use();
    const patient = await clinic.newUser('PATIENT');
    for (let attempt = 0; attempt < 5; attempt++)
      await login(clinic, patient.email, `wrong-guess-${attempt}`);
    clinic.clock.advance(16 * 60_000);
    const typo = await login(clinic, patient.email, 'one-more-typo');
    expect(typo.statusCode).toBe(401);
    expect((await login(clinic, patient.email, patient.password)).statusCode).toBe(200);
    const statuses: number[] = [];
    for (let attempt = 0; attempt < 5; attempt++) {
      statuses.push((await login(clinic, patient.email, `wrong-again-${attempt}`)).statusCode);
    }
    expect(statuses).toEqual([401, 401, 401, 401, 429]);
  });

  it('ends a session whose refresh token is older than 14 days', async () => {
    const clinic = use();
    const patient = await clinic.newUser('PATIENT');
    const session = await login(clinic, patient.email, patient.password);
    clinic.clock.advance(15 * 86_400_000);
    const refreshed = await clinic.request('POST', '/auth/refresh', {
      headers: { cookie: `ecms_refresh=${refreshCookieOf(session).value}` },
    });
    expect(refreshed.statusCode).toBe(401);
  });

  it('rotates the refresh token, and a reused old one ends the whole session', async () => {
    const clinic = use();
    const patient = await clinic.newUser('PATIENT');
    const first = await login(clinic, patient.email, patient.password);
    const original = refreshCookieOf(first).value;
    const refreshWith = (value: string) =>
      clinic.request('POST', '/auth/refresh', { headers: { cookie: `ecms_refresh=${value}` } });

    const rotated = await refreshWith(original);
    expect(rotated.statusCode).toBe(200);
    expect(rotated.json()).toMatchObject({ tokenType: 'Bearer', expiresIn: 900, user: { id: patient.id } });
    const next = refreshCookieOf(rotated);
    expect(next).toMatchObject({ httpOnly: true, sameSite: 'Strict', path: '/api/v1' });
    expect(next.value).not.toBe(original);
    const renewedToken = rotated.json().accessToken;
    expect((await me(clinic, renewedToken)).statusCode).toBe(200);

    const reused = await refreshWith(original);
    expect(reused.statusCode).toBe(401);
    expect(reused.json().code).toBe('UNAUTHENTICATED');
    expect((await refreshWith(next.value)).statusCode).toBe(401);
    expect((await me(clinic, renewedToken)).statusCode).toBe(401);
    expect((await me(clinic, first.json().accessToken)).statusCode).toBe(401);
  });

  it('refuses a refresh without a cookie or with a made-up one', async () => {
    const clinic = use();
    expect((await clinic.request('POST', '/auth/refresh')).statusCode).toBe(401);
    const madeUp = await clinic.request('POST', '/auth/refresh', {
      headers: { cookie: `ecms_refresh=${randomUUID()}.not-a-secret` },
    });
    expect(madeUp.statusCode).toBe(401);
    expect(madeUp.json().code).toBe('UNAUTHENTICATED');
  });

  it('logs out with 204 and the access and refresh tokens stop working at once', async () => {
    const clinic = use();
    const patient = await clinic.newUser('PATIENT');
    const session = await login(clinic, patient.email, patient.password);
    const token = session.json().accessToken;
    const refresh = refreshCookieOf(session).value;
    const out = await clinic.request('POST', '/auth/logout', {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(out.statusCode).toBe(204);
    expect(out.body).toBe('');
    const after = await me(clinic, token);
    expect(after.statusCode).toBe(401);
    expect(after.json().code).toBe('UNAUTHENTICATED');
    const refreshed = await clinic.request('POST', '/auth/refresh', {
      headers: { cookie: `ecms_refresh=${refresh}` },
    });
    expect(refreshed.statusCode).toBe(401);
    expect((await me(clinic, patient.token)).statusCode).toBe(200);
  });

  it('refuses requests without a token, and with a tampered, unsigned or foreign-signed token', async () => {
    const clinic = use();
    const patient = await clinic.newUser('PATIENT');
    const now = clinic.clock.now();
    const [header, payload, signature] = patient.token.split('.');
    const claims = JSON.parse(Buffer.from(payload ?? '', 'base64url').toString());
    const tampered = `${header}.${Buffer.from(JSON.stringify({ ...claims, role: 'ADMIN' })).toString('base64url')}.${signature}`;
    const unsigned = new UnsecuredJWT({ role: 'ADMIN', sid: claims.sid })
      .setSubject(patient.id)
      .setIssuer('ecms')
      .setAudience('ecms-api')
      .setIssuedAt(seconds(now))
      .setExpirationTime(seconds(now) + 600)
      .encode();
    const foreign = await new SignJWT({ role: 'PATIENT', sid: claims.sid })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject(patient.id)
      .setIssuer('ecms')
      .setAudience('ecms-api')
      .setIssuedAt(seconds(now))
      .setExpirationTime(seconds(now) + 600)
      .sign(new TextEncoder().encode('a-different-secret-of-enough-length-0123456789'));
    expect((await clinic.request('GET', '/me')).statusCode).toBe(401);
    for (const token of [tampered, unsigned, foreign, `${patient.token}x`, 'not-a-token']) {
      const response = await me(clinic, token);
      expect(response.statusCode, token).toBe(401);
      expect(response.json()).toMatchObject({ status: 401, code: 'UNAUTHENTICATED' });
    }
    const basic = await clinic.request('GET', '/me', {
      headers: { authorization: 'Basic YWRtaW46YWRtaW4=' },
    });
    expect(basic.statusCode).toBe(401);
  });

  it('refuses an access token 16 minutes after it was issued', async () => {
    const clinic = use();
    const patient = await clinic.newUser('PATIENT');
    clinic.clock.advance(14 * 60_000);
    expect((await me(clinic, patient.token)).statusCode).toBe(200);
    clinic.clock.advance(2 * 60_000);
    const expired = await me(clinic, patient.token);
    expect(expired.statusCode).toBe(401);
    expect(expired.json().code).toBe('UNAUTHENTICATED');
  });

  it("ends a disabled user's session at once and refuses their sign-in", async () => {
    const clinic = use();
    const doctor = await clinic.newUser('DOCTOR');
    const admin = await clinic.admin();
    expectStatus(
      await clinic.request('PATCH', `/users/${doctor.id}`, { session: admin, body: { disabled: true } }),
      200,
    );
    expect((await me(clinic, doctor.token)).statusCode).toBe(401);
    expect((await login(clinic, doctor.email, doctor.password)).statusCode).toBe(401);
  });

  it('changing the password ends the other sessions, keeps this one, and retires the old password', async () => {
    const clinic = use();
    const patient = await clinic.newUser('PATIENT');
    const other: Session = await clinic.signIn(patient.email, patient.password);
    const wrongCurrent = await clinic.request('POST', '/auth/password', {
      session: patient,
      body: { currentPassword: 'not-my-password', newPassword: 'copper-meadow-violin-88' },
    });
    expect(wrongCurrent.statusCode).toBe(400);
    const weak = await clinic.request('POST', '/auth/password', {
      session: patient,
      body: { currentPassword: patient.password, newPassword: 'password1' },
    });
    expect(weak.statusCode).toBe(400);
    expect((await me(clinic, other.token)).statusCode).toBe(200);

    const changed = await clinic.request('POST', '/auth/password', {
      session: patient,
      body: { currentPassword: patient.password, newPassword: 'copper-meadow-violin-88' },
    });
    expect(changed.statusCode).toBe(204);
    expect((await me(clinic, other.token)).statusCode).toBe(401);
    expect((await me(clinic, patient.token)).statusCode).toBe(200);
    expect((await login(clinic, patient.email, patient.password)).statusCode).toBe(401);
    expect((await login(clinic, patient.email, 'copper-meadow-violin-88')).statusCode).toBe(200);
  });

  it('shows a patient their own profile on /me, and staff without one', async () => {
    const clinic = use();
    const patient = await clinic.newUser('PATIENT', { phone: '+447700900123' });
    const mine = await clinic.request('GET', '/me', { session: patient });
    expect(mine.statusCode).toBe(200);
    expect(mine.json()).toMatchObject({
      id: patient.id,
      email: patient.email,
      role: 'PATIENT',
      phone: '+447700900123',
      disabled: false,
      patient: { notifyByEmail: true, notifyBySms: true, remindersOptOut: false },
    });
    const doctor = await clinic.newUser('DOCTOR', { specialty: 'Glaucoma' });
    const staff = await clinic.request('GET', '/me', { session: doctor });
    expect(staff.json()).toMatchObject({ id: doctor.id, role: 'DOCTOR', specialty: 'Glaucoma' });
    expect(staff.json().patient).toBeUndefined();
  });
});

// The per-address limit is kept in memory, not in the database: one embedded clinic is enough.
describe('too many sign-in attempts from one address', () => {
  let opened: Awaited<ReturnType<typeof openTestClinic>>;
  beforeAll(async () => {
    opened = await openTestClinic('embedded', { ECMS_LOGIN_RATE_LIMIT: '3' });
  });
  afterAll(() => opened.close());

  it('are refused with 429 RATE_LIMITED and Retry-After, whatever the e-mail', async () => {
    const clinic = opened.clinic;
    const statuses: number[] = [];
    let last: LightMyRequestResponse | undefined;
    for (let attempt = 0; attempt < 4; attempt++) {
      last = await login(clinic, `someone-${attempt}@test.ecms`, 'wrong-password-0');
      statuses.push(last.statusCode);
    }
    expect(statuses).toEqual([401, 401, 401, 429]);
    expect(last?.headers['content-type']).toContain('application/problem+json');
    expect(last?.json()).toMatchObject({ status: 429, code: 'RATE_LIMITED' });
    expect(Number(last?.headers['retry-after'])).toBeGreaterThan(0);
  });
});
