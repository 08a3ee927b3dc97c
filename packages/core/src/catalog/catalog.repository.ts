import { sql, type Insertable, type Kysely, type Selectable, type Updateable } from 'kysely';
import type { Grade } from '@shuliu/contracts';
import type { DB } from '../db/schema.js';
import { orgName } from '../identity/index.js';
import type { CatalogResourcesTable } from './catalog.tables.js';

type Executor = Kysely<DB>;

export type ResourceRow = Selectable<CatalogResourcesTable> & {
  owner_org_name: string | null;
  sector_name: string | null;
};

/** Which resources a caller may see, as SQL: everything, or published ones within limits, plus their own. */
export interface Visibility {
  all: boolean;
  ownOrgId: string | null;
  /** Published resources of these grades are visible (empty: none beyond the caller's own). */
  grades: Grade[];
  /** Anonymous callers see only published public data that is open (无条件/有条件开放). */
  openOnly: boolean;
}

export interface ResourceFilter {
  tsquery: string | null;
  sector?: string[];
  grade?: string[];
  openClass?: string[];
  org?: string[];
  format?: string[];
  subjectType?: string[];
  status?: string[];
  sort: 'relevance' | 'updated' | 'title';
}

const selectResource = (db: Executor) =>
  db
    .selectFrom('catalog_resources as r')
    .leftJoin('catalog_sectors as s', 's.code', 'r.sector_code')
    .selectAll('r')
    .select([orgName('r.owner_org_id').as('owner_org_name'), 's.name as sector_name']);

function visibleSql(v: Visibility) {
  if (v.all) return sql`true`;
  const published = v.openOnly
    ? sql`(r.status = 'published' and r.subject_type = 'public' and r.open_class in ('unconditional', 'conditional'))`
    : sql`(r.status = 'published' and r.grade = any(${v.grades}::text[]))`;
  return v.ownOrgId ? sql`(${published} or r.owner_org_id = ${v.ownOrgId})` : published;
}

/** The facet filters: the request key and its column. */
const FACETS = [
  ['sector', 'sector_code'],
  ['grade', 'grade'],
  ['openClass', 'open_class'],
  ['org', 'owner_org_id'],
  ['format', 'format'],
] as const;
type FacetKey = (typeof FACETS)[number][0];

/** `column = any(values)` for each facet filter in use, except the skipped ones; `alias` qualifies columns. */
function facetFilters(f: ResourceFilter, skip: ReadonlySet<string>, alias = 'r') {
  const parts = [];
  for (const [key, column] of FACETS) {
    const values = f[key];
    if (values?.length && !skip.has(key))
      parts.push(sql`${sql.ref(alias ? `${alias}.${column}` : column)} = any(${values}::text[])`);
  }
  return parts;
}

/** Visibility, the text query and the non-facet filters. */
function baseFilters(f: ResourceFilter, v: Visibility) {
  const parts = [visibleSql(v)];
  if (f.tsquery) parts.push(sql`r.search_vector @@ to_tsquery('simple', ${f.tsquery})`);
  if (f.subjectType?.length) parts.push(sql`r.subject_type = any(${f.subjectType}::text[])`);
  if (f.status?.length) parts.push(sql`r.status = any(${f.status}::text[])`);
  return parts;
}

const and = (parts: ReturnType<typeof sql>[]) => (parts.length ? sql.join(parts, sql` and `) : sql`true`);

function filterSql(f: ResourceFilter, v: Visibility) {
  return and([...baseFilters(f, v), ...facetFilters(f, new Set())]);
}

/**
 * Facet counts in one read of the matches: one GROUPING SETS pass, where each facet counts the rows that
 * pass every facet filter but its own (so a user can widen a choice) and the empty set gives the total.
 */
function facetsSql(f: ResourceFilter, v: Visibility) {
  const except = (key?: FacetKey) => and(facetFilters(f, new Set(key ? [key] : []), 'r'));
  return sql<FacetRow>`
    select facet, value, n from (
      select case grouping(r.sector_code, r.grade, r.open_class, r.owner_org_id, r.format)
               when 15 then 'sector' when 23 then 'grade' when 27 then 'openClass' when 29 then 'org'
               when 30 then 'format' else 'total' end as facet,
             coalesce(r.sector_code, r.grade, r.open_class, r.owner_org_id, r.format) as value,
             case grouping(r.sector_code, r.grade, r.open_class, r.owner_org_id, r.format)
               when 15 then count(*) filter (where ${except('sector')})
               when 23 then count(*) filter (where ${except('grade')})
               when 27 then count(*) filter (where ${except('openClass')})
               when 29 then count(*) filter (where ${except('org')})
               when 30 then count(*) filter (where ${except('format')})
               else count(*) filter (where ${except()}) end::int as n
      from catalog_resources r where ${and(baseFilters(f, v))}
      group by grouping sets ((r.sector_code), (r.grade), (r.open_class), (r.owner_org_id), (r.format), ())
    ) counts where n > 0 or facet = 'total'`;
}

