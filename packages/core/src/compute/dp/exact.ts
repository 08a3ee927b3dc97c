import { randomFillSync } from 'node:crypto';

/*
 * Exact samplers of Canonne, Kamath & Steinke, "The Discrete Gaussian for Differential Privacy" (NeurIPS 2020),
 * Algorithms 1–3. Every step is rational arithmetic on BigInt driven by uniform integers from node:crypto, so the
 * output distribution is exactly the stated one: no floating-point rounding can leak the input (Mironov 2012).
 */

const POOL = Buffer.alloc(8192);
let cursor = POOL.length;

/** Cryptographically secure random bytes from node:crypto, drawn in blocks (one syscall per 8 KiB). */
function nextByte(): number {
  if (cursor >= POOL.length) {
    randomFillSync(POOL);
    cursor = 0;
  }
  return POOL[cursor++]!;
}

function nextUint32(): number {
  return ((nextByte() << 24) | (nextByte() << 16) | (nextByte() << 8) | nextByte()) >>> 0;
}

const TWO_32 = 2 ** 32;

/** A uniform integer in {0, …, n−1} by rejection sampling (no modulo bias). */
export function uniformBelow(n: bigint): bigint {
  if (n <= 0n) throw new RangeError(`uniformBelow needs n ≥ 1, got ${n}`);
  if (n <= BigInt(TWO_32)) {
    const m = Number(n);
    const limit = TWO_32 - (TWO_32 % m);
    for (;;) {
      const r = nextUint32();
      if (r < limit) return BigInt(r % m);
    }
  }
  const bits = (n - 1n).toString(2).length;
  const mask = (1n << BigInt(bits)) - 1n;
  const bytes = Math.ceil(bits / 8);
  for (;;) {
    let r = 0n;
    for (let i = 0; i < bytes; i++) r = (r << 8n) | BigInt(nextByte());
    r &= mask;
    if (r < n) return r;
  }
}

/** A uniform double in (0, 1) with 53 random bits; 0 is never returned. */
export function uniformOpen01(): number {
  for (;;) {
    const hi = nextUint32() >>> 5; // 27 bits
    const lo = nextUint32() >>> 6; // 26 bits
    const u = (hi * 67108864 + lo) / 9007199254740992;
    if (u > 0) return u;
  }
}

/** Bernoulli(num/den) for 0 ≤ num ≤ den. */
export function bernoulli(num: bigint, den: bigint): boolean {
  return uniformBelow(den) < num;
}

/** CKS 2020 Algorithm 1: Bernoulli(exp(−γ)) for rational γ = num/den ∈ [0, 1]. */
function bernoulliExpUnit(num: bigint, den: bigint): boolean {
  let k = 1n;
  while (bernoulli(num, den * k)) k++;
  return k % 2n === 1n;
}

/** CKS 2020 Algorithm 1 (γ > 1 via exp(−γ) = exp(−1)^⌊γ⌋ · exp(−(γ − ⌊γ⌋))): Bernoulli(exp(−num/den)). */
export function bernoulliExp(num: bigint, den: bigint): boolean {
  let rest = num;
  while (rest > den) {
    if (!bernoulliExpUnit(1n, 1n)) return false;
    rest -= den;
  }
  return bernoulliExpUnit(rest, den);
}

/** CKS 2020 Algorithm 2: discrete Laplace with P(x) ∝ exp(−|x|·s/t), i.e. scale t/s, for integers s, t ≥ 1. */
export function discreteLaplaceExact(t: bigint, s: bigint): bigint {
  for (;;) {
    const u = uniformBelow(t);
    if (!bernoulliExp(u, t)) continue;
    let v = 0n;
    while (bernoulliExp(1n, 1n)) v++;
    const y = (u + t * v) / s;
    const negative = bernoulli(1n, 2n);
    if (negative && y === 0n) continue;
    return negative ? -y : y;
  }
}

function isqrt(n: bigint): bigint {
  if (n < 2n) return n;
  let x = BigInt(Math.floor(Math.sqrt(Number(n))));
  while (x * x > n) x--;
  while ((x + 1n) * (x + 1n) <= n) x++;
  return x;
}

/** CKS 2020 Algorithm 3: discrete Gaussian with P(x) ∝ exp(−x²/(2σ²)) for rational σ² = p/q. */
export function discreteGaussianExact(p: bigint, q: bigint): bigint {
  const t = isqrt(p / q) + 1n;
  for (;;) {
    const y = discreteLaplaceExact(t, 1n);
    const a = (y < 0n ? -y : y) * q * t - p;
    // (|y| − σ²/t)² / (2σ²) = a² / (2·p·q·t²)
    if (bernoulliExp(a * a, 2n * p * q * t * t)) return y;
  }
}

/** The exact value of a positive finite double as num/den with den a power of two. */
export function toRational(x: number): [bigint, bigint] {
  if (!(x > 0) || !Number.isFinite(x)) throw new RangeError(`expected a positive finite number, got ${x}`);
  let exp = 0;
  let m = x;
  while (!Number.isInteger(m)) {
    m *= 2; // exact: doubling a double only moves its exponent
    exp++;
  }
  return [BigInt(m), 1n << BigInt(exp)];
}
