export { createTrade, type SettlementWiring, type TradeServices } from './trade.factory.js';
export type { MeteredCharge, MeteredUsage } from './settlement.service.js';
export { periodBounds, periodOf, splitOrder, type OrderFacts } from './settlement.rules.js';
export type { TradeDeps } from './trade.support.js';
export * from './trade.rules.js';
// per-buyer fingerprints in delivered tables, which file delivery calls
export * as fingerprint from './fingerprint/index.js';
