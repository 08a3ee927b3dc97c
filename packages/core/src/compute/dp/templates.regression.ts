import { gaussianMechanismRho, laplaceMechanism, zcdpRho } from './noise.js';
import { templateBudget, type TemplateOptions, type TemplateResult } from './templates.types.js';
import {
  toUnit,
  requireBounds,
  requireDelta,
  requireInteger,
  requireNumbers,
  requirePositive,
  type Bounds,
} from './validate.js';

export interface RegressionModel {
  /** one coefficient per feature, on the original scale */
  coefficients: number[];
  intercept: number;
}

/** Rows [1, x′] with each feature mapped from its bounds onto [−1, 1]. */
function design(X: readonly (readonly number[])[], bounds: readonly Bounds[]): number[][] {
  if (!Array.isArray(X) || X.length === 0) throw new RangeError('X must hold at least one row');
  if (!Array.isArray(bounds) || bounds.length === 0)
    throw new RangeError('bounds.x must give one bound per feature');
  bounds.forEach((b, j) => requireBounds(`bounds.x[${j}]`, b));
  return X.map((row, i) => {
    if (requireNumbers(`X[${i}]`, row).length !== bounds.length) {
      throw new RangeError(`X[${i}] has ${row.length} features, bounds.x has ${bounds.length}`);
    }
    return [1, ...row.map((v: number, j: number) => toUnit(v, bounds[j]!))];
  });
}

/** Undoes the feature scaling: w′·[1, (x − c)/h] = intercept + Σ coefficient·x. */
function unscale(w: readonly number[], bounds: readonly Bounds[], yCentre = 0, yHalf = 1): RegressionModel {
  const coefficients = bounds.map((b, j) => (yHalf * w[j + 1]!) / ((b.upper - b.lower) / 2));
  const shift = bounds.reduce((a, b, j) => a + (w[j + 1]! * (b.upper + b.lower)) / (b.upper - b.lower), 0);
  return { coefficients, intercept: yCentre + yHalf * (w[0]! - shift) };
}

/** Solves A·x = b by Gaussian elimination with partial pivoting. */
function solve(A: number[][], b: number[]): number[] {
  const n = b.length;
  const M = A.map((row, i) => [...row, b[i]!]);
  for (let c = 0; c < n; c++) {
    let p = c;
    for (let r = c + 1; r < n; r++) if (Math.abs(M[r]![c]!) > Math.abs(M[p]![c]!)) p = r;
    [M[c], M[p]] = [M[p]!, M[c]!];
    const pivot = M[c]![c]!;
    if (Math.abs(pivot) < 1e-12)
      throw new RangeError('the noisy normal equations are singular: raise epsilon or n');
    for (let r = c + 1; r < n; r++) {
      const f = M[r]![c]! / pivot;
      for (let k = c; k <= n; k++) M[r]![k]! -= f * M[c]![k]!;
    }
  }
  const x = new Array<number>(n).fill(0);
  for (let r = n - 1; r >= 0; r--) {
    let s = M[r]![n]!;
    for (let k = r + 1; k < n; k++) s -= M[r]![k]! * x[k]!;
    x[r] = s / M[r]![r]!;
  }
  return x;
}

/**
 * DP linear regression by sufficient statistics perturbation (Vu & Slavković 2009; Wang 2018, "Revisiting
 * differentially private linear regression"): with features and y mapped onto [−1, 1], each of the K entries
 * of the upper triangle of ZᵀZ and of Zᵀy moves by ≤ 1 per row, so Laplace of scale K·m/ε each is ε-DP; the
 * noisy normal equations get a ridge λ = 2b(d+1) to stay positive definite, then are solved and unscaled.
 */
