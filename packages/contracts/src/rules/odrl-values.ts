import { ORG_TYPES } from '../identity.js';
import { divisionCodeProblem } from './division.js';
import { DELIVERY_CHANNELS, LIST_OPERATORS, type LeftOperand, type PolicyOperator } from './odrl-vocab.js';

/*
 * The right operands of a usage policy: what each left operand accepts, read into the form the evaluator
 * compares. Shared by the schema (which names the bad value's path) and the compiler (which trusts it).
 */

export type RightValue = string | number;
export type Checked<T> = { value: T } | { problem: string };
type Issue = { path: (string | number)[]; message: string };

/** The most values a set operator (`isAnyOf`, `isAllOf`, `isNoneOf`) may list, and the longest string. */
export const MAX_LIST_VALUES = 50;
export const MAX_TEXT = 512;
const DAY_MS = 86_400_000;
/** China keeps UTC+8 all year: a date in a policy is a day in Beijing, like every date in the portal. */
const CHINA_OFFSET_MS = 8 * 3_600_000;

/** An instant or a day, as the half-open interval [from, to) of epoch milliseconds it covers. */
export interface InstantBounds {
  from: number;
  to: number;
  dateOnly: boolean;
}

const DATE_TIME =
  /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(Z|[+-]\d{2}:\d{2}))?$/;

const daysInMonth = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();

/** ISO 8601 / XSD `date` or `dateTime` with an offset; a bare date is the whole day in Beijing. */
export function parseInstant(text: string): Checked<InstantBounds> {
  const m = DATE_TIME.exec(text);
  const shape = 'must be an ISO 8601 date or date-time with an offset (2027-12-31 or 2027-12-31T16:00:00Z)';
  if (!m) return { problem: shape };
  const [y, mo, d, h = 0, mi = 0, s = 0] = m.slice(1, 7).map((v) => Number(v ?? 0)) as number[];
  if (mo! < 1 || mo! > 12 || d! < 1 || d! > daysInMonth(y!, mo!))
    return { problem: `${text.slice(0, 10)} is not a real date` };
  if (h! > 23 || mi! > 59 || s! > 59) return { problem: `${text.slice(11)} is not a real time of day` };
  const offset = m[8];
  if (offset === undefined) {
    const from = Date.UTC(y!, mo! - 1, d!) - CHINA_OFFSET_MS;
    return { value: { from, to: from + DAY_MS, dateOnly: true } };
  }
  const sign = offset.startsWith('-') ? -1 : 1;
  const offsetMin = offset === 'Z' ? 0 : sign * (Number(offset.slice(1, 3)) * 60 + Number(offset.slice(4)));
  if (Math.abs(offsetMin) > 14 * 60) return { problem: `${offset} is not a real UTC offset` };
  const fraction = Math.floor(Number(`0.${m[7] ?? '0'}`) * 1000);
  const from = Date.UTC(y!, mo! - 1, d!, h, mi, s, fraction) - offsetMin * 60_000;
  return { value: { from, to: from + 1, dateOnly: false } };
}

/** An ISO 8601 duration: calendar years and months, then days and clock time. */
export interface Duration {
  years: number;
  months: number;
  days: number;
  ms: number;
}

const N = '(\\d{1,6})';
const DURATION = new RegExp(
  `^P(?:${N}Y)?(?:${N}M)?(?:${N}W)?(?:${N}D)?(?:T(?:${N}H)?(?:${N}M)?(?:${N}S)?)?$`,
);

/** ISO 8601 durations (P30D, P1Y6M, PT12H), whole numbers only, up to a thousand years. */
export function parseDuration(text: string): Checked<Duration> {
  const m = DURATION.exec(text);
  if (!m || text === 'P' || text.endsWith('T'))
    return { problem: 'must be an ISO 8601 duration such as P30D, P6M or PT12H' };
  const [years, months, weeks, days, hours, minutes, seconds] = m
    .slice(1)
    .map((v) => Number(v ?? 0)) as number[];
  const d = {
    years: years!,
    months: months!,
    days: weeks! * 7 + days!,
    ms: ((hours! * 60 + minutes!) * 60 + seconds!) * 1000,
  };
  if (d.years + d.months / 12 + (d.days + d.ms / DAY_MS) / 366 > 1000)
    return { problem: 'a duration may not exceed a thousand years' };
  return { value: d };
}

