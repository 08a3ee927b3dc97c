import {
  categoriesHeld,
  jcs,
  uncoveredCategories,
  todayInChina,
  type Job,
  type JobBasis,
  type JobKind,
  type JobResult,
  type JobQuery,
  type JobReceiptBody,
  type JobResultBody,
  type JointLocal,
  type JointPart,
  type JointPartBody,
  type JointSpec,
  type LeasedJob,
  type PsiSpec,
  type ReviewJobBody,
  type SubmitJobBody,
} from '@shuliu/contracts';
import type { Selectable, Updateable } from 'kysely';
import { randomBytes } from 'node:crypto';
import type { Readable } from 'node:stream';
import type { z } from 'zod';
import { recordAudit } from '../audit/index.js';
import { parsePublicKey, sm2Verify, sm3Hex } from '../crypto/index.js';
import { consentDigest } from './personal-data.js';
import { notifyOrg } from '../identity/index.js';
import { notifyUsers } from '../notifications/index.js';
import { hasRole, requirePrincipal, type RequestContext } from '../shared/context.js';
import { Forbidden, Invalid, NotFound } from '../shared/errors.js';
import { newId } from '../shared/ids.js';
import { storeAgentUpload } from './agent-upload.js';
import { contractForCompute } from '../trade/index.js';
import { agentsRepository } from './agents.repository.js';
import { requireAgent } from './agents.service.js';
import {
  BasisMissing,
  BudgetExhausted,
  ConsentRequired,
  DatasetWithdrawn,
  JobNotRunning,
  JobNotInReview,
  PolicyMissing,
  QueryRefusedError,
  ResultInvalid,
} from './compute.errors.js';
import { toJob } from './compute.mappers.js';
import type { ComputeDeps, Executor } from './compute.support.js';
import type { ComputeJobsTable, PolicyRow } from './compute.tables.js';
import { datasetsRepository as datasets, type DatasetRow } from './datasets.repository.js';
import { BUDGET_QUANTUM, checkBudget, quantizeCost } from './dp/budget.js';
import { jobsRepository as repo, type JobRow } from './jobs.repository.js';
import { analyzeQuery } from './sql/sql-guard.js';
import { QueryRefused } from './sql/sql-refusal.js';
import { boundedSql } from './sql/rewrite.js';
import { checkExport, checkTemplate, templateNeedsDelta } from './jobs.rules.js';
import { PsiRelay } from './psi/psi.relay.js';
import { checkJoint, combineJoint } from './joint/joint.js';

type Paged<T> = { items: T[]; total: number; page: number; pageSize: number };
type Basis = { kind: JobBasis; contractNo: string | null; grantId: string | null; purpose: string };

/** A joint statistic's part as stored until the platform combines them: with its exact local aggregate. */
type StoredPart = JointPart & { local?: JointLocal };
const withoutLocal = ({ local: _local, ...part }: StoredPart): JointPart => part;

/** The datasets a joint statistic reads, in the order their agents take their turn: the job's first. */
const jointIds = (datasetId: string, spec: JointSpec) => [datasetId, ...spec.with];

/** The dataset whose part a joint statistic's current step computes; null when withdrawn or without policy. */
async function jointStepDataset(tx: Executor, j: Selectable<ComputeJobsTable>) {
  const d = await datasets.find(tx, jointIds(j.dataset_id, j.joint_spec!)[j.joint_step!]!);
  return d && d.status === 'active' && d.policy ? d : null;
}

/** The personal information categories a dataset holds, by the identifiers its agent detected in its values. */
const personalCategories = (d: { columns: { personal?: string }[] }) =>
  categoriesHeld(d.columns.map((c) => c.personal));

/** The column persons are matched to consent by: the one whose values the agent detected as ID card numbers. */
const subjectColumn = (d: { columns: { name: string; personal?: string }[] }) =>
  d.columns.find((c) => c.personal === 'idCard')?.name ?? null;

/** A released result is shown to whoever sees the job; one in review to the holder only. */
const resultShown = (ctx: RequestContext, j: { status: string; owner_org_id: string }) =>
  j.status === 'done' || (j.status === 'review' && ctx.principal?.orgId === j.owner_org_id);

/** Kinds that spend no privacy budget: k-anonymity protects an export's rows, a PSI job releases no aggregate. */
const FREE_KINDS = new Set<JobKind>(['anonymize', 'psi']);
/** How long an agent holds a leased job before it is offered again (its agent presumed gone). */
export const LEASE_MS = 120_000;
/** A job whose lease lapsed this often fails (and its reservation is given back). */
export const MAX_ATTEMPTS = 3;
/** The roles of a holder org that review results of important data before release. */
const REVIEWERS = ['org_admin', 'merchant', 'provider', 'authority'];

/**
 * 计算任务: a consumer's SQL on a dataset an agent holds. Submitting checks the query against the allow-list
 * (refusals name the rule), the basis (the holder itself, or a concluded compute-delivery contract naming the
 * dataset's resource) and the budget, which is reserved before anything runs, under the dataset's row lock
 * (so concurrent jobs never overspend). The dataset's agent leases the job, computes inside its domain and
 * returns only the released result with its SM2-signed receipt, which becomes a `compute.job.completed`
 * ledger entry. A job its agent lost is leased again; one that released nothing gives its reservation back.
 */
export class JobsService {
  /** The relay of PSI jobs' lists between their two agents. */
  readonly psi: PsiRelay;

  constructor(private readonly deps: ComputeDeps) {
    this.psi = new PsiRelay(deps);
  }

