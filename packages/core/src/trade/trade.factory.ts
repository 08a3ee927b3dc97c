import { ContractsService } from './contracts.service.js';
import { NegotiationsService } from './negotiations.service.js';
import { OrdersService } from './orders.service.js';
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
 * Orders on concluded contracts, with their escrow, delivery and acceptance; settlement of them by month into
 * statements per party, and revenue shares by contribution (Shapley value).
 */
export function createTrade(deps: TradeDeps, settlement: SettlementWiring) {
  const contracts = new ContractsService(deps);
  return {
    negotiations: new NegotiationsService({
      ...deps,
      onAgreed: async (tx, id) => void (await contracts.draft(tx, id)),
    }),
    contracts,
    orders: new OrdersService(deps),
    settlement: new SettlementService({
      ...deps,
      platformFeeBp: settlement.platformFeeBp,
      metered: settlement.metered ?? noMeteredUsage,
    }),
    statements: new StatementsService(deps),
    revenueShares: new RevenueShareService(deps),
  };
}
export type TradeServices = ReturnType<typeof createTrade>;
