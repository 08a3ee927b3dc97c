import { sql, type Insertable, type Kysely } from 'kysely';
import type { DB } from '../db/schema.js';
import type { TradeApiKeysTable, TradeApiUpstreamsTable, TradeApiUsageTable } from './trade.tables.js';

type Executor = Kysely<DB>;

/** A window of the usage log: [from, to), bucketed by `size` seconds shifted by `offset` (Beijing days: +8 h). */
export interface UsageWindow {
  orderId: string;
  from: Date;
  to: Date;
  size: number;
  offset: number;
}

const figures = [
  sql<number>`count(*)::int`.as('calls'),
  sql<number>`(count(*) filter (where billable))::int`.as('billable'),
  sql<number>`(count(*) filter (where refused is not null))::int`.as('refused'),
  sql<
    number | null
  >`percentile_cont(0.5) within group (order by latency_ms) filter (where refused is null)`.as('p50'),
  sql<
    number | null
  >`percentile_cont(0.99) within group (order by latency_ms) filter (where refused is null)`.as('p99'),
] as const;

/** The gateway's queries: upstreams, keys, the meter each call moves, and the usage log. */
export const gatewayRepository = {
  upstream: (db: Executor, productId: string) =>
    db.selectFrom('trade_api_upstreams').selectAll().where('product_id', '=', productId).executeTakeFirst(),

  saveUpstream: (tx: Executor, row: Insertable<TradeApiUpstreamsTable>) =>
    tx
      .insertInto('trade_api_upstreams')
      .values(row)
      .onConflict((oc) => oc.column('product_id').doUpdateSet({ ...row, product_id: undefined }))
      .execute(),

  keys: (db: Executor, orderId: string) =>
    db
      .selectFrom('trade_api_keys')
      .select(['id', 'order_id', 'prefix', 'created_at', 'revoked_at'])
      .where('order_id', '=', orderId)
      .orderBy('created_at', 'desc')
      .orderBy('id', 'desc')
      .execute(),

  insertKey: (tx: Executor, row: Insertable<TradeApiKeysTable>) =>
    tx.insertInto('trade_api_keys').values(row).execute(),

  /** Revokes the order's live key (or only `keyId`); returns the hashes revoked, for the caches to drop. */
  async revokeKeys(tx: Executor, orderId: string, by: string, at: Date, keyId?: string) {
    let q = tx
      .updateTable('trade_api_keys')
      .set({ revoked_at: at, revoked_by: by })
      .where('order_id', '=', orderId)
      .where('revoked_at', 'is', null);
    if (keyId) q = q.where('id', '=', keyId);
    return (await q.returning(['id', 'key_hash']).execute()).map((r) => r.key_hash);
  },

  /** The live key with this hash and its order's id. */
  liveKey: (db: Executor, hash: string) =>
    db
      .selectFrom('trade_api_keys')
      .select(['id', 'order_id'])
      .where('key_hash', '=', hash)
      .where('revoked_at', 'is', null)
      .executeTakeFirst(),

  openMeter: (tx: Executor, orderId: string, quota: number | null) =>
    tx
      .insertInto('trade_api_meters')
      .values({ order_id: orderId, quota })
      .onConflict((oc) => oc.column('order_id').doNothing())
      .execute(),

  /**
   * Leases up to `block` calls of the quota to this process, under the meter's row lock: a sixteenth of what is
   * left at most, and one at a time near the end, so calls leased and not made stay few. The calls granted
   * (0: the quota is spent) and the count before them.
   */
  async lease(db: Executor, orderId: string, block: number): Promise<{ granted: number; before: number }> {
    const r = await sql<{ used: number; granted: number }>`
      update trade_api_meters m set used = m.used + g.granted
      from (
        select order_id,
          case when quota is null then ${block}::int
               else least(${block}::int, greatest(1, (quota - used) / 16), quota - used) end as granted
        from trade_api_meters where order_id = ${orderId} for update
      ) g
      where m.order_id = g.order_id and g.granted > 0
      returning m.used, g.granted`.execute(db);
    const row = r.rows[0];
    return row ? { granted: row.granted, before: row.used - row.granted } : { granted: 0, before: 0 };
  },

  /**
   * Leases up to `want` calls from the order's token bucket (`rate` a second, one second deep, refilled by the
   * database's clock): how many it granted (0 when the bucket holds less than one) and what is left in it.
   */
  async leaseRate(
    db: Executor,
    orderId: string,
    want: number,
    rate: number,
  ): Promise<{ granted: number; left: number }> {
    const refilled = sql`least(${rate}::float8, r.tokens + extract(epoch from excluded.at - r.at)::float8 * ${rate}::float8)`;
    const r = await sql<{ granted: number; tokens: number }>`
      insert into trade_api_rates as r (order_id, tokens, at, granted)
      values (${orderId}, greatest(0, ${rate}::float8 - least(${want}::int, ${rate}::int)), clock_timestamp(),
              least(${want}::int, ${rate}::int))
      on conflict (order_id) do update set
        granted = least(${want}::float8, floor(${refilled}))::int,
        tokens = ${refilled} - least(${want}::float8, floor(${refilled})),
        at = excluded.at
      returning r.granted, r.tokens`.execute(db);
    const row = r.rows[0]!;
    return { granted: row.granted, left: Number(row.tokens) };
  },

  /** Gives back calls leased and not made (or made and not answered by the upstream). */
  giveBack: (db: Executor, orderId: string, calls: number) =>
    db
      .updateTable('trade_api_meters')
      .set({ used: sql`greatest(used - ${calls}::int, 0)` })
      .where('order_id', '=', orderId)
      .execute(),

  meter: (db: Executor, orderId: string) =>
    db.selectFrom('trade_api_meters').selectAll().where('order_id', '=', orderId).executeTakeFirst(),

  /**
   * Appends a batch of the usage log as eight arrays, one per column: the statement is the same whatever the
   * batch's size, so building it costs the gateway's event loop next to nothing.
   */
  appendUsage: (db: Executor, rows: Insertable<TradeApiUsageTable>[]) => {
    const col = <K extends keyof TradeApiUsageTable>(k: K) => rows.map((r) => r[k] ?? null);
    return sql`insert into trade_api_usage (order_id, at, method, path, status, latency_ms, billable, refused)
      select * from unnest(${col('order_id')}::text[], ${col('at')}::timestamptz[], ${col('method')}::text[],
        ${col('path')}::text[], ${col('status')}::smallint[], ${col('latency_ms')}::int[],
        ${col('billable')}::boolean[], ${col('refused')}::text[])`.execute(db);
  },

  /** Figures per bucket of the window, in time order. */
  buckets: (db: Executor, w: UsageWindow) => {
    // literals, not parameters: the same expression must be seen in the select list and the group by
    const bucket = sql<number>`floor((extract(epoch from at) + ${sql.lit(w.offset)}) / ${sql.lit(w.size)})::bigint`;
    return db
      .selectFrom('trade_api_usage')
      .select([bucket.as('bucket'), ...figures])
      .where('order_id', '=', w.orderId)
      .where('at', '>=', w.from)
      .where('at', '<', w.to)
      .groupBy(bucket)
      .orderBy(bucket)
      .execute();
  },

  totals: (db: Executor, w: UsageWindow) =>
    db
      .selectFrom('trade_api_usage')
      .select([...figures])
      .where('order_id', '=', w.orderId)
      .where('at', '>=', w.from)
      .where('at', '<', w.to)
      .executeTakeFirstOrThrow(),

  byReason: (db: Executor, w: UsageWindow) =>
    db
      .selectFrom('trade_api_usage')
      .select(['refused', sql<number>`count(*)::int`.as('n')])
      .where('order_id', '=', w.orderId)
      .where('at', '>=', w.from)
      .where('at', '<', w.to)
      .where('refused', 'is not', null)
      .groupBy('refused')
      .execute(),

  /** Billable calls of every per-call order in [from, to), with the order's unit price. */
  billable: (db: Executor, from: Date, to: Date) =>
    db
      .selectFrom('trade_api_usage as u')
      .innerJoin('trade_orders as o', 'o.id', 'u.order_id')
      .select(['u.order_id', 'o.unit_fen', sql<number>`count(*)::int`.as('calls')])
      .where('o.billing', '=', 'per_call')
      .where('u.billable', '=', true)
      .where('u.at', '>=', from)
      .where('u.at', '<', to)
      .groupBy(['u.order_id', 'o.unit_fen'])
      .orderBy('u.order_id')
      .execute(),
};
