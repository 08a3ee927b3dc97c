import { discreteGaussianExact, discreteLaplaceExact, toRational } from './exact.js';
import {
  requireDelta,
  requireEpsilon,
  requireNonNegative,
  requireNumber,
  requirePositive,
} from './validate.js';

/*
 * Noise for DP releases. Randomness comes from node:crypto only.
 *
 * Floating-point attack (Mironov 2012): a textbook Laplace sampler (−b·ln U with a float U) leaves holes in
 * the set of reachable doubles that depend on the true value. Here no noise is ever a float transform of a
 * float: integer outputs get exact discrete Laplace / discrete Gaussian noise (Canonne–Kamath–Steinke 2020),
 * and real outputs are first snapped to a power-of-two grid g (≈ scale·2⁻⁴⁰) and get g times an exact discrete
 * sample — the "granularity" construction of Google's secure noise generation (Google DP library, 2020).
 * Snapping moves the value by at most g/2, so the sensitivity in grid units is raised by one.
 */

/** Bits of resolution kept below the noise scale on the real-valued grid. */
const GRID_BITS = 40;

/** Laplace mechanism calibration (Dwork, McSherry, Nissim & Smith 2006): b = Δ₁/ε gives ε-DP. */
export function laplaceScale(sensitivity: number, epsilon: number): number {
  requireNonNegative('sensitivity', sensitivity);
  return sensitivity / requireEpsilon(epsilon);
}

/**
 * zCDP budget of an (ε, δ) target (Bun & Steinke 2016, Prop. 1.3: ρ-zCDP ⇒ (ρ + 2√(ρ·ln(1/δ)), δ)-DP),
 * solved for ρ: √ρ = √(ln(1/δ) + ε) − √(ln(1/δ)).
 */
export function zcdpRho(epsilon: number, delta: number): number {
  requireEpsilon(epsilon);
  const l = Math.log(1 / requireDelta(delta, true));
  const r = Math.sqrt(l + epsilon) - Math.sqrt(l);
  return r * r;
}

/**
 * Gaussian mechanism calibration through zCDP: σ = Δ₂/√(2ρ) gives ρ-zCDP for the continuous Gaussian
 * (Bun–Steinke 2016, Prop. 1.6) and for the discrete Gaussian (Canonne–Kamath–Steinke 2020, Thm. 4), hence
 * (ε, δ)-DP by Prop. 1.3. Chosen over the analytic Gaussian of Balle–Wang 2018, whose exact δ(σ) is proved for
 * the continuous Gaussian only, because it holds for the discrete sampler used here and composes additively;
 * valid for every ε > 0 (the classic Δ·√(2 ln(1.25/δ))/ε bound needs ε < 1). The price: σ is about the
 * classic bound's, ~30 % above the analytic one at ε = 1, δ = 10⁻⁵.
 */
export function gaussianSigma(sensitivity: number, epsilon: number, delta: number): number {
  requireNonNegative('sensitivity', sensitivity);
  return sensitivity / Math.sqrt(2 * zcdpRho(epsilon, delta));
}

/** Discrete Laplace noise P(x) ∝ exp(−|x|/b) on the integers (CKS 2020, Algorithm 2, exact). */
export function sampleDiscreteLaplace(scale: number): number {
  requirePositive('scale', scale);
  const [t, s] = toRational(scale);
  return Number(discreteLaplaceExact(t, s));
}

/** Discrete Gaussian noise P(x) ∝ exp(−x²/(2σ²)) on the integers (CKS 2020, Algorithm 3, exact). */
export function sampleDiscreteGaussian(sigma: number): number {
  requirePositive('sigma', sigma);
  const [a, b] = toRational(sigma);
  return Number(discreteGaussianExact(a * a, b * b));
}

/** The power-of-two grid for real-valued noise of the given scale (Google DP library's granularity). */
export function granularity(scale: number): number {
  return 2 ** (Math.ceil(Math.log2(scale)) - GRID_BITS);
}

/** Laplace noise of scale b on the grid `granularity(b)`: g · DLap(b/g) (no Mironov holes). */
export function sampleLaplace(scale: number): number {
  const g = granularity(requirePositive('scale', scale));
  return g * sampleDiscreteLaplace(scale / g);
}

/** Gaussian noise of deviation σ on the grid `granularity(σ)`: g · N_Z(0, (σ/g)²). */
export function sampleGaussian(sigma: number): number {
  const g = granularity(requirePositive('sigma', sigma));
  return g * sampleDiscreteGaussian(sigma / g);
}

export interface NoiseOptions {
  /** the true value is an integer: add integer noise and return an integer */
  integer?: boolean;
  /**
   * How many coordinates of the released vector one privacy unit can move (default 1): snapping each to the
   * grid adds up to one grid step per moved coordinate, so `touched` steps in L1, √touched in L2.
   */
  touched?: number;
}

/**
 * Adds noise whose scale is `scaleOf(sensitivity)`; real values are snapped to the grid first, which raises
 * the sensitivity by one grid step (the snapping argument of Mironov 2012 §5, in grid units).
 */
function addNoise(
  value: number,
  sensitivity: number,
  opts: NoiseOptions & { slack: number },
  scaleOf: (sensitivity: number) => number,
  sample: (scale: number) => number,
): number {
  requireNumber('value', value);
  if (requireNonNegative('sensitivity', sensitivity) === 0) return value;
  if (opts.integer) {
    if (!Number.isInteger(value)) throw new RangeError(`value must be an integer, got ${value}`);
    return value + sample(scaleOf(sensitivity));
  }
  const g = granularity(scaleOf(sensitivity));
  return g * Math.round(value / g) + g * sample(scaleOf(sensitivity / g + opts.slack));
}

function touched(opts: NoiseOptions): number {
  return opts.touched === undefined ? 1 : requirePositive('touched', opts.touched);
}

/** Laplace mechanism (Dwork et al. 2006): value + Lap(Δ₁/ε), ε-DP; discrete Laplace for integers (CKS 2020). */
export function laplaceMechanism(
  value: number,
  sensitivity: number,
  epsilon: number,
  opts: NoiseOptions = {},
) {
  requireEpsilon(epsilon);
  const o = { ...opts, slack: touched(opts) };
  return addNoise(value, sensitivity, o, (s) => s / epsilon, sampleDiscreteLaplace);
}

/**
 * Gaussian mechanism with σ from `gaussianSigma` (zCDP, Bun–Steinke 2016): (ε, δ)-DP for an L2 sensitivity
 * Δ₂; discrete Gaussian for integers (CKS 2020).
 */
export function gaussianMechanism(
  value: number,
  sensitivity: number,
  epsilon: number,
  delta: number,
  opts: NoiseOptions = {},
): number {
  return gaussianMechanismRho(value, sensitivity, zcdpRho(epsilon, delta), opts);
}

/**
 * Gaussian mechanism at a zCDP cost ρ (Bun–Steinke 2016, Prop. 1.6: σ = Δ₂/√(2ρ)); several such steps compose
 * by adding their ρ (Prop. 1.9), as in noisy gradient descent.
 */
export function gaussianMechanismRho(
  value: number,
  sensitivity: number,
  rho: number,
  opts: NoiseOptions = {},
) {
  const perUnit = 1 / Math.sqrt(2 * requirePositive('rho', rho));
  const o = { ...opts, slack: Math.sqrt(touched(opts)) };
  return addNoise(value, sensitivity, o, (s) => s * perUnit, sampleDiscreteGaussian);
}
