import { join } from 'node:path';
import type { FastifyBaseLogger } from 'fastify';
import pino from 'pino';
import type { Config } from './config.ts';
import { type AppContext, type Clock, systemClock } from './context.ts';
import { openDatabase } from './db/client.ts';
import { migrateDatabase } from './db/migrate.ts';
import { loggerOptions } from './logger.ts';
import { loadJwtSecret } from './secrets.ts';

/** Opens and migrates the database and assembles what every part of the server shares. */
export async function createContext(
  config: Config,
  options: { clock?: Clock; log?: FastifyBaseLogger; migrate?: boolean; inMemory?: boolean } = {},
): Promise<AppContext> {
  const log =
    options.log ?? (pino(loggerOptions(config.logLevel) as pino.LoggerOptions) as FastifyBaseLogger);
  const handle = await openDatabase({
    url: config.databaseUrl,
    dataDir: config.databaseUrl || options.inMemory ? undefined : join(config.dataDir, 'pglite'),
    onPoolError: (error) => log.warn({ err: { message: error.message } }, 'database connection lost'),
  });
  if (options.migrate !== false) await migrateDatabase(handle);
  if (config.jwtSecret && config.jwtSecret.length < 32) {
    log.warn('ECMS_JWT_SECRET is shorter than 32 characters; use a longer random secret');
  }
  return {
    config,
    handle,
    db: handle.db,
    clock: options.clock ?? systemClock,
    jwtSecret: loadJwtSecret(config),
    log,
  };
}
