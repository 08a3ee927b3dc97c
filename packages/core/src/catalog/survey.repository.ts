import { sql, type Kysely } from 'kysely';
import type { DB } from '../db/schema.js';
import { orgName, orgRegion, orgUscc } from '../identity/index.js';

type Executor = Kysely<DB>;

/** Resources and ready data volumes of one (sector, grade, subject type, owner org) cell. */
export interface SurveyCell {
  sector_code: string;
  sector_name: string | null;
  grade: string;
  subject_type: string;
  org_id: string;
  org_name: string | null;
  uscc: string | null;
  region: string | null;
  resources: number;
  published: number;
  files: number;
  rows: number;
  bytes: number;
}

export const surveyRepository = {
  /**
   * Every catalogued (not retired) resource, folded into cells; volumes are the rows and bytes of its ready
   * data files. The service folds cells further into each dimension, so the catalog is read once.
   */
  findCells: async (db: Executor) =>
    (
      await sql<SurveyCell>`
        with f as (
          select resource_id, count(*)::int as files, coalesce(sum(row_count), 0)::float8 as rows,
                 coalesce(sum(size_bytes), 0)::float8 as bytes
          from catalog_files where role = 'data' and status = 'ready' group by resource_id
        )
        select r.sector_code, s.name as sector_name, r.grade, r.subject_type, r.owner_org_id as org_id,
               ${orgName('r.owner_org_id')} as org_name, ${orgUscc('r.owner_org_id')} as uscc,
               ${orgRegion('r.owner_org_id')} as region,
               count(*)::int as resources,
               count(*) filter (where r.status = 'published')::int as published,
               coalesce(sum(f.files), 0)::int as files,
               coalesce(sum(f.rows), 0)::float8 as rows,
               coalesce(sum(f.bytes), 0)::float8 as bytes
        from catalog_resources r
        left join f on f.resource_id = r.id
        left join catalog_sectors s on s.code = r.sector_code
        where r.status <> 'retired'
        group by r.sector_code, s.name, r.grade, r.subject_type, r.owner_org_id`.execute(db)
    ).rows,

  insertSnapshot: (db: Executor, id: string, takenAt: Date, survey: unknown) =>
    db
      .insertInto('catalog_survey_snapshots')
      .values({ id, taken_at: takenAt, totals: JSON.stringify(survey) })
      .execute(),

  findSnapshots: (db: Executor, limit: number, from?: Date, to?: Date) => {
    // the stored survey carries every breakdown; a time series needs only its totals
    let q = db
      .selectFrom('catalog_survey_snapshots')
      .select(['id', 'taken_at', sql<unknown>`totals -> 'totals'`.as('totals')]);
    if (from) q = q.where('taken_at', '>=', from);
    if (to) q = q.where('taken_at', '<', to);
    // the newest `limit`, returned oldest first for a time axis
    return q
      .orderBy('taken_at', 'desc')
      .orderBy('id', 'desc')
      .limit(limit)
      .execute()
      .then((rows) => rows.reverse());
  },

  findSnapshot: (db: Executor, id: string) =>
    db.selectFrom('catalog_survey_snapshots').selectAll().where('id', '=', id).executeTakeFirst(),

  findLatestSnapshotTime: async (db: Executor) =>
    (
      await db
        .selectFrom('catalog_survey_snapshots')
        .select('taken_at')
        .orderBy('taken_at', 'desc')
        .limit(1)
        .executeTakeFirst()
    )?.taken_at ?? null,
};
