import { AnonymizeSpec, type ColumnType, type HierarchySpec } from '@shuliu/contracts';

/*
 * The anonymized-export wizard's values and how they become the API's AnonymizeSpec: interval bands typed as
 * "50, 100, 200", table hierarchies pasted in ARX's form (`value;level1;…;*`), each checked in the browser so
 * a wrong line is named before anything is sent.
 */

export type HierarchyKind = HierarchySpec['kind'];

export interface HierarchyValues {
  kind: HierarchyKind;
  bands?: string;
  table?: string;
}

export interface AnonymizeValues {
  qis: string[];
  h: Record<string, HierarchyValues>;
  sensitive?: string;
  l?: number | null;
  lVariant: 'distinct' | 'entropy';
  t?: number | null;
  tDistance: 'equal' | 'ordered';
  k: number;
  /** The suppression limit in per cent, 0–50. */
  suppression: number;
  metric: 'loss' | 'precision';
  keep?: string[];
  title: string;
  purpose?: string;
  contractNo?: string;
}

export const MAX_QIS = 10;
const MAX_BANDS = 12;
const MAX_LEVELS = 12;
const MAX_TABLE_ROWS = 5000;
const MAX_CELL = 100;

export const isNumeric = (type: ColumnType) => type === 'integer' || type === 'number';

/** Numeric columns generalize by interval bands by default, every other column by a table. */
export const defaultKind = (type: ColumnType): HierarchyKind => (isNumeric(type) ? 'intervals' : 'table');

export type BandsProblem =
  | { problem: 'count' }
  | { problem: 'number'; token: string }
  | { problem: 'multiple'; width: number; previous: number };

/** "50, 100, 200" → [50, 100, 200]: positive widths, each a whole multiple (≥ 2×) of the one before. */
export function parseBands(text: string): { bands: number[] } | BandsProblem {
  const tokens = text.split(/[\s,，;；]+/).filter(Boolean);
  if (tokens.length === 0 || tokens.length > MAX_BANDS) return { problem: 'count' };
  const bands: number[] = [];
  for (const token of tokens) {
    const n = Number(token);
    if (!Number.isFinite(n) || n <= 0 || n > 1e12) return { problem: 'number', token };
    const previous = bands.at(-1);
    if (previous !== undefined) {
      const ratio = n / previous;
      if (ratio < 2 || Math.abs(ratio - Math.round(ratio)) > 1e-9)
        return { problem: 'multiple', width: n, previous };
    }
    bands.push(n);
  }
  return { bands };
}

export type TableProblem =
  | { problem: 'empty' }
  | { problem: 'tooMany' }
  | { problem: 'fields'; line: number; count: number }
  | { problem: 'mismatch'; line: number; count: number; expected: number; first: number }
  | { problem: 'cell'; line: number }
  | { problem: 'duplicate'; line: number; value: string }
  | { problem: 'tree'; line: number; value: string; level: number; parents: [string, string] };

/**
 * ARX's hierarchy lines, `value;level1;…;*`: every line with the same number of fields (2–12), no empty or
 * over-long field, each value once, and a tree (a generalized value has one parent, as the agent requires).
 * Lines are numbered as typed, blank ones skipped.
 */
export function parseTable(text: string): { rows: string[][] } | TableProblem {
  const rows: string[][] = [];
  const seen = new Set<string>();
  const parents: Map<string, string>[] = [];
  let first = 0;
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  for (const [i, raw] of lines.entries()) {
    if (raw.trim() === '') continue;
    const line = i + 1;
    const cells = raw.split(';').map((c) => c.trim());
    if (cells.length < 2 || cells.length > MAX_LEVELS)
      return { problem: 'fields', line, count: cells.length };
    if (rows.length === 0) first = line;
    const expected = rows[0]?.length;
    if (expected !== undefined && cells.length !== expected)
      return { problem: 'mismatch', line, count: cells.length, expected, first };
    if (cells.some((c) => c === '' || c.length > MAX_CELL)) return { problem: 'cell', line };
    if (seen.has(cells[0]!)) return { problem: 'duplicate', line, value: cells[0]! };
    seen.add(cells[0]!);
    const conflict = treeConflict(parents, cells);
    if (conflict) return { problem: 'tree', line, ...conflict };
    rows.push(cells);
  }
  if (rows.length === 0) return { problem: 'empty' };
  if (rows.length > MAX_TABLE_ROWS) return { problem: 'tooMany' };
  return { rows };
}

/** A generalized value (level ≥ 1) already seen under another parent: the hierarchy would not be a tree. */
function treeConflict(parents: Map<string, string>[], cells: string[]) {
  for (let level = 1; level + 1 < cells.length; level++) {
    const seen = (parents[level] ??= new Map());
    const value = cells[level]!;
    const parent = cells[level + 1]!;
    const before = seen.get(value);
    if (before === undefined) seen.set(value, parent);
    else if (before !== parent) return { value, level, parents: [before, parent] as [string, string] };
  }
  return undefined;
}

/** The levels a hierarchy has: the value itself, each band, and `*`; or a table's fields. */
export function hierarchyHeight(h: HierarchySpec): number {
  return h.kind === 'intervals' ? h.bands.length + 2 : (h.rows[0]?.length ?? 0);
}

/** How one value climbs interval bands, as the contract describes: 37 → 35-39 → 30-39 → 20-39 → *. */
export function bandChain(value: number, bands: readonly number[]): string[] {
  const integral = Number.isInteger(value) && bands.every(Number.isInteger);
  const steps = bands.map((b) => {
    const lo = Math.floor(value / b) * b;
    return integral ? `${lo}-${lo + b - 1}` : `[${lo},${lo + b})`;
  });
  return [String(value), ...steps, '*'];
}

/** The wizard's hierarchy for one column as the API takes it, or undefined while it does not parse. */
export function hierarchyOf(v: HierarchyValues | undefined): HierarchySpec | undefined {
  if (!v) return undefined;
  if (v.kind === 'intervals') {
    const r = parseBands(v.bands ?? '');
    return 'bands' in r ? { kind: 'intervals', bands: r.bands } : undefined;
  }
  const r = parseTable(v.table ?? '');
  return 'rows' in r ? { kind: 'table', rows: r.rows } : undefined;
}

/** The wizard's values as the API's AnonymizeSpec, checked with the API's own schema. */
export function toSpec(v: AnonymizeValues) {
  const sensitive = v.sensitive || undefined;
  const spec = {
    title: v.title,
    quasiIdentifiers: v.qis.map((column) => ({ column, hierarchy: hierarchyOf(v.h[column]) })),
    ...(sensitive && { sensitive }),
    keep: (v.keep ?? []).filter((c) => !v.qis.includes(c) && c !== sensitive),
    k: v.k,
    ...(sensitive && v.l != null && { l: v.l, lVariant: v.lVariant }),
    ...(sensitive && v.t != null && { t: v.t, tDistance: v.tDistance }),
    suppressionLimit: Math.round(v.suppression * 100) / 10_000,
    metric: v.metric,
  };
  return AnonymizeSpec.safeParse(spec);
}
