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

/** A board as the facet counts know it: its code and its bit in a listing's board_bits (0027). */
export interface BoardBit {
  code: string;
  bit: number;
}

/** The bits of the chosen values of a list facet, or null when it is not filtered (a value without a bit: 0). */
function maskOf(values: string[] | undefined, bitOf: (v: string) => number | undefined): bigint | null {
  if (!values?.length) return null;
  return values.reduce((m, v) => {
    const bit = bitOf(v);
    return bit === undefined ? m : m | (1n << BigInt(bit));
  }, 0n);
}

/** A delivery mode's bit in a listing's mode_bits: its place in DeliveryMode, as 0027 numbers them. */
const modeBit = (m: string) => {
  const i = DELIVERY_MODES.indexOf(m as (typeof DELIVERY_MODES)[number]);
  return i < 0 ? undefined : i;
};

/**
 * One facet's filter as SQL on the row `p` (true when the facet is not filtered). With `boards`, the list
 * facets test the listing's bits, which the facet index holds, rather than its arrays, which only the row does.
 */
function facetSql(f: ProductFilter, key: FacetKey, boards?: BoardBit[]): RawBuilder<boolean> {
  const v = f[key];
  if (!v?.length) return sql<boolean>`true`;
  if (key === 'board' && boards) {
    const mask = maskOf(v, (c) => boards.find((b) => b.code === c)?.bit);
    return sql<boolean>`p.board_bits & ${String(mask)}::bigint <> 0`;
  }
  if (key === 'deliveryMode' && boards) return sql<boolean>`p.mode_bits & ${Number(maskOf(v, modeBit))} <> 0`;
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

/** Every facet's filter but the skipped ones. */
const allFacets = (f: ProductFilter, skip: FacetKey[] = [], boards?: BoardBit[]) =>
  sql.join(
    FACET_KEYS.filter((k) => !skip.includes(k)).map((k) => facetSql(f, k, boards)),
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
   * every other facet's filter (so a choice can be widened). One GROUPING SETS pass over the facet index:
   * sector, grade and price model each counted under the other filters, and the matches grouped by their
   * board and mode bits under the filters of neither; the boards, the modes and the total are summed from those
   * groups here (a listing counts under each of its boards and modes), each under the other list's filter.
   */
  async facets(db: Executor, f: ProductFilter, boards: BoardBit[]) {
    const g = sql`grouping(p.sector_code, p.grade, p.price_kind)`;
    const others = (...skip: FacetKey[]) => allFacets(f, skip, boards);
    const { rows } = await sql<{ g: number; value: string | null; boards: string; modes: number; n: number }>`
      select ${g} as g, coalesce(p.sector_code, p.grade, p.price_kind) as value,
        p.board_bits::text as boards, p.mode_bits as modes,
        case ${g} when 3 then count(*) filter (where ${others('sector')})
          when 5 then count(*) filter (where ${others('grade')})
          when 6 then count(*) filter (where ${others('priceModel')})
          else count(*) filter (where ${others('board', 'deliveryMode')}) end::int as n
      from market_products p where ${baseSql(f)}
      group by grouping sets ((p.sector_code), (p.grade), (p.price_kind), (p.board_bits, p.mode_bits))`.execute(
      db,
    );
    const named = { 3: 'sector', 5: 'grade', 6: 'priceModel' } as Record<number, string>;
    const lists = listCounts(
      f,
      boards,
      rows.filter((r) => Number(r.g) === 7),
    );
    return {
      total: lists.total,
      rows: [
        ...rows
          .filter((r) => named[Number(r.g)] && r.value !== null)
          .map((r) => ({ facet: named[Number(r.g)]!, value: r.value!, n: Number(r.n) })),
        ...lists.rows,
      ].filter((r) => r.n > 0),
    };
  },
};

/**
 * The board and delivery-mode counts and the total from the matches grouped by their bits (`n` already under
 * the scalar facets' filters): a board counts the groups that pass the mode filter, a mode those that pass the
 * board filter, the total those that pass both.
 */
function listCounts(
  f: ProductFilter,
  boards: BoardBit[],
  groups: { boards: string; modes: number; n: number }[],
) {
  const boardMask = maskOf(f.board, (c) => boards.find((b) => b.code === c)?.bit);
  const modeMask = maskOf(f.deliveryMode, modeBit);
  const passes = (bits: bigint, mask: bigint | null) => mask === null || (bits & mask) !== 0n;
  const byBoard = boards.map(() => 0);
  const byMode = DELIVERY_MODES.map(() => 0);
  let total = 0;
  for (const r of groups) {
    const b = BigInt(r.boards);
    const m = BigInt(r.modes);
    const n = Number(r.n);
    const boardOk = passes(b, boardMask);
    const modeOk = passes(m, modeMask);
    if (boardOk && modeOk) total += n;
    if (modeOk)
      for (const [i, x] of boards.entries()) if (b & (1n << BigInt(x.bit))) byBoard[i] = byBoard[i]! + n;
    if (boardOk) for (const i of byMode.keys()) if (m & (1n << BigInt(i))) byMode[i] = byMode[i]! + n;
  }
  return {
    total,
    rows: [
      ...boards.map((x, i) => ({ facet: 'board', value: x.code, n: byBoard[i]! })),
      ...DELIVERY_MODES.map((value, i) => ({ facet: 'deliveryMode', value, n: byMode[i]! })),
    ],
  };
}
