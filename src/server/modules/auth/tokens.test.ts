import { base64url, SignJWT, UnsecuredJWT } from 'jose';
import { describe, expect, it } from 'vitest';
import {
  accessTokenSeconds,
  newRefreshToken,
  parseRefreshToken,
  signAccessToken,
  verifyAccessToken,
} from './tokens.ts';

const secret = new TextEncoder().encode('unit-test-secret-that-is-long-enough-0123456789');
const otherSecret = new TextEncoder().encode('another-secret-that-is-also-long-enough-98765');
const claims = {
  userId: '0192f3a4-5b6c-7d8e-9f01-23456789abcd',
  role: 'DOCTOR' as const,
  sessionId: '0192f3a4-5b6c-7d8e-9f01-000000000001',
};
const now = new Date('2026-12-07T09:00:00.000Z');
const seconds = (date: Date) => Math.floor(date.getTime() / 1000);

describe('an access token', () => {
  it('carries the user, role and session and lasts 15 minutes', async () => {
    const token = await signAccessToken(secret, claims, now);
    expect(await verifyAccessToken(secret, token, now)).toEqual(claims);
    expect(accessTokenSeconds).toBe(900);
    const header = JSON.parse(Buffer.from(token.split('.')[0] ?? '', 'base64url').toString());
    expect(header.alg).toBe('HS256');
    const payload = JSON.parse(Buffer.from(token.split('.')[1] ?? '', 'base64url').toString());
    expect(payload).toMatchObject({ iss: 'ecms', aud: 'ecms-api', exp: seconds(now) + 900 });
  });

  it('is refused once 15 minutes have passed', async () => {
    const token = await signAccessToken(secret, claims, now);
    expect(await verifyAccessToken(secret, token, new Date(now.getTime() + 14 * 60_000))).toEqual(claims);
    expect(await verifyAccessToken(secret, token, new Date(now.getTime() + 16 * 60_000))).toBeUndefined();
  });

  it('is refused when signed with another secret', async () => {
    const token = await signAccessToken(otherSecret, claims, now);
    expect(await verifyAccessToken(secret, token, now)).toBeUndefined();
  });

  it('is refused when its payload was altered', async () => {
    const token = await signAccessToken(secret, { ...claims, role: 'PATIENT' }, now);
    const [header, payload, signature] = token.split('.');
    const altered = JSON.parse(Buffer.from(payload ?? '', 'base64url').toString());
    altered.role = 'ADMIN';
    const forged = `${header}.${base64url.encode(JSON.stringify(altered))}.${signature}`;
    expect(await verifyAccessToken(secret, forged, now)).toBeUndefined();
  });

  it('is refused unsigned (alg none)', async () => {
    const unsigned = new UnsecuredJWT({ role: 'ADMIN', sid: claims.sessionId })
      .setSubject(claims.userId)
      .setIssuer('ecms')
      .setAudience('ecms-api')
      .setIssuedAt(seconds(now))
      .setExpirationTime(seconds(now) + 900)
      .encode();
    expect(await verifyAccessToken(secret, unsigned, now)).toBeUndefined();
  });

  it('is refused with another algorithm, issuer or audience, or without a session', async () => {
    const base = () =>
      new SignJWT({ role: 'ADMIN', sid: claims.sessionId })
        .setSubject(claims.userId)
        .setIssuedAt(seconds(now))
        .setExpirationTime(seconds(now) + 900);
    const hs512 = await base()
      .setProtectedHeader({ alg: 'HS512' })
      .setIssuer('ecms')
      .setAudience('ecms-api')
      .sign(secret);
    const wrongIssuer = await base()
      .setProtectedHeader({ alg: 'HS256' })
      .setIssuer('someone-else')
      .setAudience('ecms-api')
      .sign(secret);
    const wrongAudience = await base()
      .setProtectedHeader({ alg: 'HS256' })
      .setIssuer('ecms')
      .setAudience('other-api')
      .sign(secret);
    const noSession = await new SignJWT({ role: 'ADMIN' })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject(claims.userId)
      .setIssuer('ecms')
      .setAudience('ecms-api')
      .setExpirationTime(seconds(now) + 900)
      .sign(secret);
    for (const token of [hs512, wrongIssuer, wrongAudience, noSession]) {
      expect(await verifyAccessToken(secret, token, now)).toBeUndefined();
    }
  });

  it.each(['', 'garbage', 'a.b.c', 'a.b', '...'])(
    'is refused when it is not a token at all (%j)',
    async (token) => {
      expect(await verifyAccessToken(secret, token, now)).toBeUndefined();
    },
  );
});

describe('a refresh token', () => {
  it('names its session and stores only a hash of its secret', () => {
    const { token, hash } = newRefreshToken(claims.sessionId);
    expect(token.startsWith(`${claims.sessionId}.`)).toBe(true);
    expect(token).not.toContain(hash);
    expect(parseRefreshToken(token)).toEqual({ sessionId: claims.sessionId, hash });
  });

  it('is different every time', () => {
    const first = newRefreshToken(claims.sessionId);
    const second = newRefreshToken(claims.sessionId);
    expect(first.token).not.toBe(second.token);
    expect(first.hash).not.toBe(second.hash);
  });

  it.each([
    '',
    'no-dot',
    'not-a-uuid.secret',
    `${'0192f3a4-5b6c-7d8e-9f01-23456789abcd'}.`,
    `${'0192f3a4-5b6c-7d8e-9f01-23456789abcd'}.secret.extra`,
  ])('is refused when malformed (%j)', (token) => {
    expect(parseRefreshToken(token)).toBeUndefined();
  });
});
