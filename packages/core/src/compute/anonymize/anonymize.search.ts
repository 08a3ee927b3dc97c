import type { Evaluator, NodeEval } from './anonymize.evaluate.js';
import type { Lattice } from './anonymize.lattice.js';

/** Tags: not yet known; anonymous; not anonymous with every node below; not anonymous, this node only. */
export const UNKNOWN = 0;
export const ANONYMOUS = 1;
const NOT_CONE = 2;
const NOT_HERE = 3;
const EPS = 1e-12;

export interface SearchOutcome {
  /** ANONYMOUS for anonymous nodes; every node is classified at the end. */
  state: Uint8Array;
  /** The nodes whose classes were computed. */
  evals: Map<number, NodeEval>;
  /** The anonymous node of least loss, or −1 when none is anonymous. */
  optimum: number;
}

/** A binary min-heap of node indexes ordered by their rank in the search order. */
class RankHeap {
  private readonly items: number[] = [];
  constructor(private readonly rank: Int32Array) {}
  get size() {
    return this.items.length;
  }
  push(x: number) {
    const a = this.items;
    let i = a.push(x) - 1;
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (this.rank[a[p]!]! <= this.rank[x]!) break;
      a[i] = a[p]!;
      i = p;
    }
    a[i] = x;
  }
  pop(): number {
    const a = this.items;
    const top = a[0]!;
    const last = a.pop()!;
    if (a.length === 0) return top;
    let i = 0;
    for (;;) {
      let c = 2 * i + 1;
      if (c >= a.length) break;
      if (c + 1 < a.length && this.rank[a[c + 1]!]! < this.rank[a[c]!]!) c++;
      if (this.rank[a[c]!]! >= this.rank[last]!) break;
      a[i] = a[c]!;
      i = c;
    }
    a[i] = last;
    return top;
  }
}

/**
 * Flash (Kohlmayer, Prasser, Eckert, Kemper, Kuhn 2012, "Flash: Efficient, Stable and Optimal
 * K-Anonymity", Algorithm 1): nodes are visited level by level; from each untagged node a path climbs
 * greedily (cheapest successor first), is checked by binary search, and non-anonymous nodes on it are
 * expanded through a heap. A check tags by monotonicity: an anonymous node's successors are anonymous, a
 * non-anonymous node's predecessors are not, so most nodes are never checked.
 */
class Flash {
  readonly state: Uint8Array;
  readonly evals = new Map<number, NodeEval>();
  private readonly heap: RankHeap;
  private readonly queued: Uint8Array;

  constructor(
    private readonly lat: Lattice,
    private readonly ev: Evaluator,
    private readonly rank: Int32Array,
    private readonly monotone: boolean,
  ) {
    this.state = new Uint8Array(lat.size);
    this.queued = new Uint8Array(lat.size);
    this.heap = new RankHeap(rank);
  }

  run(order: number[]) {
    for (const node of order) {
      if (this.state[node] !== UNKNOWN) continue;
      this.checkPath(this.findPath(node));
      // without monotonicity a binary search may leave the path's start unclassified
      if (this.state[node] === UNKNOWN) this.check(node);
      while (this.heap.size > 0)
        for (const up of this.successors(this.heap.pop()))
          if (this.state[up] === UNKNOWN) this.checkPath(this.findPath(up));
    }
  }

  private successors(node: number): number[] {
    return this.lat.successors(node).sort((a, b) => this.rank[a]! - this.rank[b]!);
  }

  private findPath(node: number): number[] {
    const path = [node];
    for (;;) {
      const next = this.successors(path[path.length - 1]!).find((up) => this.state[up] === UNKNOWN);
      if (next === undefined) return path;
      path.push(next);
    }
  }

  private checkPath(path: number[]) {
    let low = 0;
    let high = path.length - 1;
    while (low <= high) {
      const mid = (low + high) >> 1;
      const node = path[mid]!;
      if (this.state[node] === UNKNOWN) this.check(node);
      if (this.state[node] === ANONYMOUS) high = mid - 1;
      else {
        if (!this.queued[node]) this.heap.push(node);
        this.queued[node] = 1;
        low = mid + 1;
      }
    }
  }

  check(node: number): NodeEval {
    const e = this.ev.evaluate(this.lat.levelsOf(node));
    this.evals.set(node, e);
    if (e.anonymous) {
      if (this.monotone) this.tag(node, ANONYMOUS, (x) => this.lat.successors(x));
      else this.state[node] = ANONYMOUS;
    } else if (e.monotoneFail) this.tag(node, NOT_CONE, (x) => this.lat.predecessors(x));
    else this.state[node] = NOT_HERE;
    return e;
  }

  /** Predictive tagging: the whole cone above (or below) the node takes its tag. */
  private tag(node: number, tag: number, next: (x: number) => number[]) {
    this.state[node] = tag;
    const stack = [node];
    while (stack.length > 0)
      for (const x of next(stack.pop()!))
        if (this.state[x] !== tag) {
          this.state[x] = tag;
          stack.push(x);
        }
  }
}

/** The search order: by height, then by the metric's lower bound, then by index. */
function searchOrder(lat: Lattice, bound: Float64Array) {
  const order = Array.from({ length: lat.size }, (_, i) => i).sort(
    (a, b) => lat.levelSum[a]! - lat.levelSum[b]! || bound[a]! - bound[b]! || a - b,
  );
  const rank = new Int32Array(lat.size);
  order.forEach((node, i) => (rank[node] = i));
  return { order, rank };
}

/**
 * The optimum among anonymous nodes, taken in order of their lower bound: a node whose bound is not below
 * the best loss found cannot beat it. Without suppression the bound is exact and the first candidate wins;
 * with suppression the metric is not monotone (suppressed rows cost most), so a few more nodes are checked.
 */
function pickOptimum(flash: Flash, bound: Float64Array): number {
  let best = -1;
  let bestLoss = Infinity;
  const consider = (node: number, loss: number) => {
    if (loss < bestLoss - EPS || (Math.abs(loss - bestLoss) <= EPS && node < best))
      [best, bestLoss] = [node, loss];
  };
  for (const [node, e] of flash.evals) if (e.anonymous) consider(node, e.loss);
  const candidates: number[] = [];
  flash.state.forEach((s, node) => s === ANONYMOUS && candidates.push(node));
  candidates.sort((a, b) => bound[a]! - bound[b]! || a - b);
  for (const node of candidates) {
    if (bound[node]! >= bestLoss - EPS) break;
    consider(node, (flash.evals.get(node) ?? flash.check(node)).loss);
  }
  return best;
}

/** Flash with predictive tagging and rollup, or (`exhaustive`) every node checked: the baseline. */
export function searchLattice(
  lat: Lattice,
  ev: Evaluator,
  bound: Float64Array,
  monotone: boolean,
  exhaustive: boolean,
): SearchOutcome {
  const { order, rank } = searchOrder(lat, bound);
  const flash = new Flash(lat, ev, rank, monotone && !exhaustive);
  if (exhaustive) for (const node of order) flash.check(node);
  else flash.run(order);
  return { state: flash.state, evals: flash.evals, optimum: pickOptimum(flash, bound) };
}

/** The anonymous nodes with no anonymous predecessor. */
export function minimalAnonymous(lat: Lattice, state: Uint8Array): number[] {
  const out: number[] = [];
  state.forEach((s, node) => {
    if (s === ANONYMOUS && lat.predecessors(node).every((p) => state[p] !== ANONYMOUS)) out.push(node);
  });
  return out;
}