  async submit(ctx: RequestContext, b: z.output<typeof SubmitJobBody>): Promise<Job> {
    const p = requirePrincipal(ctx);
    if (!p.orgId) throw Forbidden('compute jobs are submitted for an organization');
    const given = (['sql', 'template', 'anonymize', 'psi', 'joint'] as const).filter(
      (k) => b[k] !== undefined,
    );
    if (given.length !== 1 || given[0] !== b.kind)
      throw Invalid('BAD_REQUEST', `${b.kind}: a ${b.kind} job gives ${b.kind} and nothing else`, {
        field: b.kind,
      });
    const d = await datasets.find(this.deps.db, b.datasetId);
    if (!d || !(d.org_id === p.orgId || (d.status === 'active' && d.policy)))
      throw NotFound('dataset', b.datasetId);
    if (d.status !== 'active') throw DatasetWithdrawn();
    const policy = requirePolicy(d, b.kind);
    const basis = await this.basis(ctx, d, p.orgId, b);
    // a joint statistic charges every dataset it reads, each under a basis of its own
    const charged = b.joint ? await this.jointDatasets(ctx, b, d, p.orgId) : [d];
    const cost = await this.check(b, d, policy, charged);
    const consentVersionId = await this.consentOf(b, charged, p.orgId);
    // a PSI job starts at the agent of the consumer's own dataset, which sends its blinded identifiers
    const agentId = b.psi ? (await this.psiSide(b.psi, d, policy, p.orgId)).agent_id : d.agent_id;
    const id = newId('cjb');
    const at = this.deps.now();
    await this.deps.db.transaction().execute(async (tx) => {
      // every dataset the job reads is locked, in one order so that concurrent jobs never deadlock
      for (const c of [...charged].sort((x, y) => (x.id < y.id ? -1 : 1))) {
        const locked = await datasets.lock(tx, c.id);
        if (!locked || locked.status !== 'active') throw DatasetWithdrawn();
        if (locked.version !== c.version)
          throw PolicyMissing('the release policy changed meanwhile: submit again');
        if (FREE_KINDS.has(b.kind)) continue;
        const total = { epsilon: locked.epsilon_total ?? 0, delta: locked.delta_total ?? 0 };
        const share = c.policy!.consumerShare;
        const refusal = checkBudget(
          {
            datasetTotal: total,
            datasetSpent: { epsilon: locked.epsilon_spent, delta: locked.delta_spent },
            consumerShare:
              p.orgId === c.org_id ? total : { epsilon: total.epsilon * share, delta: total.delta * share },
            consumerSpent: await repo.consumerSpent(tx, c.id, p.orgId!),
          },
          cost,
        );
        const which = charged.length > 1 ? `${c.name}’s` : 'the dataset’s';
        if (refusal)
          throw BudgetExhausted(
            refusal === 'dataset_budget_exhausted'
              ? `${which} privacy budget cannot pay ε = ${cost.epsilon}: ask for less or ask the holder`
              : `your organization’s share of ${which} budget cannot pay ε = ${cost.epsilon}`,
            { rule: refusal, ...(charged.length > 1 && { datasetId: c.id }) },
          );
      }
      await repo.insert(tx, {
        id,
        dataset_id: d.id,
        agent_id: agentId,
        owner_org_id: d.org_id,
        consumer_org_id: p.orgId!,
        submitted_by: p.userId,
        kind: b.kind,
        sql: b.kind === 'sql' ? b.sql! : null,
        template: b.kind === 'template' ? JSON.stringify(b.template) : null,
        export_spec: b.kind === 'anonymize' ? JSON.stringify(b.anonymize) : null,
        psi_spec: b.kind === 'psi' ? JSON.stringify(b.psi) : null,
        psi_phase: b.kind === 'psi' ? 1 : null,
        joint_spec: b.kind === 'joint' ? JSON.stringify(b.joint) : null,
        joint_step: b.kind === 'joint' ? 0 : null,
        joint_parts: b.kind === 'joint' ? '[]' : null,
        consent_version_id: consentVersionId,
        query_hash: queryHash(b),
        purpose: basis.purpose,
        basis: basis.kind,
        contract_no: basis.contractNo,
        grant_id: basis.grantId,
        epsilon: cost.epsilon,
        delta: cost.delta,
        created_at: at,
        updated_at: at,
      });
      if (!FREE_KINDS.has(b.kind))
        for (const c of charged)
          await repo.reserve(tx, {
            datasetId: c.id,
            consumerOrgId: p.orgId!,
            jobId: id,
            epsilon: cost.epsilon,
            delta: cost.delta,
          });
      await recordAudit(tx, ctx, {
        action: 'compute.job.submit',
        objectType: 'compute_job',
        objectId: id,
        details: {
          datasetId: d.id,
          basis: basis.kind,
          contractNo: basis.contractNo,
          grantId: basis.grantId,
          ...cost,
        },
      });
    });
    return this.get(ctx, id);
  }

  async list(ctx: RequestContext, q: z.output<typeof JobQuery>): Promise<Paged<Job>> {
    const p = requirePrincipal(ctx);
    const overseer = hasRole(ctx, 'operator', 'regulator');
    if (!overseer && !p.orgId) throw Forbidden('jobs are listed for an organization');
    const { rows, total } = await repo.page(
      this.deps.db,
      {
        orgId: overseer && !q.side ? undefined : (p.orgId ?? '-'),
        side: q.side,
        datasetId: q.dataset,
        status: q.status,
      },
      q.page,
      q.pageSize,
    );
    return { items: rows.map((r) => this.shown(ctx, r)), total, page: q.page, pageSize: q.pageSize };
  }

  async get(ctx: RequestContext, id: string): Promise<Job> {
    const j = await repo.find(this.deps.db, id);
    if (!j || !this.sees(ctx, j)) throw NotFound('job', id);
    return this.shown(ctx, j);
  }

  /** The holder's reviewer releases a result of important data to the consumer, or withholds it with a reason. */
  async review(ctx: RequestContext, id: string, b: z.output<typeof ReviewJobBody>): Promise<Job> {
    const p = requirePrincipal(ctx);
    const after: { profile?: { fileId: string; ownerOrgId: string }; dropped?: string } = {};
    await this.deps.db.transaction().execute(async (tx) => {
      const j = await repo.lock(tx, id);
      if (!j || j.owner_org_id !== p.orgId) throw NotFound('job', id);
      if (j.status !== 'review') throw JobNotInReview();
      if (b.decision === 'withhold' && !b.reason)
        throw Invalid('BAD_REQUEST', 'reason: a withheld result needs a reason the consumer reads', {
          field: 'reason',
        });
      const at = this.deps.now();
      const status = b.decision === 'release' ? 'done' : 'withheld';
      const derived = status === 'done' && j.kind === 'anonymize' ? await this.adopt(tx, ctx, j) : null;
      if (status === 'withheld' && j.output_blob) after.dropped = j.output_blob;
      await repo.update(tx, id, {
        status,
        reason: b.decision === 'withhold' ? b.reason! : null,
        reviewed_by: p.userId,
        finished_at: at,
        updated_at: at,
        ...(derived && { derived_resource_id: derived.resourceId }),
        ...(after.dropped && { output_blob: null }),
      });
      await recordAudit(tx, ctx, {
        action: 'compute.job.review',
        objectType: 'compute_job',
        objectId: id,
        details: { decision: b.decision, reason: b.reason ?? null, derivedResourceId: derived?.resourceId },
      });
      await this.tell(tx, j, status);
      if (derived) after.profile = derived;
    });
    if (after.profile) this.deps.derivatives.profile(after.profile.fileId, after.profile.ownerOrgId);
    if (after.dropped) await this.deps.blobs.remove(after.dropped);
    return this.get(ctx, id);
  }

