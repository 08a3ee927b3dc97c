import { describe, expect, it } from 'vitest';
import { bernoulliExp } from './exact.js';
import {
  gaussianMechanism,
  gaussianSigma,
  granularity,
  laplaceMechanism,
  laplaceScale,
  sampleDiscreteGaussian,
  sampleDiscreteLaplace,
  sampleGaussian,
  sampleLaplace,
  zcdpRho,
} from './noise.js';

const N = 20_000;
/** KS critical value for n = 20 000 at p ≈ 3·10⁻¹¹ (2·exp(−2nD²)): the test does not flake. */
const KS_MAX = 0.025;

const draw = (f: () => number, n = N) => Array.from({ length: n }, f);
const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;

/** Exact moments of a symmetric pmf on the integers, weights w(|x|) up to |x| ≤ limit. */
function pmfMoments(w: (k: number) => number, limit: number) {
  let z = w(0);
  for (let k = 1; k <= limit; k++) z += 2 * w(k);
  let abs = 0;
  let m2 = 0;
  let m4 = 0;
  for (let k = 1; k <= limit; k++) {
    const p = (2 * w(k)) / z;
    abs += k * p;
    m2 += k * k * p;
    m4 += k ** 4 * p;
  }
  const cdf = (x: number) => {
    let c = 0;
    for (let k = -limit; k <= x; k++) c += w(Math.abs(k)) / z;
    return c;
  };
  return { abs, m2, m4, cdf };
}

/** 6 standard errors of the sample mean of |X| and of the sample second moment. */
function tolerances(m: { abs: number; m2: number; m4: number }, n = N) {
  return { abs: 6 * Math.sqrt((m.m2 - m.abs ** 2) / n), m2: 6 * Math.sqrt((m.m4 - m.m2 ** 2) / n) };
}

function ksDistance(xs: number[], cdf: (x: number) => number, points: number[]) {
  const sorted = [...xs].sort((a, b) => a - b);
  let i = 0;
  let d = 0;
  for (const x of points) {
    while (i < sorted.length && sorted[i]! <= x) i++;
    d = Math.max(d, Math.abs(i / sorted.length - cdf(x)));
  }
  return d;
}

describe('discrete Laplace (CKS 2020 Algorithm 2)', () => {
  const epsilon = 0.5;
  const b = laplaceScale(1, epsilon);
  const m = pmfMoments((k) => Math.exp(-k / b), 200);
  const xs = draw(() => sampleDiscreteLaplace(b));

  it('has the scale 1/ε: E|X| and E[X²] within 6 standard errors of the exact values', () => {
    expect(b).toBe(2);
    const tol = tolerances(m);
    expect(Math.abs(mean(xs.map(Math.abs)) - m.abs)).toBeLessThan(tol.abs);
    expect(Math.abs(mean(xs.map((x) => x * x)) - m.m2)).toBeLessThan(tol.m2);
    // the tolerance is tight enough to tell ε from 1.25ε
    const other = pmfMoments((k) => Math.exp(-k / laplaceScale(1, 1.25 * epsilon)), 200);
    expect(Math.abs(other.abs - m.abs)).toBeGreaterThan(2 * tol.abs);
  });

  it('has the exact distribution (Kolmogorov–Smirnov)', () => {
    const points = Array.from({ length: 61 }, (_, i) => i - 30);
    expect(ksDistance(xs, m.cdf, points)).toBeLessThan(KS_MAX);
    expect(xs.every(Number.isInteger)).toBe(true);
  });
});

describe('discrete Gaussian (CKS 2020 Algorithm 3)', () => {
  const sigma = 3;
  const m = pmfMoments((k) => Math.exp(-(k * k) / (2 * sigma * sigma)), 60);
  const xs = draw(() => sampleDiscreteGaussian(sigma));

  it('has variance σ² and the exact distribution', () => {
    const tol = tolerances(m);
    expect(Math.abs(m.m2 - 9)).toBeLessThan(1e-6);
    expect(Math.abs(mean(xs.map((x) => x * x)) - m.m2)).toBeLessThan(tol.m2);
    expect(Math.abs(mean(xs.map(Math.abs)) - m.abs)).toBeLessThan(tol.abs);
    const points = Array.from({ length: 41 }, (_, i) => i - 20);
    expect(ksDistance(xs, m.cdf, points)).toBeLessThan(KS_MAX);
  });
});

