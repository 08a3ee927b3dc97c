import { HierarchyError } from './anonymize.errors.js';
import type { HierarchySpec } from './anonymize.types.js';

/**
 * One quasi-identifier's hierarchy as integers: each leaf (level-0 value) has a code, each level maps a leaf
 * code to a dense id of the generalized value there, so a transformation is a table lookup per cell.
 */
export interface EncodedHierarchy {
  column: string;
  /** Number of levels, level 0 being the value itself. */
  height: number;
  leafCode: Map<string, number>;
  /** gen[level][leaf] = id of the leaf's generalization at that level. */
  gen: Int32Array[];
  /** labels[level][id] = the generalized value as written in the hierarchy. */
  labels: string[][];
  /** cards[level] = distinct values at that level. */
  cards: number[];
  /** Iyengar (2002): (leaves under the generalized value − 1) / (leaves − 1), per level and leaf. */
  lossCost: Float64Array[];
}

/** Reads an ARX hierarchy file: one row per value, levels separated by `;` (blank lines skipped). */
export function parseHierarchyCsv(text: string, delimiter = ';'): HierarchySpec {
  const rows = text
    .replace(/^\uFEFF/, '')
    .split('\n')
    .map((line) => line.replace(/\r$/, ''))
    .filter((line) => line.trim() !== '')
    .map((line) => line.split(delimiter));
  return { kind: 'table', rows };
}

/** An interval hierarchy from declared band widths, e.g. `[5, 10, 20]` for age; `*` on top. */
export function intervalHierarchy(bands: number[]): HierarchySpec {
  checkBands(bands);
  return { kind: 'intervals', bands: [...bands] };
}

function checkBands(bands: unknown): asserts bands is number[] {
  if (!Array.isArray(bands) || bands.length === 0)
    throw new TypeError('bands: give at least one band width, e.g. [5, 10, 20]');
  bands.forEach((w, i) => {
    if (typeof w !== 'number' || !Number.isFinite(w) || w <= 0)
      throw new RangeError(`bands[${i}]: ${String(w)} is not a positive width`);
  });
  const problem = bandsProblem(bands as number[]);
  if (problem) throw new RangeError(problem);
}

/**
 * Why positive band widths do not make a hierarchy, or null: each must be a larger multiple of the one before,
 * so that a band sits inside one band of the next level and the hierarchy is a tree.
 */
export function bandsProblem(bands: readonly number[]): string | null {
  for (let i = 1; i < bands.length; i++) {
    const [prev, w] = [bands[i - 1]!, bands[i]!];
    if (w <= prev || Math.abs(w / prev - Math.round(w / prev)) > 1e-9)
      return `bands[${i}]: ${w} is not a larger multiple of ${prev}`;
  }
  return null;
}

/** The rows of an interval hierarchy for the given values of a column (`lo-hi` when all are integers). */
export function intervalRows(column: string, values: Iterable<string>, bands: number[]): string[][] {
  checkBands(bands);
  const distinct = [...new Set(values)];
  const numbers = distinct.map((v) => {
    const x = v.trim() === '' ? NaN : Number(v);
    if (!Number.isFinite(x))
      throw new HierarchyError(column, `value "${v}" of column "${column}" is not a number`, v);
    return x;
  });
  const integral = numbers.every(Number.isInteger) && bands.every(Number.isInteger);
  return distinct.map((v, i) => {
    const x = numbers[i]!;
    const levels = bands.map((w) => {
      const lo = Math.floor(x / w) * w;
      return integral ? `${lo}-${lo + w - 1}` : `[${lo},${lo + w})`;
    });
    return [v, ...levels, '*'];
  });
}

function checkShape(column: string, rows: string[][]): number {
  if (!Array.isArray(rows) || rows.length === 0)
    throw new HierarchyError(column, `the hierarchy of column "${column}" has no rows`);
  const height = rows[0]!.length;
  rows.forEach((row, i) => {
    if (row.length !== height)
      throw new HierarchyError(
        column,
        `the hierarchy of column "${column}": row ${i + 1} ("${row[0]}") has ${row.length} levels, row 1 has ${height}`,
        row[0],
      );
    if (row.some((cell) => typeof cell !== 'string' || cell === ''))
      throw new HierarchyError(
        column,
        `the hierarchy of column "${column}": row ${i + 1} has an empty cell`,
        row[0],
      );
  });
  return height;
}

/** Dense ids per level, refusing a leaf listed twice. */
function levelIds(column: string, rows: string[][], height: number) {
  const gen: Int32Array[] = [];
  const labels: string[][] = [];
  for (let level = 0; level < height; level++) {
    const ids = new Map<string, number>();
    const map = new Int32Array(rows.length);
    rows.forEach((row, leaf) => {
      const label = row[level]!;
      let id = ids.get(label);
      if (id === undefined) ids.set(label, (id = ids.size));
      else if (level === 0)
        throw new HierarchyError(column, `the hierarchy of column "${column}" lists "${label}" twice`, label);
      map[leaf] = id;
    });
    gen.push(map);
    labels.push([...ids.keys()]);
  }
  return { gen, labels };
}

/** Every generalized value has one parent: rollup and the monotonicity of the search rely on it. */
function checkTree(column: string, gen: Int32Array[], labels: string[][]) {
  for (let level = 1; level + 1 < gen.length; level++) {
    const parent = new Int32Array(labels[level]!.length).fill(-1);
    for (let leaf = 0; leaf < gen[level]!.length; leaf++) {
      const id = gen[level]![leaf]!;
      const up = gen[level + 1]![leaf]!;
      if (parent[id] === -1) parent[id] = up;
      else if (parent[id] !== up) {
        const value = labels[level]![id]!;
        const [a, b] = [labels[level + 1]![parent[id]!], labels[level + 1]![up]];
        throw new HierarchyError(
          column,
          `the hierarchy of column "${column}" is inconsistent: "${value}" at level ${level} generalizes to both "${a}" and "${b}"`,
          value,
        );
      }
    }
  }
}

function lossCosts(gen: Int32Array[], cards: number[]): Float64Array[] {
  const leaves = gen[0]!.length;
  return gen.map((map, level) => {
    const under = new Int32Array(cards[level]!);
    for (const id of map) under[id]!++;
    const cost = new Float64Array(leaves);
    if (leaves > 1)
      for (let leaf = 0; leaf < leaves; leaf++) cost[leaf] = (under[map[leaf]!]! - 1) / (leaves - 1);
    return cost;
  });
}

/** Validates an ARX-style table (same height everywhere, no empty cell, leaves unique, a tree) and encodes it. */
export function encodeHierarchy(column: string, rows: string[][]): EncodedHierarchy {
  const height = checkShape(column, rows);
  const { gen, labels } = levelIds(column, rows, height);
  checkTree(column, gen, labels);
  const cards = labels.map((l) => l.length);
  const leafCode = new Map(rows.map((row, leaf) => [row[0]!, leaf]));
  return { column, height, leafCode, gen, labels, cards, lossCost: lossCosts(gen, cards) };
}
