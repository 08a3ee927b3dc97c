import type { JobResult, LeasedJob, PrivacySpent, TemplateSpec } from '@shuliu/contracts';
import { compute } from '@shuliu/core';
import { DEFAULT_LIMITS, inSandbox, JobRefusal, type DatasetSource, type JobLimits } from './run-job.js';

type Row = Record<string, unknown>;

/**
 * Runs an approved algorithm inside the domain: the columns it names are read with each privacy unit's rows
 * bounded to m (chosen at random), NULLs left out, and the values go to the differentially private template
 * with the dataset's declared bounds. The rows stay in the agent's memory; only the template's release leaves.
 */
export async function runTemplateJob(
  job: LeasedJob,
  source: DatasetSource,
  limits: JobLimits = DEFAULT_LIMITS,
): Promise<{ result: JobResult; privacySpent: PrivacySpent }> {
  const t = job.template;
  const policy = job.policy;
  if (!t || !policy.privacyUnit)
    throw new JobRefusal('refused', null, 'a template job needs its template and a privacy unit');
  try {
    compute.checkTemplate(t, job.columns, policy);
  } catch (e) {
    if (e instanceof compute.QueryRefused) throw new JobRefusal('refused', e.rule, e.message);
    throw e;
  }
  const { all } = compute.templateColumns(t);
  const q = compute.quoteIdent;
  const cols = all.map(q);
  const m = policy.maxContributions;
  const sql = [
    `SELECT ${cols.join(', ')} FROM (`,
    `SELECT ${cols.join(', ')}, row_number() OVER (PARTITION BY ${q(policy.privacyUnit)} ORDER BY random()) AS __rn`,
    `FROM ${q(job.table)} WHERE ${cols.map((c) => `${c} IS NOT NULL`).join(' AND ')}`,
    `) AS __bounded WHERE __rn <= ${m}`,
  ].join('\n');
  const rows = await inSandbox(job, source, sql, limits, limits.maxTemplateRows ?? 2_000_000);
  const integer = new Set(job.columns.filter((c) => c.type === 'integer').map((c) => c.name));
  const bounds = (c: string) => ({ ...policy.bounds[c]!, integer: integer.has(c) });
  const num = (c: string) => rows.map((r: Row) => toNumber(r[c]));
  const opts = { epsilon: job.epsilon, maxContributions: m };
  const out = release(t, { rows, num, bounds, opts, delta: job.delta });
  return {
    result: { ...out.table, suppressedGroups: 0, mechanism: out.mechanism },
    privacySpent: out.spent,
  };
}

function toNumber(v: unknown): number {
  if (typeof v === 'boolean') return v ? 1 : 0;
  return Number(v);
}

interface Inputs {
  rows: Row[];
  num: (column: string) => number[];
  bounds: (column: string) => compute.Bounds;
  opts: { epsilon: number; maxContributions: number };
  delta: number;
}

/** The template's release as a table: its columns and rows, with what it spent and how. */
function release(t: TemplateSpec, i: Inputs) {
  const table = (columns: string[], rows: JobResult['rows']) => ({ columns, rows });
  switch (t.name) {
    case 'histogram': {
      const values = t.bins ? i.num(t.column) : i.rows.map((r) => String(r[t.column]));
      const binning = t.bins ? { bins: t.bins } : { categories: t.categories! };
      const r = compute.histogram(values, binning, i.opts);
      return {
        ...r,
        table: table(
          [t.column, 'count'],
          r.result.labels.map((l, k) => [l, r.result.counts[k]!]),
        ),
      };
    }
    case 'quantiles': {
      const r = compute.quantiles(i.num(t.column), t.qs, i.bounds(t.column), i.opts);
      return {
        ...r,
        table: table(
          ['q', t.column],
          t.qs.map((q, k) => [q, r.result[k]!]),
        ),
      };
    }
    case 'sum': {
      const r = compute.boundedSum(i.num(t.column), i.bounds(t.column), i.opts);
      return { ...r, table: table([`sum_${t.column}`], [[r.result]]) };
    }
    case 'mean': {
      const r = compute.boundedMean(i.num(t.column), i.bounds(t.column), i.opts);
      return { ...r, table: table([`mean_${t.column}`], [[r.result]]) };
    }
    case 'correlation': {
      const r = compute.correlation(i.num(t.x), i.num(t.y), { x: i.bounds(t.x), y: i.bounds(t.y) }, i.opts);
      return { ...r, table: table([`corr_${t.x}_${t.y}`], [[r.result]]) };
    }
    case 'linear_regression':
    case 'logistic_regression': {
      const X = i.rows.map((row) => t.features.map((f) => toNumber(row[f])));
      const xb = t.features.map(i.bounds);
      const r =
        t.name === 'linear_regression'
          ? compute.linearRegression(X, i.num(t.target), { x: xb, y: i.bounds(t.target) }, i.opts)
          : compute.logisticRegression(X, i.num(t.target), xb, {
              ...i.opts,
              delta: i.delta,
              ...(t.iterations && { iterations: t.iterations }),
            });
      return {
        ...r,
        table: table(
          ['term', 'coefficient'],
          [['(intercept)', r.result.intercept], ...t.features.map((f, k) => [f, r.result.coefficients[k]!])],
        ),
      };
    }
  }
}
