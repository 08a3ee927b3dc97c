import { DuckDBListValue, type DuckDBValue } from '@duckdb/node-api';

/** Violations a report shows per rule (as quality.tally). */
export const MAX_EXAMPLES = 5;
/** A day in milliseconds. */
export const DAY_MS = 86_400_000;

/** An example before its cells are read: one cell (`cell`, a table column index), the rule's columns, or none. */
export interface RawExample {
  row: number | null;
  cell?: number;
  table?: boolean;
  note?: string;
}
export interface RawTally {
  checked: number;
  failed: number;
  examples: RawExample[];
}

/** What the checks need of each column: its trimmed text, number, day or time. */
export class Needs {
  readonly text = new Set<number>();
  readonly number = new Set<number>();
  readonly day = new Set<number>();
  readonly time = new Set<number>();
  /** Further columns computed from the text (the character codes of a check digit's input), by name. */
  readonly extra = new Map<string, string>();
  t(c: number) {
    this.text.add(c);
    return `t${c}`;
  }
  n(c: number) {
    this.t(c);
    this.number.add(c);
    return `n${c}`;
  }
  d(c: number) {
    this.t(c);
    this.day.add(c);
    return `d${c}`;
  }
  tm(c: number) {
    this.d(c);
    this.time.add(c);
    return `tm${c}`;
  }
  /** A column `name` computed once a row by `sql` from the text columns. */
  x(name: string, sql: string) {
    this.extra.set(name, sql);
    return name;
  }
}

/**
 * A rule's share of the one scan: a failing flag per position (per column for the kinds that judge a value,
 * one for those that judge a row), the aggregates its checked count is read from, and what an example shows.
 */
export interface ScanPart {
  flags: string[];
  checked: string[];
  countChecked: (values: DuckDBValue[], rows: number) => number;
  /** An example shows the failing cell (else the rule's columns). */
  cells: boolean;
}
/** A rule read from one aggregate of the scan (freshness). */
export interface AggregatePart {
  aggregate: string;
  read: (value: DuckDBValue) => RawTally;
}
/** Runs a query, its rows as arrays of DuckDB values. */
export type Query = (sql: string) => Promise<DuckDBValue[][]>;
/** A rule that needs queries of its own (grouping, ordering) over `from`, the derived columns it needs. */
export interface QueryPart {
  run: (query: Query, from: string) => Promise<RawTally>;
}
export type Part =
  { scan: ScanPart } | { aggregate: AggregatePart } | { own: QueryPart } | { fixed: RawTally };

export interface PlanContext {
  at: number[];
  asOf: string;
  /** Today (UTC) as `YYYYMMDD`: an ID number's birth date may not be after it. */
  today: number;
  needs: Needs;
}

export const num = (v: DuckDBValue | undefined): number => (v === null || v === undefined ? 0 : Number(v));
export const list = (v: DuckDBValue | undefined): DuckDBValue[] =>
  v instanceof DuckDBListValue ? [...v.items] : [];
