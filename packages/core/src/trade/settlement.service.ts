import { REMAINDER_RULE, type PeriodSummary } from '@shuliu/contracts';
import { recordAudit } from '../audit/index.js';
import { operationGrantTerms } from '../consent/index.js';
import { notifyOrg, orgsByIds } from '../identity/index.js';
import { productsForSettlement } from '../market/index.js';
import { hasRole, requirePrincipal, type RequestContext } from '../shared/context.js';
import { Forbidden } from '../shared/errors.js';
import { isUniqueViolation } from '../shared/sql.js';
import type { StoredResult } from './settlement.mappers.js';
import { toPeriod } from './settlement.mappers.js';
import { settlementRepository as repo } from './settlement.repository.js';
import { periodBounds, periodOf, previousPeriod, splitOrder, type OrderFacts } from './settlement.rules.js';
import { SettlementPeriodClosed, SettlementPeriodOpen } from './trade.errors.js';
import type { Executor, TradeDeps } from './trade.support.js';

/** One order's metered usage in a period: the calls the API gateway billed and their price in fen. */
export interface MeteredCharge {
  orderId: string;
  calls: number;
  fen: number;
}
/** The API gateway's usage log, read for settlement: what per-call orders owe for calls made in [from, to). */
export type MeteredUsage = (db: Executor, from: Date, to: Date) => Promise<MeteredCharge[]>;
/** Until the gateway's usage log is wired in, per-call orders bill nothing at settlement. */
export const noMeteredUsage: MeteredUsage = () => Promise.resolve([]);

export interface SettlementDeps extends Pick<TradeDeps, 'db' | 'now'> {
  /** The operator's platform fee in basis points (平台服务费), read in the closing transaction. */
  platformFeeBp: (db: Executor) => Promise<number>;
  metered: MeteredUsage;
}

/** One amount to settle: a fixed-price order accepted in the period, or a per-call order's metered usage in it. */
interface Charge {
  orderId: string;
  productId: string;
  sellerOrgId: string;
  billing: 'fixed' | 'per_call';
  calls: number | null;
  grossFen: number;
}

/** The states in which a per-call order's metered usage is billed. */
const BILLED = new Set(['paid', 'delivered', 'accepted', 'disputed']);

/**
 * 结算: the operator closes a Beijing month once it has ended; every order accepted in it (fixed price) and every
 * per-call order's metered usage in it is split into statement lines — platform fee, authority share, the seller
 * or authorized operator, the contributors by Shapley share — summing exactly to its gross (the remainder rule
 * is stored with the period and the words of each split with its order). Closed once: the period's row is
 * taken first in the closing transaction, so a second close, even a concurrent one, is refused naming it.
 */
export class SettlementService {
  constructor(private readonly deps: SettlementDeps) {}

  async close(ctx: RequestContext, period: string): Promise<PeriodSummary> {
    const p = requirePrincipal(ctx);
    if (!p.orgId) throw Forbidden('a period is closed by a member of the platform operator’s org');
    const { startsAt, endsAt } = periodBounds(period);
    const now = this.deps.now();
    if (endsAt > now)
      throw SettlementPeriodOpen(`period ${period} ends at ${endsAt.toISOString()}: close it after that`, {
        period,
        endsAt: endsAt.toISOString(),
      });
    try {
      await this.deps.db.transaction().execute(async (tx) => {
        const before = await repo.period(tx, period);
        if (before) throw closedAlready(period, before.closed_at);
        const feeBp = await this.deps.platformFeeBp(tx);
        await repo.insertPeriod(tx, {
          period,
          state: 'closed',
          starts_at: startsAt,
          ends_at: endsAt,
          platform_fee_bp: feeBp,
          remainder_rule: REMAINDER_RULE,
          closed_by: p.userId,
          closed_at: now,
        });
        const charges = await this.charges(tx, startsAt, endsAt);
        const settled = await this.settle(tx, period, charges, { orgId: p.orgId!, feeBp });
        const grossFen = charges.reduce((n, c) => n + c.grossFen, 0);
        await repo.finishPeriod(tx, period, grossFen, charges.length);
        await recordAudit(tx, ctx, {
          action: 'trade.settlement.close',
          objectType: 'settlement_period',
          objectId: period,
          details: {
            period,
            orders: charges.length,
            grossFen,
            platformFeeBp: feeBp,
            remainderRule: REMAINDER_RULE,
            shapleyComputations: settled.computations,
          },
        });
        await this.tell(tx, period, settled.parties);
      });
    } catch (e) {
      // a concurrent close took the period's row first
      if (isUniqueViolation(e)) throw closedAlready(period, null);
      throw e;
    }
    return (await this.periods(ctx)).items.find((x) => x.period === period)!;
  }

  /** The closed periods, newest first, and the months still open: this one, the last, and any with sales. */
  async periods(ctx: RequestContext): Promise<{ items: PeriodSummary[] }> {
    const p = requirePrincipal(ctx);
    const db = this.deps.db;
    const overseer = hasRole(ctx, 'operator', 'regulator');
    const [closed, unsettled, own] = await Promise.all([
      repo.periods(db, 120),
      repo.unsettledMonths(db, 24),
      p.orgId ? repo.ownFen(db, p.orgId) : Promise.resolve([]),
    ]);
    const rows = new Map(closed.map((r) => [r.period, r]));
    const ownFen = new Map(own.map((r) => [r.period, Number(r.fen)]));
    const current = periodOf(this.deps.now());
    const all = new Set([
      ...rows.keys(),
      ...unsettled.map((u) => u.period),
      current,
      previousPeriod(current),
    ]);
    const items = [...all]
      .filter((x) => x <= current)
      .sort()
      .reverse()
      .slice(0, 200)
      .map((x) => toPeriod(x, rows.get(x), overseer, p.orgId && rows.has(x) ? (ownFen.get(x) ?? 0) : null));
    return { items };
  }

