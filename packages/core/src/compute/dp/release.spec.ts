import { describe, expect, it } from 'vitest';
import { checkBudget, compose } from './budget.js';
import { releaseAggregates, selectionThreshold, type SufficientRow } from './release.js';
import type { AggregateSpec, ReleasePolicy } from './release.plan.js';

const policy: ReleasePolicy = {
  k: 5,
  maxContributions: 1,
  bounds: { income: { lower: 0, upper: 100 }, age: { lower: 0, upper: 120, integer: true } },
  mechanism: 'laplace',
};

/** A deterministic synthetic column (xorshift), so that the true statistics are known. */
function values(n: number, seed: number, scale = 100): number[] {
  let x = seed >>> 0 || 1;
  return Array.from({ length: n }, () => {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    return ((x >>> 0) / 2 ** 32) * scale;
  });
}

/** What the SQL side returns for a group: one unit per row here, the same column behind every aggregate. */
function row(group: Record<string, string>, xs: number[], aggregates: number): SufficientRow {
  const r: SufficientRow = { ...group, __n: xs.length, __units: BigInt(xs.length) };
  for (let i = 0; i < aggregates; i++) {
    r[`__n_${i}`] = BigInt(xs.length);
    r[`__s_${i}`] = xs.length ? xs.reduce((a, b) => a + b, 0) : null;
    r[`__ss_${i}`] = xs.length ? xs.reduce((a, b) => a + b * b, 0) : null;
  }
  return r;
}

const agg = (fn: AggregateSpec['fn'], column: string | null = 'income'): AggregateSpec => ({
  alias: `${fn}_${column ?? 'all'}`,
  fn,
  column,
});
const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
const variance = (xs: number[]) => xs.reduce((a, b) => a + (b - mean(xs)) ** 2, 0) / (xs.length - 1);

