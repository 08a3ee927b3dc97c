import { rollup, rowClasses, type ClassSet, type Domain } from './anonymize.classes.js';
import { HierarchyError } from './anonymize.errors.js';
import { encodeHierarchy, intervalRows, type EncodedHierarchy } from './anonymize.hierarchy.js';
import type { LossMetric, QuasiIdentifier } from './anonymize.types.js';

/** The table as integers, with what the metrics need per level: cell costs and their averages. */
export interface Encoded extends Domain {
  n: number;
  hierarchies: EncodedHierarchy[];
  /** The classes at the bottom node (distinct tuples): every other node rolls up from them. */
  bottom: ClassSet;
  /** The bottom class of each row, to place rows in the classes of the chosen node. */
  rowClass: Int32Array;
  /** cost[metric][qi][level][leaf] in 0..1. */
  cost: Record<LossMetric, Float64Array[][]>;
  /** avg[metric][qi][level]: the mean cost over all rows, so the bound of a node is a sum of lookups. */
  avg: Record<LossMetric, Float64Array[]>;
}

export interface SensitiveCodes {
  values: string[];
  codes: Int32Array;
}

function hierarchyFor(qi: QuasiIdentifier, rows: string[][], col: number): EncodedHierarchy {
  const h = qi.hierarchy;
  if (h.kind === 'intervals')
    return encodeHierarchy(
      qi.column,
      intervalRows(
        qi.column,
        rows.map((r) => r[col]!),
        h.bands,
      ),
    );
  return encodeHierarchy(qi.column, h.rows);
}

function leafCodes(h: EncodedHierarchy, rows: string[][], col: number): Int32Array {
  const codes = new Int32Array(rows.length);
  rows.forEach((row, i) => {
    const code = h.leafCode.get(row[col]!);
    if (code === undefined)
      throw new HierarchyError(
        h.column,
        `value "${row[col]}" of column "${h.column}" (row ${i + 1}) is not in its hierarchy`,
        row[col],
      );
    codes[i] = code;
  });
  return codes;
}

/** Sweeney's Prec per cell: the level over the height, the same for every leaf. */
function precisionCost(h: EncodedHierarchy): Float64Array[] {
  const top = h.height - 1;
  return h.gen.map((_, level) => new Float64Array(h.gen[0]!.length).fill(top === 0 ? 0 : level / top));
}

function averages(cost: Float64Array[][], bottom: ClassSet, codes: Int32Array[], n: number): Float64Array[] {
  return cost.map((levels, j) =>
    Float64Array.from(levels, (perLeaf) => {
      let sum = 0;
      for (let c = 0; c < bottom.size; c++) sum += bottom.count[c]! * perLeaf[codes[j]![bottom.rep[c]!]!]!;
      return sum / n;
    }),
  );
}

/** Encodes the quasi-identifiers (refusing a value its hierarchy lacks) and groups the distinct tuples. */
export function encodeTable(
  rows: string[][],
  columns: number[],
  qis: QuasiIdentifier[],
  sensitive: SensitiveCodes | null,
): Encoded {
  const hierarchies = qis.map((qi, j) => hierarchyFor(qi, rows, columns[j]!));
  const codes = hierarchies.map((h, j) => leafCodes(h, rows, columns[j]!));
  const domain: Domain = {
    codes,
    gen: hierarchies.map((h) => h.gen),
    cards: hierarchies.map((h) => h.cards),
    sens: sensitive?.codes ?? null,
    sensValues: sensitive?.values.length ?? 0,
  };
  const n = rows.length;
  const { set: bottom, ids: rowClass } = rollup(rowClasses(n), new Array<number>(qis.length).fill(0), domain);
  const cost = { loss: hierarchies.map((h) => h.lossCost), precision: hierarchies.map(precisionCost) };
  const avg = {
    loss: averages(cost.loss, bottom, codes, n),
    precision: averages(cost.precision, bottom, codes, n),
  };
  return { ...domain, n, hierarchies, bottom, rowClass, cost, avg };
}

/** Codes of the sensitive column, in order of first appearance. */
export function encodeSensitive(rows: string[][], col: number): SensitiveCodes {
  const ids = new Map<string, number>();
  const codes = new Int32Array(rows.length);
  rows.forEach((row, i) => {
    const v = row[col]!;
    let id = ids.get(v);
    if (id === undefined) ids.set(v, (id = ids.size));
    codes[i] = id;
  });
  return { values: [...ids.keys()], codes };
}
