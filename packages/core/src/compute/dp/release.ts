import { gaussianMechanism, laplaceMechanism } from './noise.js';
import {
  boundsOf,
  centre,
  halfWidth,
  planMeasurements,
  validatePolicy,
  type AggregateSpec,
  type Measurement,
  type ReleasePolicy,
  type ReleaseSpec,
} from './release.plan.js';
import { clamp, requireDelta, requireEpsilon, type PrivacyCost } from './validate.js';

/** A value DuckDB returns: counts may come as bigint, decimals as strings; a sum over nothing is null. */
export type SufficientValue = string | number | bigint | boolean | null;
/** One group's sufficient statistics: the group columns, `__n`, `__units`, and `__n_i`, `__s_i`, `__ss_i`. */
export type SufficientRow = Record<string, SufficientValue>;
export type ReleasedValue = string | number | bigint | boolean | null;

export interface AggregateRelease {
  columns: string[];
  rows: ReleasedValue[][];
  /** what this release costs, by basic composition of its measurements */
  spent: PrivacyCost;
  /** groups not shown: below k units, or whose noisy unit count fell below the threshold τ */
  suppressedGroups: number;
  mechanism: string;
}

interface Split {
  epsSelect: number;
  deltaSelect: number;
  epsEach: number;
  deltaEach: number;
}

/**
 * Splits (ε, δ) over the measurements by basic composition (Dwork–Roth 2014, Thm. 3.16): one equal ε share
 * each, plus one for partition selection when groups come from the data. Laplace: δ goes to the selection
 * only. Gaussian: half of δ to the selection, half shared by the measurements.
 */
function splitBudget(measurements: number, grouped: boolean, policy: ReleasePolicy, e: PrivacyCost): Split {
  const epsEach = e.epsilon / (measurements + (grouped ? 1 : 0));
  const epsSelect = grouped ? epsEach : 0;
  if (policy.mechanism === 'laplace')
    return { epsSelect, deltaSelect: grouped ? e.delta : 0, epsEach, deltaEach: 0 };
  const deltaSelect = grouped ? e.delta / 2 : 0;
  return { epsSelect, deltaSelect, epsEach, deltaEach: (e.delta - deltaSelect) / measurements };
}

/**
 * Laplace partition selection threshold (Korolova et al. 2009; Wilson et al. 2020 §4; SmartNoise censor_dims):
 * a group that only one unit makes exist passes τ = 1 + b·ln(m/δ) with probability ≤ δ/m per group, and one
 * unit makes at most m groups; the policy's k is a floor on τ.
 */
export function selectionThreshold(k: number, m: number, epsilon: number, delta: number): number {
  return Math.max(k, 1 + (m / epsilon) * Math.log(m / delta));
}

function statOf(row: SufficientRow, field: string): number {
  const v = row[field];
  if (v === null || v === undefined) return 0; // SQL's sum over no value
  const x = typeof v === 'number' ? v : typeof v === 'boolean' ? Number.NaN : Number(v);
  if (!Number.isFinite(x)) throw new TypeError(`sufficient statistic ${field} is not a number: ${String(v)}`);
  return x;
}

/** Σ(x − c) = s − n·c and Σ(x − c)² = ss − 2c·s + n·c², from the row's uncentred sums. */
function measured(row: SufficientRow, m: Measurement): number {
  const i = m.aggregate;
  if (m.stat === 'n' || m.centre === 0) return statOf(row, m.field);
  const [n, s, c] = [statOf(row, `__n_${i}`), statOf(row, `__s_${i}`), m.centre];
  return m.stat === 's' ? s - n * c : statOf(row, `__ss_${i}`) - 2 * c * s + n * c * c;
}

/** Post-processing of the noisy statistics (free under DP): mean = s̃/ñ, sample variance from s̃ and s̃s. */
function finish(a: AggregateSpec, i: number, noisy: Map<string, number>, policy: ReleasePolicy): number {
  const n = noisy.get(`${i}:n`) ?? 0;
  if (a.fn === 'count') return Math.max(0, n);
  if (a.fn === 'sum') return noisy.get(`${i}:s`) ?? 0;
  const b = boundsOf(policy, a);
  const nn = Math.max(1, n);
  const mu = (noisy.get(`${i}:s`) ?? 0) / nn;
  if (a.fn === 'avg') return clamp(centre(b) + mu, b);
  const h = halfWidth(b);
  const pop = Math.min(Math.max(0, (noisy.get(`${i}:ss`) ?? 0) / nn - mu * mu), h * h);
  const sample = nn > 1 ? (pop * nn) / (nn - 1) : pop;
  return a.fn === 'var' ? sample : Math.sqrt(sample);
}

