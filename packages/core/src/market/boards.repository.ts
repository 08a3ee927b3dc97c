import { sql, type Insertable, type Kysely, type Selectable, type Updateable } from 'kysely';
import type { DB } from '../db/schema.js';
import type { MarketBoardsTable, MarketNegativeEntriesTable, MarketReviewsTable } from './market.tables.js';

type Executor = Kysely<DB>;
export type BoardRow = Selectable<MarketBoardsTable>;
export type NegativeRow = Selectable<MarketNegativeEntriesTable>;
export type ReviewRow = Selectable<MarketReviewsTable>;

/** The queries of boards and their reviewers, the negative list, and review decisions. */
export const boardsRepository = {
  all: (db: Executor) =>
    db.selectFrom('market_boards').selectAll().orderBy('created_at').orderBy('code').execute(),

  byCodes: (db: Executor, codes: string[]) =>
    codes.length
      ? db.selectFrom('market_boards').selectAll().where('code', 'in', codes).execute()
      : Promise.resolve([] as BoardRow[]),

  find: (db: Executor, code: string) =>
    db.selectFrom('market_boards').selectAll().where('code', '=', code).executeTakeFirst(),

  lock: (tx: Executor, code: string) =>
    tx.selectFrom('market_boards').selectAll().where('code', '=', code).forUpdate().executeTakeFirst(),

  insert: (tx: Executor, row: Insertable<MarketBoardsTable>) =>
    tx
      .insertInto('market_boards')
      .values(row)
      .onConflict((c) => c.doNothing())
      .executeTakeFirst(),

  update: (tx: Executor, code: string, set: Updateable<MarketBoardsTable>) =>
    tx.updateTable('market_boards').set(set).where('code', '=', code).execute(),

  reviewers: (db: Executor, codes: string[]) =>
    codes.length
      ? db
          .selectFrom('market_board_reviewers')
          .selectAll()
          .where('board_code', 'in', codes)
          .orderBy('assigned_at')
          .orderBy('user_id')
          .execute()
      : Promise.resolve([]),

  async setReviewers(tx: Executor, code: string, userIds: string[], by: string) {
    await tx.deleteFrom('market_board_reviewers').where('board_code', '=', code).execute();
    if (userIds.length)
      await tx
        .insertInto('market_board_reviewers')
        .values(userIds.map((user_id) => ({ board_code: code, user_id, assigned_by: by })))
        .execute();
  },

  /** The boards a user reviews. */
  boardsOf: async (db: Executor, userId: string) =>
    (
      await db
        .selectFrom('market_board_reviewers')
        .select('board_code')
        .where('user_id', '=', userId)
        .execute()
    ).map((r) => r.board_code),

  /** The boards naming a sector in their rules, for the catalog's sector holds. */
  namingSector: async (db: Executor, code: string) =>
    (
      await sql<{ code: string }>`select code from market_boards
        where rules->'computeOnlySectors' ? ${code} or rules->'sectors' ? ${code} limit 1`.execute(db)
    ).rows[0]?.code ?? null,

  /** The entries in force: what the listing checks compare against. */
  negativeInForce: (db: Executor) =>
    db
      .selectFrom('market_negative_entries')
      .select(['kind', 'value', 'reason'])
      .where('removed_at', 'is', null)
      .execute(),

  async negativePage(db: Executor, f: { kind?: string; removed: boolean }, page: number, size: number) {
    let q = db.selectFrom('market_negative_entries').where('removed_at', f.removed ? 'is not' : 'is', null);
    if (f.kind) q = q.where('kind', '=', f.kind as NegativeRow['kind']);
    const [rows, count] = await Promise.all([
      q
        .selectAll()
        .orderBy('added_at', 'desc')
        .orderBy('id')
        .limit(size)
        .offset((page - 1) * size)
        .execute(),
      q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
    ]);
    return { rows, total: Number(count.n) };
  },

  findNegative: (db: Executor, id: string) =>
    db.selectFrom('market_negative_entries').selectAll().where('id', '=', id).executeTakeFirst(),

  lockNegative: (tx: Executor, id: string) =>
    tx.selectFrom('market_negative_entries').selectAll().where('id', '=', id).forUpdate().executeTakeFirst(),

  insertNegative: (tx: Executor, row: Insertable<MarketNegativeEntriesTable>) =>
    tx.insertInto('market_negative_entries').values(row).execute(),

  removeNegative: (tx: Executor, id: string, by: string, reason: string, at: Date) =>
    tx
      .updateTable('market_negative_entries')
      .set({ removed_at: at, removed_by: by, remove_reason: reason })
      .where('id', '=', id)
      .execute(),

  insertReview: (tx: Executor, row: Insertable<MarketReviewsTable>) =>
    tx.insertInto('market_reviews').values(row).execute(),

  reviewsOf: (db: Executor, productId: string) =>
    db
      .selectFrom('market_reviews')
      .selectAll()
      .where('product_id', '=', productId)
      .orderBy('created_at')
      .orderBy('id')
      .execute(),
};