/** The instant `d` after `start`, months added on Beijing's calendar (31 Jan + P1M = end of Feb, as XSD). */
export function addDuration(start: number, d: Duration): number {
  if (d.years === 0 && d.months === 0) return start + d.days * DAY_MS + d.ms;
  const local = new Date(start + CHINA_OFFSET_MS);
  const months = local.getUTCMonth() + d.months + d.years * 12;
  const year = local.getUTCFullYear() + Math.floor(months / 12);
  const month = ((months % 12) + 12) % 12;
  local.setUTCFullYear(year, month, Math.min(local.getUTCDate(), daysInMonth(year, month + 1)));
  return local.getTime() - CHINA_OFFSET_MS + d.days * DAY_MS + d.ms;
}

/** A typed literal (`{"@value": "P30D", "@type": "xsd:duration"}`) or a reference (`{"@id"}`), unwrapped. */
function unwrap(raw: unknown): unknown {
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) return raw;
  const keys = Object.keys(raw);
  const o = raw as Record<string, unknown>;
  if ('@value' in o && keys.every((k) => k === '@value' || k === '@type')) return o['@value'];
  if (keys.length === 1 && keys[0] === '@id') return o['@id'];
  return raw;
}

const text = (v: unknown): Checked<string> =>
  typeof v !== 'string'
    ? { problem: 'must be a string' }
    : !v.trim()
      ? { problem: 'must not be empty' }
      : v.length > MAX_TEXT
        ? { problem: `must be at most ${MAX_TEXT} characters` }
        : { value: v.trim() };

const oneOf =
  (allowed: readonly string[], what: string) =>
  (v: unknown): Checked<string> =>
    typeof v === 'string' && allowed.includes(v)
      ? { value: v }
      : { problem: `${what} must be one of ${allowed.join(', ')}` };

function count(v: unknown): Checked<number> {
  const n = typeof v === 'string' && /^\d{1,13}$/.test(v) ? Number(v) : v;
  return typeof n === 'number' && Number.isSafeInteger(n) && n >= 0 && n <= 1e12
    ? { value: n }
    : { problem: 'must be a whole number from 0 to 10^12' };
}

/** Money is a decimal string of yuan with at most two decimals (DESIGN.md §4: never a float). */
function amount(v: unknown): Checked<string> {
  const s = typeof v === 'number' && Number.isFinite(v) ? String(v) : v;
  if (typeof s !== 'string' || !/^\d{1,13}(\.\d{1,2})?$/.test(s))
    return { problem: 'must be an amount in yuan with at most two decimals, e.g. "500.00"' };
  const [whole, cents = ''] = s.split('.');
  return { value: `${BigInt(whole!)}.${cents.padEnd(2, '0')}` };
}

const keep =
  <T>(parse: (s: string) => Checked<T>) =>
  (v: unknown): Checked<string> => {
    const t = text(v);
    if ('problem' in t) return t;
    const p = parse(t.value);
    return 'problem' in p ? p : t;
  };

const READERS: Record<LeftOperand, (v: unknown) => Checked<RightValue>> = {
  purpose: text,
  spatial: keep((s) => {
    const problem = divisionCodeProblem(s);
    return problem ? { problem: `"${s}" ${problem}` } : { value: s };
  }),
  dateTime: keep(parseInstant),
  count,
  elapsedTime: keep(parseDuration),
  deliveryChannel: oneOf(DELIVERY_CHANNELS, 'a delivery channel'),
  'shuliu:recipientOrgType': oneOf(ORG_TYPES, 'an organization type'),
  payAmount: amount,
};

/** Reads the right operand of `leftOperand` and `operator`: one value, or a list for a set operator. */
export function readRightOperand(
  leftOperand: LeftOperand,
  operator: PolicyOperator,
  raw: unknown,
): { value: RightValue | RightValue[] } | { issues: Issue[] } {
  const read = READERS[leftOperand];
  const listed = Array.isArray(raw);
  const fault = (message: string, path: (string | number)[] = []) => ({ issues: [{ path, message }] });
  if (LIST_OPERATORS.has(operator) !== listed)
    return fault(`${operator} takes ${listed ? 'one value, not a list' : 'a list of values'}`);
  if (!listed) {
    const r = read(unwrap(raw));
    return 'problem' in r ? fault(r.problem) : r;
  }
  if (raw.length === 0 || raw.length > MAX_LIST_VALUES)
    return fault(`must list 1 to ${MAX_LIST_VALUES} values`);
  const values: RightValue[] = [];
  const issues: Issue[] = [];
  for (let i = 0; i < raw.length; i++) {
    const r = read(unwrap(raw[i]));
    if ('problem' in r) issues.push({ path: [i], message: r.problem });
    else values.push(r.value);
  }
  return issues.length ? { issues } : { value: values };
}
