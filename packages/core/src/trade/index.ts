export { createTrade, type TradeServices } from './trade.factory.js';
export type { TradeDeps } from './trade.support.js';
export * from './trade.rules.js';
