import { sql, type Kysely, type Selectable } from 'kysely';
import type { Grade } from '@shuliu/contracts';
import type { DB } from '../db/schema.js';
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
    .leftJoin('orgs as o', 'o.id', 'r.owner_org_id')
    .leftJoin('catalog_sectors as s', 's.code', 'r.sector_code')
    .selectAll('r')
    .select(['o.name as owner_org_name', 's.name as sector_name']);

function visibleSql(v: Visibility) {
  if (v.all) return sql`true`;
  const published = v.openOnly
    ? sql`(r.status = 'published' and r.subject_type = 'public' and r.open_class in ('unconditional', 'conditional'))`
    : sql`(r.status = 'published' and r.grade = any(${v.grades}::text[]))`;
  return v.ownOrgId ? sql`(${published} or r.owner_org_id = ${v.ownOrgId})` : published;
}

function filterSql(f: ResourceFilter, v: Visibility, skip?: keyof ResourceFilter) {
  const parts = [visibleSql(v)];
  if (f.tsquery) parts.push(sql`r.search_vector @@ to_tsquery('simple', ${f.tsquery})`);
  const inList = (key: keyof ResourceFilter, column: string) => {
    const values = f[key] as string[] | undefined;
    if (values?.length && skip !== key) parts.push(sql`${sql.ref(column)} = any(${values}::text[])`);
  };
  inList('sector', 'r.sector_code');
  inList('grade', 'r.grade');
  inList('openClass', 'r.open_class');
  inList('org', 'r.owner_org_id');
  inList('format', 'r.format');
  inList('subjectType', 'r.subject_type');
  inList('status', 'r.status');
  return sql.join(parts, sql` and `);
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
      ? sql`ts_rank_cd(r.search_vector, to_tsquery('simple', ${f.tsquery})) * (0.5 + r.doc_score)`
      : sql`r.doc_score`;
    const order =
      f.sort === 'title'
        ? sql`r.title, r.id`
        : f.sort === 'updated'
          ? sql`r.updated_at desc, r.id`
          : sql`${rank} desc, r.updated_at desc, r.id`;
    const rows = await sql<ResourceRow>`
      select r.*, o.name as owner_org_name, s.name as sector_name
      from catalog_resources r
      left join orgs o on o.id = r.owner_org_id
      left join catalog_sectors s on s.code = r.sector_code
      where ${where} order by ${order} limit ${size} offset ${(page - 1) * size}`.execute(db);
    return rows.rows;
  },

  /** Counts per facet value; each facet ignores its own filter so the user can widen a choice. */
  facets: async (db: Executor, f: ResourceFilter, v: Visibility) => {
    const facet = (key: keyof ResourceFilter, column: string) => sql`
      select ${key} as facet, ${sql.ref(column)} as value, count(*)::int as n from catalog_resources r
      where ${filterSql(f, v, key)} group by ${sql.ref(column)}`;
    const r = await sql<{ facet: string; value: string | null; n: number }>`
      ${facet('sector', 'r.sector_code')} union all ${facet('grade', 'r.grade')}
      union all ${facet('openClass', 'r.open_class')} union all ${facet('org', 'r.owner_org_id')}
      union all ${facet('format', 'r.format')}
      union all select 'total', null, count(*)::int from catalog_resources r where ${filterSql(f, v)}`.execute(
      db,
    );
    return r.rows;
  },

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

  findOrgs: (db: Executor, ids: string[]) =>
    ids.length
      ? db.selectFrom('orgs').select(['id', 'name', 'uscc', 'status']).where('id', 'in', ids).execute()
      : Promise.resolve([]),

  findSectors: (db: Executor) =>
    sql<{
      code: string;
      parent_code: string | null;
      name: string;
      name_en: string | null;
      sort: number;
      n: number;
    }>`select s.*, coalesce(c.n, 0) as n from catalog_sectors s
       left join (select sector_code, count(*)::int as n from catalog_resources group by sector_code) c
         on c.sector_code = s.code
       order by s.parent_code nulls first, s.sort, s.code`.execute(db),

  findSectorNames: (db: Executor) => db.selectFrom('catalog_sectors').select(['code', 'name']).execute(),
};
