import type { JobResult, JointLocal, JointSpec } from '@shuliu/contracts';
import type { ColumnRow, PolicyRow } from '../compute.tables.js';
import { laplaceMechanism } from '../dp/noise.js';
import { quoteIdent } from '../sql/sql-scope.js';
import { QueryRefused } from '../sql/sql-refusal.js';

/**
 * 联合统计: a count, sum or mean over several agents' datasets. Each agent reads its own rows with each privacy
 * unit's contribution bounded to its policy's m and values clamped to its declared bounds, and returns the exact
 * local count and sum per group; the platform adds the parts up and adds Laplace noise once. One person may be
 * in every dataset, so the sensitivity is the sum of each dataset's: Σ m (counts) and Σ m·max(|L|, |U|) (sums).
 */

const NUMERIC = new Set(['integer', 'number']);
/** The most groups a local aggregate reads back before the declared categories are kept. */
export const JOINT_MAX_LOCAL_GROUPS = 100_000;

/** A dataset as a joint statistic sees it. */
export interface JointDataset {
  id: string;
  name: string;
  orgId: string;
  columns: ColumnRow[];
  policy: PolicyRow | null;
}

/**
 * Checks the spec against every dataset (the job's first), throwing the refusal by rule: each dataset once,
 * each with a privacy unit; the summed column numeric with declared bounds in every one; the grouping column in
 * every one.
 */
export function checkJoint(spec: JointSpec, datasets: JointDataset[]): void {
  if (new Set(datasets.map((d) => d.id)).size !== datasets.length)
    throw new QueryRefused('joint_mismatch', 'each dataset takes part once');
  if (spec.statistic !== 'count' && !spec.column)
    throw new QueryRefused('column_type', `a ${spec.statistic} names the numeric column it reads`);
  if (spec.statistic === 'count' && spec.column)
    throw new QueryRefused('unsupported', 'a count reads no column: leave column out');
  for (const d of datasets) {
    if (!d.policy?.privacyUnit)
      throw new QueryRefused(
        'bounds_missing',
        `${d.name} has no release policy with a privacy unit: its contribution cannot be bounded`,
      );
    const types = new Map(d.columns.map((c) => [c.name, c.type]));
    if (spec.column) {
      if (!types.has(spec.column))
        throw new QueryRefused('joint_mismatch', `${d.name} has no column ${spec.column}`);
      if (!NUMERIC.has(types.get(spec.column)!))
        throw new QueryRefused('column_type', `${d.name}.${spec.column} is not numeric`);
      if (!d.policy.bounds[spec.column])
        throw new QueryRefused('bounds_missing', `${d.name} declares no bounds for ${spec.column}`);
    }
    if (spec.groupBy && !types.has(spec.groupBy.column))
      throw new QueryRefused('joint_mismatch', `${d.name} has no column ${spec.groupBy.column}`);
  }
  if (spec.groupBy && new Set(spec.groupBy.categories).size !== spec.groupBy.categories.length)
    throw new QueryRefused('unsupported', 'a category is named twice');
}

/**
 * The agent's query for its part: each unit's rows bounded to m at random, NULLs of the summed column left out,
 * values clamped to the declared bounds, counted and summed per value of the grouping column.
 */
export function jointLocalSql(spec: JointSpec, table: string, policy: PolicyRow): string {
  const q = quoteIdent;
  const unit = q(policy.privacyUnit!);
  const key = spec.groupBy ? `CAST(${q(spec.groupBy.column)} AS VARCHAR)` : 'NULL';
  let value = '0';
  if (spec.column) {
    const b = policy.bounds[spec.column]!;
    value = `least(greatest(CAST(${q(spec.column)} AS DOUBLE), ${b.lower}), ${b.upper})`;
  }
  const where = spec.column ? `WHERE ${q(spec.column)} IS NOT NULL` : '';
  return [
    `SELECT __key AS key, count(*) AS n, coalesce(sum(__value), 0) AS s FROM (`,
    `SELECT ${key} AS __key, ${value} AS __value,`,
    `row_number() OVER (PARTITION BY ${unit} ORDER BY random()) AS __rn`,
    `FROM ${q(table)} ${where}`,
    `) AS __bounded WHERE __rn <= ${policy.maxContributions} GROUP BY __key`,
  ].join('\n');
}