export function linearRegression(
  X: readonly (readonly number[])[],
  y: readonly number[],
  bounds: { x: Bounds[]; y: Bounds },
  opts: TemplateOptions,
): TemplateResult<RegressionModel> {
  const { epsilon, m } = templateBudget(opts);
  const Z = design(X, bounds?.x);
  const by = requireBounds('bounds.y', bounds.y);
  if (requireNumbers('y', y).length !== Z.length) throw new RangeError('y must have one value per row of X');
  const d = Z[0]!.length;
  const K = (d * (d + 1)) / 2 + d;
  const b = (K * m) / epsilon;
  const noisy = (v: number) => laplaceMechanism(v, 1 * m, epsilon / K);
  const ys = y.map((v) => toUnit(v, by));
  const A = Array.from({ length: d }, () => new Array<number>(d).fill(0));
  for (let r = 0; r < d; r++) {
    for (let c = r; c < d; c++) {
      A[r]![c] = noisy(Z.reduce((s, z) => s + z[r]! * z[c]!, 0));
      A[c]![r] = A[r]![c]!;
    }
    A[r]![r]! += 2 * b * d;
  }
  const zy = Array.from({ length: d }, (_, r) => noisy(Z.reduce((s, z, i) => s + z[r]! * ys[i]!, 0)));
  const w = solve(A, zy);
  const model = unscale(w, bounds.x, (by.upper + by.lower) / 2, (by.upper - by.lower) / 2);
  const mechanism = `linear regression: sufficient statistics perturbation, Laplace of scale ${b} on ${K} statistics, ridge ${2 * b * d}`;
  return { result: model, spent: { epsilon, delta: 0 }, mechanism };
}

export interface LogisticOptions extends TemplateOptions {
  delta: number;
  iterations?: number;
  learningRate?: number;
}

const sigmoid = (t: number) => 1 / (1 + Math.exp(-t));

/** The sum over rows of the per-row logistic-loss gradients, each clipped to L2 norm 1 (Abadi et al. 2016). */
function clippedGradientSum(Z: number[][], y: readonly number[], w: readonly number[]): number[] {
  const g = new Array<number>(w.length).fill(0);
  Z.forEach((z, i) => {
    const r = sigmoid(z.reduce((s, v, j) => s + v * w[j]!, 0)) - y[i]!;
    const norm = Math.abs(r) * Math.sqrt(z.reduce((s, v) => s + v * v, 0));
    const f = norm > 1 ? r / norm : r;
    z.forEach((v, j) => (g[j]! += f * v));
  });
  return g;
}

/**
 * DP logistic regression by noisy full-batch gradient descent (Bassily, Smith & Thakurta 2014; DP-SGD of
 * Abadi et al. 2016 at sampling rate 1): per-row gradients clipped to norm 1, so a unit moves the sum by ≤ m in
 * L2; each of T steps adds Gaussian noise at zCDP cost ρ/T (Bun–Steinke 2016 composition), ρ from 90 % of ε
 * and δ; the row count is released once with Laplace at the other 10 % of ε.
 */
export function logisticRegression(
  X: readonly (readonly number[])[],
  y: readonly number[],
  bounds: Bounds[],
  opts: LogisticOptions,
): TemplateResult<RegressionModel> {
  const { epsilon, m } = templateBudget(opts);
  const delta = requireDelta(opts.delta, true, 'options.delta');
  const T = requireInteger('options.iterations', opts.iterations ?? 100, 1);
  const eta = requirePositive('options.learningRate', opts.learningRate ?? 1);
  const Z = design(X, bounds);
  if (requireNumbers('y', y).length !== Z.length || y.some((v) => v !== 0 && v !== 1)) {
    throw new RangeError('y must hold one label 0 or 1 per row of X');
  }
  const n = Math.max(1, laplaceMechanism(Z.length, m, 0.1 * epsilon, { integer: true }));
  const rho = zcdpRho(0.9 * epsilon, delta) / T;
  let w = new Array<number>(Z[0]!.length).fill(0);
  for (let t = 0; t < T; t++) {
    const g = clippedGradientSum(Z, y, w).map((v) => gaussianMechanismRho(v, m, rho, { touched: w.length }));
    w = w.map((v, j) => v - (eta * g[j]!) / n);
  }
  const sigma = m / Math.sqrt(2 * rho);
  const mechanism = `logistic regression: noisy full-batch gradient descent, ${T} steps, clipping 1, Gaussian σ = ${sigma} per step (zCDP), Laplace count`;
  return { result: unscale(w, bounds), spent: { epsilon, delta }, mechanism };
}
