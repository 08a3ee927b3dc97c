import type { Insertable, Kysely, Selectable, Updateable } from 'kysely';
import type { DB } from '../db/schema.js';
import { orgName, userDisplayName } from '../identity/index.js';
import { productTitle } from '../market/index.js';
import { latestFirst, partyIs } from './trade.support.js';
import type { TradeNegotiationEventsTable, TradeNegotiationsTable } from './trade.tables.js';

type Executor = Kysely<DB>;
export type NegotiationRow = Selectable<TradeNegotiationsTable> & {
  product_title: string | null;
  seller_name: string | null;
  buyer_name: string | null;
  contract_no: string | null;
};
export type EventRow = Selectable<TradeNegotiationEventsTable> & { actor_name: string | null };

const withNames = (db: Executor) =>
  db
    .selectFrom('trade_negotiations as n')
    .selectAll('n')
    .select([
      productTitle('n.product_id').as('product_title'),
      orgName('n.seller_org_id').as('seller_name'),
      orgName('n.buyer_org_id').as('buyer_name'),
      (e) =>
        e
          .selectFrom('trade_contracts as tc')
          .select('tc.contract_no')
          .whereRef('tc.negotiation_id', '=', 'n.id')
          .as('contract_no'),
    ]);

/** The queries of contract negotiations, their timelines and the sellers' automatic agreement. */
export const negotiationsRepository = {
  find: (db: Executor, id: string): Promise<NegotiationRow | undefined> =>
    withNames(db).where('n.id', '=', id).executeTakeFirst(),

  lock: (tx: Executor, id: string) =>
    tx.selectFrom('trade_negotiations').selectAll().where('id', '=', id).forUpdate().executeTakeFirst(),

  byKey: (db: Executor, buyerOrgId: string, key: string) =>
    db
      .selectFrom('trade_negotiations')
      .select(['id', 'request_hash'])
      .where('buyer_org_id', '=', buyerOrgId)
      .where('idempotency_key', '=', key)
      .executeTakeFirst(),

  insert: (tx: Executor, row: Insertable<TradeNegotiationsTable>) =>
    tx.insertInto('trade_negotiations').values(row).execute(),

  async updateAt(tx: Executor, id: string, version: number, set: Updateable<TradeNegotiationsTable>) {
    const r = await tx
      .updateTable('trade_negotiations')
      .set({ ...set, version: version + 1 })
      .where('id', '=', id)
      .where('version', '=', version)
      .executeTakeFirst();
    return Number(r.numUpdatedRows) === 1;
  },

  /** A page of an org's negotiations, as buyer, seller or either, newest activity first. */
  async page(
    db: Executor,
    orgId: string,
    f: { side?: 'buyer' | 'seller'; state?: string },
    page: number,
    size: number,
  ) {
    let q = withNames(db).where(partyIs('n', orgId, f.side));
    if (f.state) q = q.where('n.state', '=', f.state as NegotiationRow['state']);
    return latestFirst(q, 'n', page, size);
  },

  events: (db: Executor, negotiationId: string): Promise<EventRow[]> =>
    db
      .selectFrom('trade_negotiation_events as e')
      .selectAll('e')
      .select(userDisplayName('e.actor_user_id').as('actor_name'))
      .where('e.negotiation_id', '=', negotiationId)
      .orderBy('e.seq')
      .execute(),

  eventByKey: (db: Executor, negotiationId: string, side: string, key: string) =>
    db
      .selectFrom('trade_negotiation_events')
      .select(['seq', 'request_hash'])
      .where('negotiation_id', '=', negotiationId)
      .where('side', '=', side as EventRow['side'])
      .where('idempotency_key', '=', key)
      .executeTakeFirst(),

  async appendEvent(tx: Executor, e: Omit<Insertable<TradeNegotiationEventsTable>, 'seq'>) {
    const last = await tx
      .selectFrom('trade_negotiation_events')
      .select((x) => x.fn.max('seq').as('seq'))
      .where('negotiation_id', '=', e.negotiation_id)
      .executeTakeFirst();
    await tx
      .insertInto('trade_negotiation_events')
      .values({ ...e, seq: Number(last?.seq ?? 0) + 1 })
      .execute();
  },

  autoAccept: async (db: Executor, productId: string) =>
    (
      await db
        .selectFrom('trade_auto_accept')
        .select('enabled')
        .where('product_id', '=', productId)
        .executeTakeFirst()
    )?.enabled ?? false,

  setAutoAccept: (tx: Executor, productId: string, enabled: boolean, by: string) =>
    tx
      .insertInto('trade_auto_accept')
      .values({ product_id: productId, enabled, set_by: by })
      .onConflict((oc) => oc.column('product_id').doUpdateSet({ enabled, set_by: by }))
      .execute(),
};
