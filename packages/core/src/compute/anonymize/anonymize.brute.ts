// An independent brute force for the specs: every node of the lattice generalized with strings and grouped
// with a Map, sharing no code with the search, to check the optimum the search returns.
import type { QuasiIdentifier } from './anonymize.types.js';

export interface BruteNode {
  levels: number[];
  anonymous: boolean;
  loss: number;
}

function tables(qis: QuasiIdentifier[]) {
  return qis.map((qi) => {
    if (qi.hierarchy.kind !== 'table') throw new Error('table hierarchies only');
    const rows = qi.hierarchy.rows;
    const byValue = new Map(rows.map((r) => [r[0]!, r]));
    const under = rows[0]!.map((_, l) => {
      const counts = new Map<string, number>();
      for (const r of rows) counts.set(r[l]!, (counts.get(r[l]!) ?? 0) + 1);
      return counts;
    });
    return { byValue, under, leaves: rows.length, height: rows[0]!.length };
  });
}

/** Every node evaluated for k-anonymity with suppression; Iyengar loss, a suppressed cell costing 1. */
export function bruteForce(
  rows: string[][],
  header: string[],
  qis: QuasiIdentifier[],
  k: number,
  limit: number,
) {
  const hs = tables(qis);
  const cols = qis.map((qi) => header.indexOf(qi.column));
  const size = hs.reduce((p, h) => p * h.height, 1);
  const out: BruteNode[] = [];
  for (let node = 0; node < size; node++) {
    let rest = node;
    const levels = hs.map((h) => {
      const l = rest % h.height;
      rest = Math.floor(rest / h.height);
      return l;
    });
    const keys = rows.map((r) => cols.map((c, j) => hs[j]!.byValue.get(r[c]!)![levels[j]!]).join('|'));
    const counts = new Map<string, number>();
    for (const key of keys) counts.set(key, (counts.get(key) ?? 0) + 1);
    let suppressed = 0;
    let loss = 0;
    rows.forEach((r, i) => {
      if (counts.get(keys[i]!)! < k) {
        suppressed++;
        loss += qis.length;
      } else
        cols.forEach((c, j) => {
          const h = hs[j]!;
          const label = h.byValue.get(r[c]!)![levels[j]!]!;
          loss += (h.under[levels[j]!]!.get(label)! - 1) / (h.leaves - 1);
        });
    });
    out.push({
      levels,
      anonymous: suppressed <= Math.floor(limit * rows.length),
      loss: loss / (rows.length * qis.length),
    });
  }
  return out;
}
