import type { Insertable, Kysely } from 'kysely';
import type { DB } from '../db/schema.js';
import type { NotificationsTable } from './notifications.tables.js';

type Executor = Kysely<DB>;

/** The queries of in-portal messages. */
export const notificationsRepository = {
  insert: (tx: Executor, rows: Insertable<NotificationsTable>[]) =>
    tx.insertInto('notifications').values(rows).execute(),

  /** One page of a user's messages (only unread or read ones when `unread` is given), newest first. */
  search: async (
    db: Executor,
    userId: string,
    unread: boolean | undefined,
    page: number,
    pageSize: number,
  ) => {
    let q = db.selectFrom('notifications').where('user_id', '=', userId);
    if (unread !== undefined) q = q.where('read_at', unread ? 'is' : 'is not', null);
    const [rows, count] = await Promise.all([
      q
        .selectAll()
        .orderBy('created_at', 'desc')
        .orderBy('id', 'desc')
        .limit(pageSize)
        .offset((page - 1) * pageSize)
        .execute(),
      q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
    ]);
    return { rows, total: Number(count.n) };
  },

  unreadCount: async (db: Executor, userId: string) =>
    Number(
      (
        await db
          .selectFrom('notifications')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .where('user_id', '=', userId)
          .where('read_at', 'is', null)
          .executeTakeFirstOrThrow()
      ).n,
    ),

  exists: async (db: Executor, userId: string, id: string) =>
    !!(await db
      .selectFrom('notifications')
      .select('id')
      .where('id', '=', id)
      .where('user_id', '=', userId)
      .executeTakeFirst()),

  /** Marks the user's unread messages read (one, or all when `id` is null); answers how many changed. */
  markRead: async (tx: Executor, userId: string, id: string | null) => {
    let q = tx
      .updateTable('notifications')
      .set({ read_at: new Date() })
      .where('user_id', '=', userId)
      .where('read_at', 'is', null);
    if (id !== null) q = q.where('id', '=', id);
    return Number((await q.executeTakeFirst()).numUpdatedRows);
  },
};
