import { sql, type Insertable, type Kysely, type Updateable } from 'kysely';
import type { DB } from '../db/schema.js';
import type { CatalogSectorsTable } from './catalog.tables.js';

type Executor = Kysely<DB>;

/** The queries of the sector classification tree. */
export const sectorsRepository = {
  find: (db: Executor, code: string) =>
    db
      .selectFrom('catalog_sectors')
      .select(['code', 'parent_code'])
      .where('code', '=', code)
      .executeTakeFirst(),

  /** Every sector with the number of resources filed under it, parents first. */
  tree: (db: Executor) =>
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

  names: (db: Executor) => db.selectFrom('catalog_sectors').select(['code', 'name']).execute(),

  /** The codes among `codes` that are not in the sector tree. */
  unknown: async (db: Executor, codes: string[]) => {
    if (codes.length === 0) return [];
    const have = await db.selectFrom('catalog_sectors').select('code').where('code', 'in', codes).execute();
    const known = new Set(have.map((r) => r.code));
    return codes.filter((c) => !known.has(c));
  },

  /** A sector and every sector above it, nearest first. */
  path: async (db: Executor, code: string) =>
    (
      await sql<{ code: string }>`with recursive up(code, parent_code, depth) as (
        select code, parent_code, 0 from catalog_sectors where code = ${code}
        union all select s.code, s.parent_code, up.depth + 1 from catalog_sectors s join up on s.code = up.parent_code
      ) select code from up order by depth`.execute(db)
    ).rows.map((r) => r.code),

  /** Whether a resource is filed under the sector or another sector sits below it. */
  inUse: async (db: Executor, code: string) =>
    !!(await db
      .selectFrom('catalog_resources')
      .select('id')
      .where('sector_code', '=', code)
      .union(db.selectFrom('catalog_sectors').select('code as id').where('parent_code', '=', code))
      .limit(1)
      .executeTakeFirst()),

  insert: (tx: Executor, row: Insertable<CatalogSectorsTable>) =>
    tx.insertInto('catalog_sectors').values(row).execute(),

  update: (tx: Executor, code: string, set: Updateable<CatalogSectorsTable>) =>
    tx.updateTable('catalog_sectors').set(set).where('code', '=', code).execute(),

  delete: (tx: Executor, code: string) => tx.deleteFrom('catalog_sectors').where('code', '=', code).execute(),
};