describe('releaseAggregates', () => {
  it('releases counts, sums, means and variances close to the truth at a large ε, and drops tiny groups', () => {
    const big = values(4000, 7);
    const aggs = [agg('count', null), agg('sum'), agg('avg'), agg('var'), agg('stddev')];
    const groups = [row({ city: 'A' }, big, 5), row({ city: 'B' }, values(3, 8), 5)];
    const out = releaseAggregates(groups, { groupBy: ['city'], aggregates: aggs }, policy, 500, 1e-6);
    expect(out.columns).toEqual([
      'city',
      'count_all',
      'sum_income',
      'avg_income',
      'var_income',
      'stddev_income',
    ]);
    expect(out.rows).toHaveLength(1);
    expect(out.suppressedGroups).toBe(1);
    const [city, count, sum, avg, v, sd] = out.rows[0] as [string, number, number, number, number, number];
    expect(city).toBe('A');
    expect(Math.abs(count - 4000)).toBeLessThan(2);
    expect(Math.abs(sum - big.reduce((a, b) => a + b, 0))).toBeLessThan(50);
    expect(Math.abs(avg - mean(big))).toBeLessThan(0.05);
    expect(Math.abs(v - variance(big))).toBeLessThan(2);
    expect(Math.abs(sd - Math.sqrt(variance(big)))).toBeLessThan(0.1);
    expect(out.spent).toEqual({ epsilon: 500, delta: 1e-6 });
    expect(out.mechanism).toMatch(/partition selection at τ/);
  });

  it('never shows a group under k, even when its noisy count passes τ', () => {
    // tiny ε, large δ: τ = max(k, …) ≈ k and the noise is wide, so 4 units often pass τ on noise alone
    const spec = { groupBy: ['city'], aggregates: [agg('count', null)] };
    expect(selectionThreshold(5, 1, 0.025, 0.9)).toBeLessThan(5.3); // 4 + DLap(40) passes it ~46 % of the time
    let shownLarge = 0;
    for (let t = 0; t < 200; t++) {
      const groups = [
        row({ city: 'small' }, values(4, t + 1), 1),
        row({ city: 'large' }, values(3000, t + 9), 1),
      ];
      const out = releaseAggregates(groups, spec, policy, 0.05, 0.9);
      expect(out.rows.some((r) => r[0] === 'small')).toBe(false);
      shownLarge += out.rows.filter((r) => r[0] === 'large').length;
    }
    expect(shownLarge).toBe(200);
  });

  it('suppresses groups of at least k units whose noisy count falls below τ', () => {
    const tau = selectionThreshold(5, 2, 0.5, 1e-6);
    expect(tau).toBeCloseTo(1 + 4 * Math.log(2e6), 10);
    const m2 = { ...policy, maxContributions: 2 };
    for (let t = 0; t < 50; t++) {
      const out = releaseAggregates(
        [row({ city: 'x' }, values(6, t + 1), 1)],
        {
          groupBy: ['city'],
          aggregates: [agg('count', null)],
        },
        m2,
        1,
        1e-6,
      );
      expect(out.rows).toHaveLength(0);
      expect(out.suppressedGroups).toBe(1);
    }
  });

  it('releases one row without groupBy, a null row under k, and spends no δ with Laplace', () => {
    const spec = { groupBy: [], aggregates: [agg('avg')] };
    const one = releaseAggregates([row({}, values(50, 3), 1)], spec, policy, 1, 0);
    expect(one.rows).toHaveLength(1);
    expect(one.spent).toEqual({ epsilon: 1, delta: 0 });
    expect(one.rows[0]![0]).toBeGreaterThanOrEqual(0);
    expect(one.rows[0]![0]).toBeLessThanOrEqual(100);
    const few = releaseAggregates([row({}, values(2, 3), 1)], spec, policy, 1, 0);
    expect(few.rows).toEqual([[null]]);
    expect(few.suppressedGroups).toBe(1);
    expect(releaseAggregates([], spec, policy, 1, 0).rows).toEqual([[null]]);
  });

  it('splits ε over the measurements: the count noise has scale J·m/ε', () => {
    // one count and one sum, no groups: J = 2 measurements, each at ε/2, so the count noise is DLap(2/ε)
    const spec = { groupBy: [], aggregates: [agg('count', null), agg('sum', 'age')] };
    const ages = values(200, 5, 120).map(Math.floor);
    const r = row({}, ages, 2);
    const n = 4000;
    const noise = Array.from({ length: n }, () => {
      const out = releaseAggregates([r], spec, policy, 1, 0);
      expect(Number.isInteger(out.rows[0]![1])).toBe(true); // integer column: discrete noise on the sum
      return (out.rows[0]![0] as number) - 200;
    });
    const p = Math.exp(-1 / 2);
    const [abs, m2] = [(2 * p) / (1 - p * p), (2 * p) / (1 - p) ** 2];
    expect(Math.abs(mean(noise.map(Math.abs)) - abs)).toBeLessThan(6 * Math.sqrt((m2 - abs * abs) / n));
  });

  it('a differencing attack within budget sees the noise, not the person', () => {
    const everyone = values(1000, 11);
    const withoutHer = everyone.slice(1);
    const spec = { groupBy: [], aggregates: [agg('sum')] };
    const total = { epsilon: 1, delta: 0 };
    const cost = { epsilon: 0.5, delta: 0 };
    const spentTwice = compose([cost, cost]);
    const state = {
      datasetTotal: total,
      datasetSpent: spentTwice,
      consumerShare: total,
      consumerSpent: spentTwice,
    };
    expect(checkBudget({ ...state, datasetSpent: cost, consumerSpent: cost }, cost)).toBeNull();
    expect(checkBudget(state, cost)).toBe('dataset_budget_exhausted');
    const b = 100 / 0.5; // sum sensitivity m·U over ε per query
    const n = 4000;
    const diffs = Array.from({ length: n }, () => {
      const a = releaseAggregates([row({}, everyone, 1)], spec, policy, 0.5, 0).rows[0]![0] as number;
      const c = releaseAggregates([row({}, withoutHer, 1)], spec, policy, 0.5, 0).rows[0]![0] as number;
      return a - c - everyone[0]!;
    });
    // the difference minus her value is Lap(b) − Lap(b): variance 4b², fourth moment 72b⁴
    expect(Math.abs(mean(diffs.map((d) => d * d)) - 4 * b * b)).toBeLessThan(
      (6 * Math.sqrt(56) * b * b) / Math.sqrt(n),
    );
    expect(diffs.filter((d) => Math.abs(d) < 0.5).length / n).toBeLessThan(0.01);
  });

  it('refuses bad input, naming it', () => {
    const spec = { groupBy: ['city'], aggregates: [agg('sum', 'salary')] };
    expect(() => releaseAggregates([], spec, policy, 1, 1e-6)).toThrow(/no bounds for column salary/);
    const counted = { groupBy: ['city'], aggregates: [agg('count', null)] };
    expect(() => releaseAggregates([], counted, policy, 1, 0)).toThrow(/delta must be > 0/);
    expect(() => releaseAggregates([], counted, { ...policy, k: 0 }, 1, 1e-6)).toThrow(
      /policy.k must be ≥ 1/,
    );
    expect(() => releaseAggregates([], counted, policy, 0, 1e-6)).toThrow(/epsilon must be > 0/);
    const sumAll = { groupBy: [], aggregates: [agg('sum', null)] };
    expect(() => releaseAggregates([], sumAll, policy, 1, 0)).toThrow(/sum needs a column/);
    const gauss = { ...policy, mechanism: 'gaussian' as const };
    expect(() => releaseAggregates([], { groupBy: [], aggregates: [agg('avg')] }, gauss, 1, 0)).toThrow(
      /delta/,
    );
    const bad = { groupBy: [], aggregates: [agg('count', null)] };
    expect(() => releaseAggregates([{ __units: 'x', __n_0: 1 }], bad, policy, 1, 0)).toThrow(
      /__units is not a number/,
    );
  });

  it('Gaussian: spends the whole (ε, δ) and releases close to the truth at a large ε', () => {
    const gauss = { ...policy, mechanism: 'gaussian' as const };
    const xs = values(5000, 21);
    const spec = { groupBy: ['city'], aggregates: [agg('avg'), agg('count', null)] };
    const out = releaseAggregates([row({ city: 'A' }, xs, 2)], spec, gauss, 200, 1e-6);
    expect(out.spent).toEqual({ epsilon: 200, delta: 1e-6 });
    expect(Math.abs((out.rows[0]![1] as number) - mean(xs))).toBeLessThan(0.1);
    expect(Math.abs((out.rows[0]![2] as number) - 5000)).toBeLessThan(5);
    expect(out.mechanism).toMatch(/Gaussian/);
  });
});
