import { createHash } from 'node:crypto';
import type pg from 'pg';

/**
 * SQL texts to run as named prepared statements on PostgreSQL, so the server parses and plans them once per
 * connection instead of on every call. Only the hottest queries (see `preparedQuery`) are registered.
 */
const PREPARED = new Map<string, string>();

export function markPrepared(sql: string): void {
  if (!PREPARED.has(sql))
    PREPARED.set(sql, `shuliu_${createHash('sha256').update(sql).digest('hex').slice(0, 24)}`);
}

/** Wraps a pg pool so that queries whose text was marked prepared go out as named statements. */
export function withPreparedStatements(pool: pg.Pool): pg.Pool {
  const connect = pool.connect.bind(pool);
  const wrapped = async () => {
    const client = await connect();
    const marked = client as pg.PoolClient & { __prepared?: true };
    if (!marked.__prepared) {
      const query = client.query.bind(client) as (...args: unknown[]) => unknown;
      (client as unknown as { query: (...args: unknown[]) => unknown }).query = (
        text: unknown,
        values?: unknown,
        cb?: unknown,
      ) => {
        const name = typeof text === 'string' ? PREPARED.get(text) : undefined;
        return name ? query({ name, text, values }, cb) : query(text, values, cb);
      };
      marked.__prepared = true;
    }
    return client;
  };
  return Object.assign(pool, { connect: wrapped }) as pg.Pool;
}
