export type { TradeDeps, GatewaySettings } from './trade.support.js';
export { createTrade, type SettlementWiring, type TradeServices } from './trade.factory.js';
export type { MeteredCharge, MeteredUsage } from './settlement.service.js';
export { periodBounds, periodOf, splitOrder, type OrderFacts } from './settlement.rules.js';
export * from './trade.rules.js';
export { contractForCompute } from './trade.reads.js';
// per-buyer fingerprints in delivered tables, which file delivery calls
export * as fingerprint from './fingerprint/index.js';
// the metered API gateway: the server proxies with these rules; settlement bills from meteredCharges
export {
  addressRefused,
  returnedHeaders,
  upstreamHeaders,
  upstreamPath,
  upstreamTarget,
} from './gateway.rules.js';
export type { Admitted, Call } from './gateway.service.js';
export {
  GatewayKeyInvalid,
  GatewayPathInvalid,
  GatewayUpstreamFailed,
  GatewayUpstreamTimeout,
} from './gateway.errors.js';
export { meteredCharges, recordPastCalls } from './usage.service.js';