type Noise = (value: number, m: Measurement) => number;

function noiseFor(policy: ReleasePolicy, split: Split, touched: number): Noise {
  return (value, m) =>
    policy.mechanism === 'laplace'
      ? laplaceMechanism(value, m.sensitivity, split.epsEach, { integer: m.integer, touched })
      : gaussianMechanism(value, m.sensitivity, split.epsEach, split.deltaEach, {
          integer: m.integer,
          touched,
        });
}

function releaseGroup(
  row: SufficientRow,
  spec: ReleaseSpec,
  policy: ReleasePolicy,
  plan: Measurement[],
  noise: Noise,
) {
  const noisy = new Map<string, number>();
  for (const m of plan) noisy.set(`${m.aggregate}:${m.stat}`, noise(measured(row, m), m));
  const values = spec.aggregates.map((a, i) => finish(a, i, noisy, policy));
  return [...spec.groupBy.map((g) => row[g] ?? null), ...values];
}

function describe(policy: ReleasePolicy, split: Split, measurements: number, tau: number | null): string {
  const noise =
    policy.mechanism === 'laplace'
      ? 'Laplace: discrete Laplace (Canonne–Kamath–Steinke 2020) on counts and integer sums, grid-snapped discrete Laplace on real sums'
      : 'Gaussian (zCDP-calibrated): discrete Gaussian (Canonne–Kamath–Steinke 2020) on counts and integer sums, grid-snapped on real sums';
  const shares = `ε/${measurements + (tau === null ? 0 : 1)} = ${split.epsEach} per measurement`;
  const selection =
    tau === null
      ? 'no partition selection (one global group)'
      : `Laplace partition selection at τ = ${tau.toFixed(2)}`;
  return `${noise}; m = ${policy.maxContributions}, k = ${policy.k}; ${shares}; ${selection}`;
}

/**
 * Releases aggregates of the SQL side's sufficient statistics under the dataset's policy (issue 18): noisy
 * counts and clamped sums, averages and variances by post-processing, groups shown only when their noisy
 * unit count reaches τ and their true unit count reaches k. The hard k floor is a policy rule on top of the
 * DP guarantee (it only removes rows).
 */
export function releaseAggregates(
  groups: SufficientRow[],
  spec: ReleaseSpec,
  policy: ReleasePolicy,
  epsilon: number,
  delta: number,
): AggregateRelease {
  validatePolicy(policy);
  const plan = planMeasurements(spec, policy);
  const grouped = spec.groupBy.length > 0;
  const e = {
    epsilon: requireEpsilon(epsilon),
    delta: requireDelta(delta, grouped || policy.mechanism === 'gaussian'),
  };
  if (!grouped && groups.length > 1)
    throw new RangeError('groups must hold one row when spec.groupBy is empty');
  const split = splitBudget(plan.length, grouped, policy, e);
  const m = policy.maxContributions;
  const noise = noiseFor(policy, split, grouped ? m : 1);
  const tau = grouped ? selectionThreshold(policy.k, m, split.epsSelect, split.deltaSelect) : null;
  const rows: ReleasedValue[][] = [];
  let suppressedGroups = 0;
  for (const row of grouped ? groups : [groups[0] ?? {}]) {
    const units = statOf(row, '__units');
    const shown = tau === null || laplaceMechanism(units, m, split.epsSelect, { integer: true }) >= tau;
    if (units >= policy.k && shown) rows.push(releaseGroup(row, spec, policy, plan, noise));
    else if (grouped) suppressedGroups++;
    else {
      suppressedGroups = 1;
      rows.push(spec.aggregates.map(() => null));
    }
  }
  const spent = { epsilon: e.epsilon, delta: grouped || policy.mechanism === 'gaussian' ? e.delta : 0 };
  const columns = [...spec.groupBy, ...spec.aggregates.map((a) => a.alias)];
  return { columns, rows, spent, suppressedGroups, mechanism: describe(policy, split, plan.length, tau) };
}