describe('real-valued noise on the power-of-two grid', () => {
  it('Laplace of scale b: E|X| = b, the continuous CDF, and grid-valued outputs', () => {
    const b = laplaceScale(3.5, 2);
    const xs = draw(() => sampleLaplace(b));
    expect(Math.abs(mean(xs.map(Math.abs)) - b)).toBeLessThan((6 * b) / Math.sqrt(N));
    const cdf = (x: number) => (x < 0 ? 0.5 * Math.exp(x / b) : 1 - 0.5 * Math.exp(-x / b));
    const points = Array.from({ length: 81 }, (_, i) => ((i - 40) * b) / 8);
    expect(ksDistance(xs, cdf, points)).toBeLessThan(KS_MAX);
    const g = granularity(b);
    expect(xs.every((x) => Number.isInteger(x / g))).toBe(true);
  });

  it('Gaussian of deviation σ: E|X| = σ√(2/π) and E[X²] = σ²', () => {
    const sigma = gaussianSigma(1, 1, 1e-5);
    const xs = draw(() => sampleGaussian(sigma));
    const absSd = sigma * Math.sqrt(1 - 2 / Math.PI);
    expect(Math.abs(mean(xs.map(Math.abs)) - sigma * Math.sqrt(2 / Math.PI))).toBeLessThan(
      (6 * absSd) / Math.sqrt(N),
    );
    const m2Sd = sigma * sigma * Math.sqrt(2);
    expect(Math.abs(mean(xs.map((x) => x * x)) - sigma * sigma)).toBeLessThan((6 * m2Sd) / Math.sqrt(N));
  });
});

describe('calibration', () => {
  it('zCDP ρ converts back to the asked ε (Bun–Steinke 2016, Prop. 1.3)', () => {
    for (const [eps, delta] of [
      [0.1, 1e-6],
      [1, 1e-5],
      [8, 1e-9],
    ] as const) {
      const rho = zcdpRho(eps, delta);
      expect(rho + 2 * Math.sqrt(rho * Math.log(1 / delta))).toBeCloseTo(eps, 10);
    }
    expect(gaussianSigma(2, 1, 1e-5)).toBeCloseTo(2 * gaussianSigma(1, 1, 1e-5), 12);
    expect(gaussianSigma(1, 2, 1e-5)).toBeLessThan(gaussianSigma(1, 1, 1e-5));
    // close to the classic bound Δ·√(2 ln(1.25/δ))/ε where that bound applies (ε < 1)
    const classic = Math.sqrt(2 * Math.log(1.25e5)) / 0.5;
    expect(Math.abs(gaussianSigma(1, 0.5, 1e-5) / classic - 1)).toBeLessThan(0.02);
  });

  it('Bernoulli(exp(−γ)) is exact for γ > 1', () => {
    const hits = draw(() => (bernoulliExp(3n, 2n) ? 1 : 0)).reduce((a, b) => a + b, 0) / N;
    const p = Math.exp(-1.5);
    expect(Math.abs(hits - p)).toBeLessThan(6 * Math.sqrt((p * (1 - p)) / N));
  });
});

describe('mechanisms', () => {
  it('integer values get integer noise; real values land on the grid', () => {
    for (let i = 0; i < 100; i++) {
      expect(Number.isInteger(laplaceMechanism(42, 1, 0.3, { integer: true }))).toBe(true);
      expect(Number.isInteger(gaussianMechanism(42, 1, 0.3, 1e-6, { integer: true }))).toBe(true);
    }
    const g = granularity(2 / 0.5);
    expect(Number.isInteger((laplaceMechanism(Math.PI, 2, 0.5) - 0) / g)).toBe(true);
    expect(laplaceMechanism(7.25, 0, 1)).toBe(7.25);
  });

  it('refuses bad parameters, naming them', () => {
    expect(() => laplaceScale(1, 0)).toThrow(/epsilon must be > 0/);
    expect(() => laplaceScale(-1, 1)).toThrow(/sensitivity must be ≥ 0/);
    expect(() => gaussianSigma(1, 1, 0)).toThrow(/delta must be > 0/);
    expect(() => gaussianSigma(1, 1, 1)).toThrow(RangeError);
    expect(() => laplaceMechanism(1.5, 1, 1, { integer: true })).toThrow(/value must be an integer/);
    expect(() => laplaceMechanism(Number.NaN, 1, 1)).toThrow(/value must be finite/);
    expect(() => sampleDiscreteLaplace(0)).toThrow(/scale must be > 0/);
    expect(() => laplaceMechanism('1' as unknown as number, 1, 1)).toThrow(TypeError);
  });
});
