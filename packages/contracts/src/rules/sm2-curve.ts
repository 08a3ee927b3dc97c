/**
 * Arithmetic on the SM2 recommended curve (GB/T 32918.5 §A, y² = x³ + ax + b over Fp, a = −3), in BigInt.
 * Points are Jacobian (X, Y, Z) during computation and affine (x, y) at the edges; k·G uses a fixed-base
 * table (one mixed addition per 8-bit window, no doublings) and k·P uses width-5 wNAF.
 * BigInt arithmetic is not constant-time: this code must not run where an attacker can time one process
 * closely (the platform signs on its own servers; see docs). Verifying handles only public values, so the
 * browser and the offline verifier run this same code.
 */

export const P = 0xfffffffeffffffffffffffffffffffffffffffff00000000ffffffffffffffffn;
export const A = 0xfffffffeffffffffffffffffffffffffffffffff00000000fffffffffffffffcn;
export const B = 0x28e9fa9e9d9f5e344d5a9e4bcf6509a7f39789f515ab8f92ddbcbd414d940e93n;
export const N = 0xfffffffeffffffffffffffffffffffff7203df6b21c6052b53bbf40939d54123n;
export const GX = 0x32c4ae2c1f1981195f9904466a39c9948fe30bbff2660be1715a4589334c74c7n;
export const GY = 0xbc3736a2f4f6779c59bdcee36b692153d0a9877cc62a474002df32e52139f0a0n;

export interface Affine {
  x: bigint;
  y: bigint;
}
/** Jacobian point; z = 0 is the point at infinity. */
interface Jac {
  x: bigint;
  y: bigint;
  z: bigint;
}
const INF: Jac = { x: 1n, y: 1n, z: 0n };

const md = (a: bigint) => {
  const r = a % P;
  return r < 0n ? r + P : r;
};

/** Modular inverse by the extended Euclidean algorithm (faster in BigInt than Fermat's a^(m−2)). */
export function invMod(a: bigint, m: bigint): bigint {
  let r0 = m;
  let r1 = a % m;
  if (r1 < 0n) r1 += m;
  let t0 = 0n;
  let t1 = 1n;
  while (r1 !== 0n) {
    const q = r0 / r1;
    [r0, r1] = [r1, r0 - q * r1];
    [t0, t1] = [t1, t0 - q * t1];
  }
  if (r0 !== 1n) throw new Error('not invertible');
  return t0 < 0n ? t0 + m : t0;
}

/** Point doubling, dbl-2001-b (a = −3). */
function dbl(p: Jac): Jac {
  if (p.z === 0n || p.y === 0n) return INF;
  const delta = md(p.z * p.z);
  const gamma = md(p.y * p.y);
  const beta = md(p.x * gamma);
  const alpha = md(3n * (p.x - delta) * (p.x + delta));
  const x3 = md(alpha * alpha - 8n * beta);
  const z3 = md((p.y + p.z) * (p.y + p.z) - gamma - delta);
  const y3 = md(alpha * (4n * beta - x3) - 8n * gamma * gamma);
  return { x: x3, y: y3, z: z3 };
}

/** Mixed addition Jacobian + affine, madd-2007-bl. */
function madd(p: Jac, q: Affine): Jac {
  if (p.z === 0n) return { x: q.x, y: q.y, z: 1n };
  const z1z1 = md(p.z * p.z);
  const u2 = md(q.x * z1z1);
  const s2 = md(q.y * p.z * z1z1);
  const h = md(u2 - p.x);
  const rr = md(2n * (s2 - p.y));
  if (h === 0n) return rr === 0n ? dbl(p) : INF;
  const hh = md(h * h);
  const i = 4n * hh;
  const j = md(h * i);
  const v = md(p.x * i);
  const x3 = md(rr * rr - j - 2n * v);
  const y3 = md(rr * (v - x3) - 2n * p.y * j);
  const z3 = md((p.z + h) * (p.z + h) - z1z1 - hh);
  return { x: x3, y: y3, z: z3 };
}

/** Full Jacobian addition, add-2007-bl. */
function add(p: Jac, q: Jac): Jac {
  if (p.z === 0n) return q;
  if (q.z === 0n) return p;
  const z1z1 = md(p.z * p.z);
  const z2z2 = md(q.z * q.z);
  const u1 = md(p.x * z2z2);
  const u2 = md(q.x * z1z1);
  const s1 = md(p.y * q.z * z2z2);
  const s2 = md(q.y * p.z * z1z1);
  const h = md(u2 - u1);
  const rr = md(2n * (s2 - s1));
  if (h === 0n) return rr === 0n ? dbl(p) : INF;
  const i = md(4n * h * h);
  const j = md(h * i);
  const v = md(u1 * i);
  const x3 = md(rr * rr - j - 2n * v);
  const y3 = md(rr * (v - x3) - 2n * s1 * j);
  const z3 = md(((p.z + q.z) * (p.z + q.z) - z1z1 - z2z2) * h);
  return { x: x3, y: y3, z: z3 };
}

