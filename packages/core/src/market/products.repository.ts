import { sql, type Insertable, type Kysely, type RawBuilder, type Selectable, type Updateable } from 'kysely';
import { DeliveryMode } from '@shuliu/contracts';
import type { DB } from '../db/schema.js';
import type { MarketProductResourcesTable, MarketProductsTable } from './market.tables.js';

type Executor = Kysely<DB>;
export type ProductRow = Omit<Selectable<MarketProductsTable>, 'search_vector'>;
export type ProductResourceRow = Selectable<MarketProductResourcesTable>;

/** Every column but the search vector, which only the search reads. */
const COLUMNS = [
  'id',
  'org_id',
  'title',
  'summary',
  'description',
  'sector_code',
  'region',
  'delivery_modes',
  'board_codes',
  'price_model',
  'price_kind',
  'price_fen',
  'policy',
  'scenarios',
  'declaration',
  'declaration_hash',
  'signature',
  'certificate_nos',
  'grade',
  'status',
  'version',
  'rejection_reason',
  'suspension_reason',
  'withdrawal_reason',
  'listing_hash',
  'ledger_index',
  'created_by',
  'created_at',
  'updated_at',
  'submitted_at',
  'published_at',
  'suspended_at',
  'withdrawn_at',
] as const;
const COLUMNS_SQL = sql.join(COLUMNS.map((c) => sql.ref(`p.${c}`)));

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

