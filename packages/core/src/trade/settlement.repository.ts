import { sql, type Insertable, type Kysely } from 'kysely';
import type { DB } from '../db/schema.js';
import { orgName, userDisplayName } from '../identity/index.js';
import { productTitle } from '../market/index.js';
import type {
  TradeRevenueSharesTable,
  TradeSettlementOrdersTable,
  TradeSettlementPeriodsTable,
  TradeShapleyComputationsTable,
  TradeStatementLinesTable,
} from './trade.tables.js';

type Executor = Kysely<DB>;

/** The Beijing month of a timestamp column, as YYYY-MM (UTC + 8 hours: China keeps no daylight saving). */
const beijingMonth = (col: string) =>
  sql<string>`to_char((${sql.ref(col)} at time zone 'UTC') + interval '8 hours', 'YYYY-MM')`;

/** The queries of settlement periods, statement lines, revenue-share declarations and Shapley computations. */
export const settlementRepository = {
  periods: (db: Executor, limit: number) =>
    db
      .selectFrom('trade_settlement_periods as p')
      .selectAll('p')
      .select(userDisplayName('p.closed_by').as('closed_by_name'))
      .orderBy('p.period', 'desc')
      .limit(limit)
      .execute(),

  period: (db: Executor, period: string) =>
    db
      .selectFrom('trade_settlement_periods as p')
      .selectAll('p')
      .select(userDisplayName('p.closed_by').as('closed_by_name'))
      .where('p.period', '=', period)
      .executeTakeFirst(),

  /** Months in which fixed-price orders were accepted and not yet settled: the periods still to close. */
  unsettledMonths: (db: Executor, limit: number) =>
    db
      .selectFrom('trade_orders as o')
      .select(beijingMonth('o.accepted_at').as('period'))
      .where('o.state', '=', 'accepted')
      .where('o.billing', '=', 'fixed')
      .where((w) =>
        w.not(
          w.exists(
            w
              .selectFrom('trade_settlement_orders as so')
              .select('so.order_id')
              .whereRef('so.order_id', '=', 'o.id'),
          ),
        ),
      )
      .groupBy(beijingMonth('o.accepted_at'))
      .orderBy(beijingMonth('o.accepted_at'), 'desc')
      .limit(limit)
      .execute(),

  /** Takes the period for closing: the insert fails on a second close, even one racing this one. */
  insertPeriod: (tx: Executor, row: Insertable<TradeSettlementPeriodsTable>) =>
    tx.insertInto('trade_settlement_periods').values(row).execute(),

  finishPeriod: (tx: Executor, period: string, grossFen: number, orders: number) =>
    tx
      .updateTable('trade_settlement_periods')
      .set({ gross_fen: grossFen, orders })
      .where('period', '=', period)
      .execute(),

  /** Fixed-price orders accepted within [from, to) and settled in no period yet. */
  acceptedFixed: (db: Executor, from: Date, to: Date) =>
    db
      .selectFrom('trade_orders as o')
      .select(['o.id', 'o.product_id', 'o.seller_org_id', 'o.amount_fen', 'o.billing'])
      .where('o.state', '=', 'accepted')
      .where('o.billing', '=', 'fixed')
      .where('o.accepted_at', '>=', from)
      .where('o.accepted_at', '<', to)
      .where((w) =>
        w.not(
          w.exists(
            w
              .selectFrom('trade_settlement_orders as so')
              .select('so.order_id')
              .whereRef('so.order_id', '=', 'o.id'),
          ),
        ),
      )
      .orderBy('o.accepted_at')
      .orderBy('o.id')
      .execute(),

  /** Per-call orders among `ids`: the only ones metered usage bills. */
  perCallOrders: (db: Executor, ids: readonly string[]) =>
    ids.length === 0
      ? Promise.resolve([])
      : db
          .selectFrom('trade_orders')
          .select(['id', 'product_id', 'seller_org_id', 'state'])
          .where('id', 'in', ids)
          .where('billing', '=', 'per_call')
          .orderBy('id')
          .execute(),

  insertOrder: (tx: Executor, row: Insertable<TradeSettlementOrdersTable>) =>
    tx.insertInto('trade_settlement_orders').values(row).execute(),

  insertLines: (tx: Executor, rows: Insertable<TradeStatementLinesTable>[]) =>
    rows.length === 0 ? Promise.resolve() : tx.insertInto('trade_statement_lines').values(rows).execute(),

  /** Each party's fen by role over a period (one party when `orgId` is given). */
  partySums: (db: Executor, period: string, orgId?: string) => {
    let q = db
      .selectFrom('trade_statement_lines as l')
      .select([
        'l.org_id',
        'l.role',
        orgName('l.org_id').as('org_name'),
        (e) => e.fn.sum<string>('l.fen').as('fen'),
      ])
      .where('l.period', '=', period);
    if (orgId) q = q.where('l.org_id', '=', orgId);
    return q.groupBy(['l.org_id', 'l.role']).orderBy('l.org_id').orderBy('l.role').execute();
  },

  /** How many orders pay each party in a period (one party when `orgId` is given). */
  partyOrders: (db: Executor, period: string, orgId?: string) => {
    let q = db
      .selectFrom('trade_statement_lines as l')
      .select(['l.org_id', (e) => e.fn.count<string>('l.order_id').distinct().as('orders')])
      .where('l.period', '=', period);
    if (orgId) q = q.where('l.org_id', '=', orgId);
    return q.groupBy('l.org_id').execute();
  },

  /** The gross and count of the orders whose lines are shown (every order, or those paying `orgId`). */
  async grossOf(db: Executor, period: string, orgId?: string) {
    let q = db
      .selectFrom('trade_settlement_orders as so')
      .select([(e) => e.fn.sum<string>('so.gross_fen').as('gross'), (e) => e.fn.countAll<string>().as('n')])
      .where('so.period', '=', period);
    if (orgId)
      q = q.where((w) =>
        w.exists(
          w
            .selectFrom('trade_statement_lines as l')
            .select('l.seq')
            .whereRef('l.period', '=', 'so.period')
            .whereRef('l.order_id', '=', 'so.order_id')
            .where('l.org_id', '=', orgId),
        ),
      );
    const r = await q.executeTakeFirstOrThrow();
    return { grossFen: Number(r.gross ?? 0), orders: Number(r.n) };
  },

  /** Statement lines with their order's facts, in order and line sequence; a page, and how many there are. */
  async lines(db: Executor, period: string, orgId: string | undefined, limit: number, offset: number) {
    let q = db
      .selectFrom('trade_statement_lines as l')
      .innerJoin('trade_settlement_orders as so', (j) =>
        j.onRef('so.period', '=', 'l.period').onRef('so.order_id', '=', 'l.order_id'),
      )
      .where('l.period', '=', period);
    if (orgId) q = q.where('l.org_id', '=', orgId);
    const [rows, total] = await Promise.all([
      q
        .select([
          'l.order_id',
          'l.seq',
          'l.org_id',
          'l.role',
          'l.fen',
          'so.product_id',
          'so.billing',
          'so.calls',
          'so.gross_fen',
          orgName('l.org_id').as('org_name'),
          productTitle('so.product_id').as('product_title'),
        ])
        .orderBy('l.order_id')
        .orderBy('l.seq')
        .limit(limit)
        .offset(offset)
        .execute(),
      q.select((e) => e.fn.countAll<string>().as('n')).executeTakeFirstOrThrow(),
    ]);
    return { rows, total: Number(total.n) };
  },

  settledOrder: (db: Executor, period: string, orderId: string) =>
    db
      .selectFrom('trade_settlement_orders as so')
      .innerJoin('trade_settlement_periods as p', 'p.period', 'so.period')
      .select(['so.period', 'so.order_id', 'so.gross_fen', 'so.explain', 'p.remainder_rule'])
      .select((e) =>
        e
          .selectFrom('trade_statement_lines as l')
          .select(sql<string[]>`array_agg(distinct l.org_id)`.as('orgs'))
          .whereRef('l.period', '=', 'so.period')
          .whereRef('l.order_id', '=', 'so.order_id')
          .as('orgs'),
      )
      .where('so.period', '=', period)
      .where('so.order_id', '=', orderId)
      .executeTakeFirst(),

  ownFen: (db: Executor, orgId: string) =>
    db
      .selectFrom('trade_statement_lines')
      .select(['period', (e) => e.fn.sum<string>('fen').as('fen')])
      .where('org_id', '=', orgId)
      .groupBy('period')
      .execute(),

  // —— revenue shares ——

  declarations: (db: Executor, productIds: readonly string[]) =>
    productIds.length === 0
      ? Promise.resolve([])
      : db.selectFrom('trade_revenue_shares').selectAll().where('product_id', 'in', productIds).execute(),

  declaration: (db: Executor, productId: string) =>
    db.selectFrom('trade_revenue_shares').selectAll().where('product_id', '=', productId).executeTakeFirst(),

  async saveDeclaration(tx: Executor, row: Insertable<TradeRevenueSharesTable>) {
    const r = await tx
      .insertInto('trade_revenue_shares')
      .values(row)
      .onConflict((c) =>
        c.column('product_id').doUpdateSet((e) => ({
          contributors: e.ref('excluded.contributors'),
          utility: e.ref('excluded.utility'),
          utility_label: e.ref('excluded.utility_label'),
          method: e.ref('excluded.method'),
          seed: e.ref('excluded.seed'),
          samples: e.ref('excluded.samples'),
          updated_by: e.ref('excluded.updated_by'),
          updated_at: e.ref('excluded.updated_at'),
          version: sql<number>`trade_revenue_shares.version + 1`,
        })),
      )
      .returning('version')
      .executeTakeFirstOrThrow();
    return r.version;
  },

  insertComputation: (tx: Executor, row: Insertable<TradeShapleyComputationsTable>) =>
    tx.insertInto('trade_shapley_computations').values(row).execute(),

  /** The newest computation of each product's current declaration. */
  latestComputations: (db: Executor, productIds: readonly string[]) =>
    productIds.length === 0
      ? Promise.resolve([])
      : db
          .selectFrom('trade_shapley_computations as c')
          .innerJoin('trade_revenue_shares as r', (j) =>
            j.onRef('r.product_id', '=', 'c.product_id').onRef('r.version', '=', 'c.declaration_version'),
          )
          .selectAll('c')
          .select(userDisplayName('c.run_by').as('run_by_name'))
          .where('c.product_id', 'in', productIds)
          .orderBy('c.created_at', 'desc')
          .orderBy('c.id', 'desc')
          .execute(),
};
export type ComputationRow = Awaited<ReturnType<typeof settlementRepository.latestComputations>>[number];
export type DeclarationRow = NonNullable<Awaited<ReturnType<typeof settlementRepository.declaration>>>;
