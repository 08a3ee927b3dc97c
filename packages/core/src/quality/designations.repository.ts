import type { HqdLevel, HqdStatus } from '@shuliu/contracts';
import { sql, type Insertable, type Kysely, type Selectable, type Updateable } from 'kysely';
import { resourceTitle } from '../catalog/index.js';
import type { DB } from '../db/schema.js';
import { orgName } from '../identity/index.js';
import type { HqdApplicationsTable } from './designations.tables.js';

type Executor = Kysely<DB>;
export type HqdRow = Selectable<HqdApplicationsTable> & {
  org_name: string | null;
  reviewer_org_name: string | null;
  resource_title: string | null;
};

/** Which applications a list shows: an org's own, those assigned to it for review, or all (oversight). */
export interface HqdFilter {
  orgId?: string;
  reviewerOrgId?: string;
  status?: HqdStatus;
}

const applications = (db: Executor) =>
  db
    .selectFrom('hqd_applications as h')
    .selectAll('h')
    .select([
      orgName('h.org_id').as('org_name'),
      orgName('h.reviewer_org_id').as('reviewer_org_name'),
      resourceTitle('h.resource_id').as('resource_title'),
    ]);

/** The queries of 高质量数据集 applications and the programme's settings. */
export const designationsRepository = {
  insert: (tx: Executor, row: Insertable<HqdApplicationsTable>) =>
    tx.insertInto('hqd_applications').values(row).execute(),

  update: (tx: Executor, id: string, set: Updateable<HqdApplicationsTable>) =>
    tx.updateTable('hqd_applications').set(set).where('id', '=', id).execute(),

  lock: (tx: Executor, id: string) =>
    tx.selectFrom('hqd_applications').selectAll().where('id', '=', id).forUpdate().executeTakeFirst(),

  find: (db: Executor, id: string): Promise<HqdRow | undefined> =>
    applications(db).where('h.id', '=', id).executeTakeFirst(),

  /** A live (not rejected) application for the resource at the level. */
  liveFor: (db: Executor, resourceId: string, level: HqdLevel) =>
    db
      .selectFrom('hqd_applications')
      .select(['id', 'status'])
      .where('resource_id', '=', resourceId)
      .where('level', '=', level)
      .where('status', '<>', 'rejected')
      .executeTakeFirst(),

  list: async (db: Executor, f: HqdFilter, page: number, pageSize: number) => {
    let q = db.selectFrom('hqd_applications as h');
    if (f.orgId) q = q.where('h.org_id', '=', f.orgId);
    if (f.reviewerOrgId) q = q.where('h.reviewer_org_id', '=', f.reviewerOrgId);
    if (f.status) q = q.where('h.status', '=', f.status);
    const ids = q.select('h.id');
    const [rows, count] = await Promise.all([
      applications(db)
        .where('h.id', 'in', ids)
        .orderBy('h.created_at', 'desc')
        .orderBy('h.id', 'desc')
        .limit(pageSize)
        .offset((page - 1) * pageSize)
        .execute(),
      q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
    ]);
    return { rows: rows as HqdRow[], total: Number(count.n) };
  },

  designated: async (
    db: Executor,
    f: { year?: number; level?: HqdLevel },
    page: number,
    pageSize: number,
  ) => {
    let q = db.selectFrom('hqd_applications as h').where('h.status', '=', 'designated');
    if (f.year) q = q.where('h.year', '=', f.year);
    if (f.level) q = q.where('h.level', '=', f.level);
    const [rows, count] = await Promise.all([
      applications(db)
        .where('h.id', 'in', q.select('h.id'))
        .orderBy('h.decided_at', 'desc')
        .limit(pageSize)
        .offset((page - 1) * pageSize)
        .execute(),
      q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
    ]);
    return { rows: rows as HqdRow[], total: Number(count.n) };
  },

  /** Designations of the year per level, and the applications still in review. */
  yearCounts: async (db: Executor, year: number) =>
    (
      await sql<{ provincial: number; municipal: number; in_review: number }>`
        select count(*) filter (where status = 'designated' and level = 'provincial')::int as provincial,
               count(*) filter (where status = 'designated' and level = 'municipal')::int as municipal,
               count(*) filter (where status in ('submitted', 'in_review', 'reviewed'))::int as in_review
          from hqd_applications where year = ${year}`.execute(db)
    ).rows[0]!,

  settings: (db: Executor) =>
    db.selectFrom('hqd_settings').selectAll().where('id', '=', 1).executeTakeFirstOrThrow(),

  setSettings: (tx: Executor, yearlyTarget: number, passScore: number, by: string, at: Date) =>
    tx
      .updateTable('hqd_settings')
      .set({ yearly_target: yearlyTarget, pass_score: passScore, updated_by: by, updated_at: at })
      .where('id', '=', 1)
      .execute(),
};
