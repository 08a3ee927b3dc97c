import type { JobResult, LeasedJob, PrivacySpent } from '@shuliu/contracts';
import { compute } from '@shuliu/core';

/** The limits one job runs under inside the agent. */
export interface JobLimits {
  timeoutMs: number;
  memoryLimit: string;
  maxResultRows: number;
  /** The most bounded rows a template reads into the agent's memory (they never leave it). */
  maxTemplateRows?: number;
}

export const DEFAULT_LIMITS: JobLimits = {
  timeoutMs: 30_000,
  memoryLimit: '512MB',
  maxResultRows: 10_000,
  maxTemplateRows: 2_000_000,
};

/** What the job's table is read from: rows in memory (tests) or a CSV file inside the domain. */
export type DatasetSource = compute.TableSource;

/** A job the agent will not run or could not finish; nothing was released. */
export class JobRefusal extends Error {
  constructor(
    readonly outcome: 'refused' | 'failed',
    readonly rule: string | null,
    message: string,
  ) {
    super(message);
    this.name = 'JobRefusal';
  }
}

/**
 * Runs one SQL job inside the domain: the query is checked against the allow-list again (the agent trusts no
 * one with its data, the platform included), rewritten so that each privacy unit contributes at most m rows of
 * clamped values, run in a locked DuckDB sandbox under time, memory and row limits, and only the noisy release
 * of the resulting sufficient statistics — groups below k held back — leaves.
 */
export async function runSqlJob(
  job: LeasedJob,
  source: DatasetSource,
  limits: JobLimits = DEFAULT_LIMITS,
  warm?: compute.WarmTables,
): Promise<{ result: JobResult; privacySpent: PrivacySpent }> {
  const policy = job.policy;
  if (!policy.privacyUnit) throw new JobRefusal('refused', null, 'the release policy names no privacy unit');
  const catalog = { tables: [{ name: job.table, columns: job.columns, joinKeys: policy.joinKeys }] };
  const bounding: compute.BoundingOptions = {
    privacyUnit: policy.privacyUnit,
    maxContributions: policy.maxContributions,
    bounds: policy.bounds,
  };
  let plan: compute.AnalysisPlan;
  let bounded: string;
  try {
    if (!job.sql) throw new JobRefusal('refused', null, 'a sql job without its sql');
    plan = await compute.analyzeQuery(job.sql, catalog);
    bounded = compute.boundedSql(plan, bounding);
  } catch (e) {
    if (e instanceof compute.QueryRefused) throw new JobRefusal('refused', e.rule, e.message);
    throw e;
  }

  // a job filtered by consent reads its own subset of the rows: it runs in a fresh sandbox
  const rows =
    (warm && !job.consent && (await onWarmTable(warm, job, source, bounding, plan))) ||
    (await inSandbox(job, source, bounded, limits, limits.maxResultRows));

  // the release names groups by their output name; a column that only groups is kept under its own name
  const groupNames = plan.groupBy.map((g, k) => g.alias ?? `__g_${k}`);
  const sufficient = rows.map((r) => {
    const out: compute.SufficientRow = {};
    for (const [key, value] of Object.entries(r)) {
      const m = /^__g_(\d+)$/.exec(key);
      out[m ? groupNames[Number(m[1])]! : key] = value as compute.SufficientValue;
    }
    return out;
  });
  const integer = new Set(job.columns.filter((c) => c.type === 'integer').map((c) => c.name));
  const bounds = Object.fromEntries(
    Object.entries(policy.bounds).map(([c, b]) => [c, { ...b, integer: integer.has(c) }]),
  );
  const release = compute.releaseAggregates(
    sufficient,
    {
      groupBy: groupNames,
      aggregates: plan.aggregates.map((a) => ({ alias: a.alias, fn: a.fn, column: a.column })),
    },
    { k: policy.k, maxContributions: policy.maxContributions, bounds, mechanism: policy.mechanism },
    job.epsilon,
    job.delta,
  );
  return { result: shape(plan, release), privacySpent: release.spent };
}

/** The released table in the query's SELECT order, sorted and limited as it asked (post-processing). */
function shape(plan: compute.AnalysisPlan, release: compute.AggregateRelease): JobResult {
  const index = new Map(release.columns.map((c, i) => [c, i]));
  const cell = (v: unknown) => (typeof v === 'bigint' ? Number(v) : (v as JobResult['rows'][number][number]));
  let rows = release.rows.map((r) => plan.select.map((name) => cell(r[index.get(name)!])));
  const at = new Map(plan.select.map((c, i) => [c, i]));
  if (plan.orderBy.length)
    rows = rows.sort((a, b) => {
      for (const o of plan.orderBy) {
        const i = at.get(o.output)!;
        const c = compare(a[i], b[i]);
        if (c !== 0) return o.direction === 'asc' ? c : -c;
      }
      return 0;
    });
  if (plan.limit !== null) rows = rows.slice(0, plan.limit);
  return {
    columns: plan.select,
    rows,
    suppressedGroups: release.suppressedGroups,
    mechanism: release.mechanism,
  };
}

function compare(a: unknown, b: unknown): number {
  if (a === b) return 0;
  if (a === null || a === undefined) return 1;
  if (b === null || b === undefined) return -1;
  return typeof a === 'number' && typeof b === 'number' ? a - b : String(a).localeCompare(String(b));
}

/** The job's statistics from the dataset's warm table; null where the plan needs bounding per job (joins). */
async function onWarmTable(
  warm: compute.WarmTables,
  job: LeasedJob,
  source: DatasetSource,
  bounding: compute.BoundingOptions,
  plan: compute.AnalysisPlan,
): Promise<compute.SandboxRow[] | null> {
  try {
    const table = await warm.get(job.table, job.columns, source, bounding);
    return await table.run(plan);
  } catch (e) {
    if (e instanceof compute.SandboxLimit) throw new JobRefusal('failed', `limit_${e.kind}`, e.message);
    if (e instanceof compute.QueryRefused) throw new JobRefusal('refused', e.rule, e.message);
    throw e;
  }
}

/** Loads the job's table into a fresh sandbox, locks it and runs one statement under the limits. */
export async function inSandbox(
  job: Pick<LeasedJob, 'table' | 'columns'> & { consent?: LeasedJob['consent'] },
  source: DatasetSource,
  sql: string,
  limits: JobLimits,
  maxResultRows: number,
): Promise<compute.SandboxRow[]> {
  const sandbox = await compute.openSandbox({
    timeoutMs: limits.timeoutMs,
    memoryLimit: limits.memoryLimit,
    maxResultRows,
  });
  try {
    await sandbox.loadTable(job.table, job.columns, source);
    // another org's personal data: only the persons with live consent to its scenario stay in the table
    const consent = job.consent;
    if (consent) {
      const subjects = new Set(consent.subjects);
      await sandbox.restrict(job.table, consent.column, (v) =>
        subjects.has(compute.consentDigest(consent.salt, v)),
      );
    }
    await sandbox.lock();
    return await sandbox.run(sql);
  } catch (e) {
    if (e instanceof compute.SandboxLimit) throw new JobRefusal('failed', `limit_${e.kind}`, e.message);
    throw e;
  } finally {
    sandbox.close();
  }
}
