import type { Paged, QualityRun, QualityRunSummary, QualityScore } from '@shuliu/contracts';
import type { Kysely } from 'kysely';
import type { Readable } from 'node:stream';
import type { DB } from '../db/schema.js';
import { recordAudit } from '../audit/index.js';
import { newestReadyDataFile, type ResourcesService } from '../catalog/index.js';
import { hasRole, systemContext, type RequestContext } from '../shared/context.js';
import { NotFound } from '../shared/errors.js';
import { newId } from '../shared/ids.js';
import { heldDatasetOf } from '../compute/index.js';
import { isUniqueViolation } from '../shared/sql.js';
import type { ZipLimits } from '../tabular/index.js';
import { evaluateRun, type Evaluated } from './run-evaluation.js';
import { NoDataFile, RunActive } from './quality.errors.js';
import { toRun, toRunSummary, toScore } from './quality.mappers.js';
import { qualityRepository as repo, type RunRow } from './quality.repository.js';
import { dueForRerun } from './quality.schedule.js';
import type { QualitySettingsService } from './quality-settings.service.js';
import type { RuleSetsService } from './rule-sets.service.js';

type Executor = Kysely<DB>;
type Trigger = 'upload' | 'schedule' | 'manual';

/** A run that wrote no progress for this long was left by a process that stopped. */
const STALLED_AFTER_MS = 10 * 60_000;

export interface ReportsDeps {
  db: Executor;
  resources: ResourcesService;
  rules: RuleSetsService;
  settings: QualitySettingsService;
  readBlob: (key: string) => Promise<Readable>;
  zipLimits?: ZipLimits;
  now: () => Date;
}

/**
 * Quality runs (GB/T 36344-2018) and their reports: a run scores the resource's newest ready data file by its
 * rules — on upload, on the schedule its update frequency sets, or when its owner asks — one at a time per
 * resource, streamed batch by batch (the engine keeps bounded state per rule), with its progress in the
 * database so any server process can report it.
 */
export class ReportsService {
  /** Runs of this process, one after another: checking is CPU-bound and shares the process with requests. */
  private line: Promise<void> = Promise.resolve();
  private pending = 0;
  /** Runs the platform is starting (an upload's), not yet in line. */
  private readonly starting = new Set<Promise<unknown>>();

  constructor(private readonly deps: ReportsDeps) {}

  /** The owner starts a run (202): refused while one is queued or running, or when there is no data file. */
  async start(ctx: RequestContext, resourceId: string): Promise<QualityRunSummary> {
    const run = await this.deps.db.transaction().execute(async (tx) => {
      await this.deps.resources.lockOwned(tx, ctx, resourceId);
      return this.enqueue(tx, ctx, resourceId, 'manual');
    });
    if (!run.agent_id) this.schedule(run.id);
    return toRunSummary(run);
  }

  /** A run the platform starts (a file became ready, or the schedule): skipped while one is active. */
  async startBySystem(resourceId: string, trigger: Exclude<Trigger, 'manual'>): Promise<string | null> {
    try {
      const run = await this.deps.db.transaction().execute(async (tx) => {
        await this.deps.resources.lock(tx, resourceId);
        if (await repo.activeRun(tx, resourceId)) return null;
        return this.enqueue(tx, systemContext(), resourceId, trigger);
      });
      if (run && !run.agent_id) this.schedule(run.id);
      return run?.id ?? null;
    } catch (e) {
      // a resource without a ready file, or one already running elsewhere: nothing to start
      if (e instanceof Error && 'code' in e && String(e.code).startsWith('QUALITY_')) return null;
      throw e;
    }
  }

  /**
   * Queues a run of the resource's newest ready data file, or — the resource has none on the platform but its data
   * is held in a domain — of the agent's dataset linked to it, which that agent checks where the data lives.
   */
  private async enqueue(tx: Executor, ctx: RequestContext, resourceId: string, trigger: Trigger) {
    const file = await newestReadyDataFile(tx, resourceId);
    const held = file ? null : await heldDatasetOf(tx, resourceId);
    if (!file && !held)
      throw NoDataFile(
        `resource ${resourceId} has no ready data file to check, and no compute agent holds its data: upload one first`,
        { resourceId },
      );
    if (await repo.activeRun(tx, resourceId)) throw RunActive();
    const id = newId('qrn');
    try {
      await repo.insertRun(tx, {
        id,
        resource_id: resourceId,
        file_id: file?.id ?? null,
        dataset_id: held?.datasetId ?? null,
        agent_id: held?.agentId ?? null,
        trigger,
        created_by: ctx.principal?.username ?? 'system',
        created_at: this.deps.now(),
        updated_at: this.deps.now(),
      });
    } catch (e) {
      if (isUniqueViolation(e)) throw RunActive();
      throw e;
    }
    await recordAudit(tx, ctx, {
      action: 'quality.run.start',
      objectType: 'quality_run',
      objectId: id,
      orgId: ctx.principal?.orgId ?? null,
      details: {
        resourceId,
        trigger,
        ...(file ? { fileId: file.id } : { datasetId: held!.datasetId, agentId: held!.agentId }),
      },
    });
    return (await repo.run(tx, id))!;
  }

  private schedule(id: string): void {
    this.pending++;
    this.line = this.line
      .then(() => this.execute(id))
      .catch(() => {}) // a run records its own failure
      .finally(() => void this.pending--);
  }

  /** A data file of the resource became ready: its run starts (a failure to start is the run's to miss). */
  fileReady(resourceId: string): void {
    const started = this.startBySystem(resourceId, 'upload')
      .catch(() => null)
      .finally(() => this.starting.delete(started));
    this.starting.add(started);
  }