  /** A released export's file becomes a draft derivative of the dataset's catalog resource, in the holder's org. */
  private async adopt(tx: Executor, ctx: RequestContext, j: Selectable<ComputeJobsTable>) {
    const spec = j.export_spec!;
    const d = (await datasets.find(tx, j.dataset_id))!;
    if (!d.resource_id)
      throw PolicyMissing(
        'the dataset names no catalog resource any more (its agent reported it without one): the export has nothing to derive from',
      );
    if (!j.output_blob || !j.result?.export) throw JobNotInReview('the export’s file is missing');
    const e = j.result.export;
    return this.deps.derivatives.adopt(tx, ctx, {
      sourceId: d.resource_id,
      title: spec.title,
      file: { blobKey: j.output_blob, name: e.fileName, size: e.size, sm3: e.sm3 },
      details: {
        computeJob: j.id,
        k: spec.k,
        l: spec.l ?? null,
        t: spec.t ?? null,
        transformation: e.transformation,
        loss: e.loss,
      },
    });
  }

  /**
   * The agent uploads an export's file before its result: it goes to the blob store encrypted, and is kept
   * only if its SM3 is the one the agent signed. A retried upload replaces the one before.
   */
  async storeOutput(ctx: RequestContext, id: string, body: Readable, declaredSm3: string) {
    const agent = requireAgent(ctx);
    const j = await repo.find(this.deps.db, id);
    if (!j || j.agent_id !== agent.userId) throw NotFound('job', id);
    if (j.status !== 'running' || j.kind !== 'anonymize')
      throw JobNotRunning(`the job is a ${j.kind} job, ${j.status}: only a running export takes a file`);
    const upload = { declaredSm3, maxBytes: this.deps.outputMaxBytes, what: 'file' };
    return storeAgentUpload(this.deps.blobs, body, upload, (key, stored) =>
      this.deps.db.transaction().execute(async (tx) => {
        const locked = await this.runningOf(tx, agent.userId, id);
        await repo.update(tx, id, {
          output_blob: key,
          output_size: stored.size,
          output_sm3: stored.sm3,
          updated_at: this.deps.now(),
        });
        await recordAudit(tx, ctx, {
          action: 'compute.job.output',
          objectType: 'compute_job',
          objectId: id,
          details: { size: stored.size, sm3: stored.sm3 },
        });
        return locked.output_blob;
      }),
    );
  }

  /** An export's file: to its holder once the agent answered, to the consumer and overseers once released. */
  async output(ctx: RequestContext, id: string): Promise<{ name: string; size: number; body: Readable }> {
    const j = await repo.find(this.deps.db, id);
    if (!j || !this.sees(ctx, j)) throw NotFound('job', id);
    if (j.kind !== 'anonymize' || !resultShown(ctx, j) || !j.output_blob || !j.result?.export)
      throw NotFound('job output', id);
    await recordAudit(this.deps.db, ctx, {
      action: 'compute.job.download',
      objectType: 'compute_job',
      objectId: id,
      details: { sm3: j.output_sm3 },
    });
    return {
      name: j.result.export.fileName,
      size: Number(j.output_size),
      body: await this.deps.blobs.read(j.output_blob),
    };
  }

  /** The agent's next job, leased to it for LEASE_MS; null when none waits. */
  async lease(ctx: RequestContext): Promise<{ job: LeasedJob | null }> {
    const agent = requireAgent(ctx);
    const dropped: string[] = [];
    const leased = await this.deps.db.transaction().execute(async (tx) => {
      const now = this.deps.now();
      for (;;) {
        const j = await repo.nextFor(tx, agent.userId, now);
        if (!j) return { job: null };
        const d = (await datasets.find(tx, j.dataset_id))!;
        // the dataset this step reads: a PSI job's phases 1 and 3 read the consumer's own
        const read = j.psi_spec
          ? await this.psi.phaseDataset(tx, j.psi_spec, j.psi_phase!, d)
          : j.joint_spec
            ? await jointStepDataset(tx, j)
            : d;
        if (j.attempts >= MAX_ATTEMPTS || d.status !== 'active' || !d.policy || !read) {
          const reason =
            j.attempts >= MAX_ATTEMPTS
              ? `the agent took the job ${j.attempts} times without answering`
              : 'the dataset was withdrawn or lost its release policy before the job ran';
          dropped.push(...(await this.finishUnreleased(tx, ctx, j, 'failed', reason, null)));
          continue;
        }
        // a contract that ended or a grant revoked since the job was queued is no basis to run it on
        // a joint statistic's later steps read datasets with bases of their own: each is checked at its turn
        const lapsed =
          (await this.basisLapsed(tx, j, d)) ??
          (j.joint_spec && read.id !== d.id ? await this.coverLapsed(tx, j, read) : null);
        if (lapsed) {
          dropped.push(...(await this.finishUnreleased(tx, ctx, j, 'refused', lapsed, 'basis_lapsed')));
          continue;
        }
        // on another org's personal data, only the persons whose consent is live now are computed on
        const consent = await this.consentFilter(tx, j, read, now);
        if (consent && !consent.live) {
          dropped.push(
            ...(await this.finishUnreleased(
              tx,
              ctx,
              j,
              'refused',
              `no person has live consent to scenario version ${j.consent_version_id} now: nothing of ${read.name} may be computed on`,
              'no_consent',
            )),
          );
          continue;
        }
        const leaseExpiresAt = new Date(now.getTime() + LEASE_MS);
        await repo.update(tx, j.id, {
          status: 'running',
          attempts: j.attempts + 1,
          lease_expires_at: leaseExpiresAt,
          started_at: j.started_at ?? now,
          updated_at: now,
        });
        await recordAudit(tx, ctx, {
          action: 'compute.job.lease',
          objectType: 'compute_job',
          objectId: j.id,
          details: { attempt: j.attempts + 1, ...(j.psi_phase && { phase: j.psi_phase }) },
        });
        return {
          job: {
            id: j.id,
            // a joint statistic's part names the dataset it is computed on
            datasetId: j.joint_spec ? read.id : d.id,
            table: read.name,
            columns: read.columns,
            kind: j.kind,
            sql: j.sql,
            template: j.template,
            anonymize: j.export_spec,
            psi: j.psi_spec,
            psiPhase: j.psi_phase,
            joint: j.joint_spec,
            consent: consent && {
              versionId: consent.versionId,
              column: consent.column,
              categories: consent.categories,
              salt: '',
              subjects: [],
            },
            queryHash: j.query_hash,
            epsilon: j.epsilon,
            delta: j.delta,
            policy: j.joint_spec ? read.policy! : d.policy,
            attempt: j.attempts + 1,
            leaseExpiresAt: leaseExpiresAt.toISOString(),
          },
        };
      }
    });
    await Promise.all(dropped.map((key) => this.deps.blobs.remove(key)));
    return leased.job ? { job: await this.withConsentSubjects(leased.job) } : leased;
  }

