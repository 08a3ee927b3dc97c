/**
 * Equivalence classes of a transformation, computed by rollup: the classes of a node are the classes of any
 * node below it merged by their generalized tuple (ARX's "rollup", Kohlmayer et al. 2012 §4.3), which holds
 * because every hierarchy is a tree. A generalized tuple is keyed by one integer (mixed radix over the
 * levels' cardinalities) in an open-addressing table, with a string key only when the radix passes 2^53.
 */

/** Classes as parallel arrays: one representative row, the row count and the sensitive histogram. */
export interface ClassSet {
  size: number;
  /** A row of the class: every row of it generalizes to the same tuple at this node and above. */
  rep: Int32Array;
  count: Int32Array;
  /** size × sensitive values, row-major; null when no criterion reads the sensitive attribute. */
  hist: Int32Array | null;
}

/** The data the grouping reads: leaf codes per quasi-identifier and row, the hierarchies as tables. */
export interface Domain {
  codes: Int32Array[];
  gen: Int32Array[][];
  cards: number[][];
  /** Sensitive code per row, and the number of sensitive values (0 without a sensitive criterion). */
  sens: Int32Array | null;
  sensValues: number;
}

const EXACT = 2 ** 53;

/** Spreads a key of up to 53 bits over the table (murmur3's finalizer on both halves). */
function slotOf(key: number): number {
  let h = Math.imul((key >>> 0) ^ Math.imul((key / 4294967296) >>> 0, 0x85ebca6b), 0x9e3779b1);
  h ^= h >>> 15;
  h = Math.imul(h, 0xc2b2ae35);
  return h ^ (h >>> 13);
}

/** Keys column by column (a tight loop per column), each level's id weighted by its radix. */
function tupleKeys(base: ClassSet, maps: Int32Array[], mult: number[], codes: Int32Array[]): Float64Array {
  const keys = new Float64Array(base.size);
  const rep = base.rep;
  maps.forEach((map, j) => {
    const weighted = Float64Array.from(map, (id) => id * mult[j]!);
    const col = codes[j]!;
    for (let c = 0; c < base.size; c++) keys[c]! += weighted[col[rep[c]!]!]!;
  });
  return keys;
}

function numericIds(base: ClassSet, maps: Int32Array[], mult: number[], codes: Int32Array[]) {
  let cap = 16;
  while (cap < base.size * 2) cap *= 2;
  const mask = cap - 1;
  const table = new Float64Array(cap);
  const slots = new Int32Array(cap).fill(-1);
  const keys = tupleKeys(base, maps, mult, codes);
  const ids = new Int32Array(base.size);
  let size = 0;
  for (let c = 0; c < base.size; c++) {
    const key = keys[c]!;
    let s = slotOf(key) & mask;
    while (slots[s] !== -1 && table[s] !== key) s = (s + 1) & mask;
    if (slots[s] === -1) {
      slots[s] = size++;
      table[s] = key;
    }
    ids[c] = slots[s]!;
  }
  return { ids, size };
}

function stringIds(base: ClassSet, maps: Int32Array[], codes: Int32Array[]) {
  const seen = new Map<string, number>();
  const ids = new Int32Array(base.size);
  for (let c = 0; c < base.size; c++) {
    const r = base.rep[c]!;
    const key = maps.map((m, j) => m[codes[j]![r]!]).join(',');
    let id = seen.get(key);
    if (id === undefined) seen.set(key, (id = seen.size));
    ids[c] = id;
  }
  return { ids, size: seen.size };
}

function accumulate(base: ClassSet, ids: Int32Array, size: number, d: Domain): ClassSet {
  const rep = new Int32Array(size).fill(-1);
  const count = new Int32Array(size);
  const m = d.sensValues;
  const hist = m > 0 ? new Int32Array(size * m) : null;
  for (let c = 0; c < base.size; c++) {
    const id = ids[c]!;
    if (rep[id] === -1) rep[id] = base.rep[c]!;
    count[id]! += base.count[c]!;
    if (!hist) continue;
    if (base.hist) for (let s = 0; s < m; s++) hist[id * m + s]! += base.hist[c * m + s]!;
    else hist[id * m + d.sens![base.rep[c]!]!]! += base.count[c]!;
  }
  return { size, rep, count, hist };
}

/**
 * The classes at `levels` from the classes of a node at or below them; `ids` maps each base class to its
 * class here (the output uses it to place rows).
 */
export function rollup(base: ClassSet, levels: number[], d: Domain): { set: ClassSet; ids: Int32Array } {
  const maps = levels.map((l, j) => d.gen[j]![l]!);
  let span = 1;
  const mult = levels.map((l, j) => {
    const m = span;
    span *= d.cards[j]![l]!;
    return m;
  });
  const { ids, size } =
    span <= EXACT ? numericIds(base, maps, mult, d.codes) : stringIds(base, maps, d.codes);
  return { set: accumulate(base, ids, size, d), ids };
}

/** Every row its own class: the start of the first grouping. */
export function rowClasses(n: number): ClassSet {
  return {
    size: n,
    rep: Int32Array.from({ length: n }, (_, i) => i),
    count: new Int32Array(n).fill(1),
    hist: null,
  };
}
