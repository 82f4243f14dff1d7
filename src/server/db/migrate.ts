import { fileURLToPath } from 'node:url';
import { sql } from 'drizzle-orm';
import { migrate as migrateNodePg } from 'drizzle-orm/node-postgres/migrator';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import type { DatabaseHandle } from './client.ts';

const migrationsFolder = fileURLToPath(new URL('../../../drizzle', import.meta.url));

/** Applies the committed SQL migrations; several processes starting at once take turns. */
export async function migrateDatabase(handle: DatabaseHandle): Promise<void> {
  if (handle.kind === 'embedded') {
    // biome-ignore lint/suspicious/noExplicitAny: the two drivers' migrators take their own database types
    await migratePglite(handle.db as any, { migrationsFolder });
    return;
  }
  await handle.db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(7461835)`);
    // biome-ignore lint/suspicious/noExplicitAny: as above
    await migrateNodePg(tx as any, { migrationsFolder });
  });
}
