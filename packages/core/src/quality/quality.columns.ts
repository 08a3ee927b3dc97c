import { randomInt } from 'node:crypto';
import type { Cell, RowValues } from '../tabular/index.js';
import { fmix32 } from './quality.keyset.js';
import { valueText } from './quality.values.js';

/** The text an empty cell stands for in a key (`duplicate_rows` keys every cell, empty ones included). */
const EMPTY_PART = '\u0001';

const seed32 = () => randomInt(0xffff_ffff);

/** Both 32-bit lanes of a key's hash, finished: lane A at [0], lane B at [1] (no array per key). */
const lanes = new Uint32Array(2);

/**
 * The 64-bit hash of a key of one or more cells (column `columns[j]`'s cell in row `r` for each j): two
 * independent 32-bit lanes over the cells' texts, each cell's length mixed in before it, two UTF-16 units (one
 * 32-bit word) a step by a multiply–xorshift of each lane's own constants, each lane finished by MurmurHash3's
 * fmix32. One pass, no text built; an empty cell is `EMPTY_PART`.
 */
function hashKey(columns: readonly (readonly Cell[])[], r: number, seedA: number, seedB: number): void {
  let a = Math.imul(seedA ^ columns.length, 0x9e3779b1);
  let b = Math.imul(seedB ^ columns.length, 0x5bd1e995);
  for (let j = 0; j < columns.length; j++) {
    const v = columns[j]![r]!;
    const s = v === null ? EMPTY_PART : typeof v === 'string' ? v : String(v);
    const n = s.length;
    a = Math.imul(a ^ (n + 0x10000), 0x9e3779b1);
    a ^= a >>> 15;
    b = Math.imul(b ^ (n + 0x10000), 0x5bd1e995);
    b ^= b >>> 13;
    let i = 0;
    for (; i + 1 < n; i += 2) {
      const w = s.charCodeAt(i) | (s.charCodeAt(i + 1) << 16);
      a = Math.imul(a ^ w, 0x9e3779b1);
      a ^= a >>> 15;
      b = Math.imul(b ^ w, 0x5bd1e995);
      b ^= b >>> 13;
    }
    if (i < n) {
      const w = s.charCodeAt(i);
      a = Math.imul(a ^ w, 0x9e3779b1);
      a ^= a >>> 15;
      b = Math.imul(b ^ w, 0x5bd1e995);
      b ^= b >>> 13;
    }
  }
  lanes[0] = fmix32(a);
  lanes[1] = fmix32(b);
}

/** A column's hashes in a batch, one per row, its two lanes apart. */
export interface ColumnHashes {
  a: Uint32Array;
  b: Uint32Array;
}

/**
 * One batch of rows, read column by column as the checks ask: each column's cells as the checks judge them
 * (text without surrounding white space, an empty cell as null; numbers and booleans as they are), the
 * 64-bit hash of each cell, and of each row's key over several columns (`hashKey`). Each is worked out once
 * per batch, whatever the number of rules that read it, into arrays kept from batch to batch.
 */
export class BatchColumns {
  rows: readonly RowValues[] = [];
  /** How many rows the table is expected to have, once the rows read so far tell (0 until then). */
  expectedRows = 0;
  private batch = 0;
  private readonly cellsOf: Cell[][] = [];
  private readonly cellsAt: number[] = [];
  private readonly hashesOf: ColumnHashes[] = [];
  private readonly hashesAt: number[] = [];
  /** Seeds random per table, so that a file cannot be crafted ahead of time to collide. */
  private readonly seedA = seed32();
  private readonly seedB = seed32();

  /** Moves on to the next batch. */
  load(rows: readonly RowValues[]): void {
    this.rows = rows;
    this.batch++;
  }

  /** Column `c`'s cells as the checks read them: a string trimmed (null when nothing is left), else as is. */
  cells(c: number): readonly Cell[] {
    const out = (this.cellsOf[c] ??= []);
    if (this.cellsAt[c] === this.batch) return out;
    this.cellsAt[c] = this.batch;
    const rows = this.rows;
    out.length = rows.length;
    for (let r = 0; r < rows.length; r++) {
      const v = rows[r]![c];
      out[r] = typeof v === 'string' ? valueText(v) : (v ?? null);
    }
    return out;
  }

  /** The hash of each row's key over the columns `at` (see `hashKey`), in arrays kept for the next batch. */
  keyHashes(at: readonly number[], into: ColumnHashes): ColumnHashes {
    const n = this.rows.length;
    const h = into.a.length < n ? { a: new Uint32Array(n * 2), b: new Uint32Array(n * 2) } : into;
    const columns = at.map((c) => this.cells(c));
    for (let r = 0; r < n; r++) {
      hashKey(columns, r, this.seedA, this.seedB);
      h.a[r] = lanes[0]!;
      h.b[r] = lanes[1]!;
    }
    return h;
  }

  /** The hash of each cell of column `c` as a key of its own (see `hashKey`). */
  hashes(c: number): ColumnHashes {
    const n = this.rows.length;
    let h = this.hashesOf[c];
    if (!h || h.a.length < n) h = this.hashesOf[c] = { a: new Uint32Array(n * 2), b: new Uint32Array(n * 2) };
    if (this.hashesAt[c] === this.batch) return h;
    this.hashesAt[c] = this.batch;
    const columns = [this.cells(c)];
    for (let r = 0; r < n; r++) {
      hashKey(columns, r, this.seedA, this.seedB);
      h.a[r] = lanes[0]!;
      h.b[r] = lanes[1]!;
    }
    return h;
  }
}
