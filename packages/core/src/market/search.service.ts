import type { ProductQuery, ProductSearchReply } from '@shuliu/contracts';
import type { z } from 'zod';
import { searchQuery } from '../catalog/index.js';
import { boardsRepository as boards } from './boards.repository.js';
import { toProducts } from './market.mappers.js';
import type { MarketDeps } from './market.support.js';
import { searchRepository as listings, type ProductFilter } from './search.repository.js';

type Facets = ProductSearchReply['facets'];

/** GB/T 2260: the code prefix of a division and everything within it (xx0000 a province, xxxx00 a city). */
const divisionPrefix = (code: string) =>
  code.endsWith('0000') ? code.slice(0, 2) : code.endsWith('00') ? code.slice(0, 4) : code;

/**
 * The public marketplace: published listings only, Chinese full text cut as the catalog cuts it, facets that
 * each ignore their own filter, counted in one read of the matches.
 */
export class SearchService {
  constructor(private readonly deps: MarketDeps) {}

  async search(q: z.output<typeof ProductQuery>): Promise<ProductSearchReply> {
    const tsquery = q.q ? searchQuery(q.q) : null;
    const f: ProductFilter = {
      tsquery,
      regionPrefix: q.region ? divisionPrefix(q.region) : undefined,
      org: q.org,
      board: q.board,
      sector: q.sector,
      deliveryMode: q.deliveryMode,
      priceModel: q.priceModel,
      grade: q.grade,
      sort: q.sort,
    };
    const db = this.deps.db;
    // the page and its names are read while the facets are counted: the counts are the long read
    const known = boards.all(db);
    const counting = known.then((k) => listings.facets(db, f, k));
    const items = listings.search(db, f, q.page, q.pageSize).then((rows) => toProducts(db, rows, this.deps));
    const [counts, shown, boardRows] = await Promise.all([counting, items, known]);
    const facets: Facets = { board: [], sector: [], deliveryMode: [], priceModel: [], grade: [] };
    const total = counts.total;
    for (const c of counts.rows)
      facets[c.facet as keyof Facets].push({ value: c.value!, label: null, count: c.n });
    const sectorNames = await this.deps.sectors.names(facets.sector.map((b) => b.value));
    for (const b of facets.board) b.label = boardRows.find((x) => x.code === b.value)?.name ?? null;
    for (const b of facets.sector) b.label = sectorNames.get(b.value)?.name ?? null;
    for (const list of Object.values(facets))
      list.sort((a, b) => b.count - a.count || a.value.localeCompare(b.value));
    facets.sector = facets.sector.slice(0, 50);
    return {
      items: shown,
      total,
      page: q.page,
      pageSize: q.pageSize,
      facets,
    };
  }
}
