import { uniformOpen01 } from './exact.js';
import { laplaceMechanism } from './noise.js';
import { templateBudget, type TemplateOptions, type TemplateResult } from './templates.types.js';
import { clamp, magnitude, requireBounds, requireNumbers, toUnit, type Bounds } from './validate.js';

export * from './templates.types.js';
export { linearRegression, logisticRegression } from './templates.regression.js';

export type HistogramBinning =
  { bins: { lower: number; upper: number; count: number } } | { categories: string[] };

function binIndex(binning: HistogramBinning): [string[], (v: number | string) => number] {
  if ('categories' in binning) {
    const cats = binning.categories;
    if (!Array.isArray(cats) || cats.length === 0) throw new RangeError('categories must name at least one');
    const at = new Map(cats.map((c, i) => [String(c), i]));
    return [cats.map(String), (v) => at.get(String(v)) ?? -1];
  }
  const { count } = binning.bins;
  const b = requireBounds('bins', binning.bins);
  if (!Number.isInteger(count) || count < 1) throw new RangeError(`bins.count must be an integer ≥ 1`);
  const w = (b.upper - b.lower) / count;
  const labels = Array.from({ length: count }, (_, i) => `[${b.lower + i * w}, ${b.lower + (i + 1) * w})`);
  return [
    labels,
    (v) => {
      if (typeof v !== 'number' || Number.isNaN(v)) throw new TypeError('values must be numbers for bins');
      return Math.min(count - 1, Math.floor((clamp(v, b) - b.lower) / w));
    },
  ];
}

/**
 * DP histogram over public bins or categories (Dwork et al. 2006 §5: a unit moves ≤ m counts by one each, so
 * L1 sensitivity m); counts get discrete Laplace noise (CKS 2020). Values outside the categories are dropped;
 * numbers outside the bins fall in the edge bins.
 */
export function histogram(
  values: readonly (number | string)[],
  binning: HistogramBinning,
  opts: TemplateOptions,
): TemplateResult<{ labels: string[]; counts: number[] }> {
  const { epsilon, m } = templateBudget(opts);
  if (!Array.isArray(values)) throw new TypeError('values must be an array');
  const [labels, index] = binIndex(binning);
  const counts = labels.map(() => 0);
  for (const v of values) {
    const i = index(v);
    if (i >= 0) counts[i]!++;
  }
  const noisy = counts.map((c) => Math.max(0, laplaceMechanism(c, m, epsilon, { integer: true })));
  const mechanism = `histogram: discrete Laplace of scale ${m / epsilon} per count (CKS 2020)`;
  return { result: { labels, counts: noisy }, spent: { epsilon, delta: 0 }, mechanism };
}

/** Gumbel-max sampling of an index with probability ∝ exp(logWeight) (Gumbel 1954; exponential mechanism). */
function gumbelArgmax(logWeights: readonly number[]): number {
  let best = -1;
  let top = -Infinity;
  logWeights.forEach((w, i) => {
    const score = w - Math.log(-Math.log(uniformOpen01()));
    if (score > top) [best, top] = [i, score];
  });
  return best;
}

/**
 * One quantile by the exponential mechanism over the intervals between sorted data points (Smith 2011, "Privacy-
 * preserving statistical estimation with optimal convergence rates"): interval i is chosen with probability
 * ∝ width·exp(−ε|i − qn|/(2m)), then a uniform point in it. Sampled with floating-point log-weights.
 */
function quantileOf(sorted: readonly number[], q: number, b: Bounds, epsilon: number, m: number): number {
  const z = [b.lower, ...sorted, b.upper];
  const n = sorted.length;
  const logWeights = z
    .slice(0, -1)
    .map((lo, i) => Math.log(z[i + 1]! - lo) - (epsilon * Math.abs(i - q * n)) / (2 * m));
  const i = gumbelArgmax(logWeights);
  return z[i]! + uniformOpen01() * (z[i + 1]! - z[i]!);
}

/** DP quantiles (Smith 2011), ε split equally over the asked quantiles by basic composition; outputs sorted. */
export function quantiles(
  values: readonly number[],
  qs: readonly number[],
  bounds: Bounds,
  opts: TemplateOptions,
): TemplateResult<number[]> {
  const { epsilon, m } = templateBudget(opts);
  const b = requireBounds('bounds', bounds);
  requireNumbers('qs', qs);
  if (qs.length === 0 || qs.some((q) => q < 0 || q > 1)) throw new RangeError('qs must be numbers in [0, 1]');
  const sorted = requireNumbers('values', values)
    .map((v) => clamp(v, b))
    .sort((x, y) => x - y);
  const byQ = [...qs].map((q) => quantileOf(sorted, q, b, epsilon / qs.length, m));
  const order = qs.map((q, i) => [q, i] as const).sort((x, y) => x[0] - y[0]);
  const released = [...byQ].sort((x, y) => x - y);
  const result = qs.map(() => 0);
  order.forEach(([, i], rank) => (result[i] = released[rank]!));
  const mechanism = `quantiles: exponential mechanism over data intervals (Smith 2011), ε/${qs.length} each`;
  return { result, spent: { epsilon, delta: 0 }, mechanism };
}