/** The queries of products, their resources and boards. */
export const productsRepository = {
  insert: (tx: Executor, row: Insertable<MarketProductsTable>) =>
    tx.insertInto('market_products').values(row).execute(),

  /** Changes the product if it is still at `version`, moving it to the next; false when it moved meanwhile. */
  async updateAt(tx: Executor, id: string, version: number, set: Updateable<MarketProductsTable>) {
    const r = await tx
      .updateTable('market_products')
      .set({ ...set, version: version + 1 })
      .where('id', '=', id)
      .where('version', '=', version)
      .executeTakeFirst();
    return Number(r.numUpdatedRows) === 1;
  },

  find: (db: Executor, id: string) =>
    db
      .selectFrom('market_products as p')
      .select(COLUMNS.map((c) => `p.${c}` as const))
      .where('p.id', '=', id)
      .executeTakeFirst() as Promise<ProductRow | undefined>,

  /** The row locked for the change that follows: decisions on one product take turns. */
  lock: (tx: Executor, id: string) =>
    tx
      .selectFrom('market_products as p')
      .select(COLUMNS.map((c) => `p.${c}` as const))
      .where('p.id', '=', id)
      .forUpdate()
      .executeTakeFirst() as Promise<ProductRow | undefined>,

  /**
   * The row locked, or nothing when another transaction holds it: for a change made inside another domain's
   * transaction, which already holds the audit and ledger heads and so must not wait for a product row.
   */
  lockUnlessBusy: (tx: Executor, id: string) =>
    tx
      .selectFrom('market_products as p')
      .select(COLUMNS.map((c) => `p.${c}` as const))
      .where('p.id', '=', id)
      .forUpdate()
      .skipLocked()
      .executeTakeFirst() as Promise<ProductRow | undefined>,

  /** Replaces the product's resources and boards (the join rows, and the board codes search reads). */
  async setLinks(
    tx: Executor,
    id: string,
    resources: Omit<Insertable<MarketProductResourcesTable>, 'product_id'>[],
    boards: string[],
  ) {
    await tx.deleteFrom('market_product_resources').where('product_id', '=', id).execute();
    await tx.deleteFrom('market_product_boards').where('product_id', '=', id).execute();
    if (resources.length)
      await tx
        .insertInto('market_product_resources')
        .values(resources.map((r) => ({ ...r, product_id: id })))
        .execute();
    if (boards.length)
      await tx
        .insertInto('market_product_boards')
        .values(boards.map((b) => ({ product_id: id, board_code: b })))
        .execute();
  },

  /** Records what each resource's listing stands on: its certificate and whether held or licensed. */
  setRights: async (
    tx: Executor,
    id: string,
    rights: { resourceId: string; certNo: string | null; via: 'holder' | 'license' | null }[],
  ) => {
    for (const r of rights)
      await tx
        .updateTable('market_product_resources')
        .set({ cert_no: r.certNo, right_via: r.via })
        .where('product_id', '=', id)
        .where('resource_id', '=', r.resourceId)
        .execute();
  },

  resourcesOf: (db: Executor, ids: string[]) =>
    ids.length
      ? db
          .selectFrom('market_product_resources')
          .selectAll()
          .where('product_id', 'in', ids)
          .orderBy('product_id')
          .orderBy('resource_id')
          .execute()
      : Promise.resolve([] as ProductResourceRow[]),

  /** One page of published listings in the marketplace's order. */
  search: async (db: Executor, f: ProductFilter, page: number, size: number) =>
    (
      await sql<ProductRow>`select ${COLUMNS_SQL} from market_products p
        where ${baseSql(f)} and ${allFacets(f)}
        order by ${orderSql(f)} limit ${size} offset ${(page - 1) * size}`.execute(db)
    ).rows,

  /**
   * Facet counts over the matches in one read, as the catalog counts them: one GROUPING SETS pass where each
   * facet counts the rows that pass every other facet's filter (so a choice can be widened). Boards and
   * delivery modes are lists: the empty grouping set counts each known value with a conditional count.
   */
  async facets(db: Executor, f: ProductFilter, boards: string[]) {
    const g = sql`grouping(p.sector_code, p.grade, p.price_kind)`;
    const each = (key: 'board' | 'deliveryMode', column: string, values: readonly string[]) =>
      values.length
        ? sql`array[${sql.join(
            values.map(
              (v) =>
                sql`count(*) filter (where ${allFacets(f, key)} and ${sql.ref(`p.${column}`)} @> array[${v}]::text[])`,
            ),
          )}]::int[]`
        : sql`array[]::int[]`;
    const { rows } = await sql<{
      facet: string;
      value: string | null;
      n: number;
      boards: number[] | null;
      modes: number[] | null;
    }>`
      select case ${g} when 3 then 'sector' when 5 then 'grade' when 6 then 'priceModel' else 'total' end as facet,
        coalesce(p.sector_code, p.grade, p.price_kind) as value,
        case ${g} when 3 then count(*) filter (where ${allFacets(f, 'sector')})
          when 5 then count(*) filter (where ${allFacets(f, 'grade')})
          when 6 then count(*) filter (where ${allFacets(f, 'priceModel')})
          else count(*) filter (where ${allFacets(f)}) end::int as n,
        case when ${g} = 7 then ${each('board', 'board_codes', boards)} end as boards,
        case when ${g} = 7 then ${each('deliveryMode', 'delivery_modes', DELIVERY_MODES)} end as modes
      from market_products p where ${baseSql(f)}
      group by grouping sets ((p.sector_code), (p.grade), (p.price_kind), ())`.execute(db);
    const total = rows.find((r) => r.facet === 'total');
    const boardCounts = total?.boards ?? [];
    const modeCounts = total?.modes ?? [];
    return {
      total: Number(total?.n ?? 0),
      rows: [
        ...rows.filter((r) => r.facet !== 'total' && r.value !== null && Number(r.n) > 0),
        ...boards.map((value, i) => ({ facet: 'board', value, n: Number(boardCounts[i] ?? 0) })),
        ...DELIVERY_MODES.map((value, i) => ({
          facet: 'deliveryMode',
          value,
          n: Number(modeCounts[i] ?? 0),
        })),
      ].filter((r) => r.n > 0),
    };
  },

  /** One org's products in any state (or one), newest change first. */
  async mine(db: Executor, orgId: string, status: string | undefined, page: number, size: number) {
    let q = db.selectFrom('market_products as p').where('p.org_id', '=', orgId);
    if (status) q = q.where('p.status', '=', status as ProductRow['status']);
    const [rows, count] = await Promise.all([
      q
        .select(COLUMNS.map((c) => `p.${c}` as const))
        .orderBy('p.updated_at', 'desc')
        .orderBy('p.id')
        .limit(size)
        .offset((page - 1) * size)
        .execute() as Promise<ProductRow[]>,
      q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
    ]);
    return { rows, total: Number(count.n) };
  },

  /** Products in a state on any of `boards` (null: every board), oldest submission first: the review queue. */
  async queue(
    db: Executor,
    f: { status: string; boards: string[] | null; board?: string },
    page: number,
    size: number,
  ) {
    let q = db.selectFrom('market_products as p').where('p.status', '=', f.status as ProductRow['status']);
    if (f.boards) q = q.where(sql<boolean>`p.board_codes && ${f.boards}::text[]`);
    if (f.board) q = q.where(sql<boolean>`p.board_codes @> array[${f.board}]::text[]`);
    const [rows, count] = await Promise.all([
      q
        .select(COLUMNS.map((c) => `p.${c}` as const))
        .orderBy('p.submitted_at')
        .orderBy('p.id')
        .limit(size)
        .offset((page - 1) * size)
        .execute() as Promise<ProductRow[]>,
      q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
    ]);
    return { rows, total: Number(count.n) };
  },

  /** Published products after `afterId` (keyset), with the resources they stand on: the suspension sweep. */
  publishedAfter: (db: Executor, afterId: string, limit: number) =>
    db
      .selectFrom('market_products')
      .select(['id', 'org_id', 'certificate_nos'])
      .where('status', '=', 'published')
      .where('id', '>', afterId)
      .orderBy('id')
      .limit(limit)
      .execute(),

  /** Published products standing on a certificate. */
  publishedOnCertificate: (db: Executor, certNo: string) =>
    db
      .selectFrom('market_products')
      .select('id')
      .where('status', '=', 'published')
      .where(sql<boolean>`certificate_nos @> array[${certNo}]::text[]`)
      .execute(),

  /** A product (not withdrawn) in a sector, for the catalog's sector holds. */
  namingSector: async (db: Executor, code: string) =>
    (
      await db
        .selectFrom('market_products')
        .select('id')
        .where('sector_code', '=', code)
        .where('status', '!=', 'withdrawn')
        .limit(1)
        .executeTakeFirst()
    )?.id ?? null,

  /** Published products per board. */
  publishedPerBoard: async (db: Executor) =>
    new Map(
      (
        await db
          .selectFrom('market_product_boards as b')
          .innerJoin('market_products as p', 'p.id', 'b.product_id')
          .select(['b.board_code', (eb) => eb.fn.countAll<number>().as('n')])
          .where('p.status', '=', 'published')
          .groupBy('b.board_code')
          .execute()
      ).map((r) => [r.board_code, Number(r.n)]),
    ),
};
