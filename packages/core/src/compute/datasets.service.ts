import type { Dataset, DatasetQuery, ReleasePolicy, ReportDatasetsBody } from '@shuliu/contracts';
import type { z } from 'zod';
import { resourceOwners } from '../catalog/index.js';
import { recordAudit } from '../audit/index.js';
import { hasRole, requirePrincipal, type RequestContext } from '../shared/context.js';
import { Forbidden, NotFound } from '../shared/errors.js';
import { newId } from '../shared/ids.js';
import { requireAgent } from './agents.service.js';
import { ComputePolicyInvalid, DatasetWithdrawn } from './compute.errors.js';
import { toDataset } from './compute.mappers.js';
import { policyProblem } from './compute.rules.js';
import type { ComputeDeps, Executor } from './compute.support.js';
import { datasetsRepository as repo, type DatasetRow } from './datasets.repository.js';

type Paged<T> = { items: T[]; total: number; page: number; pageSize: number };

/**
 * The datasets agents hold: reported by their agent (schema and size, never rows), offered for computation
 * once their holder sets a release policy — privacy unit, contribution bound, k, bounds, join keys and the
 * ε/δ budget with each consumer's share.
 */
export class DatasetsService {
  constructor(private readonly deps: ComputeDeps) {}

  /** The agent's report replaces what it said before: a dataset it no longer names is withdrawn. */
  async report(ctx: RequestContext, b: z.output<typeof ReportDatasetsBody>): Promise<{ items: Dataset[] }> {
    const agent = requireAgent(ctx);
    const names = b.datasets.map((d) => d.name);
    const dup = names.find((n, i) => names.indexOf(n) !== i);
    if (dup) throw ComputePolicyInvalid(`datasets: ${dup} is reported twice`, { field: 'datasets' });
    // a dataset is linked only to a catalog resource of the agent's own org: jobs, grants and exports rely on it
    const linked = b.datasets.flatMap((d) => (d.resourceId ? [d.resourceId] : []));
    const owners = await resourceOwners(this.deps.db, linked);
    const foreign = b.datasets.find((d) => d.resourceId && owners.get(d.resourceId) !== agent.orgId);
    if (foreign)
      throw ComputePolicyInvalid(
        `datasets: ${foreign.name} names resource ${foreign.resourceId}, which is not a catalog resource of the agent’s organization`,
        { field: 'datasets' },
      );
    const at = this.deps.now();
    await this.deps.db.transaction().execute(async (tx) => {
      const known = new Map((await repo.ofAgent(tx, agent.userId)).map((d) => [d.name, d]));
      const changes = [];
      for (const d of b.datasets) {
        const was = known.get(d.name);
        const columns = JSON.stringify(d.columns);
        if (!was) {
          await repo.insert(tx, {
            id: newId('cds'),
            agent_id: agent.userId,
            org_id: agent.orgId!,
            name: d.name,
            title: d.title,
            resource_id: d.resourceId ?? null,
            columns,
            rows: d.rows,
            reported_at: at,
          });
          changes.push({ name: d.name, change: 'added' });
          continue;
        }
        // a policy that no longer fits the columns is dropped: nothing is computed until the holder sets one again
        const stale = was.policy !== null && policyProblem(was.policy, d.columns, was.epsilon_spent) !== null;
        await repo.update(tx, was.id, {
          title: d.title,
          resource_id: d.resourceId ?? null,
          columns,
          rows: d.rows,
          status: 'active',
          reported_at: at,
          updated_at: at,
          ...(stale && { policy: null }),
        });
        if (stale || was.status !== 'active')
          changes.push({ name: d.name, change: stale ? 'policy_dropped' : 'back' });
      }
      const gone = await repo.withdraw(tx, agent.userId, at, names);
      for (const g of gone) changes.push({ name: g.name, change: 'withdrawn' });
      await recordAudit(tx, ctx, {
        action: 'compute.dataset.report',
        objectType: 'compute_agent',
        objectId: agent.userId,
        details: { datasets: names.length, changes: changes.slice(0, 100) },
      });
    });
    const { rows } = await repo.page(this.deps.db, { agentId: agent.userId }, 1, 100);
    return { items: rows.map((d) => toDataset(d, agent.orgId, 0)) };
  }

  async list(ctx: RequestContext, q: z.output<typeof DatasetQuery>): Promise<Paged<Dataset>> {
    const p = requirePrincipal(ctx);
    const overseer = hasRole(ctx, 'operator', 'regulator');
    const orgId = p.orgId ?? undefined;
    if (!overseer && !orgId) throw Forbidden('datasets are listed for an organization');
    const { rows, total } = await repo.page(
      this.deps.db,
      {
        orgId: overseer && !q.mine ? undefined : orgId,
        offeredToo: !q.mine && !overseer,
        agentId: q.agent,
        q: q.q,
      },
      q.page,
      q.pageSize,
    );
    return { items: await this.shown(rows, p.orgId), total, page: q.page, pageSize: q.pageSize };
  }

  async get(ctx: RequestContext, id: string): Promise<Dataset> {
    const d = await repo.find(this.deps.db, id);
    if (!d || !this.sees(ctx, d)) throw NotFound('dataset', id);
    return (await this.shown([d], ctx.principal?.orgId ?? null))[0]!;
  }

  /** The holder's release policy; the budget's total cannot go below what is spent. */
  async setPolicy(ctx: RequestContext, id: string, policy: ReleasePolicy): Promise<Dataset> {
    const p = requirePrincipal(ctx);
    await this.deps.db.transaction().execute(async (tx) => {
      const d = await repo.lock(tx, id);
      if (!d || d.org_id !== p.orgId) throw NotFound('dataset', id);
      if (d.status !== 'active') throw DatasetWithdrawn();
      const problem = policyProblem(policy, d.columns, d.epsilon_spent);
      if (problem) throw ComputePolicyInvalid(problem.message, { field: problem.field });
      await repo.update(tx, id, {
        policy: JSON.stringify(policy),
        epsilon_total: policy.epsilonTotal,
        delta_total: policy.deltaTotal,
        updated_at: this.deps.now(),
        version: d.version + 1,
      });
      await recordAudit(tx, ctx, {
        action: 'compute.dataset.policy',
        objectType: 'compute_dataset',
        objectId: id,
        details: { before: d.policy, after: policy },
      });
    });
    return this.get(ctx, id);
  }

  /** Withdraws every dataset of a revoked agent (in the revoking transaction). */
  withdrawAll(tx: Executor, agentId: string, at: Date) {
    return repo.withdraw(tx, agentId, at).then(() => undefined);
  }

  private sees(ctx: RequestContext, d: DatasetRow) {
    if (hasRole(ctx, 'operator', 'regulator') || ctx.principal?.orgId === d.org_id) return true;
    return d.status === 'active' && d.policy !== null;
  }

  private async shown(rows: DatasetRow[], orgId: string | null) {
    const spent = await repo.spentBy(
      this.deps.db,
      orgId ?? '',
      rows.map((r) => r.id),
    );
    return rows.map((d) => toDataset(d, orgId, spent.get(d.id) ?? 0));
  }
}
