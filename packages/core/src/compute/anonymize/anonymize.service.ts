import { rollup } from './anonymize.classes.js';
import { resolveConfig, resolveCriteria, type Resolved } from './anonymize.config.js';
import { judge } from './anonymize.criteria.js';
import { encodeSensitive, encodeTable, type Encoded } from './anonymize.encode.js';
import { Evaluator, lowerBound, measure } from './anonymize.evaluate.js';
import { Lattice } from './anonymize.lattice.js';
import { ANONYMOUS, minimalAnonymous, searchLattice, type SearchOutcome } from './anonymize.search.js';
import type { AnonymizeConfig, AnonymizeResult, LatticeNodeView } from './anonymize.types.js';

/** The nodes for the portal's lattice view: the optimum first, then the checked ones, then by height. */
function nodeViews(lat: Lattice, out: SearchOutcome, bound: Float64Array, max: number) {
  const picked = [...(out.optimum >= 0 ? [out.optimum] : []), ...[...out.evals.keys()].sort((a, b) => a - b)];
  const seen = new Set<number>();
  const nodes: LatticeNodeView[] = [];
  const add = (node: number) => {
    if (nodes.length >= max || seen.has(node)) return;
    seen.add(node);
    const e = out.evals.get(node);
    const levels = lat.levelsOf(node);
    nodes.push({
      levels,
      anonymous: out.state[node] === ANONYMOUS,
      checked: !!e,
      loss: e?.loss ?? bound[node]!,
    });
  };
  picked.forEach(add);
  for (let node = 0; node < lat.size && nodes.length < max; node++) add(node);
  return { nodes, nodesTruncated: nodes.length < lat.size };
}

/** The generalized rows: each row placed in its class at the chosen node, failed classes suppressed. */
function generalize(
  rows: string[][],
  d: Encoded,
  r: Resolved,
  levels: number[],
  classOf: Int32Array,
  failed: Uint8Array,
) {
  const out: string[][] = [];
  const labels = d.hierarchies.map((h, j) => ({ names: h.labels[levels[j]!]!, map: h.gen[levels[j]!]! }));
  rows.forEach((row, i) => {
    const suppressed = failed[classOf[d.rowClass[i]!]!] === 1;
    if (suppressed && r.suppressedRows === 'remove') return;
    const copy = [...row];
    r.columns.forEach((col, j) => {
      const { names, map } = labels[j]!;
      copy[col] = suppressed ? '*' : names[map[d.codes[j]![i]!]!]!;
    });
    out.push(copy);
  });
  return out;
}

/**
 * Anonymized export (issue 18): the transformation of least information loss that makes the table
 * k-anonymous (and l-diverse, t-close when asked) by global recoding under the given hierarchies, classes
 * that still fail being suppressed within the limit. Searched by Flash (Kohlmayer et al. 2012).
 */
export function anonymize(rows: string[][], header: string[], config: AnonymizeConfig): AnonymizeResult {
  const r = resolveConfig(header, rows, config);
  const sensitive = r.sensitive === null ? null : encodeSensitive(rows, r.sensitive);
  const criteria = resolveCriteria(config, rows.length, sensitive);
  const d = encodeTable(rows, r.columns, config.quasiIdentifiers, sensitive);
  const lat = new Lattice(d.hierarchies.map((h) => h.height));
  const bound = Float64Array.from({ length: lat.size }, (_, node) =>
    lowerBound(d, r.metric, lat.levelsOf(node)),
  );
  const started = performance.now();
  const ev = new Evaluator(d, criteria, r.metric, !r.exhaustive);
  const out = searchLattice(lat, ev, bound, criteria.monotone, r.exhaustive);
  const minimal = minimalAnonymous(lat, out.state);
  const lattice = {
    nodes: lat.size,
    checked: out.evals.size,
    anonymous: minimal.map((node) => lat.levelsOf(node)),
    anonymousCount: out.state.reduce((a, s) => a + (s === ANONYMOUS ? 1 : 0), 0),
    timeMs: performance.now() - started,
    heights: d.hierarchies.map((h) => h.height),
  };
  const views = nodeViews(lat, out, bound, r.maxNodes);
  if (out.optimum < 0)
    return {
      outcome: 'unsatisfiable',
      reason: `no transformation satisfies the criteria with at most ${criteria.maxSuppressed} of ${rows.length} rows suppressed`,
      lattice,
      ...views,
    };
  const levels = lat.levelsOf(out.optimum);
  const { set, ids } = rollup(d.bottom, levels, d);
  const verdict = judge(set, criteria);
  return {
    outcome: 'anonymized',
    transformation: levels,
    header: [...header],
    rows: generalize(rows, d, r, levels, ids, verdict.failed),
    suppressedRows: r.suppressedRows,
    suppressed: verdict.suppressed,
    classes: set.size - verdict.failed.reduce((a, b) => a + b, 0),
    informationLoss: measure(d, r.metric, levels, set, verdict),
    lattice,
    ...views,
  };
}
