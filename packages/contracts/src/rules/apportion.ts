/*
 * 最大余数法 (largest remainder, Hamilton's method): an integer amount split by weights into integer parts that
 * sum exactly to it. Each part first takes the whole part of its quota (amount × weight / Σ weights); the units
 * left over, fewer than the number of parts, go one each to the largest fractional remainders; equal remainders
 * go to the part listed first. The arithmetic is exact: weights, even fractional ones, are read as the binary
 * numbers they are and scaled to integers, so no rounding error can move a fen.
 */

/** How the units left after the whole parts are handed out, in words an audit record and a reader share. */
export const REMAINDER_RULE =
  'largest remainder (Hamilton): whole parts of each quota first, the units left one each to the largest ' +
  'fractional remainders, equal remainders to the party listed first';

export interface Apportionment {
  /** The parts, in the order of the weights; non-negative integers summing exactly to the amount. */
  parts: number[];
  /** The whole part of each quota, before the remainder. */
  floors: number[];
  /** Each part's quota (amount × weight / Σ weights), as a number for display only. */
  quotas: number[];
  /** The units left after the whole parts: each went to one part (`parts[i] − floors[i]` is 0 or 1). */
  remainder: number;
}

/** The count of binary digits after the point: w × 2^shift is an integer (doubling a double is exact). */
function binaryShift(w: number): number {
  let shift = 0;
  for (let x = w; !Number.isInteger(x); x *= 2) shift++;
  return shift;
}

/** Weights as integers in the same ratio, exactly. */
function exactIntegers(weights: readonly number[]): bigint[] {
  const shifts = weights.map(binaryShift);
  const top = Math.max(0, ...shifts);
  return weights.map((w, i) => BigInt(w * 2 ** shifts[i]!) << BigInt(top - shifts[i]!));
}

/** Checks an amount and its weights; throws a RangeError naming the first fault. */
function checkInput(amount: number, weights: readonly number[]) {
  if (!Number.isSafeInteger(amount) || amount < 0)
    throw new RangeError(`amount must be a non-negative integer, not ${amount}`);
  if (weights.length === 0) throw new RangeError('there must be at least one weight');
  weights.forEach((w, i) => {
    if (!Number.isFinite(w) || w < 0)
      throw new RangeError(`weights[${i}] must be a finite number ≥ 0, not ${w}`);
  });
  if (weights.every((w) => w === 0) && amount > 0)
    throw new RangeError('the weights are all zero: nothing says how to split the amount');
}

/** 最大余数法: splits an integer amount by weights into integer parts that sum exactly to it (see REMAINDER_RULE). */
export function apportion(amount: number, weights: readonly number[]): Apportionment {
  checkInput(amount, weights);
  if (amount === 0)
    return {
      parts: weights.map(() => 0),
      floors: weights.map(() => 0),
      quotas: weights.map(() => 0),
      remainder: 0,
    };
  const w = exactIntegers(weights);
  const total = w.reduce((a, b) => a + b, 0n);
  const scaled = w.map((x) => BigInt(amount) * x);
  const floors = scaled.map((x) => x / total);
  const rests = scaled.map((x) => x % total);
  const remainder = amount - Number(floors.reduce((a, b) => a + b, 0n));
  // largest remainder first; Array.prototype.sort is stable, so equal remainders keep the listed order
  const order = rests
    .map((_, i) => i)
    .sort((a, b) => (rests[b]! > rests[a]! ? 1 : rests[b]! < rests[a]! ? -1 : 0));
  const parts = floors.map(Number);
  for (const i of order.slice(0, remainder)) parts[i]!++;
  const quotas = floors.map((f, i) => Number(f) + Number(rests[i]!) / Number(total));
  return { parts, floors: floors.map(Number), quotas, remainder };
}
