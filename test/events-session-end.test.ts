import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestClinic } from './support/clinic.ts';

/** Reads a stream until the server ends it; resolves with what was read. */
async function readUntilEnd(response: Response): Promise<string> {
  const reader = response.body?.pipeThrough(new TextDecoderStream()).getReader();
  let text = '';
  for (;;) {
    const chunk = await reader?.read();
    if (!chunk || chunk.done) return text;
    text += chunk.value;
  }
}

describe('a live-update stream after its session ends', () => {
  let opened: Awaited<ReturnType<typeof openTestClinic>>;
  let baseUrl: string;

  beforeAll(async () => {
    opened = await openTestClinic('embedded', { ECMS_EVENTS_HEARTBEAT_SECONDS: '0.2' });
    baseUrl = await opened.clinic.app.listen({ port: 0, host: '127.0.0.1' });
  });
  afterAll(async () => {
    await opened.close();
  });

  it('is closed by the server once the patient signs out, so no later event reaches that browser', async () => {
    const patient = await opened.clinic.newUser('PATIENT');
    const stream = await fetch(`${baseUrl}/api/v1/events`, {
      headers: { authorization: `Bearer ${patient.token}` },
    });
    expect(stream.status).toBe(200);
    const ended = readUntilEnd(stream);

    const logout = await opened.clinic.request('POST', '/auth/logout', { session: patient });
    expect(logout.statusCode).toBe(204);

    const text = await ended;
    expect(text).toContain(': connected');
  });

  it('stays open, with heartbeats, while the session lives', async () => {
    const patient = await opened.clinic.newUser('PATIENT');
    const controller = new AbortController();
    const stream = await fetch(`${baseUrl}/api/v1/events`, {
      headers: { authorization: `Bearer ${patient.token}` },
      signal: controller.signal,
    });
    const reader = stream.body?.pipeThrough(new TextDecoderStream()).getReader();
    let text = '';
    while ((text.match(/: heartbeat/g) ?? []).length < 2) {
      const chunk = await reader?.read();
      expect(chunk?.done).toBe(false);
      text += chunk?.value ?? '';
    }
    controller.abort();
    expect(text).toContain(': connected');
  });
});
