import { sql, type Kysely } from 'kysely';
import type { DB } from '../db/schema.js';

type Executor = Kysely<DB>;

const WINDOW_MS = 60_000;

/**
 * Fixed one-minute windows counted in the database (so two server processes share one count), one atomic
 * upsert per key. Used before a password is even looked at: per client IP and per username, whatever
 * credential the request carries. 等保 2.0 §8.1.4.1 b: 登录失败处理 — limit the attempts an attacker gets.
 */
export class ThrottleService {
  constructor(private readonly db: Executor) {}

  /** Counts one hit on each key; answers the seconds to wait when any key is over its limit, else null. */
  async hit(keys: string[], limit: number): Promise<number | null> {
    if (limit <= 0) return null;
    let wait: number | null = null;
    for (const key of keys) {
      const row = await this.db
        .insertInto('auth_throttle')
        .values({ key, window_start: sql<Date>`now()`, hits: 1 })
        .onConflict((oc) =>
          oc.column('key').doUpdateSet({
            hits: sql<number>`case when auth_throttle.window_start <= now() - interval '1 minute' then 1 else auth_throttle.hits + 1 end`,
            window_start: sql<Date>`case when auth_throttle.window_start <= now() - interval '1 minute' then now() else auth_throttle.window_start end`,
          }),
        )
        .returning(['hits', 'window_start', sql<Date>`now()`.as('now')])
        .executeTakeFirstOrThrow();
      if (row.hits > limit) {
        const left = Math.max(
          1,
          Math.ceil((row.window_start.getTime() + WINDOW_MS - row.now.getTime()) / 1000),
        );
        wait = Math.max(wait ?? 0, left);
      }
    }
    // old windows are kept only as long as they could matter; an occasional sweep keeps the table small
    if (Math.random() < 0.01)
      await this.db
        .deleteFrom('auth_throttle')
        .where('window_start', '<', sql<Date>`now() - interval '10 minutes'`)
        .execute();
    return wait;
  }
}
