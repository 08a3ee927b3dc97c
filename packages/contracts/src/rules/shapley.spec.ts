import { describe, expect, it } from 'vitest';
import { seededRandom } from './seeded-random.js';
import {
  samplesFor,
  shapleyExact,
  ShapleyInputError,
  shapleySampled,
  shapleyShares,
  subsetKey,
  validateShapleyInput,
  type ShapleyResult,
} from './shapley.js';

const ids = (n: number) => Array.from({ length: n }, (_, i) => `c${i}`);
/** A table utility from a function of the subset's bitmask. */
const table = (players: string[], v: (mask: number) => number) => ({
  kind: 'table' as const,
  values: Object.fromEntries(
    Array.from({ length: 2 ** players.length }, (_, m) => [subsetKey(players, m), v(m)]),
  ),
});
const bits = (mask: number) => mask.toString(2).replace(/0/g, '').length;
const sum = (r: ShapleyResult) => Object.values(r.values).reduce((a, b) => a + b, 0);
/** The airport game (Littlechild–Owen): v(S) = the largest cost in S, as coverage of runway segments. */
function airport(costs: number[]) {
  const players = ids(costs.length);
  const sets = Object.fromEntries(players.map((p, i) => [p, Array.from({ length: i + 1 }, (_, k) => k)]));
  const itemWeights = Object.fromEntries(costs.map((c, k) => [String(k), c - (costs[k - 1] ?? 0)]));
  // φᵢ = Σ_{k ≤ i} (c_k − c_{k−1}) / (n − k): each segment is shared by those who need it
  const closed = costs.map((_, i) =>
    costs.slice(0, i + 1).reduce((s, c, k) => s + (c - (costs[k - 1] ?? 0)) / (costs.length - k), 0),
  );
  return { players, utility: { kind: 'coverage' as const, sets, itemWeights }, closed };
}

describe('Shapley value, exact (按贡献分配)', () => {
  const random = seededRandom('shapley.spec');
  const players = ids(8);
  const noise = Array.from({ length: 256 }, () => random.below(1000) / 1000);
  const v = (m: number) => (m === 0 ? 0 : 0.5 + 0.4 * (1 - 0.7 ** bits(m)) + 0.05 * noise[m]!);

  it('is efficient: the values sum to v(N) − v(∅)', () => {
    const r = shapleyExact(
      players,
      table(players, (m) => v(m) + 0.3),
    );
    expect(r.grand - r.empty).toBeCloseTo(v(255), 12);
    expect(sum(r)).toBeCloseTo(r.grand - r.empty, 12);
  });

  it('gives symmetric contributors equal values and a dummy nothing', () => {
    // c0 and c1 are interchangeable; c2 adds nothing to any subset
    const f = (m: number) => noise[(m & ~0b111) | (bits(m & 0b11) === 2 ? 3 : bits(m & 0b11))]!;
    const r = shapleyExact(players, table(players, f));
    expect(r.values.c0).toBeCloseTo(r.values.c1!, 12);
    expect(r.values.c2).toBeCloseTo(0, 12);
    const cov = shapleyExact(['a', 'b', 'idle'], {
      kind: 'coverage',
      sets: { a: [1, 2], b: [2, 3], idle: [] },
    });
    // each has one item of its own and shares the other: 1 + 1/2
    expect(cov.values.a).toBeCloseTo(1.5, 12);
    expect(cov.values.b).toBeCloseTo(1.5, 12);
    expect(cov.values.idle).toBe(0);
  });

  it('is additive: the value of v + w is the value of v plus the value of w', () => {
    const w = (m: number) => noise[255 - m]! * bits(m);
    const both = shapleyExact(
      players,
      table(players, (m) => v(m) + w(m)),
    );
    const one = shapleyExact(players, table(players, v));
    const two = shapleyExact(players, table(players, w));
    for (const p of players) expect(both.values[p]).toBeCloseTo(one.values[p]! + two.values[p]!, 12);
  });

  it('matches the glove game: one left glove, two right gloves', () => {
    const gloves = ['L', 'R1', 'R2'];
    const r = shapleyExact(
      gloves,
      table(gloves, (m) => Math.min(m & 1, bits(m & 0b110))),
    );
    expect(r.values.L).toBeCloseTo(2 / 3, 12);
    expect(r.values.R1).toBeCloseTo(1 / 6, 12);
    expect(r.values.R2).toBeCloseTo(1 / 6, 12);
  });

  it('matches the airport game with costs, at 12 contributors', () => {
    const game = airport([3, 5, 6, 9, 10, 14, 15, 19, 22, 23, 27, 30]);
    const r = shapleyExact(game.players, game.utility);
    game.players.forEach((p, i) => expect(r.values[p]).toBeCloseTo(game.closed[i]!, 10));
    expect(r.subsets).toBe(4096);
    expect(r.grand).toBe(30);
  });

  it('matches weighted majority [51; 50, 49, 1]: 2/3, 1/6, 1/6', () => {
    const r = shapleyExact(['A', 'B', 'C'], {
      kind: 'weighted_voting',
      weights: { A: 50, B: 49, C: 1 },
      quota: 51,
    });
    expect(r.values.A).toBeCloseTo(2 / 3, 12);
    expect(r.values.B).toBeCloseTo(1 / 6, 12);
    expect(r.values.C).toBeCloseTo(1 / 6, 12);
  });

  it('is the weights themselves for an additive utility', () => {
    const r = shapleyExact(['a', 'b'], { kind: 'additive', weights: { a: 3, b: -1 } });
    expect(r.values).toEqual({ a: 3, b: -1 });
  });
});

