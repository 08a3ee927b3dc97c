import type { Insertable, Selectable, Updateable } from 'kysely';
import { orgName } from '../identity/index.js';
import type { ComputeAgentsTable } from './compute.tables.js';
import { pageOf } from '../shared/sql.js';
import type { Executor } from './compute.support.js';

export type AgentRow = Selectable<ComputeAgentsTable> & { org_name: string | null; dataset_count: number };

const withFacts = (db: Executor) =>
  db
    .selectFrom('compute_agents as a')
    .selectAll('a')
    .select([
      orgName('a.org_id').as('org_name'),
      (e) =>
        e
          .selectFrom('compute_datasets as d')
          .select((x) => x.fn.countAll<string>().as('n'))
          .whereRef('d.agent_id', '=', 'a.id')
          .where('d.status', '=', 'active')
          .as('dataset_count'),
    ]);

const withCount = (r: Omit<AgentRow, 'dataset_count'> & { dataset_count: string | number | null }) => ({
  ...r,
  dataset_count: Number(r.dataset_count ?? 0),
});

/** The queries of compute agents, their enrolment and the nonces of their signed requests. */
export const agentsRepository = {
  async find(db: Executor, id: string): Promise<AgentRow | undefined> {
    const r = await withFacts(db).where('a.id', '=', id).executeTakeFirst();
    return r && withCount(r);
  },

  /** What verifying a signed request needs, and nothing more (it runs on every call of every agent). */
  identity: (db: Executor, id: string) =>
    db
      .selectFrom('compute_agents')
      .select(['id', 'org_id', 'name', 'status', 'public_key', 'key_id', 'last_seen_at'])
      .where('id', '=', id)
      .executeTakeFirst(),

  lock: (tx: Executor, id: string) =>
    tx.selectFrom('compute_agents').selectAll().where('id', '=', id).forUpdate().executeTakeFirst(),

  async page(db: Executor, f: { orgId?: string; status?: string }, page: number, size: number) {
    let q = withFacts(db);
    if (f.orgId) q = q.where('a.org_id', '=', f.orgId);
    if (f.status) q = q.where('a.status', '=', f.status as AgentRow['status']);
    const { rows, total } = await pageOf(q.orderBy('a.created_at', 'desc').orderBy('a.id'), page, size);
    return { rows: rows.map(withCount), total };
  },

  /** Inserts the agent unless its org already has one of that name (then nothing, and 0 rows). */
  async insert(tx: Executor, row: Insertable<ComputeAgentsTable>) {
    const r = await tx
      .insertInto('compute_agents')
      .values(row)
      .onConflict((c) => c.columns(['org_id', 'name']).doNothing())
      .executeTakeFirst();
    return Number(r.numInsertedOrUpdatedRows ?? 0) > 0;
  },

  update: (tx: Executor, id: string, set: Updateable<ComputeAgentsTable>) =>
    tx.updateTable('compute_agents').set(set).where('id', '=', id).execute(),

  keyHolder: (db: Executor, keyId: string) =>
    db.selectFrom('compute_agents').select('id').where('key_id', '=', keyId).executeTakeFirst(),

  /** Takes a nonce once: false when the agent used it before (a replayed request). */
  async takeNonce(db: Executor, agentId: string, nonce: string): Promise<boolean> {
    const r = await db
      .insertInto('compute_agent_nonces')
      .values({ agent_id: agentId, nonce })
      .onConflict((c) => c.columns(['agent_id', 'nonce']).doNothing())
      .executeTakeFirst();
    return Number(r.numInsertedOrUpdatedRows ?? 0) > 0;
  },

  sweepNonces: async (db: Executor, before: Date) =>
    Number(
      (await db.deleteFrom('compute_agent_nonces').where('at', '<', before).executeTakeFirst())
        .numDeletedRows,
    ),

  seen: (db: Executor, id: string, at: Date) =>
    db.updateTable('compute_agents').set({ last_seen_at: at }).where('id', '=', id).execute(),
};