/** DP bounded sum (Dwork et al. 2006): clamped sum + Laplace of scale m·max(|L|,|U|)/ε; discrete if integer. */
export function boundedSum(
  values: readonly number[],
  bounds: Bounds,
  opts: TemplateOptions,
): TemplateResult<number> {
  const { epsilon, m } = templateBudget(opts);
  const b = requireBounds('bounds', bounds);
  const xs = requireNumbers('values', values).map((v) => clamp(v, b));
  if (b.integer && !xs.every(Number.isInteger))
    throw new RangeError('values must be integers: bounds are integer');
  const sum = xs.reduce((a, x) => a + x, 0);
  const result = laplaceMechanism(sum, m * magnitude(b), epsilon, { integer: !!b.integer });
  const mechanism = `bounded sum: ${b.integer ? 'discrete' : 'grid-snapped'} Laplace of scale ${(m * magnitude(b)) / epsilon}`;
  return { result, spent: { epsilon, delta: 0 }, mechanism };
}

/**
 * DP bounded mean: noisy centred sum Σ(x − c) (sensitivity m·(U−L)/2) over a noisy count, ε/2 each, clamped
 * into the bounds (the centring of the Google DP library's BoundedMean; Li et al. 2016 §2.5).
 */
export function boundedMean(
  values: readonly number[],
  bounds: Bounds,
  opts: TemplateOptions,
): TemplateResult<number> {
  const { epsilon, m } = templateBudget(opts);
  const b = requireBounds('bounds', bounds);
  const c = (b.lower + b.upper) / 2;
  const xs = requireNumbers('values', values).map((v) => clamp(v, b) - c);
  const s = laplaceMechanism(
    xs.reduce((a, x) => a + x, 0),
    (m * (b.upper - b.lower)) / 2,
    epsilon / 2,
  );
  const n = laplaceMechanism(xs.length, m, epsilon / 2, { integer: true });
  const result = clamp(c + s / Math.max(1, n), b);
  return {
    result,
    spent: { epsilon, delta: 0 },
    mechanism: 'bounded mean: noisy centred sum / noisy count, Laplace, ε/2 each',
  };
}

/**
 * DP Pearson correlation from noisy sufficient statistics (n, Σx, Σy, Σx², Σy², Σxy of values mapped to
 * [−1, 1]; each moved by ≤ m per unit, L1 ≤ 6m), Laplace at ε/6 each (Dwork et al. 2006; the "noisy
 * sufficient statistics" of Vu & Slavković 2009). null when the noisy variances are not positive.
 */
export function correlation(
  x: readonly number[],
  y: readonly number[],
  bounds: { x: Bounds; y: Bounds },
  opts: TemplateOptions,
): TemplateResult<number | null> {
  const { epsilon, m } = templateBudget(opts);
  const [bx, by] = [requireBounds('bounds.x', bounds?.x), requireBounds('bounds.y', bounds?.y)];
  if (requireNumbers('x', x).length !== requireNumbers('y', y).length)
    throw new RangeError('x and y must be as long');
  const u = x.map((v) => toUnit(v, bx));
  const v = y.map((w) => toUnit(w, by));
  const sums = [0, 0, 0, 0, 0];
  u.forEach((a, i) => {
    const b = v[i]!;
    [a, b, a * a, b * b, a * b].forEach((t, j) => (sums[j]! += t));
  });
  const noisy = (s: number) => laplaceMechanism(s, m, epsilon / 6);
  const n = laplaceMechanism(u.length, m, epsilon / 6, { integer: true });
  const [sx, sy, sxx, syy, sxy] = sums.map(noisy) as [number, number, number, number, number];
  const vx = n * sxx - sx * sx;
  const vy = n * syy - sy * sy;
  const result =
    vx > 0 && vy > 0 ? Math.max(-1, Math.min(1, (n * sxy - sx * sy) / Math.sqrt(vx * vy))) : null;
  return {
    result,
    spent: { epsilon, delta: 0 },
    mechanism: 'correlation: noisy sufficient statistics, Laplace ε/6 each',
  };
}