describe('Shapley value, sampled over random orders', () => {
  it('stays within its stated bound of the exact values, at 12 contributors', () => {
    const players = ids(12);
    const random = seededRandom('twelve');
    const noise = Array.from({ length: 4096 }, () => random.below(1000) / 1000);
    const utility = table(players, (m) => (m === 0 ? 0 : 0.9 * (1 - 0.8 ** bits(m)) + 0.02 * noise[m]!));
    const exact = shapleyExact(players, utility);
    const s = shapleySampled(players, utility, { seed: 'order-2026-05', samples: 4000 });
    expect(s.samples).toBe(4000);
    for (const p of players) {
      expect(Math.abs(s.values[p]! - exact.values[p]!)).toBeLessThanOrEqual(s.errorBound[p]!);
      expect(Math.abs(s.values[p]! - exact.values[p]!)).toBeLessThanOrEqual(5 * s.standardError[p]!);
    }
    expect(sum(s)).toBeCloseTo(s.grand - s.empty, 10);
  });

  it('is reproducible from its seed, and another seed draws other orders', () => {
    const game = airport([1, 2, 4, 7, 11, 16, 22, 29, 37, 46, 56, 67, 79, 92, 106]);
    const a = shapleySampled(game.players, game.utility, { seed: 'statement-42', samples: 500 });
    const b = shapleySampled(game.players, game.utility, { seed: 'statement-42', samples: 500 });
    const c = shapleySampled(game.players, game.utility, { seed: 'statement-43', samples: 500 });
    expect(b).toEqual(a);
    expect(c.values).not.toEqual(a.values);
    expect(a.algorithm).toMatch(/xoshiro128\*\*.*SM3/);
  });

  it('finds the airport game at 50 contributors within the bound, taking the count from a target error', () => {
    const costs = Array.from({ length: 50 }, (_, i) => 10 * (i + 1) + ((i * 7) % 5));
    const game = airport(costs);
    const s = shapleySampled(game.players, game.utility, { seed: 7, targetError: 20, confidence: 0.99 });
    const ranges = costs.map((_, i) => [0, costs[i]!] as const);
    expect(s.samples).toBe(samplesFor(ranges, 20, 0.99));
    expect(s.maxErrorBound).toBeLessThanOrEqual(20);
    game.players.forEach((p, i) =>
      expect(Math.abs(s.values[p]! - game.closed[i]!)).toBeLessThanOrEqual(s.errorBound[p]!),
    );
  });

  it('finds the UN Security Council’s voting power (Shapley–Shubik) beyond the exact limit', () => {
    // 5 permanent members (weight 7) and 10 elected (weight 1), quota 39: known values 0.19627 and 0.001865
    const players = [...Array.from({ length: 5 }, (_, i) => `P${i}`), ...ids(10)];
    const weights = Object.fromEntries(players.map((p) => [p, p.startsWith('P') ? 7 : 1]));
    const s = shapleySampled(
      players,
      { kind: 'weighted_voting', weights, quota: 39 },
      { seed: 'unsc', samples: 20000 },
    );
    expect(Math.abs(s.values.P0! - 0.19627)).toBeLessThanOrEqual(s.errorBound.P0!);
    expect(Math.abs(s.values.c0! - 0.001865)).toBeLessThanOrEqual(s.errorBound.c0!);
  });

  it('states a zero bound where every marginal contribution is fixed', () => {
    const s = shapleySampled(
      ['a', 'b'],
      { kind: 'additive', weights: { a: 2, b: 5 } },
      { seed: 's', samples: 10 },
    );
    expect(s.values).toEqual({ a: 2, b: 5 });
    expect(s.maxErrorBound).toBe(0);
  });
});

