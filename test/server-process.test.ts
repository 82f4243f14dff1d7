import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/** The real `ecms start` process, as a clinic runs it: embedded database, demo clinic, console channels. */
describe('the ecms start process', () => {
  let child: ChildProcess;
  let output = '';
  let baseUrl = '';
  const dataDir = mkdtempSync(join(tmpdir(), 'ecms-process-'));

  beforeAll(async () => {
    child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/ecms.ts', 'start'], {
      env: { ...process.env, PORT: '0', ECMS_DATA_DIR: dataDir, ECMS_LOG_LEVEL: 'info' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout?.on('data', (chunk) => {
      output += chunk;
    });
    child.stderr?.on('data', (chunk) => {
      output += chunk;
    });
    baseUrl = await new Promise<string>((resolve, reject) => {
      child.once('exit', (code) => reject(new Error(`exited early with ${code}: ${output}`)));
      const check = () => {
        const match = /ECMS is running at (http:\/\/\S+)/.exec(output);
        if (match?.[1]) resolve(match[1]);
      };
      child.stdout?.on('data', check);
    });
  }, 90_000);

  afterAll(() => {
    if (child.exitCode === null) child.kill('SIGKILL');
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('prints the demo logins of every role on a new database', () => {
    for (const role of ['ADMIN', 'DOCTOR', 'RECEPTIONIST', 'PATIENT'])
      expect(output).toMatch(new RegExp(`${role}\\s+\\S+@`));
  });

  it('serves the API and keeps patient data and tokens out of its log', async () => {
    const email = 'winifred.privacy@example.org';
    const register = await fetch(`${baseUrl}/api/v1/auth/register`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        name: 'Winifred Privacy',
        email,
        password: 'a-private-pass-42',
        phone: '+14155550199',
      }),
    });
    expect(register.status).toBe(201);
    const { accessToken } = (await register.json()) as { accessToken: string };
    const me = await fetch(`${baseUrl}/api/v1/me?email=${encodeURIComponent(email)}`, {
      headers: { authorization: `Bearer ${accessToken}` },
    });
    expect(me.status).toBe(200);
    const failedLogin = await fetch(`${baseUrl}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email, password: 'wrong-password-1' }),
    });
    expect(failedLogin.status).toBe(401);

    expect(output).toContain('"statusCode":201');
    for (const secret of [email, 'Winifred', '4155550199', 'a-private-pass-42', accessToken]) {
      expect(output).not.toContain(secret);
    }
  });

  it('stops cleanly on SIGTERM', async () => {
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
  });
});
