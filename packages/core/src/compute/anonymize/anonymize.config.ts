import type { Criteria } from './anonymize.criteria.js';
import type { SensitiveCodes } from './anonymize.encode.js';
import type { AnonymizeConfig } from './anonymize.types.js';

/** The config checked against the header: column positions, defaults filled in. */
export interface Resolved {
  columns: number[];
  sensitive: number | null;
  metric: 'loss' | 'precision';
  suppressedRows: 'mask' | 'remove';
  exhaustive: boolean;
  maxNodes: number;
}

const isInt = (x: unknown): x is number => typeof x === 'number' && Number.isInteger(x);

function checkNumbers(c: AnonymizeConfig) {
  if (!isInt(c.k) || c.k < 1) throw new RangeError(`k: ${String(c.k)} is not an integer ≥ 1`);
  const limit = c.suppressionLimit;
  if (typeof limit !== 'number' || !(limit >= 0 && limit <= 1))
    throw new RangeError(`suppressionLimit: ${String(limit)} is not a fraction between 0 and 1`);
  // entropy l-diversity takes any l ≥ 1 (as in ARX); distinct l counts values, so a whole number
  if (
    c.l !== undefined &&
    (typeof c.l !== 'number' || !(c.l >= 1) || (c.lVariant !== 'entropy' && !isInt(c.l)))
  )
    throw new RangeError(
      `l: ${String(c.l)} is not ${c.lVariant === 'entropy' ? 'a number' : 'an integer'} ≥ 1`,
    );
  if (c.t !== undefined && (typeof c.t !== 'number' || !(c.t >= 0 && c.t <= 1)))
    throw new RangeError(`t: ${String(c.t)} is not a distance between 0 and 1`);
  if (c.maxNodes !== undefined && (!isInt(c.maxNodes) || c.maxNodes < 0))
    throw new RangeError(`maxNodes: ${String(c.maxNodes)} is not an integer ≥ 0`);
}

function oneOf<T extends string>(name: string, value: T | undefined, allowed: readonly T[], fallback: T): T {
  if (value === undefined) return fallback;
  if (!allowed.includes(value))
    throw new RangeError(`${name}: "${String(value)}" is not one of ${allowed.join(', ')}`);
  return value;
}

function columnsOf(header: string[], c: AnonymizeConfig) {
  if (!Array.isArray(c.quasiIdentifiers) || c.quasiIdentifiers.length === 0)
    throw new TypeError('quasiIdentifiers: name at least one column with its hierarchy');
  const at = (name: string, what: string) => {
    const i = header.indexOf(name);
    if (i < 0) throw new RangeError(`${what}: the table has no column "${name}"`);
    return i;
  };
  const columns = c.quasiIdentifiers.map((qi, j) => {
    if (!qi || typeof qi.column !== 'string' || !qi.hierarchy)
      throw new TypeError(`quasiIdentifiers[${j}]: give { column, hierarchy }`);
    return at(qi.column, `quasiIdentifiers[${j}].column`);
  });
  const twice = columns.find((col, j) => columns.indexOf(col) !== j);
  if (twice !== undefined) throw new RangeError(`quasiIdentifiers: column "${header[twice]}" is named twice`);
  const sensitive = c.sensitive === undefined ? null : at(c.sensitive, 'sensitive');
  if (sensitive !== null && columns.includes(sensitive))
    throw new RangeError(`sensitive: "${c.sensitive}" is also a quasi-identifier`);
  if ((c.l !== undefined || c.t !== undefined) && sensitive === null)
    throw new TypeError('sensitive: l-diversity and t-closeness need the sensitive column named');
  return { columns, sensitive };
}

/** Refuses a bad config with the parameter named (RangeError for a value, TypeError for a shape). */
export function resolveConfig(header: string[], rows: string[][], c: AnonymizeConfig): Resolved {
  if (!c || typeof c !== 'object') throw new TypeError('config: give the anonymization settings');
  if (!Array.isArray(rows) || rows.length === 0) throw new RangeError('rows: there is no row to anonymize');
  rows.forEach((row, i) => {
    if (!Array.isArray(row) || row.length !== header.length)
      throw new TypeError(`rows[${i}]: expected ${header.length} cells as in the header`);
  });
  checkNumbers(c);
  return {
    ...columnsOf(header, c),
    metric: oneOf('metric', c.metric, ['loss', 'precision'], 'loss'),
    suppressedRows: oneOf('suppressedRows', c.suppressedRows, ['mask', 'remove'], 'mask'),
    exhaustive: oneOf('search', c.search, ['flash', 'exhaustive'], 'flash') === 'exhaustive',
    maxNodes: c.maxNodes ?? 500,
  };
}

/** The ranks of the sensitive values for the ordered distance: numeric order, or the declared one. */
function ranks(c: AnonymizeConfig, s: SensitiveCodes): Int32Array {
  const codes = s.values.map((_, i) => i);
  if (c.sensitiveOrder) {
    const pos = new Map(c.sensitiveOrder.map((v, i) => [v, i]));
    const missing = s.values.find((v) => !pos.has(v));
    if (missing !== undefined)
      throw new RangeError(`sensitiveOrder: value "${missing}" of the sensitive column is missing`);
    return Int32Array.from(codes.sort((a, b) => pos.get(s.values[a]!)! - pos.get(s.values[b]!)!));
  }
  const numbers = s.values.map((v) => (v.trim() === '' ? NaN : Number(v)));
  const bad = numbers.findIndex((x) => !Number.isFinite(x));
  if (bad >= 0)
    throw new TypeError(
      `sensitiveOrder: "${s.values[bad]}" is not a number; give the order for the ordered distance`,
    );
  return Int32Array.from(codes.sort((a, b) => numbers[a]! - numbers[b]!));
}

/** The criteria against the data: suppression in rows, the sensitive distribution and ranks. */
export function resolveCriteria(c: AnonymizeConfig, n: number, s: SensitiveCodes | null): Criteria {
  const global = new Float64Array(s?.values.length ?? 0);
  if (s) for (const code of s.codes) global[code]!++;
  global.forEach((count, i) => (global[i] = count / n));
  const lVariant = oneOf('lVariant', c.lVariant, ['distinct', 'entropy'], 'distinct');
  const tDistance = oneOf('tDistance', c.tDistance, ['equal', 'ordered'], 'equal');
  const nonMonotone = (c.l !== undefined && lVariant === 'entropy') || c.t !== undefined;
  const maxSuppressed = Math.floor(c.suppressionLimit * n + 1e-9);
  return {
    k: c.k,
    maxSuppressed,
    l: c.l,
    lVariant,
    t: c.t,
    tDistance,
    rank: s && c.t !== undefined && tDistance === 'ordered' ? ranks(c, s) : new Int32Array(0),
    global,
    monotone: maxSuppressed === 0 || !nonMonotone,
  };
}
