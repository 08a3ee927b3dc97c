export { createTrade, type TradeServices } from './trade.factory.js';
export type { TradeDeps } from './trade.support.js';
export * from './trade.rules.js';
// per-buyer fingerprints in delivered tables, which file delivery calls
export * as fingerprint from './fingerprint/index.js';
