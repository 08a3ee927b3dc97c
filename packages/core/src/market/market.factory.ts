import { BoardsService } from './boards.service.js';
import { ListingService } from './listing.service.js';
import type { MarketDeps } from './market.support.js';
import { ProductsService } from './products.service.js';
import { SearchService } from './search.service.js';
import { SuspensionsService } from './suspensions.service.js';

/**
 * The market domain wired to one database: products and their listing (挂牌) under declarations and
 * compliance review, industry boards, the trading negative list and the suspension of listings that no
 * longer stand. A certificate frozen, expired or cancelled, or a negative-list entry that reaches a listing,
 * suspends it in the same commit; the
 * periodic sweep (`suspensions.sweep`) catches the rest (licences and authorizations that ended).
 */
export function createMarket(deps: MarketDeps) {
  const products = new ProductsService(deps);
  const suspensions = new SuspensionsService(deps);
  const boards = new BoardsService(deps, (tx, e) => suspensions.negativeEntryAdded(tx, e));
  deps.registry.certificates.onLeavingForce((tx, change) => suspensions.certificateLeftForce(tx, change));
  // a sector a board's rules or a product names stays in the catalog while they do
  deps.sectors.useHolds((db, code) => boards.namingSector(db, code));
  return {
    products,
    listing: new ListingService(deps, products),
    search: new SearchService(deps),
    boards,
    suspensions,
  };
}
export type MarketServices = ReturnType<typeof createMarket>;
