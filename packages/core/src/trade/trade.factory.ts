import { NegotiationsService } from './negotiations.service.js';
import type { TradeDeps } from './trade.support.js';

/**
 * The trade domain wired to one database: contract negotiations (交易磋商) on the market's listings. Contracts,
 * orders, delivery and settlement build on it.
 */
export function createTrade(deps: TradeDeps) {
  return { negotiations: new NegotiationsService(deps) };
}
export type TradeServices = ReturnType<typeof createTrade>;
