import { ApiKeysService } from './api-keys.service.js';
import { ContractsService } from './contracts.service.js';
import { DeliveriesService } from './deliveries.service.js';
import { GatewayService } from './gateway.service.js';
import { NegotiationsService } from './negotiations.service.js';
import { OrdersService } from './orders.service.js';
import { TraceService } from './trace.service.js';
import { UpstreamsService } from './upstreams.service.js';
import { UsageService } from './usage.service.js';
import { RevenueShareService } from './revenue-share.service.js';
import { noMeteredUsage, SettlementService, type MeteredUsage } from './settlement.service.js';
import { StatementsService } from './statements.service.js';
import type { Executor, TradeDeps } from './trade.support.js';

/** What settlement reads beyond the trade domain: the operator's fee and the API gateway's metered usage. */
export interface SettlementWiring {
  platformFeeBp: (db: Executor) => Promise<number>;
  /** The gateway's usage log; absent, per-call orders bill nothing at settlement. */
  metered?: MeteredUsage;
}

/**
 * The trade domain wired to one database: contract negotiations (交易磋商) on the market's listings, and the
 * model contracts (合同示范文本) an agreement drafts — in the agreeing transaction — and the parties sign.
 * Orders on concluded contracts, with their escrow, delivery and acceptance; settlement builds on them. A file
 * order delivers fingerprinted copies of de-identified derivatives, which a leaked copy is traced back from.
 * API delivery: the seller's upstream behind the metered gateway, the buyer's keys, the usage log.
 * Settlement of them by month into statements per party, and revenue shares by contribution (Shapley value).
 */
export function createTrade(deps: TradeDeps, settlement: SettlementWiring) {
  const contracts = new ContractsService(deps);
  const orders = new OrdersService(deps);
  const deliveries = new DeliveriesService(deps);
  orders.onDelivered('file', (tx, order) => deliveries.delivered(tx, order));
  const upstreams = new UpstreamsService(deps);
  const gateway = new GatewayService(deps, upstreams);
  upstreams.onChanged = (productId) => gateway.forgetProduct(productId);
  // an API order delivered: the seller's upstream must be set, and the order's meter opens with its quota
  orders.onDelivered('api', ApiKeysService.onDelivered);
  return {
    negotiations: new NegotiationsService({
      ...deps,
      onAgreed: async (tx, id) => void (await contracts.draft(tx, id)),
    }),
    contracts,
    orders,
    deliveries,
    trace: new TraceService(deps),
    upstreams,
    apiKeys: new ApiKeysService(deps, (hashes) => gateway.forget(hashes)),
    gateway,
    usage: new UsageService(deps, () => gateway.flush()),
    settlement: new SettlementService({
      ...deps,
      platformFeeBp: settlement.platformFeeBp,
      metered: settlement.metered ?? noMeteredUsage,
    }),
    statements: new StatementsService(deps),
    revenueShares: new RevenueShareService(deps),
    /**
     * The deal flow — negotiations, contracts, orders — on another clock (the demo's history of a past month);
     * deliveries other than reports and compute are not wired there.
     */
    withClock: (now: TradeDeps['now']) => {
      const d = { ...deps, now };
      const c = new ContractsService(d);
      return {
        negotiations: new NegotiationsService({
          ...d,
          onAgreed: async (tx, id) => void (await c.draft(tx, id)),
        }),
        contracts: c,
        orders: new OrdersService(d),
      };
    },
  };
}
export type TradeServices = ReturnType<typeof createTrade>;
