import type { Cell } from '../../tabular/index.js';
import { ColumnMarks, anchorText, markableHalf, numberOf, unitsOf, type Slot } from './fingerprint.marks.js';
import type { FingerprintPlan, Table } from './fingerprint.types.js';

export const DEFAULT_GAMMA = 2;
export const DEFAULT_MAX_RELATIVE_CHANGE = 0.05;
/** Fewer distinct values than this and a numeric column is read as a coded category (sex 0/1, a grade). */
const MIN_DISTINCT = 20;
const MAX_DECIMALS = 6;
/** Names of numbers whose every digit is meaning: identifiers, codes, phone numbers, years. */
const IDENTIFIER_NAME =
  /(^|[_\s.-])(id|no|num|code|key|zip|postcode|phone|mobile|tel|year)$|^[a-z]{0,3}id$|编号|代码|号码|邮编|年份|年度|电话|手机/i;

export interface PlanOptions {
  /** About 1 in `gamma` cells of a marked column carries a bit (default 2). */
  gamma?: number;
  /** Leave a cell alone where one unit is more than this fraction of it (default 0.05). */
  maxRelativeChange?: number;
  /** The columns to mark, when the catalogue knows better than the shape of the values. */
  marked?: string[];
}

const decimalsOf = (cell: Cell): number => {
  const s = typeof cell === 'number' ? String(cell) : String(cell).trim();
  const dot = s.indexOf('.');
  return dot < 0 || /e/i.test(s) ? 0 : s.length - dot - 1;
};

/** Why a column may carry marks: every value a number, not an identifier, not a coded category. */
function markableColumn(name: string, values: Cell[]): { decimals: number } | null {
  if (IDENTIFIER_NAME.test(name)) return null;
  const distinct = new Set<number>();
  let decimals = 0;
  let present = 0;
  for (const cell of values) {
    if (cell === null || cell === '') continue;
    const v = numberOf(cell);
    if (v === null) return null;
    present++;
    distinct.add(v);
    decimals = Math.max(decimals, decimalsOf(cell));
  }
  if (distinct.size < MIN_DISTINCT) return null;
  // whole numbers that never repeat are row numbers or identifiers, whatever their column is called
  if (decimals === 0 && distinct.size === present) return null;
  return { decimals: Math.min(decimals, MAX_DECIMALS) };
}

/** The plan of a derivative: which columns carry marks (and their unit) and which anchor them. */
export function planFingerprint(table: Table, opts: PlanOptions = {}): FingerprintPlan {
  const marked = table.columns.flatMap((name, i) => {
    if (opts.marked && !opts.marked.includes(name)) return [];
    const m = markableColumn(
      name,
      table.rows.map((r) => r[i] ?? null),
    );
    return m ? [{ name, decimals: m.decimals }] : [];
  });
  const names = new Set(marked.map((m) => m.name));
  const others = table.columns.filter((c) => !names.has(c));
  return {
    version: 1,
    marked,
    anchors: anchorColumns(table, others),
    gamma: opts.gamma ?? DEFAULT_GAMMA,
    maxRelativeChange: opts.maxRelativeChange ?? DEFAULT_MAX_RELATIVE_CHANGE,
  };
}

/** An anchor splits the rows at least this many ways (measured on Adult: binary columns cost more than they give). */
const MIN_ANCHOR_DISTINCT = 3;

/**
 * The columns that tie marked cells to their rows. A column of few values (sex, a yes/no) would tie a cell to
 * a group of thousands of rows that all carry the same one bit: it spends many changed cells on little
 * evidence, so it anchors nothing unless nothing else can.
 */
function anchorColumns(table: Table, names: string[]): string[] {
  const rich = names.filter((name) => {
    const i = table.columns.indexOf(name);
    const distinct = new Set<string>();
    for (const row of table.rows) {
      distinct.add(anchorText(row[i] ?? null));
      if (distinct.size >= MIN_ANCHOR_DISTINCT) return true;
    }
    return false;
  });
  return rich.length >= 2 ? rich : names;
}

/** One cell that can carry a bit: where it is, its value in units, and the slot its anchors give it. */
export interface MarkCell {
  row: number;
  column: number;
  decimals: number;
  units: number;
  half: number;
  slot: Exclude<Slot, null>;
}

/**
 * Every cell of the table's marked columns that carries a bit under the plan, in row order. Columns of the plan
 * missing from the table are skipped (a marked one carries nothing, an anchor decides nothing).
 */
export function* markCells(table: Table, plan: FingerprintPlan, key: Uint8Array): Generator<MarkCell> {
  const at = new Map(table.columns.map((c, i) => [c, i]));
  const halfOf = new Map(plan.marked.map((m) => [m.name, m.decimals]));
  const columns = plan.marked.flatMap((m) => {
    const column = at.get(m.name);
    return column === undefined
      ? []
      : [{ column, decimals: m.decimals, marks: new ColumnMarks(key, m, plan) }];
  });
  for (let row = 0; row < table.rows.length; row++) {
    const cells = table.rows[row]!;
    for (const c of columns) {
      const units = unitsOf(cells[c.column] ?? null, c.decimals);
      const half = units === null ? null : markableHalf(units, plan.maxRelativeChange);
      if (half === null) continue;
      const owner = c.marks.owner(half);
      const anchor = owner === undefined ? undefined : at.get(owner);
      if (anchor === undefined) continue;
      const slot = c.marks.slot(half, anchorValue(cells[anchor] ?? null, halfOf.get(owner!)));
      if (slot) yield { row, column: c.column, decimals: c.decimals, units: units!, half, slot };
    }
  }
}

/** An anchor's value; a marked column anchors another through its half-value, which marking keeps. */
function anchorValue(cell: Cell, decimals: number | undefined): string {
  if (decimals === undefined) return anchorText(cell);
  const n = unitsOf(cell, decimals);
  return n === null ? anchorText(cell) : `½${Math.floor(n / 2)}`;
}