  /** After a restart: runs left queued are put in line again (a process that claims one first runs it). */
  async resumePending(): Promise<number> {
    const queued = await repo.queuedRuns(this.deps.db);
    for (const r of queued) this.schedule(r.id);
    return queued.length;
  }

  /** Resolves once every run this process has started or has in line is finished. */
  async idle(): Promise<void> {
    while (this.pending || this.starting.size) {
      await Promise.allSettled([...this.starting]);
      await this.line;
    }
  }

  private async execute(id: string): Promise<void> {
    const { db } = this.deps;
    const run = await repo.run(db, id);
    // only one process runs it: the one whose update took it from queued to running
    if (!run || !(await repo.claimRun(db, id, this.deps.now()))) return;
    try {
      const report = await evaluateRun(this.deps, run);
      await this.finish(run, report);
    } catch (e) {
      await this.fail(run, e instanceof Error ? e.message : String(e));
    }
  }

  /** Records a finished run (this process's, or one an agent checked in its domain). */
  async finish(run: RunRow, r: Evaluated, set: { report_hash?: string; signature?: string } = {}) {
    const { rulesVersion, ...report } = r;
    await this.deps.db.transaction().execute(async (tx) => {
      await repo.updateRun(tx, run.id, {
        status: 'done',
        progress: 1,
        rows_read: report.rows,
        rules_version: rulesVersion,
        report: JSON.stringify(report),
        overall: report.overall,
        ...report.indicators,
        ...set,
        finished_at: this.deps.now(),
        updated_at: this.deps.now(),
      });
      await recordAudit(tx, systemContext(), {
        action: 'quality.run.finish',
        objectType: 'quality_run',
        objectId: run.id,
        details: {
          resourceId: run.resource_id,
          rows: report.rows,
          overall: report.overall,
          ...(run.agent_id && { agentId: run.agent_id, reportHash: set.report_hash }),
        },
      });
    });
  }

  /** Records a failed run. */
  async fail(run: Pick<RunRow, 'id' | 'resource_id'>, error: string) {
    await this.deps.db.transaction().execute(async (tx) => {
      await repo.updateRun(tx, run.id, {
        status: 'failed',
        error: error.slice(0, 2000),
        finished_at: this.deps.now(),
        updated_at: this.deps.now(),
      });
      await recordAudit(tx, systemContext(), {
        action: 'quality.run.finish',
        objectType: 'quality_run',
        objectId: run.id,
        outcome: 'failure',
        details: { resourceId: run.resource_id, error },
      });
    });
  }

  async get(ctx: RequestContext, id: string): Promise<QualityRun> {
    const run = await repo.run(this.deps.db, id);
    if (!run) throw NotFound('quality run', id);
    const r = await this.deps.resources.load(ctx, run.resource_id).catch(() => {
      throw NotFound('quality run', id);
    });
    return toRun(run, seesExamples(ctx, r.owner_org_id));
  }

  async list(
    ctx: RequestContext,
    resourceId: string,
    q: { page: number; pageSize: number },
  ): Promise<Paged<QualityRunSummary>> {
    await this.deps.resources.load(ctx, resourceId);
    const { rows, total } = await repo.page(this.deps.db, resourceId, q.page, q.pageSize);
    return { items: rows.map(toRunSummary), total, page: q.page, pageSize: q.pageSize };
  }

  /** The latest finished run with its report; 404 until one has finished. */
  async latest(ctx: RequestContext, resourceId: string): Promise<QualityRun> {
    const r = await this.deps.resources.load(ctx, resourceId);
    const run = await repo.latestDone(this.deps.db, resourceId);
    if (!run) throw NotFound('quality report of resource', resourceId);
    return toRun(run, seesExamples(ctx, r.owner_org_id));
  }

  /** The latest scores of the resources the caller may see (others are left out). */
  async scores(ctx: RequestContext, resourceIds: string[]) {
    const visible: string[] = [];
    for (const id of new Set(resourceIds))
      if (
        await this.deps.resources.load(ctx, id).then(
          () => true,
          () => false,
        )
      )
        visible.push(id);
    const rows = await repo.latestDoneOf(this.deps.db, visible);
    return { items: rows.map((r) => ({ resourceId: r.resource_id, quality: toScore(r) })) };
  }

  /** The latest score of each resource, whoever asks: for other domains' rules and views. */
  async latestScores(resourceIds: string[], db: Executor = this.deps.db): Promise<Map<string, QualityScore>> {
    const rows = await repo.latestDoneOf(db, resourceIds);
    return new Map(rows.map((r) => [r.resource_id, toScore(r)]));
  }

  /**
   * The periodic re-run: each resource whose newest run is older than its declared update frequency is run
   * again; runs a stopped process left behind are failed first. Safe to repeat: an active run is never doubled.
   */
  async sweep(): Promise<{ started: number; stalled: number }> {
    const { db } = this.deps;
    const now = this.deps.now();
    const stalled = await repo.stalledRuns(db, new Date(now.getTime() - STALLED_AFTER_MS));
    for (const r of stalled)
      await this.fail(r, 'the run was interrupted (the server or the agent checking it stopped)');
    let started = 0;
    for (const last of await repo.lastRunTimes(db)) {
      if (last.active && !stalled.some((s) => s.resource_id === last.resource_id)) continue;
      const r = await this.deps.resources.row(last.resource_id);
      if (!r || r.status === 'retired' || !dueForRerun(r.update_frequency, new Date(last.last_at), now))
        continue;
      if (await this.startBySystem(r.id, 'schedule')) started++;
    }
    return { started, stalled: stalled.length };
  }
}

/** The owner's members and the supervisors see a report's (masked) examples; other readers its counts. */
const seesExamples = (ctx: RequestContext, ownerOrgId: string) =>
  ctx.principal?.orgId === ownerOrgId || hasRole(ctx, 'operator', 'regulator');
