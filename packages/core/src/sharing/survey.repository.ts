import { sql, type Kysely } from 'kysely';
import type { DB } from '../db/schema.js';
import { surveyCells } from '../catalog/index.js';

type Executor = Kysely<DB>;

export type { SurveyCell } from '../catalog/index.js';

export const surveyRepository = {
  findCells: surveyCells,

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
