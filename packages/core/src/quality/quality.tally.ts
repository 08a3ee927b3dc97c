import { detach, type Cell, type RowValues } from '../tabular/index.js';
import type { BatchColumns } from './quality.columns.js';
import type { QualityExample } from './quality.types.js';

/** Violations a report shows per rule: enough to find the pattern, too few to leak a table. */
const MAX_EXAMPLES = 5;

const kept = (v: Cell | undefined): Cell => (typeof v === 'string' ? detach(v) : (v ?? null));

/** X = A/B of one rule (GB/T 36344-2018): what it checked, what failed, and the first violations, unmasked. */
export class Tally {
  checked = 0;
  failed = 0;
  readonly examples: QualityExample[] = [];

  /**
   * @param at the column indexes an example shows
   * @param names their names, in the same order
   */
  constructor(
    private readonly at: readonly number[],
    private readonly names: readonly string[],
  ) {}

  pass(): void {
    this.checked++;
  }

  /** Counts `n` checks that held. */
  passes(n: number): void {
    this.checked += n;
  }

  /** Counts a violation; the first few keep their row and cells (copied: a batch's strings pin its chunk). */
  fail(values: RowValues, row: number, note?: string): void {
    this.count(row, note, () => {
      const shown: QualityExample['values'] = {};
      this.at.forEach((c, i) => (shown[this.names[i]!] = kept(values[c])));
      return shown;
    });
  }

  /** Counts a violation of one cell; its example shows that cell only. */
  failCell(values: RowValues, row: number, column: number): void {
    this.count(row, undefined, () => ({ [this.names[this.at.indexOf(column)]!]: kept(values[column]) }));
  }

  /** Counts a violation of the table as a whole (it stopped parsing, it holds no date): no row, no cells. */
  failTable(note: string): void {
    this.count(null, note, () => ({}));
  }

  private count(row: number | null, note: string | undefined, shown: () => QualityExample['values']): void {
    this.checked++;
    this.failed++;
    if (this.examples.length >= MAX_EXAMPLES) return;
    this.examples.push(note === undefined ? { row, values: shown() } : { row, values: shown(), note });
  }
}

/** What a rule's check needs from the table and the caller. */
export interface CheckContext {
  /** The indexes of the rule's columns in the table, and their names. */
  at: number[];
  names: string[];
  /** `freshness`: the day it is measured at, `YYYY-MM-DD`. */
  asOf: string;
  /** `reference` with a `file`: the values the caller read from it. */
  reference?: readonly string[];
}

/** Why reading stopped early, as the reader said it (naming the line it stopped at). */
export interface ReadFailure {
  note: string;
}

/**
 * One rule's check: fed every batch of rows in order (`first` the number of its first row, 1-based), then told
 * whether the table was read to its end. A batch at a time, so that each rule runs its own tight loop over
 * the columns it reads, worked out once for all rules.
 */
export interface Check {
  readonly tally: Tally;
  add(batch: BatchColumns, first: number): void;
  finish?(failure: ReadFailure | null): void;
}

/** A check that judges a row at a time (in order: some look back at the row before). */
export function rowCheck(
  tally: Tally,
  each: (values: RowValues, row: number) => void,
  finish?: Check['finish'],
): Check {
  return {
    tally,
    add({ rows }, first) {
      for (let r = 0; r < rows.length; r++) each(rows[r]!, first + r);
    },
    finish,
  };
}