describe('Shapley inputs are checked, naming the path', () => {
  const issues = (players: unknown, utility: unknown) => {
    const r = validateShapleyInput(players, utility);
    return r.ok ? [] : r.issues.map((i) => `${i.path}: ${i.message}`);
  };
  it('refuses repeated contributors, and tables beyond 12', () => {
    expect(issues(['a', 'b', 'a'], { kind: 'additive', weights: { a: 1, b: 1 } })).toEqual([
      'players[2]: repeats "a" (first at players[0])',
    ]);
    expect(issues(ids(13), { kind: 'table', values: {} })[0]).toMatch(
      /^players: 13 contributors.*at most 12/,
    );
    expect(() => shapleyExact(ids(13), { kind: 'additive', weights: {} })).toThrow(ShapleyInputError);
  });
  it('wants every subset of a table once, named by contributors', () => {
    expect(issues(['a', 'b'], { kind: 'table', values: { '': 0, a: 1, 'a,b': 2 } })).toEqual([
      'utility.values: every subset needs a value: 1 of 4 missing, e.g. "b"',
    ]);
    expect(issues(['a', 'b'], { kind: 'table', values: { '': 0, a: 1, b: 1, 'a,b': 2, 'b,a': 2 } })).toEqual([
      'utility.values["b,a"]: names the same subset as values["a,b"]',
    ]);
    expect(issues(['a', 'b'], { kind: 'table', values: { '': 0, a: 1, b: 1, 'a,x': 2 } })[0]).toBe(
      'utility.values["a,x"]: names "x", not one of the contributors',
    );
  });
  it('wants one finite entry per contributor', () => {
    expect(issues(['a', 'b'], { kind: 'coverage', sets: { a: [1], z: [2] } })).toEqual([
      'utility.sets.b: no entry for contributor "b"',
      'utility.sets.z: "z" is not one of the contributors',
    ]);
    expect(issues(['a'], { kind: 'additive', weights: { a: Number.NaN } })[0]).toMatch(
      /^utility\.weights\.a: /,
    );
    expect(issues(['a b'], { kind: 'additive', weights: {} })[0]).toMatch(/^players\[0\]: a contributor id/);
  });
  it('wants either a sample count or a target error it can reach', () => {
    const u = { kind: 'additive', weights: { a: 1 } };
    expect(() => shapleySampled(['a'], u, { seed: 1 })).toThrow(/options\.samples: give either/);
    expect(() => shapleySampled(['a'], u, { seed: 1, samples: 1 })).toThrow(/options\.samples/);
    const wide = { kind: 'coverage', sets: { a: [1], b: [2] }, itemWeights: { '1': 1e6 } };
    expect(() => shapleySampled(['a', 'b'], wide, { seed: 1, targetError: 1 })).toThrow(
      /options\.targetError: needs/,
    );
  });
});

describe('revenue shares from Shapley values', () => {
  it('counts a negative value as zero and sums exactly to a billion parts', () => {
    const s = shapleyShares({ players: ['a', 'b', 'c'], values: { a: 2, b: 1, c: -0.5 } });
    expect(s.partsPerBillion).toEqual({ a: 666_666_667, b: 333_333_333, c: 0 });
    expect(s.clamped).toEqual(['c']);
    expect(s.shares.c).toBe(0);
    expect(s.rule).toMatch(/negative .* counts as zero/);
  });
  it('shares equally when no value is above zero', () => {
    const s = shapleyShares({ players: ['a', 'b', 'c'], values: { a: 0, b: -1, c: 0 } });
    expect(s.partsPerBillion).toEqual({ a: 333_333_334, b: 333_333_333, c: 333_333_333 });
  });
  it('always sums to a billion, every part ≥ 0', () => {
    const random = seededRandom('shares');
    for (let t = 0; t < 300; t++) {
      const players = ids(1 + random.below(40));
      const values = Object.fromEntries(
        players.map((p) => [p, (random.nextUint32() / 2 ** 32 - 0.3) * 10 ** random.below(6)]),
      );
      const ppb = Object.values(shapleyShares({ players, values }).partsPerBillion);
      expect(ppb.reduce((a, b) => a + b, 0)).toBe(1e9);
      expect(Math.min(...ppb)).toBeGreaterThanOrEqual(0);
    }
  });
});
