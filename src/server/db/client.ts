import { mkdirSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { btree_gist } from '@electric-sql/pglite/contrib/btree_gist';
import type { ExtractTablesWithRelations } from 'drizzle-orm';
import { drizzle as drizzleNodePg } from 'drizzle-orm/node-postgres';
import type { PgDatabase, PgQueryResultHKT, PgTransaction } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import pg from 'pg';
import * as schema from './schema/index.ts';

export type Schema = typeof schema;
export type Database = PgDatabase<PgQueryResultHKT, Schema>;
export type Transaction = PgTransaction<PgQueryResultHKT, Schema, ExtractTablesWithRelations<Schema>>;
/** Anything that runs queries: the database or a transaction in progress. */
export type Executor = Database | Transaction;

export type Listener = (payload: string) => void;

export interface DatabaseHandle {
  kind: 'embedded' | 'postgres';
  db: Database;
  /** LISTEN on a channel; returns the function that stops listening. */
  listen(channel: string, listener: Listener): Promise<() => Promise<void>>;
  ping(): Promise<boolean>;
  close(): Promise<void>;
}

export type DatabaseOptions = {
  url?: string | undefined;
  /** Folder of the embedded database; omitted for an in-memory one. */
  dataDir?: string | undefined;
  poolSize?: number;
  onPoolError?: (error: Error) => void;
};

export async function openDatabase(options: DatabaseOptions): Promise<DatabaseHandle> {
  return options.url ? openPostgres(options.url, options) : openEmbedded(options.dataDir);
}

async function openEmbedded(dataDir: string | undefined): Promise<DatabaseHandle> {
  if (dataDir) mkdirSync(dataDir, { recursive: true });
  const client = await PGlite.create(dataDir ? `file://${dataDir}` : undefined, {
    extensions: { btree_gist },
  });
  const db = drizzlePglite(client, { schema }) as unknown as Database;
  return {
    kind: 'embedded',
    db,
    async listen(channel, listener) {
      const stop = await client.listen(channel, listener);
      // Unlistening on a closed PGlite fails outside the returned promise, as an unhandled rejection.
      return async () => {
        if (!client.closed) await stop();
      };
    },
    async ping() {
      try {
        await client.query('select 1');
        return true;
      } catch {
        return false;
      }
    },
    async close() {
      if (!client.closed) await client.close();
    },
  };
}

async function openPostgres(url: string, options: DatabaseOptions): Promise<DatabaseHandle> {
  const pool = new pg.Pool({ connectionString: url, max: options.poolSize ?? 10 });
  // An idle client losing its server (a restart) must not crash the process; the pool replaces it.
  pool.on('error', (error) => options.onPoolError?.(error));
  const db = drizzleNodePg(pool, { schema }) as unknown as Database;
  const listeners = new Set<pg.Client>();
  return {
    kind: 'postgres',
    db,
    async listen(channel, listener) {
      return listenWithReconnect(url, channel, listener, listeners, options.onPoolError);
    },
    async ping() {
      try {
        await pool.query('select 1');
        return true;
      } catch {
        return false;
      }
    },
    async close() {
      await Promise.all([...listeners].map((client) => client.end().catch(() => undefined)));
      listeners.clear();
      await pool.end();
    },
  };
}

async function listenWithReconnect(
  url: string,
  channel: string,
  listener: Listener,
  clients: Set<pg.Client>,
  onError: ((error: Error) => void) | undefined,
): Promise<() => Promise<void>> {
  let stopped = false;
  let current: pg.Client | undefined;
  const connect = async (): Promise<void> => {
    const client = new pg.Client({ connectionString: url });
    client.on('notification', (message) => {
      if (message.channel === channel) listener(message.payload ?? '');
    });
    client.on('error', (error) => {
      onError?.(error);
      clients.delete(client);
      client.end().catch(() => undefined);
      if (!stopped) setTimeout(() => void connect().catch(() => undefined), 1000).unref();
    });
    try {
      await client.connect();
      await client.query(`LISTEN "${channel.replaceAll('"', '')}"`);
    } catch (error) {
      client.end().catch(() => undefined);
      if (stopped) return;
      setTimeout(() => void connect().catch(() => undefined), 1000).unref();
      onError?.(error as Error);
      return;
    }
    current = client;
    clients.add(client);
  };
  await connect();
  return async () => {
    stopped = true;
    if (current) {
      clients.delete(current);
      await current.end().catch(() => undefined);
    }
  };
}
