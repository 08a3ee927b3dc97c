import { describe, expect, it } from 'vitest';
import {
  boundedMean,
  boundedSum,
  correlation,
  histogram,
  linearRegression,
  logisticRegression,
  quantiles,
} from './templates.js';

/** A deterministic uniform source (xorshift) for synthetic data; the noise itself comes from node:crypto. */
function uniforms(seed: number) {
  let x = seed >>> 0 || 1;
  return () => {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    return (x >>> 0) / 2 ** 32;
  };
}

/** A standard normal from two uniforms (Box–Muller), for synthetic residuals. */
const normal = (u: () => number) => Math.sqrt(-2 * Math.log(u() + 1e-12)) * Math.cos(2 * Math.PI * u());

describe('DP templates', () => {
  it('histogram: close to the true counts over bins and categories at a large ε', () => {
    const u = uniforms(1);
    const xs = Array.from({ length: 3000 }, () => u() * 10);
    const out = histogram(xs, { bins: { lower: 0, upper: 10, count: 5 } }, { epsilon: 50 });
    expect(out.result.labels).toHaveLength(5);
    out.result.counts.forEach((c, i) => {
      const truth = xs.filter((x) => Math.min(4, Math.floor(x / 2)) === i).length;
      expect(Math.abs(c - truth)).toBeLessThanOrEqual(2);
      expect(Number.isInteger(c)).toBe(true);
    });
    const cats = histogram(['a', 'b', 'a', 'z'], { categories: ['a', 'b'] }, { epsilon: 1000 });
    expect(cats.result).toEqual({ labels: ['a', 'b'], counts: [2, 1] });
    expect(cats.spent).toEqual({ epsilon: 1000, delta: 0 });
  });

  it('quantiles: the exponential mechanism finds the median and quartiles of uniform data', () => {
    const u = uniforms(2);
    const xs = Array.from({ length: 5000 }, () => u() * 100);
    const out = quantiles(xs, [0.5, 0.25, 0.75], { lower: 0, upper: 100 }, { epsilon: 3 });
    const [median, q1, q3] = out.result as [number, number, number];
    expect(Math.abs(median - 50)).toBeLessThan(3);
    expect(Math.abs(q1 - 25)).toBeLessThan(3);
    expect(Math.abs(q3 - 75)).toBeLessThan(3);
    expect(q1).toBeLessThanOrEqual(median);
    expect(out.mechanism).toMatch(/Smith 2011/);
  });

  it('bounded sum and mean: clamped and close to the truth; integer sums stay integers', () => {
    const xs = Array.from({ length: 1000 }, (_, i) => i % 50);
    const sum = boundedSum([...xs, 1e9], { lower: 0, upper: 49, integer: true }, { epsilon: 20 });
    expect(Number.isInteger(sum.result)).toBe(true);
    expect(Math.abs(sum.result - (24500 + 49))).toBeLessThan(40);
    const mean = boundedMean(xs, { lower: 0, upper: 49 }, { epsilon: 20 });
    expect(Math.abs(mean.result - 24.5)).toBeLessThan(0.2);
    expect(mean.spent.epsilon).toBe(20);
  });

  it('correlation: recovers a known correlation from noisy sufficient statistics', () => {
    const u = uniforms(3);
    const x = Array.from({ length: 5000 }, () => normal(u));
    const y = x.map((v) => 0.6 * v + 0.8 * normal(u));
    const out = correlation(
      x,
      y,
      { x: { lower: -4, upper: 4 }, y: { lower: -4, upper: 4 } },
      { epsilon: 10 },
    );
    expect(Math.abs(out.result! - 0.6)).toBeLessThan(0.05);
  });

  it('linear regression: sufficient statistics perturbation recovers the coefficients at a large ε', () => {
    const u = uniforms(4);
    const X = Array.from({ length: 5000 }, () => [u() * 10, u() * 10 - 5]);
    const y = X.map(([a, b]) => 3 + 2 * a! - 1.5 * b! + 0.5 * normal(u));
    const bounds = {
      x: [
        { lower: 0, upper: 10 },
        { lower: -5, upper: 5 },
      ],
      y: { lower: -20, upper: 40 },
    };
    const { result } = linearRegression(X, y, bounds, { epsilon: 20 });
    expect(result.coefficients[0]).toBeCloseTo(2, 1);
    expect(result.coefficients[1]).toBeCloseTo(-1.5, 1);
    expect(Math.abs(result.intercept - 3)).toBeLessThan(0.2);
  });

  it('logistic regression: noisy gradient descent recovers the coefficients at a large ε', () => {
    const u = uniforms(5);
    const X = Array.from({ length: 20_000 }, () => [u() * 10, u() * 10 - 5]);
    const y = X.map(([a, b]) => (u() < 1 / (1 + Math.exp(-(-2 + 0.4 * a! - 0.6 * b!))) ? 1 : 0));
    const bounds = [
      { lower: 0, upper: 10 },
      { lower: -5, upper: 5 },
    ];
    const out = logisticRegression(X, y, bounds, {
      epsilon: 50,
      delta: 1e-6,
      iterations: 500,
      learningRate: 1.5,
    });
    expect(Math.abs(out.result.coefficients[0]! - 0.4)).toBeLessThan(0.06);
    expect(Math.abs(out.result.coefficients[1]! + 0.6)).toBeLessThan(0.06);
    expect(Math.abs(out.result.intercept + 2)).toBeLessThan(0.3);
    expect(out.spent).toEqual({ epsilon: 50, delta: 1e-6 });
  });

  it('validates parameters with errors naming them', () => {
    const b = { lower: 0, upper: 1 };
    expect(() => boundedSum([1], b, { epsilon: 0 })).toThrow(/options.epsilon must be > 0/);
    expect(() => boundedSum([1], { lower: 1, upper: 0 }, { epsilon: 1 })).toThrow(/bounds.lower must be </);
    expect(() => boundedMean(['1' as unknown as number], b, { epsilon: 1 })).toThrow(TypeError);
    expect(() => quantiles([1], [1.5], b, { epsilon: 1 })).toThrow(/qs must be numbers in \[0, 1\]/);
    expect(() => histogram([1], { bins: { lower: 0, upper: 1, count: 0 } }, { epsilon: 1 })).toThrow(
      /bins.count/,
    );
    expect(() => correlation([1], [1, 2], { x: b, y: b }, { epsilon: 1 })).toThrow(/x and y/);
    expect(() => boundedSum([1], b, { epsilon: 1, maxContributions: 0 })).toThrow(
      /maxContributions must be ≥ 1/,
    );
    expect(() => logisticRegression([[0.5]], [1], [b], { epsilon: 1, delta: 0 })).toThrow(
      /options.delta must be > 0/,
    );
    expect(() => logisticRegression([[0.5]], [2], [b], { epsilon: 1, delta: 1e-6 })).toThrow(/label 0 or 1/);
    expect(() => linearRegression([[0.5, 1]], [1], { x: [b], y: b }, { epsilon: 1 })).toThrow(/X\[0\] has 2/);
  });
});
