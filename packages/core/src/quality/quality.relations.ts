import type { ColumnHashes } from './quality.columns.js';
import { KeySet } from './quality.keyset.js';
import type { Rule } from './quality.schema.js';
import { rowCheck, type Check, type Tally } from './quality.tally.js';
import { dateMs, isEmpty, orderOf, textOf } from './quality.values.js';

/** GB/T 36344-2018 完整性 (数据记录完整性): a record is complete when none of the columns is empty. */
export function recordComplete(tally: Tally, at: readonly number[]): Check {
  return rowCheck(tally, (values, row) => {
    if (at.some((c) => isEmpty(values[c]))) tally.fail(values, row);
    else tally.pass();
  });
}

/**
 * GB/T 36344-2018 准确性 (数据唯一性, 数据重复率): a row fails when its key was seen in an earlier row. A key
 * with an empty part is not checked (`unique`); `duplicate_rows` keys every row, empty cells included. A key
 * is the 64-bit hash of its cells, as `BatchColumns` works it out.
 */
export function repeats(tally: Tally, at: readonly number[], wholeRow: boolean): Check {
  const seen = new KeySet();
  let keys: ColumnHashes = { a: new Uint32Array(0), b: new Uint32Array(0) };
  let reserved = false;
  return {
    tally,
    add(batch, first) {
      if (!reserved && batch.expectedRows) {
        seen.reserve(batch.expectedRows);
        reserved = true;
      }
      if (at.length > 1) keys = batch.keyHashes(at, keys);
      const { a, b } = at.length === 1 ? batch.hashes(at[0]!) : keys;
      const skip = wholeRow ? null : at.map((c) => batch.cells(c));
      seen.prefetch(a, batch.rows.length);
      let passed = 0;
      for (let r = 0; r < batch.rows.length; r++) {
        if (skip && anyEmpty(skip, r)) continue;
        if (seen.addHash(a[r]!, b[r]!)) passed++;
        else tally.fail(batch.rows[r]!, first + r);
      }
      tally.passes(passed);
    },
  };
}

function anyEmpty(columns: readonly (readonly unknown[])[], r: number): boolean {
  for (const cells of columns) if (cells[r] === null) return true;
  return false;
}

type Op = Extract<Rule, { kind: 'compare' }>['op'];
const HOLDS: Record<Op, (order: number) => boolean> = {
  '<': (o) => o < 0,
  '<=': (o) => o <= 0,
  '=': (o) => o === 0,
  '!=': (o) => o !== 0,
  '>=': (o) => o >= 0,
  '>': (o) => o > 0,
};

/**
 * GB/T 36344-2018 一致性 (关联数据一致性): column A op column B, as numbers or as dates; `=` and `!=` compare
 * other values as text. Rows with either side empty are not checked.
 */
export function compare(tally: Tally, [a, b]: readonly number[], op: Op): Check {
  return rowCheck(tally, (values, row) => {
    const x = values[a!] ?? null;
    const y = values[b!] ?? null;
    if (isEmpty(x) || isEmpty(y)) return;
    const order = orderOf(x, y) ?? (op === '=' || op === '!=' ? (textOf(x) === textOf(y) ? 0 : 1) : null);
    if (order === null) tally.fail(values, row, 'the values are not both numbers or both dates');
    else if (HOLDS[op](order)) tally.pass();
    else tally.fail(values, row);
  });
}

const ID_SHAPE = /^\d{17}[\dX]$/;
const SEX: Record<string, 'male' | 'female'> = {
  男: 'male',
  m: 'male',
  male: 'male',
  '1': 'male',
  女: 'female',
  f: 'female',
  female: 'female',
  '2': 'female',
};

/** GB 11643-1999 §5: the birth date (digits 7–14) and sex (17th digit odd = male) an ID number carries. */
function fromIdCard(id: string, derive: 'birth_date' | 'sex'): string | null {
  if (!ID_SHAPE.test(id)) return null;
  if (derive === 'sex') return Number(id[16]) % 2 ? 'male' : 'female';
  return `${id.slice(6, 10)}-${id.slice(10, 12)}-${id.slice(12, 14)}`;
}

/** Whether a cell states what the ID number carries; a birth date may also be written `YYYYMMDD`. */
function agrees(carried: string, cell: string, derive: 'birth_date' | 'sex'): boolean {
  if (derive === 'sex') return SEX[cell.toLowerCase()] === carried;
  const day = /^\d{8}$/.test(cell) ? `${cell.slice(0, 4)}-${cell.slice(4, 6)}-${cell.slice(6)}` : cell;
  const t = dateMs(day);
  return t !== null && t === dateMs(carried);
}

/**
 * GB/T 36344-2018 一致性 (相同数据一致性): an ID card column agrees with a birth-date column or a sex column
 * (男/女, M/F, male/female, GB/T 2261.1 codes 1/2). Rows with either side empty are not checked.
 */
export function derived(tally: Tally, [id, other]: readonly number[], derive: 'birth_date' | 'sex'): Check {
  return rowCheck(tally, (values, row) => {
    const a = values[id!] ?? null;
    const b = values[other!] ?? null;
    if (isEmpty(a) || isEmpty(b)) return;
    const carried = fromIdCard(textOf(a).toUpperCase(), derive);
    if (carried !== null && agrees(carried, textOf(b), derive)) tally.pass();
    else tally.fail(values, row);
  });
}
