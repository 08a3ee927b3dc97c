import { sql, type Kysely } from 'kysely';
import type { DB } from '../db/schema.js';

type Executor = Kysely<DB>;

export interface LockoutSettings {
  maxFailures: number;
  lockMinutes: number;
}

/**
 * One password check, counted before the (slow) hash is compared, by one conditional UPDATE: while the
 * account is locked nothing is counted and the answer is `locked`, whatever the password. The attempt that
 * reaches the limit sets the lock itself, so parallel guesses get at most `maxFailures` hash comparisons.
 * 等保 2.0 (GB/T 22239-2019 §8.1.4.1 b): 登录失败处理 — limit failed attempts, lock, end the session.
 */
export type Attempt = { admitted: false; lockedUntil: Date } | { admitted: true; lockIfWrong: Date | null };

const lockAt = (s: LockoutSettings) => new Date(Date.now() + s.lockMinutes * 60_000);

/** Counts an attempt against a real account. */
export async function admitUserAttempt(db: Executor, userId: string, s: LockoutSettings): Promise<Attempt> {
  const at = lockAt(s);
  const row = await db
    .updateTable('users')
    .set({
      failed_logins: sql<number>`case when failed_logins + 1 >= ${s.maxFailures} then 0 else failed_logins + 1 end`,
      locked_until: sql<Date | null>`case when failed_logins + 1 >= ${s.maxFailures} then ${at}::timestamptz end`,
    })
    .where('id', '=', userId)
    .where((eb) => eb.or([eb('locked_until', 'is', null), eb('locked_until', '<=', sql<Date>`now()`)]))
    .returning('locked_until')
    .executeTakeFirst();
  return admitted(row, () => currentLock(db, 'users', userId));
}

/** Counts an attempt against a username nobody holds, exactly as for a real one (so the answers match). */
export async function admitUnknownAttempt(
  db: Executor,
  username: string,
  s: LockoutSettings,
): Promise<Attempt> {
  const at = lockAt(s);
  const first = s.maxFailures <= 1;
  const row = await db
    .insertInto('login_failures')
    .values({ username, failed_logins: first ? 0 : 1, locked_until: first ? at : null })
    .onConflict((oc) =>
      oc
        .column('username')
        .doUpdateSet({
          failed_logins: sql<number>`case when login_failures.failed_logins + 1 >= ${s.maxFailures} then 0 else login_failures.failed_logins + 1 end`,
          locked_until: sql<Date | null>`case when login_failures.failed_logins + 1 >= ${s.maxFailures} then ${at}::timestamptz end`,
        })
        .where((eb) =>
          eb.or([
            eb('login_failures.locked_until', 'is', null),
            eb('login_failures.locked_until', '<=', sql<Date>`now()`),
          ]),
        ),
    )
    .returning('locked_until')
    .executeTakeFirst();
  return admitted(row, () => currentLock(db, 'login_failures', username));
}

async function admitted(
  row: { locked_until: Date | null } | undefined,
  lock: () => Promise<Date>,
): Promise<Attempt> {
  if (!row) return { admitted: false, lockedUntil: await lock() };
  return { admitted: true, lockIfWrong: row.locked_until };
}

async function currentLock(db: Executor, table: 'users' | 'login_failures', key: string): Promise<Date> {
  const row =
    table === 'users'
      ? await db.selectFrom('users').select('locked_until').where('id', '=', key).executeTakeFirst()
      : await db
          .selectFrom('login_failures')
          .select('locked_until')
          .where('username', '=', key)
          .executeTakeFirst();
  return row?.locked_until ?? new Date();
}

/**
 * The right password clears the count, but never a lock that wrong guesses earned: only when the account is
 * unlocked, or locked by this very attempt (its own count reached the limit). False: refuse, it is locked.
 */
export async function clearAfterSuccess(
  db: Executor,
  userId: string,
  attempt: { lockIfWrong: Date | null },
  extra: { last_login_at?: Date } = {},
): Promise<boolean> {
  const r = await db
    .updateTable('users')
    .set({ failed_logins: 0, locked_until: null, ...extra })
    .where('id', '=', userId)
    .where((eb) => {
      const open = [eb('locked_until', 'is', null), eb('locked_until', '<=', sql<Date>`now()`)];
      if (attempt.lockIfWrong) open.push(eb('locked_until', '=', attempt.lockIfWrong));
      return eb.or(open);
    })
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}
