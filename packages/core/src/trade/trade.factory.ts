import { ContractsService } from './contracts.service.js';
import { DeliveriesService } from './deliveries.service.js';
import { NegotiationsService } from './negotiations.service.js';
import { OrdersService } from './orders.service.js';
import { TraceService } from './trace.service.js';
import type { TradeDeps } from './trade.support.js';

/**
 * The trade domain wired to one database: contract negotiations (交易磋商) on the market's listings, and the
 * model contracts (合同示范文本) an agreement drafts — in the agreeing transaction — and the parties sign.
 * Orders on concluded contracts, with their escrow, delivery and acceptance; settlement builds on them. A file
 * order delivers fingerprinted copies of de-identified derivatives, which a leaked copy is traced back from.
 */
export function createTrade(deps: TradeDeps) {
  const contracts = new ContractsService(deps);
  const orders = new OrdersService(deps);
  const deliveries = new DeliveriesService(deps);
  orders.onDelivered('file', (tx, order) => deliveries.delivered(tx, order));
  return {
    negotiations: new NegotiationsService({
      ...deps,
      onAgreed: async (tx, id) => void (await contracts.draft(tx, id)),
    }),
    contracts,
    orders,
    deliveries,
    trace: new TraceService(deps),
  };
}
export type TradeServices = ReturnType<typeof createTrade>;
