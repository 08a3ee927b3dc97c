import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql, type Kysely } from 'kysely';

/** Migrations are plain SQL files in packages/core/migrations, applied in name order, never edited once landed. */
export const MIGRATIONS_DIR = join(dirname(fileURLToPath(import.meta.url)), '../../migrations');

export interface Migration {
  version: string;
  name: string;
  sql: string;
  checksum: string;
}

export function loadMigrations(dir = MIGRATIONS_DIR): Migration[] {
  return readdirSync(dir)
    .filter((f) => /^\d{4}_[a-z0-9_]+\.sql$/.test(f))
    .sort()
    .map((file) => {
      const text = readFileSync(join(dir, file), 'utf8');
      return {
        version: file.slice(0, 4),
        name: file.replace(/\.sql$/, ''),
        sql: text,
        checksum: createHash('sha256').update(text).digest('hex'),
      };
    });
}

export interface MigrateResult {
  applied: string[];
  current: string | null;
}

// any fixed number: the advisory lock that keeps two processes from migrating at once
const MIGRATION_LOCK = 7_302_001;

/**
 * Applies pending migrations, each in its own transaction, under an advisory lock so that several server
 * processes starting together migrate once. Refuses to run if an applied migration's file has changed.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations run before any schema exists
export async function migrate(db: Kysely<any>, migrations = loadMigrations()): Promise<MigrateResult> {
  await sql`create table if not exists schema_migrations (
      version text primary key, name text not null, checksum text not null,
      applied_at timestamptz not null default now())`.execute(db);
  return db.connection().execute(async (conn) => {
    await sql`select pg_advisory_lock(${MIGRATION_LOCK})`.execute(conn);
    try {
      const done = await sql<{ version: string; name: string; checksum: string }>`
        select version, name, checksum from schema_migrations order by version`.execute(conn);
      const applied = new Map(done.rows.map((r) => [r.version, r]));
      for (const [version, row] of applied) {
        const m = migrations.find((x) => x.version === version);
        if (m && m.checksum !== row.checksum) {
          throw new Error(`migration ${m.name} was edited after it was applied; add a new migration instead`);
        }
      }
      const ran: string[] = [];
      for (const m of migrations) {
        if (applied.has(m.version)) continue;
        await conn.transaction().execute(async (trx) => {
          await sql.raw(m.sql).execute(trx);
          await sql`insert into schema_migrations (version, name, checksum) values (${m.version}, ${m.name}, ${m.checksum})`.execute(
            trx,
          );
        });
        ran.push(m.name);
      }
      return { applied: ran, current: migrations.at(-1)?.name ?? null };
    } finally {
      await sql`select pg_advisory_unlock(${MIGRATION_LOCK})`.execute(conn);
    }
  });
}
