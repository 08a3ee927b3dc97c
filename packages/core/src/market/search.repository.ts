import { DeliveryMode } from '@shuliu/contracts';
import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { DB } from '../db/schema.js';
import { COLUMNS_SQL, type ProductRow } from './products.repository.js';

type Executor = Kysely<DB>;

/** The marketplace's filters: the text query, the division, the seller, and the facets. */
export interface ProductFilter {
  tsquery: string | null;
  /** A GB/T 2260 prefix: listings of the division and those within it. */
  regionPrefix?: string;
  org?: string;
  board?: string[];
  sector?: string[];
  deliveryMode?: string[];
  priceModel?: string[];
  grade?: string[];
  sort: 'relevance' | 'newest' | 'price_asc' | 'price_desc' | 'title';
}
type FacetKey = 'board' | 'sector' | 'deliveryMode' | 'priceModel' | 'grade';
const DELIVERY_MODES = DeliveryMode.options;
const FACET_KEYS: FacetKey[] = ['board', 'sector', 'deliveryMode', 'priceModel', 'grade'];

/** One facet's filter as SQL on the row `p` (true when the facet is not filtered). */
function facetSql(f: ProductFilter, key: FacetKey): RawBuilder<boolean> {
  const v = f[key];
  if (!v?.length) return sql<boolean>`true`;
  if (key === 'board') return sql<boolean>`p.board_codes && ${v}::text[]`;
  if (key === 'deliveryMode') return sql<boolean>`p.delivery_modes && ${v}::text[]`;
  const column = { sector: 'sector_code', priceModel: 'price_kind', grade: 'grade' }[key];
  return sql<boolean>`${sql.ref(`p.${column}`)} = any(${v}::text[])`;
}

/** Published listings, the text query, the division and the seller: what every facet counts within. */
function baseSql(f: ProductFilter): RawBuilder<boolean> {
  const parts = [sql`p.status = 'published'`];
  if (f.tsquery) parts.push(sql`p.search_vector @@ to_tsquery('simple', ${f.tsquery})`);
  if (f.regionPrefix) parts.push(sql`p.region like ${`${f.regionPrefix}%`}`);
  if (f.org) parts.push(sql`p.org_id = ${f.org}`);
  return sql<boolean>`${sql.join(parts, sql` and `)}`;
}

const allFacets = (f: ProductFilter, skip?: FacetKey) =>
  sql.join(
    FACET_KEYS.filter((k) => k !== skip).map((k) => facetSql(f, k)),
    sql` and `,
  );

function orderSql(f: ProductFilter) {
  if (f.sort === 'relevance' && f.tsquery)
    return sql`ts_rank(p.search_vector, to_tsquery('simple', ${f.tsquery})) desc, p.published_at desc, p.id`;
  if (f.sort === 'price_asc') return sql`p.price_fen asc, p.id`;
  if (f.sort === 'price_desc') return sql`p.price_fen desc, p.id`;
  if (f.sort === 'title') return sql`p.title, p.id`;
  return sql`p.published_at desc, p.id`;
}

/** The marketplace's queries: a page of published listings, and the facet counts of all the matches. */
export const searchRepository = {
  /** One page of published listings in the marketplace's order. */
  search: async (db: Executor, f: ProductFilter, page: number, size: number) =>
    (
      await sql<ProductRow>`select ${COLUMNS_SQL} from market_products p
        where ${baseSql(f)} and ${allFacets(f)}
        order by ${orderSql(f)} limit ${size} offset ${(page - 1) * size}`.execute(db)
    ).rows,

  /**
   * Facet counts over the matches, as the catalog counts them, where each facet counts the rows that pass
   * every other facet's filter (so a choice can be widened). Two reads of the matches that run side by side:
   * one GROUPING SETS pass for sector, grade and price model with the total, and one pass counting each known
   * board and delivery mode (lists, so a product counts under each of its values).
   */
  async facets(db: Executor, f: ProductFilter, boards: string[]) {
    const g = sql`grouping(p.sector_code, p.grade, p.price_kind)`;
    // `v = any(list)` reads the array in place; `list @> array[v]` builds an array per row (twice the cost)
    const each = (key: 'board' | 'deliveryMode', column: string, values: readonly string[]) =>
      values.map(
        (v) =>
          sql`count(*) filter (where ${allFacets(f, key)} and ${v}::text = any(${sql.ref(`p.${column}`)}))`,
      );
    const lists = [
      ...each('board', 'board_codes', boards),
      ...each('deliveryMode', 'delivery_modes', DELIVERY_MODES),
    ];
    const [grouped, listed] = await Promise.all([
      sql<{ facet: string; value: string | null; n: number }>`
        select case ${g} when 3 then 'sector' when 5 then 'grade' when 6 then 'priceModel' else 'total' end as facet,
          coalesce(p.sector_code, p.grade, p.price_kind) as value,
          case ${g} when 3 then count(*) filter (where ${allFacets(f, 'sector')})
            when 5 then count(*) filter (where ${allFacets(f, 'grade')})
            when 6 then count(*) filter (where ${allFacets(f, 'priceModel')})
            else count(*) filter (where ${allFacets(f)}) end::int as n
        from market_products p where ${baseSql(f)}
        group by grouping sets ((p.sector_code), (p.grade), (p.price_kind), ())`.execute(db),
      sql<{ counts: number[] }>`select array[${sql.join(lists)}]::int[] as counts
        from market_products p where ${baseSql(f)}`.execute(db),
    ]);
    const rows = grouped.rows;
    const counts = listed.rows[0]?.counts ?? [];
    const total = rows.find((r) => r.facet === 'total');
    return {
      total: Number(total?.n ?? 0),
      rows: [
        ...rows.filter((r) => r.facet !== 'total' && r.value !== null && Number(r.n) > 0),
        ...boards.map((value, i) => ({ facet: 'board', value, n: Number(counts[i] ?? 0) })),
        ...DELIVERY_MODES.map((value, i) => ({
          facet: 'deliveryMode',
          value,
          n: Number(counts[boards.length + i] ?? 0),
        })),
      ].filter((r) => r.n > 0),
    };
  },
};