  /**
   * The agent returns the released result with its signed receipt. The result's SM3, the privacy spent (never
   * more than reserved) and the SM2 signature under the agent's enrolled key are checked; the receipt becomes a
   * `compute.job.completed` ledger entry; a result of important data waits for the holder's reviewer.
   */
  async complete(ctx: RequestContext, id: string, b: z.output<typeof JobResultBody>): Promise<Job> {
    const agent = requireAgent(ctx);
    let relayed: string | null = null;
    await this.deps.db.transaction().execute(async (tx) => {
      const j = await this.runningOf(tx, agent.userId, id);
      relayed = j.psi_blob;
      if (j.kind === 'psi' && j.psi_phase !== 3)
        throw JobNotRunning(`the PSI job is in phase ${j.psi_phase}: only phase 3 returns its result`);
      if (j.kind === 'joint')
        throw JobNotRunning(
          'a joint statistic takes its agents’ parts (…/part); the platform makes its result',
        );
      if (sm3Hex(jcs(b.result)) !== b.resultHash)
        throw ResultInvalid('resultHash: it is not the SM3 of the result’s RFC 8785 form', {
          field: 'resultHash',
        });
      const spent = quantizeCost(b.privacySpent);
      if (spent.epsilon > j.epsilon + 1e-9 || spent.delta > j.delta + 1e-15)
        throw ResultInvalid('privacySpent: more than the job reserved', { field: 'privacySpent' });
      if (j.kind === 'anonymize') checkExportResult(j, b.result);
      else if (b.result.export)
        throw ResultInvalid('result.export: only an anonymized export describes a file', {
          field: 'result',
        });
      const key = (await agentsRepository.identity(tx, agent.userId))!;
      const receipt = jobReceipt(j, agent.userId, b.resultHash, spent);
      if (!sm2Verify(parsePublicKey(key.public_key!), jcs(receipt), b.signature, agent.userId))
        throw ResultInvalid('signature: the receipt’s SM2 signature does not verify under the agent’s key', {
          field: 'signature',
        });
      const d = (await datasets.find(tx, j.dataset_id))!;
      await this.release(tx, ctx, j, {
        ledgerAttrs: { ...receipt, keyId: key.key_id, publicKey: key.public_key, signature: b.signature },
        objectSm3: sm3Hex(jcs(receipt)),
        // an export leaves the domain as a file, so its holder always sees it before anyone else
        review: !!d.policy?.manualRelease || j.kind === 'anonymize',
        result: b.result,
        resultHash: b.resultHash,
        spent,
        datasetIds: [j.dataset_id],
        set: {
          agent_key_id: key.key_id,
          agent_public_key: key.public_key,
          signature: b.signature,
          psi_blob: null,
        },
      });
    });
    // the relayed lists served their turn: the result is all that stays
    if (relayed) await this.deps.blobs.remove(relayed);
    return this.agentView(id);
  }

  /** The agent could not or would not compute: nothing was released, so the reservation is given back. */
  async fail(
    ctx: RequestContext,
    id: string,
    b: { outcome: 'refused' | 'failed'; rule?: string; reason: string },
  ): Promise<Job> {
    const agent = requireAgent(ctx);
    const dropped = await this.deps.db.transaction().execute(async (tx) => {
      const j = await this.runningOf(tx, agent.userId, id);
      return this.finishUnreleased(tx, ctx, j, b.outcome, b.reason, b.rule ?? null);
    });
    await Promise.all(dropped.map((key) => this.deps.blobs.remove(key)));
    return this.agentView(id);
  }

  private async runningOf(tx: Executor, agentId: string, id: string) {
    const j = await repo.lock(tx, id);
    if (!j || j.agent_id !== agentId) throw NotFound('job', id);
    if (j.status !== 'running')
      throw JobNotRunning(`the job is ${j.status}: only a running job takes a result`);
    return j;
  }

  private async finishUnreleased(
    tx: Executor,
    ctx: RequestContext,
    j: {
      id: string;
      dataset_id: string;
      owner_org_id: string;
      submitted_by: string;
      output_blob: string | null;
      psi_blob: string | null;
      joint_spec: JointSpec | null;
      joint_parts: StoredPart[] | null;
    },
    status: 'refused' | 'failed',
    reason: string,
    rule: string | null,
  ): Promise<string[]> {
    const at = this.deps.now();
    for (const datasetId of j.joint_spec ? jointIds(j.dataset_id, j.joint_spec) : [j.dataset_id])
      await repo.refund(tx, datasetId, j.id);
    await repo.update(tx, j.id, {
      status,
      reason,
      rule,
      output_blob: null,
      psi_blob: null,
      // the parts' exact local aggregates are no longer needed, and are not kept
      ...(j.joint_parts && { joint_parts: JSON.stringify(j.joint_parts.map(withoutLocal)) }),
      lease_expires_at: null,
      finished_at: at,
      updated_at: at,
    });
    await recordAudit(tx, ctx, {
      action: `compute.job.${status === 'refused' ? 'refuse' : 'fail'}`,
      objectType: 'compute_job',
      objectId: j.id,
      details: { reason, rule },
    });
    await this.tell(tx, j, status);
    // an export's file that will never be released, a PSI job's relayed list: the caller removes them once
    // the transaction holds
    return [j.output_blob, j.psi_blob].filter((k): k is string => !!k);
  }

