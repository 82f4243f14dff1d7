import { randomUUID } from 'node:crypto';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import pg from 'pg';
import { afterAll, beforeAll, describe } from 'vitest';
import { buildApp } from '../../src/server/app.ts';
import { type Config, loadConfig } from '../../src/server/config.ts';
import type { AppContext, Clock } from '../../src/server/context.ts';
import { createContext } from '../../src/server/runtime.ts';
import type { Role } from '../../src/shared/domain/roles.ts';

/** A clock tests can move forward instead of sleeping. */
export class TestClock implements Clock {
  private offsetMs = 0;
  now(): Date {
    return new Date(Date.now() + this.offsetMs);
  }
  advance(ms: number): void {
    this.offsetMs += ms;
  }
  reset(): void {
    this.offsetMs = 0;
  }
}

export type DatabaseKind = 'embedded' | 'postgres';

/** The databases every HTTP test runs on: PGlite always, PostgreSQL too when TEST_DATABASE_URL is set. */
export function testDatabases(): DatabaseKind[] {
  return process.env.TEST_DATABASE_URL ? ['embedded', 'postgres'] : ['embedded'];
}

/** Creates a fresh PostgreSQL database on the TEST_DATABASE_URL server; returns its URL and a drop function. */
export async function createScratchDatabase(): Promise<{ url: string; drop(): Promise<void> }> {
  const base = process.env.TEST_DATABASE_URL;
  if (!base) throw new Error('TEST_DATABASE_URL is not set');
  const name = `ecms_test_${randomUUID().replaceAll('-', '').slice(0, 16)}`;
  const admin = new pg.Client({ connectionString: base });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(base);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    async drop() {
      const client = new pg.Client({ connectionString: base });
      await client.connect();
      await client.query(`drop database if exists ${name} with (force)`);
      await client.end();
    },
  };
}

export type Session = { token: string; id: string; role: Role; email: string; name: string };

export class TestClinic {
  constructor(
    readonly app: FastifyInstance,
    readonly ctx: AppContext,
    readonly clock: TestClock,
    readonly kind: DatabaseKind,
  ) {}

  request(
    method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE',
    url: string,
    options: { session?: Session | undefined; body?: unknown; headers?: Record<string, string> } = {},
  ): Promise<LightMyRequestResponse> {
    return this.app.inject({
      method,
      url: `/api/v1${url}`,
      headers: {
        ...(options.session ? { authorization: `Bearer ${options.session.token}` } : {}),
        ...(options.body !== undefined ? { 'content-type': 'application/json' } : {}),
        ...options.headers,
      },
      ...(options.body !== undefined ? { payload: JSON.stringify(options.body) } : {}),
    });
  }

  async signIn(email: string, password: string): Promise<Session> {
    const response = await this.request('POST', '/auth/login', { body: { email, password } });
    if (response.statusCode !== 200) throw new Error(`login failed: ${response.statusCode} ${response.body}`);
    const body = response.json();
    return { token: body.accessToken, id: body.user.id, role: body.user.role, email, name: body.user.name };
  }

  /** A new account of the role, signed in. Staff are created by the bootstrap admin through the API. */
  async newUser(
    role: Role,
    extra: { name?: string; phone?: string; specialty?: string } = {},
  ): Promise<Session & { password: string }> {
    const email = `${role.toLowerCase()}-${randomUUID().slice(0, 8)}@test.ecms`;
    const password = 'clinic-test-pass-7';
    const name = extra.name ?? `${role.charAt(0)}${role.slice(1).toLowerCase()} ${randomUUID().slice(0, 4)}`;
    if (role === 'PATIENT') {
      const response = await this.request('POST', '/auth/register', {
        body: { name, email, password, ...(extra.phone ? { phone: extra.phone } : {}) },
      });
      if (response.statusCode !== 201) throw new Error(`register failed: ${response.body}`);
    } else {
      const admin = await this.admin();
      const response = await this.request('POST', '/users', {
        session: admin,
        body: { name, email, password, role, ...extra },
      });
      if (response.statusCode !== 201) throw new Error(`create staff failed: ${response.body}`);
    }
    return { ...(await this.signIn(email, password)), password };
  }

  private adminSession: Session | undefined;
  async admin(): Promise<Session> {
    this.adminSession ??= await this.signIn(bootstrapAdmin.email, bootstrapAdmin.password);
    return this.adminSession;
  }
}

export const bootstrapAdmin = { email: 'admin@test.ecms', password: 'bootstrap-admin-pass-1' };

export function testConfig(overrides: Record<string, string> = {}): Config {
  return loadConfig({
    ECMS_JWT_SECRET: 'test-secret-that-is-long-enough-for-hs256-0123456789',
    ECMS_BOOTSTRAP_ADMIN_EMAIL: bootstrapAdmin.email,
    ECMS_BOOTSTRAP_ADMIN_PASSWORD: bootstrapAdmin.password,
    ECMS_LOG_LEVEL: 'silent',
    ECMS_WORKER: '0',
    ECMS_EMAIL_PROVIDER: 'none',
    ECMS_SMS_PROVIDER: 'none',
    ECMS_LOGIN_RATE_LIMIT: '10000',
    ...overrides,
  });
}

/** Builds a clinic on a fresh database of the kind: in-memory PGlite, or a new PostgreSQL database. */
export async function openTestClinic(kind: DatabaseKind, overrides: Record<string, string> = {}) {
  const scratch = kind === 'postgres' ? await createScratchDatabase() : undefined;
  const config = testConfig({ ...(scratch ? { DATABASE_URL: scratch.url } : {}), ...overrides });
  const clock = new TestClock();
  const ctx = await createContext(config, { clock, inMemory: true });
  const { ensureBootstrapAdmin } = await import('../../src/server/bootstrap.ts');
  await ensureBootstrapAdmin(ctx);
  const app = await buildApp(ctx, { logger: false });
  await app.ready();
  const clinic = new TestClinic(app, ctx, clock, kind);
  return {
    clinic,
    async close() {
      await app.close();
      await ctx.handle.close();
      await scratch?.drop();
    },
  };
}

/**
 * Runs the suite once per test database with a fresh clinic for each; `use()` returns the current one.
 */
export function describeEachDatabase(name: string, suite: (use: () => TestClinic) => void) {
  for (const kind of testDatabases()) {
    describe(`${name} [${kind}]`, () => {
      let opened: Awaited<ReturnType<typeof openTestClinic>> | undefined;
      beforeAll(async () => {
        opened = await openTestClinic(kind);
      });
      afterAll(async () => {
        await opened?.close();
      });
      suite(() => {
        if (!opened) throw new Error('clinic not open');
        return opened.clinic;
      });
    });
  }
}

/** The next Monday–Friday at hh:mm UTC, `daysAhead` days or more from the clinic's now. */
export function nextWeekdayAt(clinic: TestClinic, daysAhead: number, hour: number, minute = 0): string {
  const date = clinic.clock.now();
  date.setUTCDate(date.getUTCDate() + daysAhead);
  while (date.getUTCDay() === 0 || date.getUTCDay() === 6) date.setUTCDate(date.getUTCDate() + 1);
  date.setUTCHours(hour, minute, 0, 0);
  return date.toISOString();
}
