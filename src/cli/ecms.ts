import { parseArgs } from 'node:util';
import { ConfigError, loadConfig } from '../server/config.ts';
import { seedDemoClinic } from '../server/demo/seed.ts';
import { startServer } from '../server/main.ts';
import { createAccount } from '../server/modules/auth/service.ts';
import { startDueJobs } from '../server/modules/scheduling/due-jobs.ts';
import { createDeliveryWorker } from '../server/notify/worker.ts';
import { createContext } from '../server/runtime.ts';

const usage = `Usage: ecms <command>

Commands:
  start                 migrate, then serve the app and API (and the notification worker)
  migrate               apply database migrations and exit
  seed                  create the demo clinic in an empty database
  create-admin          create a clinic manager: --email E --name N (password from ECMS_ADMIN_PASSWORD or --password)
  worker                run only the notification worker

Configuration comes from the environment; see README.md.`;

async function main(argv: string[]): Promise<number> {
  const { positionals, values } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      email: { type: 'string' },
      name: { type: 'string' },
      password: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  const command = positionals[0];
  if (!command || values.help) {
    process.stdout.write(`${usage}\n`);
    return command || values.help ? 0 : 1;
  }
  const config = loadConfig();
  switch (command) {
    case 'start': {
      const server = await startServer(config);
      for (const signal of ['SIGTERM', 'SIGINT'] as const) {
        process.once(signal, () => {
          server.ctx.log.info({ signal }, 'shutting down');
          server.stop().then(
            () => process.exit(0),
            () => process.exit(1),
          );
        });
      }
      return -1;
    }
    case 'worker': {
      const ctx = await createContext(config);
      const worker = createDeliveryWorker(ctx);
      await worker.start();
      // A worker-only process also turns due reminders and recalls into messages; claims are SKIP LOCKED.
      const stopDueJobs = startDueJobs(ctx);
      for (const signal of ['SIGTERM', 'SIGINT'] as const) {
        process.once(signal, () => {
          ctx.log.info({ signal }, 'worker shutting down');
          stopDueJobs();
          worker
            .stop()
            .then(() => ctx.handle.close())
            .then(
              () => process.exit(0),
              () => process.exit(1),
            );
        });
      }
      return -1;
    }
    case 'migrate': {
      const ctx = await createContext(config);
      await ctx.handle.close();
      process.stdout.write('Database is up to date.\n');
      return 0;
    }
    case 'seed': {
      const ctx = await createContext(config);
      const logins = await seedDemoClinic(ctx);
      await ctx.handle.close();
      process.stdout.write(
        logins
          ? `Demo clinic created:\n${logins.map((l) => `  ${l.role} ${l.email} ${l.password}`).join('\n')}\n`
          : 'The demo clinic exists already; nothing seeded.\n',
      );
      return 0;
    }
    case 'create-admin': {
      const password = values.password ?? process.env.ECMS_ADMIN_PASSWORD;
      if (!values.email || !password) {
        process.stderr.write(
          'create-admin needs --email and a password (--password or ECMS_ADMIN_PASSWORD)\n',
        );
        return 2;
      }
      const ctx = await createContext(config);
      try {
        await createAccount(ctx, {
          email: values.email,
          name: values.name ?? 'Clinic administrator',
          password,
          role: 'ADMIN',
        });
        process.stdout.write(`Admin ${values.email} created.\n`);
      } finally {
        await ctx.handle.close();
      }
      return 0;
    }
    default:
      process.stderr.write(`Unknown command: ${command}\n\n${usage}\n`);
      return 2;
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    if (code >= 0) process.exit(code);
  },
  (error: unknown) => {
    if (error instanceof ConfigError) process.stderr.write(`${error.message}\n`);
    else if (error && typeof error === 'object' && 'code' in error && 'message' in error) {
      process.stderr.write(`${String((error as { message: string }).message)}\n`);
    } else process.stderr.write(`${String(error)}\n`);
    process.exit(1);
  },
);