  /** What a job is to its agent after it answered: no principal reads it back, so it is shown as its holder would see it. */
  private async agentView(id: string) {
    const j = (await repo.find(this.deps.db, id))!;
    return toJob(j, { result: false });
  }

  private tell(
    tx: Executor,
    j: { id: string; owner_org_id: string; submitted_by: string },
    status: 'done' | 'review' | 'refused' | 'failed' | 'withheld',
  ) {
    const review = status === 'review';
    const title = {
      done: `计算任务 ${j.id} 已完成`,
      review: `计算任务 ${j.id} 的结果待审核放行`,
      refused: `计算任务 ${j.id} 被拒绝`,
      failed: `计算任务 ${j.id} 失败`,
      withheld: `计算任务 ${j.id} 的结果未获放行`,
    }[status];
    const n = {
      kind: `compute.job.${status}`,
      title,
      body: title,
      params: { jobId: j.id },
      link: `/compute/jobs/${j.id}`,
    };
    return review ? notifyOrg(tx, j.owner_org_id, REVIEWERS, n) : notifyUsers(tx, [j.submitted_by], n);
  }

  private sees(ctx: RequestContext, j: JobRow) {
    const org = ctx.principal?.orgId;
    return hasRole(ctx, 'operator', 'regulator') || org === j.consumer_org_id || org === j.owner_org_id;
  }

  /** The result reaches the consumer once released; the holder sees it in review; overseers once released. */
  private shown(ctx: RequestContext, j: JobRow): Job {
    return toJob(j, { result: resultShown(ctx, j) });
  }

  /**
   * What the job runs under: the holder's own org; a concluded compute contract; or a grant naming the
   * dataset's resource — an enterprise authorization from its holder, or an authorized-operation grant over
   * public data (whose delivery is compute-to-data only). The refusal names what is missing.
   */
  private async basis(
    ctx: RequestContext,
    d: DatasetRow,
    orgId: string,
    b: z.output<typeof SubmitJobBody>,
  ): Promise<Basis> {
    if (orgId === d.org_id)
      return { kind: 'owner', contractNo: null, grantId: null, purpose: b.purpose ?? '持有方自有分析' };
    if (b.contractNo) return this.contractBasis(d, orgId, b);
    if (!d.resource_id)
      throw BasisMissing(
        'the dataset names no catalog resource, so no grant can cover it: compute under a concluded contract (contractNo)',
        { field: 'contractNo' },
      );
    const org = await this.deps.grants.orgGrant(this.deps.db, orgId, d.resource_id);
    if (org && (!b.grantId || b.grantId === org.id)) {
      if (b.purpose && b.purpose !== org.purpose)
        throw BasisMissing(`purpose: enterprise authorization ${org.id} is for “${org.purpose}” only`, {
          field: 'purpose',
        });
      return { kind: 'org_grant', contractNo: null, grantId: org.id, purpose: org.purpose };
    }
    const op = await this.deps.grants.operation(ctx, d.resource_id);
    if (op.allow && op.grantId && (!b.grantId || b.grantId === op.grantId)) {
      if (!b.purpose)
        throw Invalid('BAD_REQUEST', 'purpose: a job under authorized operation states its purpose', {
          field: 'purpose',
        });
      return { kind: 'operation_grant', contractNo: null, grantId: op.grantId, purpose: b.purpose };
    }
    throw BasisMissing(
      b.grantId
        ? `grant ${b.grantId} does not cover this dataset’s resource for your organization now`
        : 'a job on another organization’s dataset runs under a concluded contract with compute delivery (contractNo), ' +
            `a live enterprise authorization from its holder naming its resource, or an authorized-operation grant covering it (${op.reason})`,
      { field: b.grantId ? 'grantId' : 'contractNo', ...(op.reason !== 'no_grant' && { reason: op.reason }) },
    );
  }

  private async contractBasis(
    d: DatasetRow,
    orgId: string,
    b: z.output<typeof SubmitJobBody>,
  ): Promise<Basis> {
    if (b.grantId)
      throw Invalid('BAD_REQUEST', 'grantId: a job runs under a contract or a grant, not both', {
        field: 'grantId',
      });
    const c = await contractForCompute(this.deps.db, b.contractNo!);
    const problem = this.contractProblem(b.contractNo!, c, orgId, d);
    if (problem) throw BasisMissing(problem, { field: 'contractNo' });
    return { kind: 'contract', contractNo: b.contractNo!, grantId: null, purpose: b.purpose ?? c!.purpose };
  }

  /** Why a contract is no basis for a job of `orgId` on the dataset today; null when it is one. */
  private contractProblem(
    no: string,
    c: Awaited<ReturnType<typeof contractForCompute>>,
    orgId: string,
    d: DatasetRow,
  ): string | null {
    // a contract's term is in days of Asia/Shanghai, as it was signed
    const today = todayInChina(this.deps.now());
    const resources = Array.isArray(c?.resources) ? (c.resources as { id: string }[]) : [];
    return !c
      ? `contract ${no} does not exist`
      : c.buyer_org_id !== orgId || c.seller_org_id !== d.org_id
        ? `contract ${no} is not between your organization (buyer) and the dataset’s holder (seller)`
        : c.state !== 'concluded'
          ? `contract ${no} is not concluded (it is ${c.state})`
          : c.delivery_mode !== 'compute'
            ? `contract ${no} delivers by ${c.delivery_mode}, not compute`
            : !d.resource_id || !resources.some((r) => r.id === d.resource_id)
              ? `contract ${no} does not name this dataset’s resource`
              : today < c.starts_on || today > c.ends_on
                ? `contract ${no} runs ${c.starts_on} to ${c.ends_on}, not today`
                : null;
  }

  /**
   * The datasets of a joint statistic, the job's first: each active with a release policy, each under a basis
   * (the one given for the job where it covers the dataset, else a live grant found); a dataset of another
   * holder whose results that holder reviews first cannot take part.
   */
  private async jointDatasets(
    ctx: RequestContext,
    b: z.output<typeof SubmitJobBody>,
    d: DatasetRow,
    orgId: string,
  ): Promise<DatasetRow[]> {
    const out = [d];
    for (const id of b.joint!.with) {
      const o = await datasets.find(this.deps.db, id);
      if (!o || !(o.org_id === orgId || (o.status === 'active' && o.policy))) throw NotFound('dataset', id);
      if (o.status !== 'active') throw DatasetWithdrawn(`${o.name} is withdrawn`);
      requirePolicy(o, 'joint');
      if (o.policy!.manualRelease && o.org_id !== d.org_id && o.org_id !== orgId)
        throw QueryRefusedError(
          `joint_manual_release: ${o.name}’s holder reviews every result before release`,
          {
            rule: 'joint_manual_release',
            field: 'joint',
          },
        );
      await this.basis(ctx, o, orgId, b).catch((e: unknown) =>
        b.contractNo || b.grantId
          ? this.basis(ctx, o, orgId, { ...b, contractNo: undefined, grantId: undefined })
          : Promise.reject(e),
      );
      out.push(o);
    }
    return out;
  }

