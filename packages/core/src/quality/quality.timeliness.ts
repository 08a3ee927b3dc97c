import { detach, type Cell, type RowValues } from '../tabular/index.js';
import { rowCheck, type Check, type Tally } from './quality.tally.js';
import { dateMs, isEmpty, numberOf, timeOf } from './quality.values.js';

const DAY_MS = 86_400_000;

/**
 * GB/T 36344-2018 时效性 (基于时间点的及时性): the newest date in the column is at most `maxAgeDays` whole days
 * before the as-of day. One check for the table: 100 or 0. A column with no date at all fails.
 */
export function freshnessCheck(
  tally: Tally,
  [c]: readonly number[],
  maxAgeDays: number,
  asOf: string,
): Check {
  let newest = -Infinity;
  let newestRow = 0;
  let newestCell: Cell = null;
  const add = (values: RowValues, row: number) => {
    const t = timeOf(values[c!] ?? null);
    if (t === null || t <= newest) return;
    newest = t;
    newestRow = row;
    newestCell = values[c!] ?? null;
    if (typeof newestCell === 'string') newestCell = detach(newestCell);
  };
  return rowCheck(tally, add, () => {
    if (newestRow === 0) return tally.failTable('the column holds no date');
    const age = Math.floor((dateMs(asOf)! - Math.floor(newest / DAY_MS) * DAY_MS) / DAY_MS);
    if (age <= maxAgeDays) return tally.pass();
    const shown: RowValues = [];
    shown[c!] = newestCell;
    tally.fail(shown, newestRow, `the newest date is ${age} days before ${asOf} (at most ${maxAgeDays})`);
  });
}

/** The number or time a value is ordered by, and which of the two it is (1 number, 2 time; 0 neither). */
function orderKey(v: Cell): [number, number] {
  const n = numberOf(v);
  if (n !== null) return [1, n];
  const t = timeOf(v);
  return t === null ? [0, 0] : [2, t];
}

/**
 * GB/T 36344-2018 时效性 (时序性): the column does not go back — each value is checked against the one before
 * it, as numbers or as dates. A value that is neither is skipped (conformance rules judge it).
 */
export function orderedCheck(tally: Tally, [c]: readonly number[]): Check {
  let kind = 0;
  let last = 0;
  let lastRow = 0;
  return rowCheck(tally, (values, row) => {
    const v = values[c!] ?? null;
    if (isEmpty(v)) return;
    const [k, key] = orderKey(v);
    if (k === 0) return;
    if (kind !== 0 && k !== kind) return tally.fail(values, row, `not comparable with row ${lastRow}`);
    if (kind !== 0 && key < last) tally.fail(values, row, `goes back from row ${lastRow}`);
    else if (kind !== 0) tally.pass();
    [kind, last, lastRow] = [k, key, row];
  });
}
