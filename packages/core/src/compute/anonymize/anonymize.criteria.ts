import type { ClassSet } from './anonymize.classes.js';

/** The privacy criteria, resolved against the data (counts, sensitive distribution). */
export interface Criteria {
  k: number;
  maxSuppressed: number;
  l?: number;
  lVariant: 'distinct' | 'entropy';
  t?: number;
  tDistance: 'equal' | 'ordered';
  /** Sensitive codes from lowest to highest rank, for the ordered distance. */
  rank: Int32Array;
  /** The distribution of the sensitive attribute over all rows (t-closeness compares against it). */
  global: Float64Array;
  /**
   * Whether "anonymous" is monotone over the lattice. k-anonymity and distinct l-diversity are, even with
   * suppression: a class above fails only if every class merged into it failed, so the suppressed rows can
   * only shrink (as in ARX). Entropy l-diversity and t-closeness are only without suppression: a merged
   * class is at least as diverse / close as its worst part only when no part is dropped.
   */
  monotone: boolean;
}

export interface Verdict {
  anonymous: boolean;
  /** Failed on the monotone criteria alone, so every node below fails too. */
  monotoneFail: boolean;
  suppressed: number;
  /** 1 for a class that fails a criterion and is suppressed. */
  failed: Uint8Array;
}

function distinct(hist: Int32Array, at: number, m: number): number {
  let d = 0;
  for (let s = 0; s < m; s++) if (hist[at + s]! > 0) d++;
  return d;
}

/** Machanavajjhala et al. 2007, entropy l-diversity: −Σ p log p ≥ log l. */
function entropy(hist: Int32Array, at: number, m: number, n: number): number {
  let h = 0;
  for (let s = 0; s < m; s++) {
    const p = hist[at + s]! / n;
    if (p > 0) h -= p * Math.log(p);
  }
  return h;
}

/** Li et al. 2007 §4.2, the earth mover's distance with equal ground distance: half the L1 distance. */
function equalEmd(hist: Int32Array, at: number, m: number, n: number, global: Float64Array): number {
  let d = 0;
  for (let s = 0; s < m; s++) d += Math.abs(hist[at + s]! / n - global[s]!);
  return d / 2;
}

/** Li et al. 2007 §4.2, ordered distance: Σ |cumulative difference| / (m − 1) over the ranks. */
function orderedEmd(hist: Int32Array, at: number, n: number, global: Float64Array, rank: Int32Array): number {
  const m = rank.length;
  if (m < 2) return 0;
  let cumulative = 0;
  let d = 0;
  for (let i = 0; i < m; i++) {
    const s = rank[i]!;
    cumulative += hist[at + s]! / n - global[s]!;
    d += Math.abs(cumulative);
  }
  return d / (m - 1);
}

/** The criteria that are monotone under suppression: k-anonymity and distinct l-diversity. */
function failsMonotone(set: ClassSet, c: number, cr: Criteria, m: number): boolean {
  if (set.count[c]! < cr.k) return true;
  return cr.l !== undefined && cr.lVariant === 'distinct' && distinct(set.hist!, c * m, m) < cr.l;
}

function failsOther(set: ClassSet, c: number, cr: Criteria, m: number): boolean {
  const n = set.count[c]!;
  const at = c * m;
  if (
    cr.l !== undefined &&
    cr.lVariant === 'entropy' &&
    entropy(set.hist!, at, m, n) < Math.log(cr.l) - 1e-12
  )
    return true;
  if (cr.t === undefined) return false;
  const emd =
    cr.tDistance === 'ordered'
      ? orderedEmd(set.hist!, at, n, cr.global, cr.rank)
      : equalEmd(set.hist!, at, m, n, cr.global);
  return emd > cr.t + 1e-12;
}

/** Suppresses every class that fails a criterion; anonymous when they fit under the suppression limit. */
export function judge(set: ClassSet, cr: Criteria): Verdict {
  const m = cr.global.length;
  const failed = new Uint8Array(set.size);
  let monotone = 0;
  let other = 0;
  for (let c = 0; c < set.size; c++) {
    if (failsMonotone(set, c, cr, m)) {
      failed[c] = 1;
      monotone += set.count[c]!;
    } else if (set.hist && failsOther(set, c, cr, m)) {
      failed[c] = 1;
      other += set.count[c]!;
    }
  }
  const suppressed = monotone + other;
  const anonymous = suppressed <= cr.maxSuppressed;
  return {
    anonymous,
    monotoneFail: !anonymous && (cr.monotone || monotone > cr.maxSuppressed),
    suppressed,
    failed,
  };
}