  /**
   * A joint statistic's part from the agent whose turn it is: its local aggregate, the SM3 of its RFC 8785 form
   * and the agent's SM2 signature over the part's receipt. The job passes to the next dataset's agent; after
   * the last part the platform adds the parts up, adds the noise once, settles every dataset's budget and
   * writes the `compute.job.completed` ledger entry naming every part. The exact parts are then dropped.
   */
  async jointPart(ctx: RequestContext, id: string, b: z.output<typeof JointPartBody>): Promise<Job> {
    const agent = requireAgent(ctx);
    await this.deps.db.transaction().execute(async (tx) => {
      const j = await this.runningOf(tx, agent.userId, id);
      if (j.kind !== 'joint')
        throw JobNotRunning(`the job is a ${j.kind} job: only a joint statistic takes a part`);
      const spec = j.joint_spec!;
      const ids = jointIds(j.dataset_id, spec);
      const step = j.joint_step!;
      if (b.local.datasetId !== ids[step])
        throw ResultInvalid(`local.datasetId: this step’s part is of ${ids[step]}`, { field: 'local' });
      const keys = spec.groupBy ? spec.groupBy.categories : [null];
      if (b.local.groups.length !== keys.length || b.local.groups.some((g, i) => g.key !== keys[i]))
        throw ResultInvalid('local.groups: one group per declared category, in their order', {
          field: 'local',
        });
      if (sm3Hex(jcs(b.local)) !== b.localHash)
        throw ResultInvalid('localHash: it is not the SM3 of the local aggregate’s RFC 8785 form', {
          field: 'localHash',
        });
      const key = (await agentsRepository.identity(tx, agent.userId))!;
      const receipt = jobReceipt({ ...j, dataset_id: ids[step]! }, agent.userId, b.localHash, {
        epsilon: 0,
        delta: 0,
      });
      if (!sm2Verify(parsePublicKey(key.public_key!), jcs(receipt), b.signature, agent.userId))
        throw ResultInvalid('signature: the part’s SM2 signature does not verify under the agent’s key', {
          field: 'signature',
        });
      const parts: StoredPart[] = [
        ...(j.joint_parts ?? []),
        {
          datasetId: ids[step]!,
          agentId: agent.userId,
          keyId: key.key_id!,
          publicKey: key.public_key!,
          localHash: b.localHash,
          signature: b.signature,
          local: b.local,
        },
      ];
      const at = this.deps.now();
      await recordAudit(tx, ctx, {
        action: 'compute.job.joint_part',
        objectType: 'compute_job',
        objectId: id,
        details: { step, datasetId: ids[step], localHash: b.localHash },
      });
      if (step + 1 < ids.length) {
        const next = (await datasets.find(tx, ids[step + 1]!))!;
        await repo.update(tx, id, {
          joint_parts: JSON.stringify(parts),
          joint_step: step + 1,
          agent_id: next.agent_id,
          status: 'queued',
          attempts: 0,
          lease_expires_at: null,
          updated_at: at,
        });
        return;
      }
      await this.combine(tx, ctx, j, ids, parts);
    });
    return this.agentView(id);
  }

  /** The platform's release of a joint statistic once every part is in. */
  private async combine(
    tx: Executor,
    ctx: RequestContext,
    j: Selectable<ComputeJobsTable>,
    ids: string[],
    parts: StoredPart[],
  ) {
    const spec = j.joint_spec!;
    const rows = await Promise.all(ids.map((id) => datasets.find(tx, id)));
    const result = combineJoint(
      spec,
      parts.map((part, i) => ({
        local: part.local!,
        policy: rows[i]!.policy!,
        integer: rows[i]!.columns.find((c) => c.name === spec.column)?.type === 'integer',
      })),
      j.epsilon,
    );
    const resultHash = sm3Hex(jcs(result));
    const spent = { epsilon: j.epsilon, delta: 0 };
    const kept = parts.map(withoutLocal);
    const attrs = {
      v: 1,
      jobId: j.id,
      datasetId: j.dataset_id,
      datasetIds: ids,
      queryHash: j.query_hash,
      resultHash,
      epsilon: spent.epsilon,
      delta: 0,
      combinedBy: 'platform',
      parts: kept,
    };
    await this.release(tx, ctx, j, {
      ledgerAttrs: attrs,
      objectSm3: sm3Hex(jcs(attrs)),
      review: !!rows[0]!.policy?.manualRelease,
      result,
      resultHash,
      spent,
      datasetIds: ids,
      set: { joint_parts: JSON.stringify(kept) },
      audit: { parts: kept.length },
    });
  }

  /**
   * A result's release, the same for an agent's result and a joint statistic: the `compute.job.completed`
   * ledger entry, every dataset's reservation settled at what was spent, the job done (or in review for the
   * holder's reviewer), audited, and the consumer or reviewers told.
   */
  private async release(
    tx: Executor,
    ctx: RequestContext,
    j: Selectable<ComputeJobsTable>,
    r: {
      ledgerAttrs: Record<string, unknown>;
      objectSm3: string;
      review: boolean;
      result: JobResult;
      resultHash: string;
      spent: { epsilon: number; delta: number };
      datasetIds: string[];
      set: Updateable<ComputeJobsTable>;
      audit?: Record<string, unknown>;
    },
  ) {
    const { firstIndex } = await this.deps.ledger.appendIn(tx, [
      {
        type: 'compute.job.completed',
        objectType: 'compute_job',
        objectId: j.id,
        objectSm3: r.objectSm3,
        attrs: r.ledgerAttrs,
      },
    ]);
    const status = r.review ? 'review' : 'done';
    const at = this.deps.now();
    for (const id of r.datasetIds) await repo.settle(tx, id, j.id, r.spent);
    await repo.update(tx, j.id, {
      ...r.set,
      status,
      result: JSON.stringify(r.result),
      result_hash: r.resultHash,
      epsilon_spent: r.spent.epsilon,
      delta_spent: r.spent.delta,
      ledger_index: firstIndex,
      lease_expires_at: null,
      finished_at: status === 'done' ? at : null,
      updated_at: at,
    });
    await recordAudit(tx, ctx, {
      action: 'compute.job.complete',
      objectType: 'compute_job',
      objectId: j.id,
      details: { status, resultHash: r.resultHash, ledgerIndex: firstIndex, ...r.spent, ...r.audit },
    });
    await this.tell(tx, j, status);
  }

