import { sql, type Insertable, type Selectable, type Updateable } from 'kysely';
import { orgName } from '../identity/index.js';
import type { ComputeJobsTable, JobStatusRow } from './compute.tables.js';
import { pageOf } from '../shared/sql.js';
import type { Executor } from './compute.support.js';

export type JobRow = Selectable<ComputeJobsTable> & {
  dataset_title: string;
  dataset_name: string;
  owner_org_name: string | null;
  consumer_org_name: string | null;
};

export interface JobFilter {
  /** Jobs the org submitted or ran on its data (overseers: unset, every job). */
  orgId?: string;
  side?: 'consumer' | 'owner';
  datasetId?: string;
  status?: JobStatusRow;
}

const withFacts = (db: Executor) =>
  db
    .selectFrom('compute_jobs as j')
    .innerJoin('compute_datasets as d', 'd.id', 'j.dataset_id')
    .selectAll('j')
    .select([
      'd.title as dataset_title',
      'd.name as dataset_name',
      orgName('j.owner_org_id').as('owner_org_name'),
      orgName('j.consumer_org_id').as('consumer_org_name'),
    ]);

/** The queries of compute jobs, their leases and the privacy budget reserved for them. */
export const jobsRepository = {
  find: (db: Executor, id: string): Promise<JobRow | undefined> =>
    withFacts(db).where('j.id', '=', id).executeTakeFirst(),

  lock: (tx: Executor, id: string) =>
    tx.selectFrom('compute_jobs').selectAll().where('id', '=', id).forUpdate().executeTakeFirst(),

  insert: (tx: Executor, row: Insertable<ComputeJobsTable>) =>
    tx.insertInto('compute_jobs').values(row).execute(),

  update: (tx: Executor, id: string, set: Updateable<ComputeJobsTable>) =>
    tx.updateTable('compute_jobs').set(set).where('id', '=', id).execute(),

  async page(db: Executor, f: JobFilter, page: number, size: number) {
    let q = withFacts(db);
    if (f.orgId) {
      const org = f.orgId;
      if (f.side === 'consumer') q = q.where('j.consumer_org_id', '=', org);
      else if (f.side === 'owner') q = q.where('j.owner_org_id', '=', org);
      else q = q.where((w) => w.or([w('j.consumer_org_id', '=', org), w('j.owner_org_id', '=', org)]));
    }
    if (f.datasetId) q = q.where('j.dataset_id', '=', f.datasetId);
    if (f.status) q = q.where('j.status', '=', f.status);
    return pageOf(q.orderBy('j.created_at', 'desc').orderBy('j.id', 'desc'), page, size);
  },

  /**
   * The agent's next job: queued, or running under a lease that lapsed (its agent went away mid-job). Taken
   * with SKIP LOCKED so two pollers of one agent never hold the same job.
   */
  nextFor: (tx: Executor, agentId: string, now: Date) =>
    tx
      .selectFrom('compute_jobs')
      .selectAll()
      .where('agent_id', '=', agentId)
      .where((w) =>
        w.or([
          w('status', '=', 'queued'),
          w.and([w('status', '=', 'running'), w('lease_expires_at', '<', now)]),
        ]),
      )
      .orderBy('created_at')
      .orderBy('id')
      .limit(1)
      .forUpdate()
      .skipLocked()
      .executeTakeFirst(),

  /** What the consumer org has spent (or reserved) of the dataset's budget. */
  async consumerSpent(tx: Executor, datasetId: string, orgId: string) {
    const r = await tx
      .selectFrom('compute_budget_spends')
      .select([
        (e) => e.fn.coalesce(e.fn.sum<number>('epsilon'), sql<number>`0`).as('epsilon'),
        (e) => e.fn.coalesce(e.fn.sum<number>('delta'), sql<number>`0`).as('delta'),
      ])
      .where('dataset_id', '=', datasetId)
      .where('consumer_org_id', '=', orgId)
      .executeTakeFirstOrThrow();
    return { epsilon: Number(r.epsilon), delta: Number(r.delta) };
  },

  /** Reserves (ε, δ) for the job: a row in the spending ledger and the dataset's running total, together. */
  async reserve(
    tx: Executor,
    s: { datasetId: string; consumerOrgId: string; jobId: string; epsilon: number; delta: number },
  ) {
    await tx
      .insertInto('compute_budget_spends')
      .values({
        dataset_id: s.datasetId,
        consumer_org_id: s.consumerOrgId,
        job_id: s.jobId,
        epsilon: s.epsilon,
        delta: s.delta,
      })
      .execute();
    await tx
      .updateTable('compute_datasets')
      .set((e) => ({
        epsilon_spent: sql`${e.ref('epsilon_spent')} + ${s.epsilon}`,
        delta_spent: sql`${e.ref('delta_spent')} + ${s.delta}`,
      }))
      .where('id', '=', s.datasetId)
      .execute();
  },

  /** Gives back what a job that released nothing had reserved. */
  async refund(tx: Executor, datasetId: string, jobId: string) {
    const gone = await tx
      .deleteFrom('compute_budget_spends')
      .where('dataset_id', '=', datasetId)
      .where('job_id', '=', jobId)
      .returning(['epsilon', 'delta'])
      .executeTakeFirst();
    if (!gone) return;
    await tx
      .updateTable('compute_datasets')
      .set((e) => ({
        epsilon_spent: sql`greatest(0, ${e.ref('epsilon_spent')} - ${gone.epsilon})`,
        delta_spent: sql`greatest(0, ${e.ref('delta_spent')} - ${gone.delta})`,
      }))
      .where('id', '=', datasetId)
      .execute();
  },

  /** Settles the reservation at what the release spent (never more than reserved). */
  settle: (tx: Executor, datasetId: string, jobId: string, spent: { epsilon: number; delta: number }) =>
    tx
      .updateTable('compute_budget_spends')
      .set({ epsilon: spent.epsilon, delta: spent.delta })
      .where('dataset_id', '=', datasetId)
      .where('job_id', '=', jobId)
      .execute(),
};
