import type { FastifyBaseLogger } from 'fastify';
import type { Role } from '../shared/domain/roles.ts';
import type { Config } from './config.ts';
import type { Database, DatabaseHandle } from './db/client.ts';

/** Time comes from here, so that tests can move it instead of sleeping. */
export type Clock = { now(): Date };
export const systemClock: Clock = { now: () => new Date() };

export type AppContext = {
  config: Config;
  handle: DatabaseHandle;
  db: Database;
  clock: Clock;
  jwtSecret: Uint8Array;
  log: FastifyBaseLogger;
};

export type Actor = { id: string; role: Role; name: string; sessionId: string };

/** What a service needs to act for someone: the app, who is acting, and the request to audit. */
export type RequestContext = AppContext & { actor: Actor; requestId: string };
