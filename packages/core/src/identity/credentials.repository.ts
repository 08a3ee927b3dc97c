import { sql, type Insertable, type Kysely } from 'kysely';
import type { DB } from '../db/schema.js';
import type { ApiTokensTable, SessionsTable } from './identity.tables.js';

type Executor = Kysely<DB>;

/** The queries of sessions, API tokens and the login throttle (the services decide, these read and write). */
export const credentialsRepository = {
  insertSession: (tx: Executor, row: Insertable<SessionsTable>) =>
    tx.insertInto('sessions').values(row).execute(),

  touchSession: (db: Executor, id: string) =>
    db.updateTable('sessions').set({ last_seen_at: new Date() }).where('id', '=', id).execute(),

  revokeSession: (tx: Executor, id: string) =>
    tx.updateTable('sessions').set({ revoked_at: new Date() }).where('id', '=', id).execute(),

  /** Revokes one live session of the user; false when the user has no such session. */
  revokeSessionOf: async (tx: Executor, userId: string, id: string) => {
    const r = await tx
      .updateTable('sessions')
      .set({ revoked_at: new Date() })
      .where('id', '=', id)
      .where('user_id', '=', userId)
      .where('revoked_at', 'is', null)
      .executeTakeFirst();
    return Number(r.numUpdatedRows) > 0;
  },

  revokeSessionsOfUser: (db: Executor, userId: string, exceptId: string | null = null) => {
    let q = db
      .updateTable('sessions')
      .set({ revoked_at: new Date() })
      .where('user_id', '=', userId)
      .where('revoked_at', 'is', null);
    if (exceptId) q = q.where('id', '!=', exceptId);
    return q.execute();
  },

  /** The user's sessions that are neither revoked nor expired at `now`, newest first. */
  liveSessionsOf: (db: Executor, userId: string, now: Date) =>
    db
      .selectFrom('sessions')
      .selectAll()
      .where('user_id', '=', userId)
      .where('revoked_at', 'is', null)
      .where('expires_at', '>', now)
      .orderBy('created_at', 'desc')
      .execute(),

  insertToken: (tx: Executor, row: Insertable<ApiTokensTable>) =>
    tx.insertInto('api_tokens').values(row).execute(),

  touchToken: (db: Executor, id: string) =>
    db.updateTable('api_tokens').set({ last_used_at: new Date() }).where('id', '=', id).execute(),

  /** Every API token of the user, revoked ones too, newest first. */
  tokensOf: (db: Executor, userId: string) =>
    db
      .selectFrom('api_tokens')
      .selectAll()
      .where('user_id', '=', userId)
      .orderBy('created_at', 'desc')
      .execute(),

  /** Revokes one live token of the user and answers its name; undefined when the user has no such token. */
  revokeTokenOf: async (tx: Executor, userId: string, id: string) =>
    (
      await tx
        .updateTable('api_tokens')
        .set({ revoked_at: new Date() })
        .where('id', '=', id)
        .where('user_id', '=', userId)
        .where('revoked_at', 'is', null)
        .returning('name')
        .executeTakeFirst()
    )?.name,

  revokeTokensOfUser: (db: Executor, userId: string) =>
    db
      .updateTable('api_tokens')
      .set({ revoked_at: new Date() })
      .where('user_id', '=', userId)
      .where('revoked_at', 'is', null)
      .execute(),

  /**
   * Counts one hit on a throttle key in its one-minute window (a new window once the last is over), by one
   * atomic upsert, and answers the count with the window's start and the database's now.
   */
  hitThrottle: (db: Executor, key: string) =>
    db
      .insertInto('auth_throttle')
      .values({ key, window_start: sql<Date>`now()`, hits: 1 })
      .onConflict((oc) =>
        oc.column('key').doUpdateSet({
          hits: sql<number>`case when auth_throttle.window_start <= now() - interval '1 minute' then 1 else auth_throttle.hits + 1 end`,
          window_start: sql<Date>`case when auth_throttle.window_start <= now() - interval '1 minute' then now() else auth_throttle.window_start end`,
        }),
      )
      .returning(['hits', 'window_start', sql<Date>`now()`.as('now')])
      .executeTakeFirstOrThrow(),

  /** Drops throttle windows too old to matter. */
  sweepThrottle: (db: Executor) =>
    db
      .deleteFrom('auth_throttle')
      .where('window_start', '<', sql<Date>`now() - interval '10 minutes'`)
      .execute(),
};