  /**
   * The consent scenario version a job on another org's personal data runs under (一场景一授权): a dataset is
   * personal when its agent detected personal identifiers in a column's values; its persons are matched to
   * consent by their ID card numbers, so it needs an ID card column. The version is the consumer's own and
   * approved. Null when no dataset read is another org's personal data.
   */
  private async consentOf(
    b: z.output<typeof SubmitJobBody>,
    charged: DatasetRow[],
    orgId: string,
  ): Promise<string | null> {
    const personal = charged.filter((c) => c.org_id !== orgId && c.columns.some((x) => x.personal));
    if (!personal.length) return null;
    for (const c of personal)
      if (!subjectColumn(c))
        throw ConsentRequired(
          `${c.name} holds personal identifiers (${c.columns
            .filter((x) => x.personal)
            .map((x) => `${x.name}: ${x.personal}`)
            .join(
              ', ',
            )}) but no ID card column to match them to consent: it is computed on by its holder only`,
          { field: 'datasetId' },
        );
    if (!b.consentVersionId)
      throw ConsentRequired(
        `${personal.map((c) => c.name).join(', ')} holds personal data: name your consent scenario version (consentVersionId), and only persons who consented to it are computed on`,
        { field: 'consentVersionId' },
      );
    const v = await this.deps.grants.scenarioVersion(this.deps.db, b.consentVersionId);
    if (!v || v.orgId !== orgId)
      throw ConsentRequired(
        `consentVersionId: ${b.consentVersionId} is not a scenario version of your organization`,
        {
          field: 'consentVersionId',
        },
      );
    if (v.status !== 'approved')
      throw ConsentRequired(
        `consentVersionId: scenario version ${b.consentVersionId} is ${v.status}, not approved`,
        {
          field: 'consentVersionId',
        },
      );
    // the persons consent to the version's fields: it asks for every category of information the data holds
    for (const c of personal) {
      const missing = uncoveredCategories(personalCategories(c), v.fields);
      if (missing.length)
        throw ConsentRequired(
          `consentVersionId: scenario version ${b.consentVersionId} asks for no ${missing.join(', ')} information, which ${c.name} holds`,
          { field: 'consentVersionId', categories: missing },
        );
    }
    return b.consentVersionId;
  }

  /**
   * Whether the dataset a leased job reads is another org's personal data, filtered by consent: the version,
   * the column persons are matched by, and how many consent now. Null when it is the consumer's own or holds no
   * personal data.
   */
  private async consentFilter(tx: Executor, j: Selectable<ComputeJobsTable>, read: DatasetRow, now: Date) {
    const column = subjectColumn(read);
    if (!j.consent_version_id || read.org_id === j.consumer_org_id || !column) return null;
    const categories = personalCategories(read);
    const live = await this.deps.grants.consentingCount(tx, j.consent_version_id, now, categories);
    return { versionId: j.consent_version_id, column, categories, live };
  }

  /**
   * The persons an agent keeps: those with live consent to the job's scenario version now that reaches every
   * category of personal information the dataset holds, as SM3-HMAC digests of their ID card numbers under a
   * salt fresh for this lease. Unsealing the numbers reads keys, so it runs once the lease has committed.
   */
  private async withConsentSubjects(job: LeasedJob): Promise<LeasedJob> {
    if (!job.consent) return job;
    const cards = await this.deps.grants.consentingIdCards(
      this.deps.db,
      job.consent.versionId,
      this.deps.now(),
      job.consent.categories,
    );
    const salt = randomBytes(16).toString('hex');
    return { ...job, consent: { ...job.consent, salt, subjects: cards.map((c) => consentDigest(salt, c)) } };
  }

  /** The consumer's side of a PSI job, the spec checked against both datasets (refusals by rule). */
  private async psiSide(spec: PsiSpec, d: DatasetRow, policy: PolicyRow, orgId: string) {
    try {
      return await this.psi.check(spec, d, policy, orgId);
    } catch (e) {
      if (e instanceof QueryRefused) throw QueryRefusedError(e.message, { rule: e.rule, field: 'psi' });
      throw e;
    }
  }

  /** Why a queued job's basis no longer holds when its agent asks for it; null while it does. */
  private async basisLapsed(tx: Executor, j: Selectable<ComputeJobsTable>, d: DatasetRow) {
    const org = j.consumer_org_id;
    switch (j.basis) {
      case 'owner':
        return null;
      case 'contract': {
        const problem = this.contractProblem(
          j.contract_no!,
          await contractForCompute(tx, j.contract_no!),
          org,
          d,
        );
        return problem && `the basis lapsed before the job ran: ${problem}`;
      }
      case 'org_grant': {
        const g = d.resource_id ? await this.deps.grants.orgGrant(tx, org, d.resource_id) : null;
        return g?.id === j.grant_id
          ? null
          : `the basis lapsed before the job ran: enterprise authorization ${j.grant_id} is revoked, expired or no longer covers the dataset`;
      }
      case 'operation_grant': {
        const id = d.resource_id ? await this.deps.grants.operationGrantOf(tx, org, d.resource_id) : null;
        return id === j.grant_id
          ? null
          : `the basis lapsed before the job ran: authorized-operation grant ${j.grant_id} is suspended, revoked, ended or no longer covers the dataset`;
      }
    }
  }

  /**
   * Why nothing lets the job's consumer compute on `ds` any more (a joint statistic's later dataset); null
   * while its own org holds it, the job's contract covers it, or a live enterprise authorization or
   * authorized-operation grant does.
   */
  private async coverLapsed(tx: Executor, j: Selectable<ComputeJobsTable>, ds: DatasetRow) {
    const org = j.consumer_org_id;
    if (ds.org_id === org) return null;
    if (
      j.contract_no &&
      !this.contractProblem(j.contract_no, await contractForCompute(tx, j.contract_no), org, ds)
    )
      return null;
    if (ds.resource_id && (await this.deps.grants.orgGrant(tx, org, ds.resource_id))) return null;
    if (ds.resource_id && (await this.deps.grants.operationGrantOf(tx, org, ds.resource_id))) return null;
    return `the basis lapsed before the job ran: no contract or grant lets your organization compute on ${ds.name} any more`;
  }

