import { existsSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import pg from 'pg';
import { loadConfig } from '../config.js';
import { openDatabase, type Database } from '../db/database.js';
import { migrate } from '../db/migrate.js';
import { ulid } from '../shared/ids.js';

/** Where the test global setup leaves a migrated PGlite data directory, so each test file skips initdb. */
export const PGLITE_TEMPLATE = join(tmpdir(), `shuliu-pglite-template-${process.ppid}.tar.gz`);

/** Which database the integration tests run on: PostgreSQL when DATABASE_URL is set, else PGlite. */
export const testDbKind = () => (loadConfig().databaseUrl ? 'postgres' : 'pglite');

/**
 * A fresh, migrated database for one test file: an in-memory PGlite, or a schema of its own on the
 * PostgreSQL of DATABASE_URL (dropped again on close), so test files never see each other's rows.
 */
export async function createTestDatabase(
  opts: { poolSize?: number } = {},
): Promise<Database & { url?: string }> {
  const url = loadConfig().databaseUrl;
  if (!url) {
    const template = existsSync(PGLITE_TEMPLATE) ? new Blob([readFileSync(PGLITE_TEMPLATE)]) : undefined;
    const database = await openDatabase({ dataDir: 'memory', loadDataDir: template });
    await migrate(database.db);
    return database;
  }
  const schema = `test_${ulid().toLowerCase()}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`create schema ${schema}`);
  await admin.end();
  const database = await openDatabase({ url, schema, poolSize: opts.poolSize ?? 5 });
  await migrate(database.db);
  return {
    ...database,
    /** A connection URL that lands in this test's schema, for child processes. */
    url: `${url}${url.includes('?') ? '&' : '?'}options=${encodeURIComponent(`-c search_path=${schema}`)}`,
    close: async () => {
      // a connection of the test's own still finishing can deadlock with the drop: it is tried again
      for (let attempt = 1; ; attempt++) {
        try {
          await sql.raw(`drop schema ${schema} cascade`).execute(database.db);
          break;
        } catch (e) {
          if ((e as { code?: string }).code !== '40P01' || attempt === 3) throw e;
          await new Promise((r) => setTimeout(r, 200 * attempt));
        }
      }
      await database.close();
    },
  };
}
