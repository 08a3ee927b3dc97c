import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import type { DB } from './schema.js';
import { PGliteDialect } from './pglite-dialect.js';
import { withPreparedStatements } from './prepared.js';

export type DbKind = 'pglite' | 'postgres';

export interface Database {
  db: Kysely<DB>;
  kind: DbKind;
  /** The embedded database itself, when kind is pglite (for dumps and direct access in tests). */
  pglite?: PGlite;
  /** Closes the pool or the embedded database; PGlite must be closed or its files may be left unflushed. */
  close(): Promise<void>;
  /**
   * Calls `onMessage` with the payload of each NOTIFY on `channel` (a connection of its own on PostgreSQL;
   * `onLost` when that connection fails). Resolves once listening, to the function that stops it.
   */
  listen(
    channel: string,
    onMessage: (payload: string) => void,
    onLost?: () => void,
  ): Promise<() => Promise<void>>;
}

const CHANNEL = /^[a-z_][a-z0-9_]{0,62}$/;

export interface DatabaseOptions {
  /** postgres:// URL; when absent the embedded PGlite is used. */
  url?: string;
  /** Directory for PGlite's files; `memory` for a throw-away in-memory database. */
  dataDir?: string | 'memory';
  /** PostgreSQL schema to use (tests isolate themselves in one). */
  schema?: string;
  poolSize?: number;
  /** A prepared PGlite data directory dump to start from (tests use a migrated template). */
  loadDataDir?: Blob;
}

// int8 (count(*), bigserial) as JS numbers: the platform never counts past 2^53
pg.types.setTypeParser(20, (v) => Number(v));

export async function openDatabase(opts: DatabaseOptions): Promise<Database> {
  if (opts.url) {
    const pool = new pg.Pool({
      connectionString: opts.url,
      max: opts.poolSize ?? 10,
      options: opts.schema ? `-c search_path=${opts.schema}` : undefined,
    });
    pool.on('error', () => {
      // an idle client lost its connection; the pool replaces it on next use
    });
    const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool: withPreparedStatements(pool) }) });
    return {
      db,
      kind: 'postgres',
      close: () => db.destroy(),
      listen: async (channel, onMessage, onLost) => {
        if (!CHANNEL.test(channel)) throw new Error(`not a channel name: ${channel}`);
        const client = new pg.Client({ connectionString: opts.url });
        let stopped = false;
        const lost = () => {
          if (!stopped) onLost?.();
        };
        client.on('error', lost);
        client.on('end', lost);
        client.on('notification', (m) => {
          if (m.channel === channel) onMessage(m.payload ?? '');
        });
        await client.connect();
        await client.query(`listen ${channel}`);
        return async () => {
          stopped = true;
          await client.end().catch(() => {});
        };
      },
    };
  }
  let client: PGlite;
  if (opts.dataDir === 'memory' || !opts.dataDir) {
    client = new PGlite({ loadDataDir: opts.loadDataDir });
  } else {
    mkdirSync(opts.dataDir, { recursive: true });
    client = new PGlite(join(opts.dataDir, 'pglite'));
  }
  await client.waitReady;
  const db = new Kysely<DB>({ dialect: new PGliteDialect(client) });
  let closed = false;
  return {
    db,
    kind: 'pglite',
    pglite: client,
    listen: async (channel, onMessage) => {
      if (!CHANNEL.test(channel)) throw new Error(`not a channel name: ${channel}`);
      const stop = await client.listen(channel, onMessage);
      return async () => {
        if (!closed) await stop();
      };
    },
    close: async () => {
      if (closed) return;
      closed = true;
      await db.destroy();
      await client.close();
    },
  };
}
