export { createMarket, type MarketServices } from './market.factory.js';
export type { MarketDeps } from './market.support.js';
export * from './market.rules.js';
export * from './market.reads.js';
