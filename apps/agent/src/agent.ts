import { createReadStream } from 'node:fs';
import {
  jcs,
  type DatasetColumn,
  type Job,
  type JobReceiptBody,
  type JobResult,
  type LeasedJob,
  type LeasedQualityCheck,
  type PrivacySpent,
  type ReportedDataset,
} from '@shuliu/contracts';
import { compute, crypto } from '@shuliu/core';
import { PlatformClient, PlatformError } from './client.js';
import { DEFAULT_LIMITS, JobRefusal, runSqlJob, type DatasetSource, type JobLimits } from './run-job.js';
import { runAnonymizeJob } from './run-anonymize.js';
import { runPsiStep } from './run-psi.js';
import { runJointPart } from './run-joint.js';
import { runTemplateJob } from './run-template.js';
import { runQualityCheck } from './run-quality.js';

export const AGENT_SOFTWARE = 'shuliu-agent/0.1';

/** A dataset the agent holds: what the platform is told (schema, size) and where its rows are (never told). */
export interface HeldDataset {
  name: string;
  title: string;
  resourceId?: string;
  columns: DatasetColumn[];
  source: DatasetSource;
}

export interface AgentOptions {
  platformUrl: string;
  agentId: string;
  signer: crypto.Sm2Signer;
  datasets: HeldDataset[];
  /** How often an idle agent asks for work. */
  pollMs?: number;
  /** How often it says it is alive. */
  heartbeatMs?: number;
  limits?: JobLimits;
  /**
   * How many datasets stay loaded and bounded between SQL jobs (see compute.WarmTables): each holds its table
   * in memory, under the memory limit. 0 loads each job's table afresh.
   */
  warmTables?: number;
  log?: (line: string) => void;
}

/**
 * 域内计算节点: runs where the raw data lives and only ever calls out. It reports its datasets (schema and
 * size), leases jobs one at a time, computes each inside the domain and returns the released result with its
 * receipt, SM2-signed. A job it cannot run is refused by rule; the platform then gives the budget back.
 */
export class DomainAgent {
  readonly client: PlatformClient;
  private readonly held: Map<string, HeldDataset>;
  private readonly limits: JobLimits;
  /** What the agent's PSI scalars derive from: its own key, so that a restarted agent derives them again. */
  private readonly psiSecret: Buffer;
  private readonly warm: compute.WarmTables | undefined;
  private running = false;
  private loop: Promise<void> | null = null;
  private wake: (() => void) | null = null;

  constructor(private readonly o: AgentOptions) {
    this.client = new PlatformClient(o.platformUrl, o.agentId, o.signer);
    this.held = new Map(o.datasets.map((d) => [d.name, d]));
    this.limits = o.limits ?? DEFAULT_LIMITS;
    this.psiSecret = crypto.hmacSm3(o.signer.exportPrivate(), 'shuliu/agent/psi-secret');
    const warm = o.warmTables ?? 2;
    this.warm =
      warm > 0
        ? new compute.WarmTables(
            {
              timeoutMs: this.limits.timeoutMs,
              memoryLimit: this.limits.memoryLimit,
              maxResultRows: this.limits.maxResultRows,
            },
            warm,
          )
        : undefined;
  }

  /** Tells the platform which datasets the agent holds; one it no longer names is withdrawn there. */
  async report() {
    const datasets: ReportedDataset[] = [];
    for (const d of this.held.values())
      datasets.push({
        name: d.name,
        title: d.title,
        ...(d.resourceId && { resourceId: d.resourceId }),
        // what the values hold decides which columns are personal identifiers, not the configuration
        columns: compute.withPersonalKinds(d.columns, await samplesOf(d.source)),
        rows: await rowCount(d.source),
      });
    return this.client.call<{ items: { id: string; name: string }[] }>('PUT', '/api/compute/agent/datasets', {
      datasets,
      software: AGENT_SOFTWARE,
    });
  }

  heartbeat() {
    return this.client.call('POST', '/api/compute/agent/heartbeat');
  }

  /**
   * Leases one job and answers it, or — none waiting — one quality run of a dataset it holds; the job's or the
   * run's id, or null when neither waited.
   */
  async runOnce(): Promise<string | null> {
    const { job } = await this.client.call<{ job: LeasedJob | null }>(
      'POST',
      '/api/compute/agent/jobs/lease',
    );
    if (job) {
      await this.answer(job);
      return job.id;
    }
    const { check } = await this.client.call<{ check: LeasedQualityCheck | null }>(
      'POST',
      '/api/quality/agent/checks/lease',
    );
    if (!check) return null;
    await this.check(check);
    return check.runId;
  }

