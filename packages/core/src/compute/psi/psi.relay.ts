import type { PsiSpec } from '@shuliu/contracts';
import type { Readable } from 'node:stream';
import { recordAudit } from '../../audit/index.js';
import type { RequestContext } from '../../shared/context.js';
import { NotFound } from '../../shared/errors.js';
import { requireAgent } from '../agents.service.js';
import { storeAgentUpload } from '../agent-upload.js';
import { DatasetWithdrawn, JobNotRunning } from '../compute.errors.js';
import type { ComputeDeps, Executor } from '../compute.support.js';
import type { PolicyRow } from '../compute.tables.js';
import { datasetsRepository as datasets, type DatasetRow } from '../datasets.repository.js';
import { jobsRepository as repo } from '../jobs.repository.js';
import { QueryRefused } from '../sql/sql-refusal.js';
import { PSI_MAX_ITEMS, psiResponseBytes } from './psi.js';

/**
 * The platform's part in a PSI job: it checks the spec, hands the job to the agent whose turn it is, and relays
 * each step's list (blinded points only) through the blob store to the next. Phase 1 and 3 run at the
 * consumer's own dataset's agent, phase 2 at the dataset's.
 */
export class PsiRelay {
  constructor(private readonly deps: ComputeDeps) {}

  /**
   * The spec against both datasets, throwing the refusal by rule: the column a declared join key of the
   * dataset, the other side the consumer's own active dataset with the named column. Returns that dataset.
   */
  async check(spec: PsiSpec, d: DatasetRow, policy: PolicyRow, orgId: string): Promise<DatasetRow> {
    if (!d.columns.some((c) => c.name === spec.column))
      throw new QueryRefused('unknown_column', `${spec.column} is not a column of the dataset`);
    if (!policy.joinKeys.includes(spec.column))
      throw new QueryRefused(
        'psi_not_join_key',
        `${spec.column} is not among the join keys the holder declared (${policy.joinKeys.join(', ') || 'none'})`,
      );
    const own = await datasets.find(this.deps.db, spec.with.datasetId);
    if (!own || own.org_id !== orgId)
      throw new QueryRefused(
        'psi_not_own',
        `${spec.with.datasetId} is not a dataset of your organization: the other side is your own data`,
      );
    if (own.status !== 'active') throw DatasetWithdrawn(`your dataset ${own.name} is withdrawn`);
    if (!own.columns.some((c) => c.name === spec.with.column))
      throw new QueryRefused('unknown_column', `${spec.with.column} is not a column of ${own.name}`);
    return own;
  }

  /** The dataset a phase reads (the consumer's in 1 and 3, the job's in 2); null when it was withdrawn. */
  async phaseDataset(tx: Executor, spec: PsiSpec, phase: 1 | 2 | 3, d: DatasetRow) {
    if (phase === 2) return d;
    const own = await datasets.find(tx, spec.with.datasetId);
    return own && own.status === 'active' ? own : null;
  }

  /**
   * An agent's step: phase 1's request or phase 2's response, stored encrypted, and the job passed to the agent
   * of the next phase, queued. A retried upload of the same phase replaces the one before.
   */
  async step(ctx: RequestContext, id: string, body: Readable, declaredSm3: string) {
    const agent = requireAgent(ctx);
    const j = await repo.find(this.deps.db, id);
    if (!j || j.agent_id !== agent.userId) throw NotFound('job', id);
    if (j.status !== 'running' || j.kind !== 'psi' || j.psi_phase === 3)
      throw JobNotRunning(
        `the job is a ${j.kind} job, ${j.status}${j.psi_phase ? ` in phase ${j.psi_phase}` : ''}: only phase 1 or 2 of a running PSI job sends a list`,
      );
    const upload = { declaredSm3, maxBytes: psiResponseBytes(PSI_MAX_ITEMS, PSI_MAX_ITEMS), what: 'list' };
    return storeAgentUpload(this.deps.blobs, body, upload, (key, stored) =>
      this.deps.db.transaction().execute(async (tx) => {
        const locked = await repo.lock(tx, id);
        if (
          !locked ||
          locked.agent_id !== agent.userId ||
          locked.status !== 'running' ||
          locked.psi_phase !== j.psi_phase
        )
          throw JobNotRunning('the job moved on meanwhile');
        const spec = locked.psi_spec!;
        const next = (locked.psi_phase! + 1) as 2 | 3;
        const nextDataset = next === 2 ? locked.dataset_id : spec.with.datasetId;
        const at = this.deps.now();
        await repo.update(tx, id, {
          psi_blob: key,
          psi_phase: next,
          agent_id: (await datasets.find(tx, nextDataset))!.agent_id,
          status: 'queued',
          attempts: 0,
          lease_expires_at: null,
          updated_at: at,
        });
        await recordAudit(tx, ctx, {
          action: 'compute.job.psi_step',
          objectType: 'compute_job',
          objectId: id,
          details: { phase: locked.psi_phase, size: stored.size, sm3: stored.sm3 },
        });
        return locked.psi_blob;
      }),
    );
  }

  /** The list the running phase reads: phase 1's request in phase 2, phase 2's response in phase 3. */
  async input(ctx: RequestContext, id: string): Promise<Readable> {
    const agent = requireAgent(ctx);
    const j = await repo.find(this.deps.db, id);
    if (!j || j.agent_id !== agent.userId) throw NotFound('job', id);
    if (j.status !== 'running' || j.kind !== 'psi' || j.psi_phase === 1 || !j.psi_blob)
      throw JobNotRunning('only phase 2 or 3 of a running PSI job reads a list');
    return this.deps.blobs.read(j.psi_blob);
  }
}

/** The columns a PSI phase reads: the identifier column of the dataset it runs on. */
export const psiColumn = (spec: PsiSpec, phase: 1 | 2 | 3): string =>
  phase === 2 ? spec.column : spec.with.column;
