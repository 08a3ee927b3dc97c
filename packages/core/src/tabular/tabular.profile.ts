import { HyperLogLog } from './tabular.hll.js';
import { detach } from './tabular.source.js';
import type { Cell, RowValues, TabularSource } from './tabular.types.js';

export type ValueType = 'integer' | 'decimal' | 'boolean' | 'date' | 'datetime' | 'string';

export interface ColumnProfile {
  name: string;
  type: ValueType;
  nulls: number;
  nullRate: number;
  distinct: number;
  min: string | number | null;
  max: string | number | null;
}

const INT = 1;
const DEC = 2;
const BOOL = 4;
const DATE = 8;
const DATETIME = 16;
const ALL = INT | DEC | BOOL | DATE | DATETIME;

const DATE_RE = /^(\d{4})[-/](\d{1,2})[-/](\d{1,2})$/;
const DATETIME_RE = /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:?\d{2})?$/;

const isDigit = (c: number) => c >= 48 && c <= 57;

/** INT and/or DEC for a plain decimal number; codes with leading zeros or over 15 digits are text. */
function numberTypes(s: string): number {
  let i = s.charCodeAt(0) === 45 || s.charCodeAt(0) === 43 ? 1 : 0;
  const digits = i;
  while (i < s.length && isDigit(s.charCodeAt(i))) i++;
  const intLen = i - digits;
  if (intLen === 0 || (intLen > 1 && s.charCodeAt(digits) === 48)) return 0;
  if (i === s.length) return intLen <= 15 ? INT | DEC : 0;
  if (s.charCodeAt(i) !== 46) return 0;
  const frac = ++i;
  while (i < s.length && isDigit(s.charCodeAt(i))) i++;
  return i === s.length && i > frac ? DEC : 0;
}

function dateTypes(s: string): number {
  const m = DATE_RE.exec(s);
  if (m)
    return Number(m[2]) >= 1 && Number(m[2]) <= 12 && Number(m[3]) >= 1 && Number(m[3]) <= 31
      ? DATE | DATETIME
      : 0;
  return DATETIME_RE.test(s) ? DATETIME : 0;
}

/** The types a text value can be read as (a bit set; text is always possible). */
export function typesOfText(s: string): number {
  const c = s.charCodeAt(0);
  if (isDigit(c)) {
    const n = numberTypes(s);
    return n || (s.length >= 8 && (s[4] === '-' || s[4] === '/') ? dateTypes(s) : 0);
  }
  if (c === 45 || c === 43) return numberTypes(s);
  const lower = s.length <= 5 ? s.toLowerCase() : '';
  return lower === 'true' || lower === 'false' ? BOOL : 0;
}

const typeOf = (bits: number, seen: boolean): ValueType =>
  !seen
    ? 'string'
    : bits & INT
      ? 'integer'
      : bits & DEC
        ? 'decimal'
        : bits & BOOL
          ? 'boolean'
          : bits & DATE
            ? 'date'
            : bits & DATETIME
              ? 'datetime'
              : 'string';

/** One column's streaming profile: type, nulls, distinct estimate, min and max, in constant memory. */
export class ColumnProfiler {
  nulls = 0;
  count = 0;
  private bits = ALL;
  private numMin = Infinity;
  private numMax = -Infinity;
  private strMin: string | undefined;
  private strMax: string | undefined;
  private readonly distinct = new HyperLogLog();

  constructor(readonly name: string) {}

  add(v: Cell): void {
    this.count++;
    if (v === null || v === '') return void this.nulls++;
    const s = typeof v === 'string' ? v : String(v);
    if (this.bits)
      this.bits &=
        typeof v === 'string'
          ? typesOfText(v)
          : typeof v === 'number'
            ? Number.isInteger(v)
              ? INT | DEC
              : DEC
            : BOOL;
    if (this.bits & DEC) {
      const n = typeof v === 'number' ? v : Number(v);
      if (n < this.numMin) this.numMin = n;
      if (n > this.numMax) this.numMax = n;
    }
    if (this.strMin === undefined || s < this.strMin) this.strMin = detach(s);
    if (this.strMax === undefined || s > this.strMax) this.strMax = detach(s);
    this.distinct.add(s);
  }

  result(): ColumnProfile {
    const type = typeOf(this.bits, this.count > this.nulls);
    const numeric = type === 'integer' || type === 'decimal';
    return {
      name: this.name,
      type,
      nulls: this.nulls,
      nullRate: this.count ? this.nulls / this.count : 0,
      distinct: Math.min(this.distinct.count(), this.count - this.nulls),
      min: numeric ? this.numMin : (this.strMin ?? null),
      max: numeric ? this.numMax : (this.strMax ?? null),
    };
  }
}

/** Profiles every column of a table, batch by batch; columns that appear later (JSON Lines) start with nulls. */
export class TableProfiler {
  rows = 0;
  readonly columns: ColumnProfiler[] = [];

  constructor(private readonly names: readonly string[]) {}

  add(batch: readonly RowValues[]): void {
    while (this.columns.length < this.names.length) {
      const p = new ColumnProfiler(this.names[this.columns.length]!);
      p.nulls = p.count = this.rows;
      this.columns.push(p);
    }
    for (let c = 0; c < this.columns.length; c++) {
      const p = this.columns[c]!;
      for (let r = 0; r < batch.length; r++) p.add(batch[r]![c] ?? null);
    }
    this.rows += batch.length;
  }

  result(): ColumnProfile[] {
    return this.columns.map((p) => p.result());
  }
}

/** One streaming pass over a source: the row count and each column's profile. */
export async function profileColumns(
  source: TabularSource,
): Promise<{ rows: number; columns: ColumnProfile[] }> {
  const profiler = new TableProfiler(source.columns);
  for await (const batch of source.batches()) profiler.add(batch);
  return { rows: profiler.rows, columns: profiler.result() };
}
