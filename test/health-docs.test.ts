import { expect, it } from 'vitest';
import { buildApp } from '../src/server/app.ts';
import { signAccessToken } from '../src/server/modules/auth/tokens.ts';
import { createContext } from '../src/server/runtime.ts';
import { createScratchDatabase, describeEachDatabase, TestClock, testConfig } from './support/clinic.ts';

/** Every path and method of API.md, as OpenAPI writes them. */
const contract: [string, string][] = [
  ['get', '/api/v1/health'],
  ['get', '/api/v1/ready'],
  ['post', '/api/v1/auth/register'],
  ['post', '/api/v1/auth/login'],
  ['post', '/api/v1/auth/refresh'],
  ['post', '/api/v1/auth/logout'],
  ['post', '/api/v1/auth/password'],
  ['get', '/api/v1/me'],
  ['post', '/api/v1/users'],
  ['get', '/api/v1/users'],
  ['get', '/api/v1/doctors'],
  ['post', '/api/v1/appointments'],
  ['get', '/api/v1/appointments'],
  ['get', '/api/v1/appointments/{id}'],
  ['post', '/api/v1/appointments/{id}/approve'],
  ['post', '/api/v1/appointments/{id}/reject'],
  ['post', '/api/v1/appointments/{id}/cancel'],
  ['post', '/api/v1/appointments/{id}/no-show'],
  ['put', '/api/v1/appointments/{id}/consultation'],
  ['put', '/api/v1/appointments/{id}/prescription'],
  ['put', '/api/v1/appointments/{id}/bill'],
  ['post', '/api/v1/appointments/{id}/treat'],
  ['get', '/api/v1/bills'],
  ['get', '/api/v1/bills/{id}'],
  ['post', '/api/v1/bills/{id}/pay'],
  ['get', '/api/v1/notifications'],
  ['post', '/api/v1/notifications/{id}/read'],
  ['get', '/api/v1/patients/{id}/history'],
  ['get', '/api/v1/audit'],
  ['get', '/api/v1/events'],
];

describeEachDatabase('health, readiness and the API documents', (use) => {
  it('says the process is up and the database answers', async () => {
    const clinic = use();
    const health = await clinic.request('GET', '/health');
    expect(health.statusCode).toBe(200);
    expect(health.json()).toEqual({ status: 'ok' });
    const ready = await clinic.request('GET', '/ready');
    expect(ready.statusCode).toBe(200);
  });

  it('says 503 when the database is gone, and a failing request gives a 500 without internals', async () => {
    const kind = use().kind;
    const scratch = kind === 'postgres' ? await createScratchDatabase() : undefined;
    const config = testConfig(scratch ? { DATABASE_URL: scratch.url } : {});
    const ctx = await createContext(config, { clock: new TestClock(), inMemory: true });
    const app = await buildApp(ctx, { logger: false });
    try {
      await app.ready();
      expect((await app.inject({ method: 'GET', url: '/api/v1/ready' })).statusCode).toBe(200);
      const token = await signAccessToken(
        ctx.jwtSecret,
        { userId: crypto.randomUUID(), role: 'PATIENT', sessionId: crypto.randomUUID() },
        new Date(),
      );
      await ctx.handle.close();

      const ready = await app.inject({ method: 'GET', url: '/api/v1/ready' });
      expect(ready.statusCode).toBe(503);
      expect(ready.headers['content-type']).toContain('application/problem+json');
      expect(ready.json()).toMatchObject({ status: 503 });
      expect((await app.inject({ method: 'GET', url: '/api/v1/health' })).statusCode).toBe(200);

      if (kind === 'postgres') {
        // A closed embedded database fails queries outside the request too; PostgreSQL's pool fails them in it.
        const failing = await app.inject({
          method: 'GET',
          url: '/api/v1/me',
          headers: { authorization: `Bearer ${token}` },
        });
        expect(failing.statusCode).toBe(500);
        expect(failing.headers['content-type']).toContain('application/problem+json');
        const body = failing.json();
        expect(body).toMatchObject({
          status: 500,
          code: 'INTERNAL',
          requestId: failing.headers['x-request-id'],
        });
        expect(failing.body).not.toMatch(/\bat .*\.ts:\d+|node_modules|select |from "?sessions|stack/i);
      }
    } finally {
      await app.close();
      await scratch?.drop();
    }
  });

  it('publishes an OpenAPI 3 document with every path of the contract', async () => {
    const clinic = use();
    const response = await clinic.app.inject({ method: 'GET', url: '/api/openapi.json' });
    expect(response.statusCode).toBe(200);
    const document = response.json();
    expect(document.openapi).toMatch(/^3\./);
    expect(document.info.title).toEqual(expect.any(String));
    const missing = contract.filter(([method, path]) => !document.paths?.[path]?.[method]);
    expect(missing).toEqual([]);
  });

  it('serves a docs page', async () => {
    const clinic = use();
    let response = await clinic.app.inject({ method: 'GET', url: '/api/docs' });
    if (response.statusCode >= 300 && response.statusCode < 400) {
      response = await clinic.app.inject({ method: 'GET', url: String(response.headers.location) });
    }
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toContain('text/html');
  });
});
