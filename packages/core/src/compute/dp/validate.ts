/** Declared bounds of a column: values are clamped into [lower, upper] before any statistic is taken. */
export interface Bounds {
  lower: number;
  upper: number;
  /** the column holds integers: its sums are released with the discrete mechanisms */
  integer?: boolean;
}

/** A privacy cost (ε, δ) of one release. */
export interface PrivacyCost {
  epsilon: number;
  delta: number;
}

export function requireNumber(name: string, value: unknown): number {
  if (typeof value !== 'number') throw new TypeError(`${name} must be a number, got ${typeof value}`);
  if (!Number.isFinite(value)) throw new RangeError(`${name} must be finite, got ${value}`);
  return value;
}

export function requirePositive(name: string, value: unknown): number {
  const v = requireNumber(name, value);
  if (v <= 0) throw new RangeError(`${name} must be > 0, got ${v}`);
  return v;
}

export function requireNonNegative(name: string, value: unknown): number {
  const v = requireNumber(name, value);
  if (v < 0) throw new RangeError(`${name} must be ≥ 0, got ${v}`);
  return v;
}

export function requireInteger(name: string, value: unknown, min = -Infinity): number {
  const v = requireNumber(name, value);
  if (!Number.isInteger(v)) throw new RangeError(`${name} must be an integer, got ${v}`);
  if (v < min) throw new RangeError(`${name} must be ≥ ${min}, got ${v}`);
  return v;
}

/** ε of a DP release: a positive finite number. */
export function requireEpsilon(value: unknown, name = 'epsilon'): number {
  return requirePositive(name, value);
}

/** δ of a DP release: in [0, 1); `positive` when the mechanism needs δ > 0 (Gaussian, partition selection). */
export function requireDelta(value: unknown, positive: boolean, name = 'delta'): number {
  const v = requireNumber(name, value);
  if (v < 0 || v >= 1) throw new RangeError(`${name} must be in [0, 1), got ${v}`);
  if (positive && v === 0) throw new RangeError(`${name} must be > 0 for this mechanism`);
  return v;
}

export function requireBounds(name: string, value: unknown): Bounds {
  if (typeof value !== 'object' || value === null) throw new TypeError(`${name} must be {lower, upper}`);
  const b = value as Bounds;
  const lower = requireNumber(`${name}.lower`, b.lower);
  const upper = requireNumber(`${name}.upper`, b.upper);
  if (!(lower < upper))
    throw new RangeError(`${name}.lower must be < ${name}.upper, got [${lower}, ${upper}]`);
  if (b.integer && !(Number.isInteger(lower) && Number.isInteger(upper))) {
    throw new RangeError(`${name} is declared integer, so its bounds must be integers`);
  }
  return b;
}

export function requireNumbers(name: string, values: unknown): number[] {
  if (!Array.isArray(values)) throw new TypeError(`${name} must be an array of numbers`);
  for (const v of values) {
    if (typeof v !== 'number' || Number.isNaN(v)) throw new TypeError(`${name} must hold only numbers`);
  }
  return values as number[];
}

/** Clamping to declared bounds bounds each value's influence (Dwork–Roth 2014 §3.3: sensitivity of a sum). */
export function clamp(x: number, b: Bounds): number {
  return x < b.lower ? b.lower : x > b.upper ? b.upper : x;
}

/** The largest magnitude a clamped value can take: max(|L|, |U|). */
export function magnitude(b: Bounds): number {
  return Math.max(Math.abs(b.lower), Math.abs(b.upper));
}

/** Maps a clamped value of [L, U] onto [−1, 1], where each term of a sufficient statistic moves by ≤ 1. */
export function toUnit(x: number, b: Bounds): number {
  return (2 * clamp(x, b) - b.lower - b.upper) / (b.upper - b.lower);
}
