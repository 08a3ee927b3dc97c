import { RefusalReason, todayInChina, type Usage, type UsageQuery } from '@shuliu/contracts';
import type { Insertable } from 'kysely';
import type { z } from 'zod';
import type { UsageQuery as UsageQuerySchema } from '@shuliu/contracts';
import { hasRole, type RequestContext } from '../shared/context.js';
import { Invalid, NotFound } from '../shared/errors.js';
import { NotApiDelivery } from './gateway.errors.js';
import { gatewayRepository as repo, type UsageWindow } from './gateway.repository.js';
import { perCallCharge } from './gateway.rules.js';
import { ordersRepository as orders } from './orders.repository.js';
import type { Executor, TradeDeps } from './trade.support.js';
import type { TradeApiUsageTable } from './trade.tables.js';

type Query = z.output<typeof UsageQuerySchema>;

const DAY_MS = 86_400_000;
/** The longest window read at once: a year by day, a month by hour. */
const MAX_DAYS = { day: 366, hour: 31 } as const;
const GRAIN = { day: { size: 86_400, offset: 8 * 3600 }, hour: { size: 3600, offset: 0 } } as const;

const ms = (v: number | string | null) => (v === null ? null : Math.round(Number(v) * 10) / 10);
const beijingMidnight = (day: string) => new Date(`${day}T00:00:00+08:00`);

/**
 * Per-call orders' charges over [from, to): the billable calls (answered by the upstream) of each, times its
 * unit price, from the gateway's usage log. For settlement.
 */
export async function meteredCharges(
  db: Executor,
  from: Date,
  to: Date,
): Promise<{ orderId: string; calls: number; fen: number }[]> {
  const rows = await repo.billable(db, from, to);
  return rows.map((r) => ({ orderId: r.order_id, calls: r.calls, fen: r.calls * Number(r.unit_fen ?? 0) }));
}

/** 用量: what went through the gateway for an order, to both parties and the overseers. */
/**
 * Calls made earlier, written to the usage log as the gateway writes them, with the order's meter moved by
 * the billable ones: for importing history (the demo's week of calls).
 */
export async function recordPastCalls(
  db: Executor,
  orderId: string,
  calls: Omit<Insertable<TradeApiUsageTable>, 'order_id'>[],
): Promise<void> {
  await db.transaction().execute(async (tx) => {
    await repo.appendUsage(
      tx,
      calls.map((c) => ({ ...c, order_id: orderId })),
    );
    const billable = calls.filter((c) => c.billable).length;
    await tx
      .updateTable('trade_api_meters')
      .set((e) => ({ used: e('used', '+', billable) }))
      .where('order_id', '=', orderId)
      .execute();
  });
}

export class UsageService {
  constructor(
    private readonly deps: TradeDeps,
    private readonly flush: () => Promise<void>,
  ) {}

  async usage(ctx: RequestContext, orderId: string, q: Query | UsageQuery): Promise<Usage> {
    const o = await orders.find(this.deps.db, orderId);
    const org = ctx.principal?.orgId;
    const party = org && (org === o?.buyer_org_id || org === o?.seller_org_id);
    if (!o || !(party || hasRole(ctx, 'operator', 'regulator'))) throw NotFound('order', orderId);
    if (o.delivery_mode !== 'api')
      throw NotApiDelivery(`the order is delivered as ${o.delivery_mode}, not by API`);
    const granularity = q.granularity ?? 'day';
    const to = q.to ?? todayInChina(this.deps.now());
    const from = q.from ?? todayInChina(new Date(beijingMidnight(to).getTime() - 29 * DAY_MS));
    const days = (beijingMidnight(to).getTime() - beijingMidnight(from).getTime()) / DAY_MS + 1;
    if (days < 1 || days > MAX_DAYS[granularity])
      throw Invalid('VALIDATION_FAILED', `from..to: 1 to ${MAX_DAYS[granularity]} days by ${granularity}`, {
        field: 'from',
      });
    await this.flush();
    const w: UsageWindow = {
      orderId,
      from: beijingMidnight(from),
      to: new Date(beijingMidnight(to).getTime() + DAY_MS),
      ...GRAIN[granularity],
    };
    const db = this.deps.db;
    const [buckets, totals, reasons, meter] = await Promise.all([
      repo.buckets(db, w),
      repo.totals(db, w),
      repo.byReason(db, w),
      repo.meter(db, orderId),
    ]);
    const byReason = Object.fromEntries(
      RefusalReason.options.map((r) => [r, 0]),
    ) as Usage['totals']['byReason'];
    for (const r of reasons) byReason[r.refused!] = r.n;
    const unitFen = o.unit_fen === null ? null : Number(o.unit_fen);
    const used = meter?.used ?? 0;
    return {
      orderId,
      billing: o.billing,
      unitFen,
      quota: o.quota,
      used,
      left: o.quota === null ? null : Math.max(0, o.quota - used),
      from,
      to,
      granularity,
      totals: {
        calls: totals.calls,
        billable: totals.billable,
        refused: totals.refused,
        p50Ms: ms(totals.p50),
        p99Ms: ms(totals.p99),
        byReason,
        chargeFen: o.billing === 'per_call' ? perCallCharge(totals.billable, unitFen) : null,
      },
      buckets: buckets.map((b) => ({
        at: new Date(Number(b.bucket) * w.size * 1000 - w.offset * 1000).toISOString(),
        calls: b.calls,
        billable: b.billable,
        refused: b.refused,
        p50Ms: ms(b.p50),
        p99Ms: ms(b.p99),
      })),
    };
  }
}
