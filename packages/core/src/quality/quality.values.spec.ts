import { describe, expect, it } from 'vitest';
import type { Cell } from '../tabular/index.js';
import { BatchColumns } from './quality.columns.js';
import { dateMs, isDate, isEmpty, isInteger, numberOf, textOf } from './quality.values.js';

// the straightforward readings the char-code ones must agree with: a regular expression on the trimmed text
const NUMBER = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;
const INTEGER = /^[+-]?\d+$/;
const DATE = /^(\d{4})[-/](\d{1,2})[-/](\d{1,2})$/;

function plainNumber(v: Cell): number | null {
  if (typeof v === 'number') return Number.isFinite(v) ? v : null;
  if (typeof v !== 'string') return null;
  return NUMBER.test(v.trim()) ? Number(v.trim()) : null;
}

const plainInteger = (v: Cell) =>
  typeof v === 'number' ? Number.isInteger(v) : typeof v === 'string' && INTEGER.test(v.trim());

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
const isLeap = (y: number) => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;

function plainDateMs(v: Cell): number | null {
  if (typeof v !== 'string') return null;
  const m = DATE.exec(v.trim());
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (mo < 1 || mo > 12 || d < 1 || d > (mo === 2 && isLeap(y) ? 29 : DAYS_IN_MONTH[mo - 1]!)) return null;
  return Date.UTC(y, mo - 1, d);
}

const TRICKY: Cell[] = [
  ...['1e3', '.5', '5.', '-.5', '+1', '-0', '1e', 'e3', '1e+3', '1E-3', '.', '+', '-', '', ' ', '\u3000'],
  ...['1,000', '0x10', 'Infinity', 'NaN', '١٢٣', '１２３', ' 42 ', '\t7\n', '4 2', '12abc', '00012', '1.2.3'],
  ...['2025-02-28', '2025-02-29', '2024-02-29', '1900-02-29', '2000-02-29', '2025-13-01', '2025-00-10'],
  ...['2025-01-32', '2025-01-00', '2025/1/5', '2025-1-5', ' 2025-01-05', '2025-01-05 ', '2025-01-05T00:00'],
  ...['0099-01-01', '２０２５-01-01', '2025—01—01', '2025-1a-01', '20250105', '上海市', '张三', '  张三 '],
  ...[42, 1.5, 1e21, -0, Infinity, NaN, true, false, null],
];

describe('the char-code value readings agree with the regular expressions', () => {
  it('numbers and integers: exponents, bare points, signs, white space, non-ASCII digits', () => {
    for (const v of TRICKY) {
      expect([v, numberOf(v)]).toEqual([v, plainNumber(v)]);
      expect([v, isInteger(v)]).toEqual([v, plainInteger(v)]);
    }
  });

  it('dates: real days only, either separator, surrounding white space', () => {
    for (const v of TRICKY) {
      expect([v, dateMs(v)]).toEqual([v, plainDateMs(v)]);
      expect([v, isDate(v)]).toEqual([v, plainDateMs(v) !== null]);
    }
  });
});

describe('BatchColumns', () => {
  it('reads each cell as the checks do: trimmed text, null when empty, other types as they are', () => {
    const rows: Cell[][] = TRICKY.map((v) => [v, 'x']);
    const batch = new BatchColumns();
    batch.load(rows);
    batch.cells(0).forEach((cell, r) => {
      const v = rows[r]![0]!;
      expect([v, cell]).toEqual([v, isEmpty(v) ? null : typeof v === 'string' ? textOf(v) : v]);
    });
  });

  it('hashes equal texts alike and different ones apart, batch after batch', () => {
    const batch = new BatchColumns();
    batch.load([[' a '], ['a'], ['b'], [null], ['\u0001'], ['ab'], ['ba']]);
    const { a, b } = batch.hashes(0);
    const pair = (r: number) => `${a[r]}:${b[r]}`;
    expect(pair(0)).toBe(pair(1));
    expect(pair(3)).toBe(pair(4)); // an empty cell keys as the empty part
    expect(new Set([0, 2, 3, 5, 6].map(pair)).size).toBe(5);
    const first = pair(2);
    batch.load([['b'], ['c']]);
    const next = batch.hashes(0);
    expect(`${next.a[0]}:${next.b[0]}`).toBe(first);
  });
});