  /** Fixed-price orders accepted in [from, to) and per-call orders' usage metered in it, in a stable order. */
  private async charges(tx: Executor, from: Date, to: Date): Promise<Charge[]> {
    const fixed = (await repo.acceptedFixed(tx, from, to)).map((o): Charge => ({
      orderId: o.id,
      productId: o.product_id,
      sellerOrgId: o.seller_org_id,
      billing: 'fixed',
      calls: null,
      grossFen: Number(o.amount_fen),
    }));
    const metered = (await this.deps.metered(tx, from, to)).filter(
      (m) => Number.isSafeInteger(m.fen) && m.fen > 0,
    );
    const orders = await repo.perCallOrders(
      tx,
      metered.map((m) => m.orderId),
    );
    const byId = new Map(orders.filter((o) => BILLED.has(o.state)).map((o) => [o.id, o]));
    const perCall = metered.flatMap((m): Charge[] => {
      const o = byId.get(m.orderId);
      return o
        ? [
            {
              orderId: o.id,
              productId: o.product_id,
              sellerOrgId: o.seller_org_id,
              billing: 'per_call',
              calls: m.calls,
              grossFen: m.fen,
            },
          ]
        : [];
    });
    return [...fixed, ...perCall];
  }

  /** Each charge split by the facts of its product and stored; the parties paid and computations used. */
  private async settle(
    tx: Executor,
    period: string,
    charges: Charge[],
    platform: { orgId: string; feeBp: number },
  ) {
    const facts = await this.factsOf(tx, charges, [platform.orgId]);
    const parties = new Set<string>();
    const computations = new Set<string>();
    for (const c of charges) {
      const f = facts(c);
      const split = splitOrder({ ...f, platform });
      if (f.contributors) computations.add(f.contributors.computationId);
      await repo.insertOrder(tx, {
        period,
        order_id: c.orderId,
        product_id: c.productId,
        billing: c.billing,
        calls: c.calls,
        gross_fen: c.grossFen,
        computation_id: f.contributors?.computationId ?? null,
        explain: JSON.stringify(split.explain),
      });
      await repo.insertLines(
        tx,
        split.lines.map((l, seq) => ({
          period,
          order_id: c.orderId,
          seq,
          org_id: l.orgId,
          role: l.role,
          fen: l.fen,
        })),
      );
      for (const l of split.lines) parties.add(l.orgId);
    }
    return { parties: [...parties], computations: [...computations] };
  }

  /** The products' grants (the first by id when several) and their current Shapley shares, looked up once. */
  private async factsOf(tx: Executor, charges: Charge[], extraOrgs: string[]) {
    const productIds = [...new Set(charges.map((c) => c.productId))];
    const [products, computations] = await Promise.all([
      productsForSettlement(tx, productIds),
      repo.latestComputations(tx, productIds),
    ]);
    const grantOf = new Map(products.map((p) => [p.id, p.operationGrantIds[0]]));
    const terms = await operationGrantTerms(tx, [...new Set(products.flatMap((p) => p.operationGrantIds))]);
    const grants = new Map(terms.map((g) => [g.id, g]));
    const shares = new Map<string, NonNullable<OrderFacts['contributors']>>();
    for (const c of computations)
      if (!shares.has(c.product_id)) {
        const stored = (typeof c.result === 'string' ? JSON.parse(c.result) : c.result) as StoredResult;
        // jsonb keeps no key order: the players' list gives the declared order back
        const ppb = stored.shares.partsPerBillion;
        shares.set(c.product_id, {
          computationId: c.id,
          partsPerBillion: stored.shares.players.map((id): [string, number] => [id, ppb[id]!]),
        });
      }
    const everyone = [
      ...charges.map((c) => c.sellerOrgId),
      ...terms.map((g) => g.authority_org_id),
      ...[...shares.values()].flatMap((x) => x.partsPerBillion.map(([id]) => id)),
      ...extraOrgs,
    ];
    const names = new Map((await orgsByIds(tx, everyone)).map((o) => [o.id, o.name]));
    return (c: Charge): Omit<OrderFacts, 'platform'> => {
      const g = grants.get(grantOf.get(c.productId) ?? '');
      return {
        orderId: c.orderId,
        grossFen: c.grossFen,
        sellerOrgId: c.sellerOrgId,
        grant: g
          ? {
              authorityOrgId: g.authority_org_id,
              operatorOrgId: g.operator_org_id,
              authorityShareBp: g.authority_share_bp,
            }
          : null,
        contributors: shares.get(c.productId) ?? null,
        names,
      };
    };
  }

  private async tell(tx: Executor, period: string, orgs: string[]) {
    for (const org of orgs)
      await notifyOrg(tx, org, ['org_admin'], {
        kind: 'trade.settlement.closed',
        title: `${period} 结算单已出`,
        body: `结算期 ${period} 已关账，请查看本机构的结算单`,
        params: { period },
        link: `/trade/settlement?period=${period}`,
      });
  }
}

const closedAlready = (period: string, at: Date | null) =>
  SettlementPeriodClosed(`period ${period} is already closed${at ? ` (at ${at.toISOString()})` : ''}`, {
    period,
  });
