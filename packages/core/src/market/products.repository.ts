import { sql, type Insertable, type Kysely, type Selectable, type Updateable } from 'kysely';
import type { DB } from '../db/schema.js';
import { resourcesUnderSector, sectorAndBelow } from '../catalog/index.js';
import type { NegativeFacts } from './market.rules.js';

type NegativeKind = NegativeFacts['kind'];
import type {
  DeclarationSignatureRow,
  MarketProductResourcesTable,
  MarketProductsTable,
} from './market.tables.js';

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
  'seats',
  'exclusive',
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
/** The same columns of the row `p`, for queries written in SQL. */
export const COLUMNS_SQL = sql.join(COLUMNS.map((c) => sql.ref(`p.${c}`)));

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

  /** The org's signature on the declaration as it stands; not a new version of the product. */
  setSignature: (tx: Executor, id: string, signature: DeclarationSignatureRow) =>
    tx
      .updateTable('market_products')
      .set({ signature: JSON.stringify(signature) })
      .where('id', '=', id)
      .execute(),

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

  /**
   * Published products an entry of the trading negative list reaches, as negativeListRule judges them: the
   * org's, those on the resource, those of the sector (or one below it) or on a resource catalogued there, and
   * those whose title, summary or description holds the keyword.
   */
  publishedUnderNegative: (db: Executor, e: { kind: NegativeKind; value: string }) => {
    const q = db
      .selectFrom('market_products as p')
      .select(['p.id', 'p.title'])
      .where('p.status', '=', 'published');
    const onResources = (ids: ReturnType<typeof sql<string>>) =>
      sql<boolean>`exists (select 1 from market_product_resources pr where pr.product_id = p.id and pr.resource_id in ${ids})`;
    switch (e.kind) {
      case 'org':
        return q.where('p.org_id', '=', e.value).execute();
      case 'resource':
        return q.where(onResources(sql<string>`(${e.value})`)).execute();
      case 'sector':
        return q
          .where((w) =>
            w.or([
              w('p.sector_code', 'in', sectorAndBelow(e.value)),
              onResources(resourcesUnderSector(e.value)),
            ]),
          )
          .execute();
      case 'keyword':
        return q
          .where(
            sql<boolean>`position(lower(${e.value}) in lower(p.title || chr(10) || p.summary || chr(10) || p.description)) > 0`,
          )
          .execute();
    }
  },

  /** A seller's record in the marketplace: its listings now, their boards and certificates, its first listing. */
  async sellerRecord(db: Executor, orgId: string) {
    const rows = await db
      .selectFrom('market_products')
      .select(['board_codes', 'certificate_nos', 'published_at'])
      .where('org_id', '=', orgId)
      .where('status', '=', 'published')
      .execute();
    const first = await db
      .selectFrom('market_products')
      .select((e) => e.fn.min('published_at').as('at'))
      .where('org_id', '=', orgId)
      .where('published_at', 'is not', null)
      .executeTakeFirst();
    return { rows, firstListedAt: (first?.at as Date | null | undefined) ?? null };
  },

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
