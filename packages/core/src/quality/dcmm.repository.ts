import type { Insertable, Kysely, Selectable, Updateable } from 'kysely';
import type { DB } from '../db/schema.js';
import { orgName } from '../identity/index.js';
import type { DcmmAnswersTable, DcmmAssessmentsTable } from './dcmm.tables.js';

type Executor = Kysely<DB>;
export type AssessmentRow = Selectable<DcmmAssessmentsTable> & { org_name: string | null };
export type AnswerRow = Selectable<DcmmAnswersTable>;

/** Which assessments a list shows: one org's (`orgId`), or all of them for oversight (`orgId` null). */
export interface AssessmentFilter {
  orgId: string | null;
  status?: DcmmAssessmentsTable['status'];
}

const assessments = (db: Executor) =>
  db.selectFrom('dcmm_assessments as a').selectAll('a').select(orgName('a.org_id').as('org_name'));

/** The queries of DCMM self-assessments and their answers (the service decides, these read and write). */
export const dcmmRepository = {
  insert: (tx: Executor, row: Insertable<DcmmAssessmentsTable>) =>
    tx.insertInto('dcmm_assessments').values(row).execute(),

  update: (tx: Executor, id: string, set: Updateable<DcmmAssessmentsTable>) =>
    tx.updateTable('dcmm_assessments').set(set).where('id', '=', id).execute(),

  find: (db: Executor, id: string): Promise<AssessmentRow | undefined> =>
    assessments(db).where('a.id', '=', id).executeTakeFirst(),

  /** The assessment, locked for the change that follows. */
  lock: (tx: Executor, id: string) =>
    tx.selectFrom('dcmm_assessments').selectAll().where('id', '=', id).forUpdate().executeTakeFirst(),

  answersOf: (db: Executor, id: string): Promise<AnswerRow[]> =>
    db.selectFrom('dcmm_answers').selectAll().where('assessment_id', '=', id).execute(),

  /** Writes answers, replacing an earlier answer to the same statement. */
  saveAnswers: (tx: Executor, rows: Insertable<DcmmAnswersTable>[]) =>
    tx
      .insertInto('dcmm_answers')
      .values(rows)
      .onConflict((oc) =>
        oc.columns(['assessment_id', 'statement_id']).doUpdateSet((eb) => ({
          answer: eb.ref('excluded.answer'),
          note: eb.ref('excluded.note'),
          answered_by: eb.ref('excluded.answered_by'),
          answered_at: eb.ref('excluded.answered_at'),
        })),
      )
      .execute(),

  list: async (db: Executor, f: AssessmentFilter, page: number, pageSize: number) => {
    let q = db.selectFrom('dcmm_assessments as a');
    if (f.orgId) q = q.where('a.org_id', '=', f.orgId);
    if (f.status) q = q.where('a.status', '=', f.status);
    const [rows, count] = await Promise.all([
      q
        .selectAll('a')
        .select(orgName('a.org_id').as('org_name'))
        .orderBy('a.created_at', 'desc')
        .orderBy('a.id', 'desc')
        .limit(pageSize)
        .offset((page - 1) * pageSize)
        .execute(),
      q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
    ]);
    return { rows: rows as AssessmentRow[], total: Number(count.n) };
  },

  /** The latest submitted assessment of every org that has one. */
  latestSubmitted: (db: Executor) =>
    db
      .selectFrom('dcmm_assessments')
      .select(['org_id', 'result'])
      .distinctOn('org_id')
      .where('status', '=', 'submitted')
      .orderBy('org_id')
      .orderBy('submitted_at', 'desc')
      .execute(),
};
