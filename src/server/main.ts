import type { FastifyInstance } from 'fastify';
import { buildApp } from './app.ts';
import { ensureBootstrapAdmin } from './bootstrap.ts';
import type { Config } from './config.ts';
import type { AppContext } from './context.ts';
import { type DemoLogin, seedDemoClinic } from './demo/seed.ts';
import { startDueJobs } from './modules/scheduling/due-jobs.ts';
import { countUsers } from './modules/users/repository.ts';
import { createDeliveryWorker } from './notify/worker.ts';
import { createContext } from './runtime.ts';

export type RunningServer = { app: FastifyInstance; ctx: AppContext; url: string; stop(): Promise<void> };

/** Starts the whole clinic: database, migrations, first accounts, HTTP server. */
export async function startServer(config: Config): Promise<RunningServer> {
  const ctx = await createContext(config);
  const isNewDatabase = (await countUsers(ctx.db)) === 0;
  await ensureBootstrapAdmin(ctx);
  const demo = config.demo ?? (isNewDatabase && ctx.handle.kind === 'embedded');
  const logins = demo ? await seedDemoClinic(ctx) : undefined;

  const app = await buildApp(ctx);
  const address = await app.listen({ port: config.port, host: config.host });
  const url = config.publicUrl.startsWith(`http://${config.host}:`) ? address : config.publicUrl;
  printWelcome(url, ctx.handle.kind, logins);
  const stopDueJobs = startDueJobs(ctx);
  const worker = config.worker ? createDeliveryWorker(ctx) : undefined;
  await worker?.start();

  let stopping: Promise<void> | undefined;
  const stop = () => {
    stopping ??= (async () => {
      stopDueJobs();
      await app.close();
      await worker?.stop();
      await ctx.handle.close();
    })();
    return stopping;
  };
  return { app, ctx, url, stop };
}

function printWelcome(url: string, kind: string, logins: DemoLogin[] | undefined) {
  const lines = [`ECMS is running at ${url}  (database: ${kind})`, `API docs: ${url}/api/docs`];
  if (logins) {
    lines.push('', 'Demo clinic created. Sign in with:');
    for (const login of logins)
      lines.push(`  ${login.role.padEnd(12)} ${login.email.padEnd(26)} ${login.password}`);
  }
  process.stdout.write(`\n${lines.join('\n')}\n\n`);
}