  /** Checks a dataset's quality in the domain and returns only the signed report (or why it could not). */
  private async check(check: LeasedQualityCheck): Promise<void> {
    const path = `/api/quality/agent/checks/${check.runId}`;
    const d = this.held.get(check.table);
    try {
      if (!d) throw new Error(`this agent holds no dataset ${check.table}`);
      const started = Date.now();
      const { engine, ...body } = await runQualityCheck(
        check,
        d.source,
        this.o.agentId,
        this.o.signer,
        this.limits,
      );
      this.log(
        `agent: quality run ${check.runId} of ${check.table}: ${body.report.rows} rows, overall ${body.report.overall ?? '–'} (${engine}, ${Date.now() - started} ms)`,
      );
      await this.client.call('POST', `${path}/report`, body);
    } catch (e) {
      if (e instanceof PlatformError) throw e;
      const reason = (e as Error).message || 'the check failed';
      this.log(`agent: quality run ${check.runId} failed: ${reason}`);
      await this.client.call('POST', `${path}/failure`, { reason: reason.slice(0, 1000) });
    }
  }

  /** Reports, then polls for jobs until stop(); a heartbeat goes out on its own clock. */
  async start() {
    await this.report();
    this.running = true;
    this.loop = this.poll();
  }

  async stop() {
    this.running = false;
    this.wake?.();
    await this.loop;
    await this.warm?.close();
  }

  private async poll() {
    let lastBeat = 0;
    while (this.running) {
      try {
        if (Date.now() - lastBeat > (this.o.heartbeatMs ?? 30_000)) {
          await this.heartbeat();
          lastBeat = Date.now();
        }
        if (await this.runOnce()) continue;
      } catch (e) {
        this.log(`agent: ${(e as Error).message}`);
      }
      await new Promise<void>((resolve) => {
        const t = setTimeout(resolve, this.o.pollMs ?? 1000);
        this.wake = () => {
          clearTimeout(t);
          resolve();
        };
      });
    }
  }

  /**
   * The SM3 of what the agent returns (a result, or a joint statistic's part) and its signature over the job's
   * receipt: job, dataset, agent, query hash, that SM3 and the privacy spent.
   */
  private signed(job: LeasedJob, returned: unknown, spent: PrivacySpent) {
    const resultHash = crypto.sm3Hex(jcs(returned));
    const receipt: JobReceiptBody = {
      v: 1,
      jobId: job.id,
      datasetId: job.datasetId,
      agentId: this.o.agentId,
      queryHash: job.queryHash,
      resultHash,
      epsilon: spent.epsilon,
      delta: spent.delta,
    };
    return { resultHash, signature: this.o.signer.sign(jcs(receipt), this.o.agentId).toString('hex') };
  }

  private async answer(job: LeasedJob): Promise<Job | null> {
    const path = `/api/compute/agent/jobs/${job.id}`;
    try {
      const d = this.held.get(job.table);
      if (!d) throw new JobRefusal('failed', null, `this agent holds no dataset ${job.table}`);
      if (compute.queryHash(job) !== job.queryHash)
        throw new JobRefusal('refused', null, 'the query does not match its hash');
      const held = { ...job, columns: d.columns };
      let out: { result: JobResult; privacySpent: PrivacySpent; file?: Buffer };
      if (job.kind === 'joint') {
        // a part, signed like a receipt over its SM3: the platform adds the parts up and adds the noise
        const local = await runJointPart(held, d.source, this.limits);
        const { resultHash: localHash, signature } = this.signed(job, local, { epsilon: 0, delta: 0 });
        this.log(`agent: joint statistic ${job.id}: part of ${job.table} sent`);
        return await this.client.call<Job>('POST', `${path}/part`, { local, localHash, signature });
      }
      if (job.kind === 'psi') {
        const input = () => this.client.download(`${path}/psi`);
        const step = await runPsiStep(held, d.source, this.psiSecret, input, this.limits);
        if ('send' in step) {
          await this.client.upload(`${path}/psi`, step.send);
          this.log(`agent: PSI job ${job.id} phase ${job.psiPhase} sent on`);
          return null;
        }
        // a PSI job releases no aggregate of a dataset, so it spends no privacy budget
        out = { result: step.result, privacySpent: { epsilon: 0, delta: 0 } };
      } else out = await this.run(held, d.source);
      const { result, privacySpent, file } = out;
      if (file) await this.client.upload(`${path}/output`, file);
      const spent = compute.quantizeCost(privacySpent);
      const { resultHash, signature } = this.signed(job, result, spent);
      this.log(`agent: job ${job.id} released (ε ${spent.epsilon})`);
      return await this.client.call<Job>('POST', `${path}/result`, {
        result,
        privacySpent: spent,
        resultHash,
        signature,
      });
    } catch (e) {
      if (e instanceof PlatformError) throw e;
      const r =
        e instanceof JobRefusal
          ? e
          : new JobRefusal('failed', null, (e as Error).message || 'the job failed');
      this.log(`agent: job ${job.id} ${r.outcome}: ${r.message}`);
      return this.client.call<Job>('POST', `${path}/failure`, {
        outcome: r.outcome,
        ...(r.rule && { rule: r.rule }),
        reason: r.message.slice(0, 1000),
      });
    }
  }

