import { sql, type Insertable, type Kysely, type Selectable, type Updateable } from 'kysely';
import type { DB } from '../db/schema.js';
import type { QualityRuleSetsTable, QualityRunsTable, QualitySettingsTable } from './quality.tables.js';

type Executor = Kysely<DB>;
export type RunRow = Selectable<QualityRunsTable>;
export type RuleSetRow = Selectable<QualityRuleSetsTable>;
export type SettingsRow = Selectable<QualitySettingsTable>;

/** Every column of a run but its report: what a trend needs. */
const SUMMARY = [
  'id',
  'resource_id',
  'file_id',
  'dataset_id',
  'agent_id',
  'trigger',
  'status',
  'rules_version',
  'rows_read',
  'progress',
  'overall',
  'conformance',
  'completeness',
  'accuracy',
  'consistency',
  'timeliness',
  'accessibility',
  'error',
  'created_by',
  'created_at',
  'started_at',
  'finished_at',
  'updated_at',
] as const;
export type RunSummaryRow = Pick<RunRow, (typeof SUMMARY)[number]>;

/** The queries of the quality domain: rule sets, runs and the operator's settings. */
export const qualityRepository = {
  ruleSet: (db: Executor, resourceId: string) =>
    db.selectFrom('quality_rule_sets').selectAll().where('resource_id', '=', resourceId).executeTakeFirst(),

  lockRuleSet: (tx: Executor, resourceId: string) =>
    tx
      .selectFrom('quality_rule_sets')
      .selectAll()
      .where('resource_id', '=', resourceId)
      .forUpdate()
      .executeTakeFirst(),

  insertRuleSet: (tx: Executor, row: Insertable<QualityRuleSetsTable>) =>
    tx.insertInto('quality_rule_sets').values(row).execute(),

  updateRuleSet: (tx: Executor, resourceId: string, set: Updateable<QualityRuleSetsTable>) =>
    tx.updateTable('quality_rule_sets').set(set).where('resource_id', '=', resourceId).execute(),

  insertRun: (tx: Executor, row: Insertable<QualityRunsTable>) =>
    tx.insertInto('quality_runs').values(row).execute(),

  updateRun: (db: Executor, id: string, set: Updateable<QualityRunsTable>) =>
    db.updateTable('quality_runs').set(set).where('id', '=', id).execute(),

  /** Takes a queued run to running; false when another process took it first (or it is not queued). */
  claimRun: async (db: Executor, id: string, at: Date) =>
    Number(
      (
        await db
          .updateTable('quality_runs')
          .set({ status: 'running', started_at: at, updated_at: at })
          .where('id', '=', id)
          .where('status', '=', 'queued')
          .executeTakeFirst()
      ).numUpdatedRows,
    ) === 1,

  /** Runs waiting for this process's line: those of files (an agent takes its own). */
  queuedRuns: (db: Executor) =>
    db
      .selectFrom('quality_runs')
      .select('id')
      .where('status', '=', 'queued')
      .where('agent_id', 'is', null)
      .orderBy('created_at')
      .execute(),

  /** The oldest run queued for this agent. */
  nextForAgent: (db: Executor, agentId: string) =>
    db
      .selectFrom('quality_runs')
      .selectAll()
      .where('agent_id', '=', agentId)
      .where('status', '=', 'queued')
      .orderBy('created_at')
      .orderBy('id')
      .limit(1)
      .executeTakeFirst(),

  run: (db: Executor, id: string) =>
    db.selectFrom('quality_runs').selectAll().where('id', '=', id).executeTakeFirst(),

  /** The queued or running run of a resource, if any (there is at most one). */
  activeRun: (db: Executor, resourceId: string) =>
    db
      .selectFrom('quality_runs')
      .select(SUMMARY)
      .where('resource_id', '=', resourceId)
      .where('status', 'in', ['queued', 'running'])
      .executeTakeFirst(),

  /** The newest finished run of a resource, with its report. */
  latestDone: (db: Executor, resourceId: string) =>
    db
      .selectFrom('quality_runs')
      .selectAll()
      .where('resource_id', '=', resourceId)
      .where('status', '=', 'done')
      .orderBy('finished_at', 'desc')
      .orderBy('id', 'desc')
      .executeTakeFirst(),

  /** One page of a resource's runs, newest first, without their reports. */
  async page(db: Executor, resourceId: string, page: number, pageSize: number) {
    const [rows, count] = await Promise.all([
      db
        .selectFrom('quality_runs')
        .select(SUMMARY)
        .where('resource_id', '=', resourceId)
        .orderBy('created_at', 'desc')
        .orderBy('id', 'desc')
        .limit(pageSize)
        .offset((page - 1) * pageSize)
        .execute(),
      db
        .selectFrom('quality_runs')
        .select((e) => e.fn.countAll<number>().as('n'))
        .where('resource_id', '=', resourceId)
        .executeTakeFirstOrThrow(),
    ]);
    return { rows, total: Number(count.n) };
  },

  /** The newest finished run of each of these resources, without its report. */
  latestDoneOf: async (db: Executor, resourceIds: string[]): Promise<RunSummaryRow[]> =>
    resourceIds.length
      ? db
          .selectFrom('quality_runs')
          .distinctOn('resource_id')
          .select(SUMMARY)
          .where('resource_id', 'in', resourceIds)
          .where('status', '=', 'done')
          .orderBy('resource_id')
          .orderBy('finished_at', 'desc')
          .orderBy('id', 'desc')
          .execute()
      : [],

  /**
   * Resources with a finished or failed run, and when their newest run was made: the periodic job picks the
   * stale ones. A resource never run is left to its upload.
   */
  lastRunTimes: async (db: Executor) =>
    (
      await sql<{ resource_id: string; last_at: Date; active: boolean }>`
        select resource_id, max(created_at) as last_at,
               bool_or(status in ('queued', 'running')) as active
        from quality_runs group by resource_id`.execute(db)
    ).rows,

  /** Runs left running by a process that stopped (a running run writes its progress every second). */
  stalledRuns: (db: Executor, before: Date) =>
    db
      .selectFrom('quality_runs')
      .select(['id', 'resource_id'])
      .where('status', '=', 'running')
      .where('updated_at', '<', before)
      .execute(),

  settings: (db: Executor) =>
    db.selectFrom('quality_settings').selectAll().where('id', '=', 'quality').executeTakeFirst(),

  lockSettings: (tx: Executor) =>
    tx.selectFrom('quality_settings').selectAll().where('id', '=', 'quality').forUpdate().executeTakeFirst(),

  saveSettings: (tx: Executor, row: Insertable<QualitySettingsTable>) =>
    tx
      .insertInto('quality_settings')
      .values({ ...row, id: 'quality' })
      .onConflict((oc) =>
        oc.column('id').doUpdateSet({
          weights: row.weights,
          min_listing_score: row.min_listing_score ?? null,
          updated_by: row.updated_by,
          updated_at: row.updated_at ?? new Date(),
        }),
      )
      .execute(),
};