export function toAffine(p: Jac): Affine | null {
  if (p.z === 0n) return null;
  const zi = invMod(p.z, P);
  const zi2 = md(zi * zi);
  return { x: md(p.x * zi2), y: md(p.y * zi2 * zi) };
}

/** Many points to affine with one inversion (Montgomery's trick). */
function batchAffine(points: Jac[]): Affine[] {
  const prefix: bigint[] = new Array(points.length);
  let acc = 1n;
  for (let i = 0; i < points.length; i++) {
    prefix[i] = acc;
    acc = md(acc * points[i]!.z);
  }
  let inv = invMod(acc, P);
  const out: Affine[] = new Array(points.length);
  for (let i = points.length - 1; i >= 0; i--) {
    const p = points[i]!;
    const zi = md(inv * prefix[i]!);
    inv = md(inv * p.z);
    const zi2 = md(zi * zi);
    out[i] = { x: md(p.x * zi2), y: md(p.y * zi2 * zi) };
  }
  return out;
}

export function isOnCurve({ x, y }: Affine): boolean {
  if (x < 0n || x >= P || y < 0n || y >= P) return false;
  return md(y * y - (x * x * x + A * x + B)) === 0n;
}

const WINDOW = 8;
const WINDOWS = Math.ceil(256 / WINDOW);
let baseTable: Affine[][] | null = null;

/** table[i][j − 1] = j · 2^(8i) · G; built once, on first use (about 8,000 points). */
function fixedBaseTable(): Affine[][] {
  if (baseTable) return baseTable;
  const jac: Jac[] = [];
  let base: Jac = { x: GX, y: GY, z: 1n };
  for (let i = 0; i < WINDOWS; i++) {
    let acc = base;
    for (let j = 1; j < 1 << WINDOW; j++) {
      jac.push(acc);
      acc = add(acc, base);
    }
    base = acc; // 2^8 · base
  }
  const flat = batchAffine(jac);
  const per = (1 << WINDOW) - 1;
  baseTable = Array.from({ length: WINDOWS }, (_, i) => flat.slice(i * per, (i + 1) * per));
  return baseTable;
}

function mulBaseJac(k: bigint): Jac {
  const table = fixedBaseTable();
  let acc = INF;
  for (let i = 0; i < WINDOWS && k > 0n; i++) {
    const digit = Number(k & 0xffn);
    if (digit) acc = madd(acc, table[i]![digit - 1]!);
    k >>= 8n;
  }
  return acc;
}

/** Width-w non-adjacent form, least significant digit first; digits are odd and |d| < 2^(w−1). */
function wnaf(k: bigint, w: number): number[] {
  const out: number[] = [];
  const full = 1n << BigInt(w);
  const half = 1n << BigInt(w - 1);
  while (k > 0n) {
    if (k & 1n) {
      let d = k & (full - 1n);
      if (d >= half) d -= full;
      out.push(Number(d));
      k -= d;
    } else out.push(0);
    k >>= 1n;
  }
  return out;
}

const neg = (q: Affine): Affine => ({ x: q.x, y: q.y === 0n ? 0n : P - q.y });

function mulPointJac(k: bigint, q: Affine): Jac {
  const odd: Jac[] = [{ x: q.x, y: q.y, z: 1n }]; // 1Q, 3Q, 5Q … 15Q
  const q2 = dbl(odd[0]!);
  for (let i = 1; i < 8; i++) odd.push(add(odd[i - 1]!, q2));
  const table = batchAffine(odd);
  const digits = wnaf(k, 5);
  let acc = INF;
  for (let i = digits.length - 1; i >= 0; i--) {
    acc = dbl(acc);
    const d = digits[i]!;
    if (d > 0) acc = madd(acc, table[(d - 1) >> 1]!);
    else if (d < 0) acc = madd(acc, neg(table[(-d - 1) >> 1]!));
  }
  return acc;
}

/** k·G. */
export const mulBase = (k: bigint): Affine | null => toAffine(mulBaseJac(k));

/** u·G + v·Q (the verification equation). */
export const mulBaseAdd = (u: bigint, v: bigint, q: Affine): Affine | null =>
  toAffine(add(mulBaseJac(u), mulPointJac(v, q)));

/** k·Q for any point Q. */
export const mulPoint = (k: bigint, q: Affine): Affine | null => toAffine(mulPointJac(k, q));

/** y from x and the parity bit of a compressed point (p ≡ 3 mod 4, so √a = a^((p+1)/4)). */
export function decompress(x: bigint, odd: boolean): Affine | null {
  const rhs = md(x * x * x + A * x + B);
  let y = powMod(rhs, (P + 1n) / 4n, P);
  if (md(y * y) !== rhs) return null;
  if (((y & 1n) === 1n) !== odd) y = P - y;
  return { x, y };
}

function powMod(b: bigint, e: bigint, m: bigint): bigint {
  let r = 1n;
  b %= m;
  while (e > 0n) {
    if (e & 1n) r = (r * b) % m;
    b = (b * b) % m;
    e >>= 1n;
  }
  return r;
}
