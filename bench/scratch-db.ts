import { migrate, openDatabase, ulid, type Database } from '@shuliu/core';
import { sql } from 'kysely';
import pg from 'pg';

/** A throw-away schema on PostgreSQL, or an in-memory PGlite. */
export async function scratchDatabase(
  url: string | undefined,
  poolSize = 4,
): Promise<Database & { drop(): Promise<void> }> {
  if (!url) {
    const d = await openDatabase({ dataDir: 'memory' });
    await migrate(d.db);
    return { ...d, drop: () => d.close() };
  }
  const schema = `bench_${ulid().toLowerCase()}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`create schema ${schema}`);
  await admin.end();
  const d = await openDatabase({ url, schema, poolSize });
  await migrate(d.db);
  return {
    ...d,
    drop: async () => {
      await sql.raw(`drop schema ${schema} cascade`).execute(d.db);
      await d.close();
    },
  };
}
