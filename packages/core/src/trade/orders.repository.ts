import type { Insertable, Kysely, Selectable, Updateable } from 'kysely';
import type { DB } from '../db/schema.js';
import { orgName, userDisplayName } from '../identity/index.js';
import { productTitle } from '../market/index.js';
import { escapeLike } from '../shared/sql.js';
import { latestFirst, partyIs } from './trade.support.js';
import type { OrderStateRow, TradeOrderEventsTable, TradeOrdersTable } from './trade.tables.js';

type Executor = Kysely<DB>;
export type OrderRow = Selectable<TradeOrdersTable> & {
  product_title: string | null;
  seller_name: string | null;
  buyer_name: string | null;
};
export type OrderEventRow = Selectable<TradeOrderEventsTable> & { actor_name: string | null };

/** The states in which an order holds a seat of its product's licence (while its term lasts). */
export const LIVE: OrderStateRow[] = ['awaiting_payment', 'paid', 'delivered', 'accepted', 'disputed'];

const withNames = (db: Executor) =>
  db
    .selectFrom('trade_orders as o')
    .selectAll('o')
    .select([
      productTitle('o.product_id').as('product_title'),
      orgName('o.seller_org_id').as('seller_name'),
      orgName('o.buyer_org_id').as('buyer_name'),
    ]);

export interface OrderFilter {
  /** the org whose orders (as buyer, seller or either); absent: every order */
  orgId?: string;
  side?: 'buyer' | 'seller' | 'all';
  state?: OrderStateRow;
  productId?: string;
  q?: string;
}

/** The queries of orders and their timelines. */
export const ordersRepository = {
  find: (db: Executor, id: string): Promise<OrderRow | undefined> =>
    withNames(db).where('o.id', '=', id).executeTakeFirst(),

  /** The order's row, locked to the end of the transaction, with its product's title for the notices. */
  lock: (tx: Executor, id: string) =>
    tx
      .selectFrom('trade_orders as o')
      .selectAll('o')
      .select(productTitle('o.product_id').as('product_title'))
      .where('o.id', '=', id)
      .forUpdate()
      .executeTakeFirst(),

  byKey: (db: Executor, buyerOrgId: string, key: string) =>
    db
      .selectFrom('trade_orders')
      .select(['id', 'request_hash'])
      .where('buyer_org_id', '=', buyerOrgId)
      .where('idempotency_key', '=', key)
      .executeTakeFirst(),

  /** The live order on a contract, if any. */
  liveOnContract: (db: Executor, contractNo: string) =>
    db
      .selectFrom('trade_orders')
      .select(['id', 'state'])
      .where('contract_no', '=', contractNo)
      .where('state', 'in', LIVE)
      .executeTakeFirst(),

  /** How many orders hold a seat of the product on `today` (YYYY-MM-DD): live, their term not over. */
  async seatsHeld(db: Executor, productId: string, today: string): Promise<number> {
    const r = await db
      .selectFrom('trade_orders')
      .select((e) => e.fn.countAll<number>().as('n'))
      .where('product_id', '=', productId)
      .where('state', 'in', LIVE)
      .where('ends_on', '>=', today)
      .executeTakeFirstOrThrow();
    return Number(r.n);
  },

  insert: (tx: Executor, row: Insertable<TradeOrdersTable>) =>
    tx.insertInto('trade_orders').values(row).execute(),

  async updateAt(tx: Executor, id: string, version: number, set: Updateable<TradeOrdersTable>) {
    const r = await tx
      .updateTable('trade_orders')
      .set({ ...set, version: version + 1 })
      .where('id', '=', id)
      .where('version', '=', version)
      .executeTakeFirst();
    return Number(r.numUpdatedRows) === 1;
  },

  /** Delivered orders whose acceptance period ended before `now`, oldest first, at most `limit`. */
  lapsed: (db: Executor, now: Date, limit: number) =>
    db
      .selectFrom('trade_orders')
      .select('id')
      .where('state', '=', 'delivered')
      .where('accept_by', '<', now)
      .orderBy('accept_by')
      .limit(limit)
      .execute(),

  /** Orders awaiting a payment whose deadline passed before `now`, oldest deadline first, at most `limit`. */
  unpaidPastDue: (db: Executor, now: Date, limit: number) =>
    db
      .selectFrom('trade_orders')
      .select('id')
      .where('state', '=', 'awaiting_payment')
      .where('pay_by', '<', now)
      .orderBy('pay_by')
      .limit(limit)
      .execute(),

  async page(db: Executor, f: OrderFilter, page: number, size: number) {
    let q = withNames(db);
    if (f.orgId) q = q.where(partyIs('o', f.orgId, f.side));
    if (f.state) q = q.where('o.state', '=', f.state);
    if (f.productId) q = q.where('o.product_id', '=', f.productId);
    if (f.q) {
      const like = `%${escapeLike(f.q)}%`;
      q = q.where((w) =>
        w.or([
          w('o.id', '=', f.q!),
          w('o.contract_no', '=', f.q!.toUpperCase()),
          w(productTitle('o.product_id'), 'ilike', like),
        ]),
      );
    }
    return latestFirst(q, 'o', page, size);
  },

  events: (db: Executor, orderId: string): Promise<OrderEventRow[]> =>
    db
      .selectFrom('trade_order_events as e')
      .selectAll('e')
      .select(userDisplayName('e.actor_user_id').as('actor_name'))
      .where('e.order_id', '=', orderId)
      .orderBy('e.seq')
      .execute(),

  async appendEvent(tx: Executor, e: Omit<Insertable<TradeOrderEventsTable>, 'seq'>) {
    const last = await tx
      .selectFrom('trade_order_events')
      .select((x) => x.fn.max('seq').as('seq'))
      .where('order_id', '=', e.order_id)
      .executeTakeFirst();
    await tx
      .insertInto('trade_order_events')
      .values({ ...e, seq: Number(last?.seq ?? 0) + 1 })
      .execute();
  },
};
