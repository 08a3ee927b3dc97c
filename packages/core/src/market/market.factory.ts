import { AnswersService } from './answers.service.js';
import { BoardsService } from './boards.service.js';
import { DemandStatsService } from './demand-stats.service.js';
import { DemandsService } from './demands.service.js';
import { ListingService } from './listing.service.js';
import { MatchingService } from './matching.service.js';
import type { MarketDeps } from './market.support.js';
import { ProductsService } from './products.service.js';
import { SearchService } from './search.service.js';
import { SellersService } from './sellers.service.js';
import { SuspensionsService } from './suspensions.service.js';

/**
 * The market domain wired to one database: products and their listing (挂牌) under declarations and
 * compliance review, industry boards, the trading negative list and the suspension of listings that no
 * longer stand. A certificate frozen, expired or cancelled, or a negative-list entry that reaches a listing,
 * suspends it in the same commit; the periodic sweep (`suspensions.sweep`) catches the rest (licences and
 * authorizations that ended). Buyers' demands (数据需求) are matched against the listed products when posted
 * or changed, and every product is matched against the open demands as it is listed.
 */
export function createMarket(deps: MarketDeps) {
  const products = new ProductsService(deps);
  const suspensions = new SuspensionsService(deps);
  const boards = new BoardsService(deps, (tx, e) => suspensions.negativeEntryAdded(tx, e));
  const matching = new MatchingService(deps);
  const demands = new DemandsService(deps, matching);
  deps.registry.certificates.onLeavingForce((tx, change) => suspensions.certificateLeftForce(tx, change));
  // a sector a board's rules or a product names stays in the catalog while they do
  deps.sectors.useHolds((db, code) => boards.namingSector(db, code));
  return {
    products,
    // the open demands a product answers hear of it in the commit that lists it
    listing: new ListingService({ ...deps, onListed: (tx, id) => matching.matchProduct(tx, id) }, products),
    search: new SearchService(deps),
    sellers: new SellersService(deps),
    boards,
    suspensions,
    demands,
    answers: new AnswersService(deps, demands),
    demandStats: new DemandStatsService(deps),
  };
}
export type MarketServices = ReturnType<typeof createMarket>;