/** The local aggregate from the query's rows: only the declared categories (or the one total), in their order. */
export function jointLocal(
  spec: JointSpec,
  datasetId: string,
  rows: { key: unknown; n: unknown; s: unknown }[],
): JointLocal {
  const by = new Map(rows.map((r) => [r.key === null ? null : String(r.key), r]));
  const keys = spec.groupBy ? spec.groupBy.categories : [null];
  return {
    datasetId,
    groups: keys.map((key) => {
      const r = by.get(key);
      return { key, n: r ? Number(r.n) : 0, s: r ? Number(r.s) : 0 };
    }),
  };
}

/**
 * The platform's release: the parts added up per group, noised once at the summed sensitivity. A count spends
 * all of ε on the counts; a sum or mean spends ε/2 on the counts and ε/2 on the sums (a mean is their ratio,
 * clamped into the widest bounds). Groups whose noisy count is below the largest k of the datasets are held
 * back.
 */
export function combineJoint(
  spec: JointSpec,
  parts: { local: JointLocal; policy: PolicyRow; integer: boolean }[],
  epsilon: number,
): JobResult {
  const m = parts.reduce((a, p) => a + p.policy.maxContributions, 0);
  const magnitude = (p: (typeof parts)[number]) => {
    const b = p.policy.bounds[spec.column!]!;
    return Math.max(Math.abs(b.lower), Math.abs(b.upper));
  };
  const sumSensitivity = spec.column
    ? parts.reduce((a, p) => a + p.policy.maxContributions * magnitude(p), 0)
    : 0;
  const integer = parts.every((p) => p.integer);
  const k = Math.max(...parts.map((p) => p.policy.k));
  const countEpsilon = spec.statistic === 'count' ? epsilon : epsilon / 2;
  const touched = spec.groupBy ? m : 1;
  const lower = spec.column ? Math.min(...parts.map((p) => p.policy.bounds[spec.column!]!.lower)) : 0;
  const upper = spec.column ? Math.max(...parts.map((p) => p.policy.bounds[spec.column!]!.upper)) : 0;
  const keys = spec.groupBy ? spec.groupBy.categories : [null];
  const rows: JobResult['rows'] = [];
  let suppressed = 0;
  keys.forEach((key, i) => {
    const n = parts.reduce((a, p) => a + p.local.groups[i]!.n, 0);
    const s = parts.reduce((a, p) => a + p.local.groups[i]!.s, 0);
    const noisyN = laplaceMechanism(n, m, countEpsilon, { integer: true });
    if (noisyN < k) {
      suppressed++;
      return;
    }
    const row: JobResult['rows'][number] = spec.groupBy ? [key, noisyN] : [noisyN];
    if (spec.statistic !== 'count') {
      const noisyS = laplaceMechanism(integer ? Math.round(s) : s, sumSensitivity, epsilon / 2, {
        integer,
        touched,
      });
      row.push(
        spec.statistic === 'sum' ? noisyS : Math.min(upper, Math.max(lower, noisyS / Math.max(1, noisyN))),
      );
    }
    rows.push(row);
  });
  const columns = [
    ...(spec.groupBy ? [spec.groupBy.column] : []),
    'count',
    ...(spec.statistic === 'count' ? [] : [`${spec.statistic}_${spec.column}`]),
  ];
  const split =
    spec.statistic === 'count' ? `ε = ${epsilon}` : `ε/2 = ${epsilon / 2} each on counts and sums`;
  return {
    columns,
    rows,
    suppressedGroups: suppressed,
    mechanism:
      `joint statistic of ${parts.length} agents’ exact local aggregates, summed by the platform and noised once: ` +
      `discrete Laplace on counts (sensitivity Σm = ${m})` +
      (spec.column
        ? `, ${integer ? 'discrete' : 'grid-snapped'} Laplace on sums (sensitivity Σ m·max(|L|,|U|) = ${sumSensitivity})`
        : '') +
      `; ${split}; groups with a noisy count below k = ${k} held back`,
  };
}