  private async run(
    job: LeasedJob,
    source: DatasetSource,
  ): Promise<{ result: JobResult; privacySpent: PrivacySpent; file?: Buffer }> {
    switch (job.kind) {
      case 'psi':
      case 'joint':
        throw new JobRefusal('failed', null, `a ${job.kind} job runs by its steps`);
      case 'sql':
        return runSqlJob(job, source, this.limits, this.warm);
      case 'template':
        return runTemplateJob(job, source, this.limits);
      case 'anonymize':
        // an export spends no privacy budget: k-anonymity, not noise, protects its rows
        return {
          ...(await runAnonymizeJob(job, source, this.limits)),
          privacySpent: { epsilon: 0, delta: 0 },
        };
    }
  }

  private log(line: string) {
    this.o.log?.(line);
  }
}

/** Values of each column the personal-data detection reads: the first non-empty ones of the source. */
const SAMPLE = 1000;

async function samplesOf(source: DatasetSource): Promise<(column: string) => string[]> {
  const rows: Record<string, unknown>[] =
    'rows' in source ? source.rows.slice(0, SAMPLE * 2) : await headRows(source);
  return (column) =>
    rows
      .map((r) => r[column])
      .filter((v) => v !== null && v !== undefined && v !== '')
      .slice(0, SAMPLE)
      .map(String);
}

/** The first rows of a CSV source, read without loading it whole (quoted fields with the delimiter allowed). */
async function headRows(source: { csvPath: string; delimiter?: string }): Promise<Record<string, unknown>[]> {
  const delimiter = source.delimiter ?? ',';
  const lines: string[] = [];
  let rest = '';
  for await (const chunk of createReadStream(source.csvPath, {
    encoding: 'utf8',
    highWaterMark: 64 * 1024,
  })) {
    const parts = (rest + (chunk as string)).split(/\r?\n/);
    rest = parts.pop()!;
    lines.push(...parts);
    if (lines.length > SAMPLE * 2) break;
  }
  if (rest) lines.push(rest);
  const [header, ...body] = lines.filter(Boolean).map((l) => splitCsvLine(l, delimiter));
  if (!header) return [];
  return body.map((cells) => Object.fromEntries(header.map((h, i) => [h, cells[i] ?? ''])));
}

function splitCsvLine(line: string, delimiter: string): string[] {
  const out: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i]!;
    if (quoted && ch === '"' && line[i + 1] === '"') {
      cell += '"';
      i++;
    } else if (ch === '"') {
      quoted = !quoted;
    } else if (!quoted && ch === delimiter) {
      out.push(cell);
      cell = '';
    } else {
      cell += ch;
    }
  }
  out.push(cell);
  return out.map((c) => c.trim());
}

/** Rows of a source: counted from the file's lines (the header excluded) without reading it whole. */
async function rowCount(source: DatasetSource): Promise<number> {
  if ('rows' in source) return source.rows.length;
  let lines = 0;
  let last = 10;
  for await (const chunk of createReadStream(source.csvPath) as AsyncIterable<Buffer>) {
    for (let i = chunk.indexOf(10); i !== -1; i = chunk.indexOf(10, i + 1)) lines++;
    last = chunk[chunk.length - 1]!;
  }
  if (last !== 10) lines++;
  return Math.max(0, lines - 1);
}
