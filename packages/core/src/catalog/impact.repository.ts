import type { Insertable, Kysely } from 'kysely';
import type { DB } from '../db/schema.js';
import type { CatalogImpactAssessmentsTable } from './impact.tables.js';

type Executor = Kysely<DB>;

/** The queries of resources' impact assessments (kept as the evidence of their grades). */
export const impactRepository = {
  /** The grade the latest assessment of the resource gave, if any. */
  latestGrade: async (db: Executor, resourceId: string) =>
    (
      await db
        .selectFrom('catalog_impact_assessments')
        .select('assessed_grade')
        .where('resource_id', '=', resourceId)
        .orderBy('created_at', 'desc')
        .orderBy('id', 'desc')
        .executeTakeFirst()
    )?.assessed_grade,

  insert: (tx: Executor, row: Insertable<CatalogImpactAssessmentsTable>) =>
    tx.insertInto('catalog_impact_assessments').values(row).execute(),

  /** The resource's assessments (or the one named), newest first, at most 1000. */
  ofResource: (db: Executor, resourceId: string, id?: string) => {
    const q = db.selectFrom('catalog_impact_assessments').selectAll().where('resource_id', '=', resourceId);
    return (id ? q.where('id', '=', id) : q)
      .orderBy('created_at', 'desc')
      .orderBy('id', 'desc')
      .limit(1000)
      .execute();
  },
};
