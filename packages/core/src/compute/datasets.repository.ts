import type { Insertable, Selectable, Updateable } from 'kysely';
import { orgName } from '../identity/index.js';
import { escapeLike, pageOf } from '../shared/sql.js';
import type { ComputeDatasetsTable } from './compute.tables.js';
import type { Executor } from './compute.support.js';

export type DatasetRow = Selectable<ComputeDatasetsTable> & {
  org_name: string | null;
  agent_name: string | null;
};

export interface DatasetFilter {
  /** Only this org's datasets. */
  orgId?: string;
  /** Besides `orgId`'s own: other orgs' active datasets that have a release policy. */
  offeredToo?: boolean;
  agentId?: string;
  q?: string;
}

const withNames = (db: Executor) =>
  db
    .selectFrom('compute_datasets as d')
    .selectAll('d')
    .select([
      orgName('d.org_id').as('org_name'),
      (e) =>
        e
          .selectFrom('compute_agents as a')
          .select('a.name')
          .whereRef('a.id', '=', 'd.agent_id')
          .as('agent_name'),
    ]);

/** The queries of the datasets agents hold, and of the privacy spent on them. */
export const datasetsRepository = {
  find: (db: Executor, id: string): Promise<DatasetRow | undefined> =>
    withNames(db).where('d.id', '=', id).executeTakeFirst(),

  lock: (tx: Executor, id: string) =>
    tx.selectFrom('compute_datasets').selectAll().where('id', '=', id).forUpdate().executeTakeFirst(),

  ofAgent: (db: Executor, agentId: string) =>
    db.selectFrom('compute_datasets').selectAll().where('agent_id', '=', agentId).execute(),

  async page(db: Executor, f: DatasetFilter, page: number, size: number) {
    let q = withNames(db);
    if (f.orgId && f.offeredToo)
      q = q.where((w) =>
        w.or([
          w('d.org_id', '=', f.orgId!),
          w.and([w('d.status', '=', 'active'), w('d.policy', 'is not', null)]),
        ]),
      );
    else if (f.orgId) q = q.where('d.org_id', '=', f.orgId);
    if (f.agentId) q = q.where('d.agent_id', '=', f.agentId);
    if (f.q) {
      const like = `%${escapeLike(f.q)}%`;
      q = q.where((w) => w.or([w('d.title', 'ilike', like), w('d.name', 'ilike', like)]));
    }
    return pageOf(q.orderBy('d.status').orderBy('d.updated_at', 'desc').orderBy('d.id'), page, size);
  },

  insert: (tx: Executor, row: Insertable<ComputeDatasetsTable>) =>
    tx.insertInto('compute_datasets').values(row).execute(),

  update: (tx: Executor, id: string, set: Updateable<ComputeDatasetsTable>) =>
    tx.updateTable('compute_datasets').set(set).where('id', '=', id).execute(),

  /** Withdraws the agent's datasets (all of them, or those not named in `keep`). */
  withdraw: (tx: Executor, agentId: string, at: Date, keep: string[] = []) => {
    let q = tx
      .updateTable('compute_datasets')
      .set({ status: 'withdrawn', updated_at: at })
      .where('agent_id', '=', agentId)
      .where('status', '=', 'active');
    if (keep.length) q = q.where('name', 'not in', keep);
    return q.returning(['id', 'name']).execute();
  },

  /** What each consumer org has spent of each dataset's budget (ε), for the datasets given. */
  async spentBy(db: Executor, orgId: string, datasetIds: string[]): Promise<Map<string, number>> {
    if (!orgId || datasetIds.length === 0) return new Map();
    const rows = await db
      .selectFrom('compute_budget_spends')
      .select(['dataset_id', (e) => e.fn.sum<number>('epsilon').as('eps')])
      .where('consumer_org_id', '=', orgId)
      .where('dataset_id', 'in', datasetIds)
      .groupBy('dataset_id')
      .execute();
    return new Map(rows.map((r) => [r.dataset_id, Number(r.eps)]));
  },
};
