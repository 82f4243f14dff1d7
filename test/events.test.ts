import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../src/server/app.ts';
import { ensureBootstrapAdmin } from '../src/server/bootstrap.ts';
import { createContext } from '../src/server/runtime.ts';
import {
  createScratchDatabase,
  nextWeekdayAt,
  openTestClinic,
  type TestClinic,
  testConfig,
} from './support/clinic.ts';

type LiveMessage = { type: string; id: string };

/** A minimal EventSource over fetch: collects the events of one stream. */
async function openStream(baseUrl: string, cookie: string | undefined) {
  const controller = new AbortController();
  const response = await fetch(`${baseUrl}/api/v1/events`, {
    headers: cookie ? { cookie } : {},
    signal: controller.signal,
  });
  const received: LiveMessage[] = [];
  const waiting = new Set<() => void>();
  if (response.ok && response.body) {
    void (async () => {
      const reader = response.body?.pipeThrough(new TextDecoderStream()).getReader();
      let buffer = '';
      try {
        for (;;) {
          const chunk = await reader?.read();
          if (!chunk || chunk.done) return;
          buffer += chunk.value;
          let end = buffer.indexOf('\n\n');
          while (end >= 0) {
            const block = buffer.slice(0, end);
            buffer = buffer.slice(end + 2);
            const type = /^event: (.+)$/m.exec(block)?.[1];
            const data = /^data: (.+)$/m.exec(block)?.[1];
            if (type && data) received.push({ type, id: (JSON.parse(data) as { id: string }).id });
            for (const wake of waiting) wake();
            end = buffer.indexOf('\n\n');
          }
        }
      } catch {
        // aborted by close()
      }
    })();
  }
  return {
    status: response.status,
    contentType: response.headers.get('content-type'),
    received,
    async until(predicate: (message: LiveMessage) => boolean, timeoutMs = 5000): Promise<LiveMessage> {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const found = received.find(predicate);
        if (found) return found;
        if (Date.now() > deadline) throw new Error(`no matching event; got ${JSON.stringify(received)}`);
        await new Promise<void>((resolve) => {
          const wake = () => {
            waiting.delete(wake);
            resolve();
          };
          waiting.add(wake);
          setTimeout(wake, 100);
        });
      }
    },
    close: () => controller.abort(),
  };
}

async function refreshCookieOf(baseUrl: string, email: string, password: string): Promise<string> {
  const response = await fetch(`${baseUrl}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  expect(response.status).toBe(200);
  const cookie = response.headers.getSetCookie().find((line) => line.startsWith('ecms_refresh='));
  if (!cookie) throw new Error('login set no refresh cookie');
  return cookie.split(';')[0] as string;
}

const listen = async (app: FastifyInstance) => app.listen({ port: 0, host: '127.0.0.1' });

/**
 * With TEST_DATABASE_URL: two server processes' worth of apps (each its own context and LISTEN) on one
 * PostgreSQL database, so an event raised through one must cross the database to reach the other.
 * Without it: one embedded-database app, the single-process case.
 */
async function openServers(): Promise<{
  clinic: TestClinic;
  writeUrl: string;
  streamUrl: string;
  close(): Promise<void>;
}> {
  if (!process.env.TEST_DATABASE_URL) {
    const opened = await openTestClinic('embedded');
    const url = await listen(opened.clinic.app);
    return { clinic: opened.clinic, writeUrl: url, streamUrl: url, close: opened.close };
  }
  const scratch = await createScratchDatabase();
  const opened = await openTestClinic('postgres', { DATABASE_URL: scratch.url });
  const ctxB = await createContext(testConfig({ DATABASE_URL: scratch.url }));
  await ensureBootstrapAdmin(ctxB);
  const appB = await buildApp(ctxB, { logger: false });
  const writeUrl = await listen(opened.clinic.app);
  const streamUrl = await listen(appB);
  return {
    clinic: opened.clinic,
    writeUrl,
    streamUrl,
    async close() {
      await appB.close();
      await ctxB.handle.close();
      await opened.close();
      await scratch.drop();
    },
  };
}

const mode = process.env.TEST_DATABASE_URL ? 'two servers on one PostgreSQL database' : 'one embedded server';

describe(`live events over SSE [${mode}]`, () => {
  let servers: Awaited<ReturnType<typeof openServers>>;
  beforeAll(async () => {
    servers = await openServers();
  });
  afterAll(async () => {
    await servers?.close();
  });

  it('refuses a stream without a session cookie', async () => {
    const stream = await openStream(servers.streamUrl, undefined);
    expect(stream.status).toBe(401);
  });

  it("a request made through one server reaches the doctor's and then the patient's stream on the other", async () => {
    const { clinic } = servers;
    const doctor = await clinic.newUser('DOCTOR');
    const patient = await clinic.newUser('PATIENT');
    const doctorStream = await openStream(
      servers.streamUrl,
      await refreshCookieOf(servers.streamUrl, doctor.email, doctor.password),
    );
    const patientStream = await openStream(
      servers.streamUrl,
      await refreshCookieOf(servers.streamUrl, patient.email, patient.password),
    );
    expect(doctorStream.status).toBe(200);
    expect(doctorStream.contentType).toContain('text/event-stream');

    const booked = await clinic.request('POST', '/appointments', {
      session: patient,
      body: { doctorId: doctor.id, startAt: nextWeekdayAt(clinic, 3, 10) },
    });
    expect(booked.statusCode).toBe(201);
    const appointmentId = booked.json().id as string;
    await doctorStream.until((m) => m.type === 'appointment.updated' && m.id === appointmentId);

    const approved = await clinic.request('POST', `/appointments/${appointmentId}/approve`, {
      session: doctor,
    });
    expect(approved.statusCode).toBe(200);
    await patientStream.until((m) => m.type === 'notification.created');
    await patientStream.until((m) => m.type === 'appointment.updated' && m.id === appointmentId);
    doctorStream.close();
    patientStream.close();
  });

  it("a patient never receives another patient's events", async () => {
    const { clinic } = servers;
    const doctor = await clinic.newUser('DOCTOR');
    const other = await clinic.newUser('PATIENT');
    const watcher = await clinic.newUser('PATIENT');
    const stream = await openStream(
      servers.streamUrl,
      await refreshCookieOf(servers.streamUrl, watcher.email, watcher.password),
    );

    const othersVisit = await clinic.request('POST', '/appointments', {
      session: other,
      body: { doctorId: doctor.id, startAt: nextWeekdayAt(clinic, 4, 11) },
    });
    await clinic.request('POST', `/appointments/${othersVisit.json().id}/approve`, { session: doctor });
    // The watcher's own booking comes after the other patient's events: when it arrives, those had their chance.
    const ownVisit = await clinic.request('POST', '/appointments', {
      session: watcher,
      body: { doctorId: doctor.id, startAt: nextWeekdayAt(clinic, 4, 13) },
    });
    const ownId = ownVisit.json().id as string;
    await stream.until((m) => m.id === ownId);
    expect(stream.received.map((m) => m.id)).toEqual([ownId]);
    stream.close();
  });
});
