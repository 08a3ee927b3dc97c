import { CODE_BITS, codeBits, markingKey } from './fingerprint.marks.js';
import { markCells, planFingerprint } from './fingerprint.plan.js';
import { requireSecret } from './fingerprint.embed.js';
import type { CandidateScore, Detection, DetectOptions, Table } from './fingerprint.types.js';

export const DEFAULT_ALPHA = 1e-6;

/** P(X ≥ k) for X ~ Binomial(n, ½), summed exactly in doubles (n ≤ 256, so 2^-n stays a normal double). */
export function binomialTail(k: number, n: number): number {
  if (k <= 0) return 1;
  if (k > n) return 0;
  let term = 2 ** -n; // C(n, i) / 2^n, starting at i = 0
  let sum = 0;
  for (let i = 0; i <= n; i++) {
    if (i >= k) sum += term;
    term = (term * (n - i)) / (i + 1);
  }
  return Math.min(1, sum);
}

/**
 * Reads the bits of a (possibly leaked and altered) copy and scores each candidate code against them. Each bit
 * position takes the majority of its cells (ties are left out); a candidate's p-value is the chance that a file
 * not made with its code agrees on as many positions, and a match is named only when that chance, times the
 * number of candidates tried, stays below `alpha`.
 */
export function detect(table: Table, opts: DetectOptions): Detection {
  requireSecret(opts.secret);
  const plan = opts.plan ?? planFingerprint(table);
  const votes = new Int32Array(CODE_BITS);
  let cellsRead = 0;
  for (const cell of markCells(table, plan, markingKey(opts.secret))) {
    const bit = (cell.units & 1) ^ cell.slot.mask;
    votes[cell.slot.position]! += bit ? 1 : -1;
    cellsRead++;
  }
  const seen = [...votes.keys()].filter((i) => votes[i] !== 0);
  const scores: CandidateScore[] = opts.candidates.map((c) => {
    const bits = codeBits(c.code);
    const matches = seen.filter((i) => (votes[i]! > 0 ? 1 : 0) === bits[i]).length;
    return { id: c.id, matches, observed: seen.length, pValue: binomialTail(matches, seen.length) };
  });
  scores.sort((a, b) => a.pValue - b.pValue || b.matches - a.matches);
  const best = scores[0];
  const alpha = opts.alpha ?? DEFAULT_ALPHA;
  const match = best && best.pValue * scores.length < alpha ? best : null;
  return { cellsRead, observed: seen.length, scores, match };
}