  /** The job against the allow-list or its rules, and what it costs: an export spends no privacy budget. */
  private async check(
    b: z.output<typeof SubmitJobBody>,
    d: DatasetRow,
    policy: PolicyRow,
    charged: DatasetRow[],
  ) {
    if (b.kind === 'anonymize') {
      refusedByRule('anonymize', () => checkExport(b.anonymize!, d.columns, policy));
      return { epsilon: 0, delta: 0 };
    }
    if (b.kind === 'psi') return { epsilon: 0, delta: 0 };
    if (b.kind === 'joint') {
      refusedByRule('joint', () =>
        checkJoint(
          b.joint!,
          charged.map((c) => ({
            id: c.id,
            name: c.name,
            orgId: c.org_id,
            columns: c.columns,
            policy: c.policy,
          })),
        ),
      );
      // Laplace only, at most the smallest per-query ε of the datasets
      const most = Math.min(...charged.map((c) => c.policy!.epsilonPerQuery));
      const epsilon = b.epsilon ?? most;
      if (epsilon > most)
        throw BudgetExhausted(
          `epsilon: a joint statistic over these datasets may spend at most ε = ${most}`,
          {
            rule: 'epsilon_per_query',
            field: 'epsilon',
          },
        );
      return quantizeCost({ epsilon, delta: 0 });
    }
    const needsDelta = b.template ? templateNeedsDelta(b.template) : await checkQuery(b.sql!, d, policy);
    if (b.template) refusedByRule('template', () => checkTemplate(b.template!, d.columns, policy));
    if (needsDelta && policy.deltaTotal === 0)
      throw PolicyMissing(
        'the query needs δ > 0 (grouping, or Gaussian noise), and the dataset’s policy has no δ budget',
      );
    return this.cost(b, policy, needsDelta);
  }

  /** ε asked for (at most the policy's per query, which is the default) and δ in the same proportion of the total. */
  private cost(b: z.output<typeof SubmitJobBody>, policy: PolicyRow, needsDelta: boolean) {
    const epsilon = b.epsilon ?? policy.epsilonPerQuery;
    if (epsilon > policy.epsilonPerQuery)
      throw BudgetExhausted(
        `epsilon: one query may spend at most ε = ${policy.epsilonPerQuery} on this dataset`,
        {
          rule: 'epsilon_per_query',
          field: 'epsilon',
        },
      );
    // rounded down to the budget's quantum, so that the per-query shares add up to the total exactly
    const share = (policy.deltaTotal * epsilon) / policy.epsilonTotal;
    const delta = needsDelta ? (b.delta ?? Math.floor(share / BUDGET_QUANTUM + 1e-6) * BUDGET_QUANTUM) : 0;
    return quantizeCost({ epsilon, delta });
  }
}

function requirePolicy(d: DatasetRow, kind: JobKind): PolicyRow {
  if (!d.policy)
    throw PolicyMissing('the holder has set no release policy: nothing is computed on the dataset yet');
  if (kind === 'psi') return d.policy;
  if (kind === 'joint' && !d.policy.privacyUnit)
    throw PolicyMissing(
      `the release policy of ${d.name} names no privacy unit: a joint statistic bounds each unit’s contribution`,
    );
  if (kind === 'anonymize') {
    if (!d.resource_id)
      throw PolicyMissing(
        'the dataset names no catalog resource: an anonymized export becomes a derivative of one',
      );
    return d.policy;
  }
  if (!d.policy.privacyUnit)
    throw PolicyMissing(
      'the release policy names no privacy unit: SQL analysis bounds each unit’s contribution',
    );
  return d.policy;
}

/** The allow-list, then the bounded rewrite (which needs declared bounds for every aggregated column). */
async function checkQuery(sqlText: string, d: DatasetRow, policy: PolicyRow): Promise<boolean> {
  try {
    const plan = await analyzeQuery(sqlText, {
      tables: [{ name: d.name, columns: d.columns, joinKeys: policy.joinKeys }],
    });
    boundedSql(plan, {
      privacyUnit: policy.privacyUnit!,
      maxContributions: policy.maxContributions,
      bounds: policy.bounds,
    });
    return plan.groupBy.length > 0 || policy.mechanism === 'gaussian';
  } catch (e) {
    if (e instanceof QueryRefused) throw QueryRefusedError(e.message, { rule: e.rule, field: 'sql' });
    throw e;
  }
}

function refusedByRule(field: 'template' | 'anonymize' | 'joint', check: () => void) {
  try {
    check();
  } catch (e) {
    if (e instanceof QueryRefused) throw QueryRefusedError(e.message, { rule: e.rule, field });
    throw e;
  }
}

/** An export's result must describe the file its agent uploaded: the same SM3 and size. */
function checkExportResult(j: Selectable<ComputeJobsTable>, result: JobResult) {
  const e = result.export;
  if (!e)
    throw ResultInvalid('result.export: an anonymized export’s result describes its file', {
      field: 'result',
    });
  if (!j.output_blob || j.output_sm3 !== e.sm3 || Number(j.output_size) !== e.size)
    throw ResultInvalid('result.export: it does not describe the file the agent uploaded (SM3 or size)', {
      field: 'result',
    });
}

/** SM3 of what the consumer asked: the SQL text, or the template's or export's RFC 8785 form. */
export const queryHash = (b: {
  kind: string;
  sql?: string | null;
  template?: unknown;
  anonymize?: unknown;
  psi?: unknown;
}) => sm3Hex(b.kind === 'sql' ? b.sql! : jcs(b[b.kind as 'template' | 'anonymize' | 'psi'] as never));

/** The receipt as the agent signs it and the ledger carries it. */
export function jobReceipt(
  j: { id: string; dataset_id: string; query_hash: string },
  agentId: string,
  resultHash: string,
  spent: { epsilon: number; delta: number },
): JobReceiptBody {
  return {
    v: 1,
    jobId: j.id,
    datasetId: j.dataset_id,
    agentId,
    queryHash: j.query_hash,
    resultHash,
    epsilon: spent.epsilon,
    delta: spent.delta,
  };
}
