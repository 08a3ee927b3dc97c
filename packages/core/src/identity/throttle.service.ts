import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.js';
import { credentialsRepository as credentials } from './credentials.repository.js';

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
      const row = await credentials.hitThrottle(this.db, key);
      if (row.hits > limit) {
        const left = Math.max(
          1,
          Math.ceil((row.window_start.getTime() + WINDOW_MS - row.now.getTime()) / 1000),
        );
        wait = Math.max(wait ?? 0, left);
      }
    }
    // old windows are kept only as long as they could matter; an occasional sweep keeps the table small
    if (Math.random() < 0.01) await credentials.sweepThrottle(this.db);
    return wait;
  }
}