interface FacetRow {
  facet: string;
  value: string | null;
  n: number;
}

export const catalogRepository = {
  findResource: (db: Executor, id: string) =>
    selectResource(db).where('r.id', '=', id).executeTakeFirst() as Promise<ResourceRow | undefined>,

  /** The row locked for the rest of the transaction (every change to a resource goes through this). */
  lockResource: async (db: Executor, id: string) => {
    const row = await db
      .selectFrom('catalog_resources')
      .select('id')
      .where('id', '=', id)
      .forUpdate()
      .executeTakeFirst();
    return row ? catalogRepository.findResource(db, id) : undefined;
  },

  insertResource: (tx: Executor, row: Insertable<CatalogResourcesTable>) =>
    tx.insertInto('catalog_resources').values(row).execute(),

  updateResource: (tx: Executor, id: string, set: Updateable<CatalogResourcesTable>) =>
    tx.updateTable('catalog_resources').set(set).where('id', '=', id).execute(),

  /** Ids, titles and grades of the resources among `ids` (missing ones left out). */
  summaries: (db: Executor, ids: string[]) =>
    ids.length
      ? db.selectFrom('catalog_resources').select(['id', 'title', 'grade']).where('id', 'in', ids).execute()
      : Promise.resolve([]),

  findDerivatives: (db: Executor, id: string) =>
    selectResource(db).where('r.derived_from', '=', id).orderBy('r.created_at').execute() as Promise<
      ResourceRow[]
    >,

  /**
   * One page of matching resources, ranked: text relevance weighted by how well a resource is documented,
   * then recency. Total and facet counts come from one grouping-sets pass over the matches.
   */
  search: async (db: Executor, f: ResourceFilter, v: Visibility, page: number, size: number) => {
    const where = filterSql(f, v);
    const rank = f.tsquery
      ? sql`ts_rank(r.search_vector, to_tsquery('simple', ${f.tsquery})) * (0.5 + r.doc_score)`
      : sql`r.doc_score`;
    const order =
      f.sort === 'title'
        ? sql`r.title, r.id`
        : f.sort === 'updated'
          ? sql`r.updated_at desc, r.id`
          : sql`${rank} desc, r.updated_at desc, r.id`;
    const rows = await sql<ResourceRow>`
      select r.*, ${orgName('r.owner_org_id')} as owner_org_name, s.name as sector_name
      from catalog_resources r
      left join catalog_sectors s on s.code = r.sector_code
      where ${where} order by ${order} limit ${size} offset ${(page - 1) * size}`.execute(db);
    return rows.rows;
  },

  /** Counts per facet value; each facet ignores its own filter so the user can widen a choice. */
  facets: async (db: Executor, f: ResourceFilter, v: Visibility) => (await facetsSql(f, v).execute(db)).rows,

  insertVersion: (
    db: Executor,
    v: { resourceId: string; version: number; snapshot: unknown; note: string | null; changedBy: string },
  ) =>
    db
      .insertInto('catalog_resource_versions')
      .values({
        resource_id: v.resourceId,
        version: v.version,
        snapshot: JSON.stringify(v.snapshot),
        note: v.note,
        changed_by: v.changedBy,
      })
      .execute(),

  findVersions: (db: Executor, resourceId: string) =>
    db
      .selectFrom('catalog_resource_versions')
      .selectAll()
      .where('resource_id', '=', resourceId)
      .orderBy('version', 'desc')
      .execute(),

  /** One owner's published public data, in these sectors or below them (null: any), within these grades. */
  findPublicData: async (
    db: Executor,
    f: { ownerOrgId: string; sectors: string[] | null; grades: Grade[] },
    page: number,
    size: number,
  ) => {
    const inSectors = f.sectors
      ? sql`and r.sector_code in (with recursive tree(code) as (
          select code from catalog_sectors where code = any(${f.sectors}::text[])
          union select s.code from catalog_sectors s join tree t on s.parent_code = t.code
        ) select code from tree)`
      : sql``;
    return (
      await sql<ResourceRow & { total: number }>`select r.*, ${orgName('r.owner_org_id')} as owner_org_name,
          s.name as sector_name, count(*) over () as total
        from catalog_resources r
        left join catalog_sectors s on s.code = r.sector_code
        where r.owner_org_id = ${f.ownerOrgId} and r.status = 'published' and r.subject_type = 'public'
          and r.grade = any(${f.grades}::text[]) ${inSectors}
        order by r.title, r.id limit ${size} offset ${(page - 1) * size}`.execute(db)
    ).rows;
  },
};
