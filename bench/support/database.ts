import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { type Config, loadConfig } from '../../src/server/config.ts';
import type { AppContext } from '../../src/server/context.ts';
import { createContext } from '../../src/server/runtime.ts';

/** PostgreSQL when BENCH_DATABASE_URL or TEST_DATABASE_URL is set (in a scratch database), else in-memory PGlite. */
export async function openBenchContext(environment: Record<string, string> = {}) {
  const base = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL;
  const name = `ecms_bench_${randomUUID().replaceAll('-', '').slice(0, 12)}`;
  let url: string | undefined;
  if (base) {
    await adminQuery(base, `create database ${name}`);
    const scratch = new URL(base);
    scratch.pathname = `/${name}`;
    url = scratch.toString();
  }
  const config: Config = loadConfig({
    ECMS_JWT_SECRET: 'bench-secret-that-is-long-enough-for-hs256-0123456789',
    ECMS_LOG_LEVEL: 'silent',
    ECMS_WORKER: '0',
    ...(url ? { DATABASE_URL: url } : {}),
    ...environment,
  });
  const ctx: AppContext = await createContext(config, { inMemory: true });
  return {
    ctx,
    kind: url ? 'postgres' : 'embedded',
    async close() {
      await ctx.handle.close();
      if (base) await adminQuery(base, `drop database if exists ${name} with (force)`);
    },
  };
}

async function adminQuery(url: string, statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}
