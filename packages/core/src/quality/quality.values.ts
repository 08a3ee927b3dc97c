import type { Cell } from '../tabular/index.js';

/** A character that cannot be white space: printable ASCII or a CJK ideograph (most cells end in one). */
const solid = (c: number) => (c > 32 && c < 127) || (c >= 0x4e00 && c <= 0x9fff);

/** The text without surrounding white space; the text itself, unread, when both its ends are solid. */
const trimmed = (v: string): string =>
  v.length && solid(v.charCodeAt(0)) && solid(v.charCodeAt(v.length - 1)) ? v : v.trim();

/** GB/T 36344-2018 完整性: a cell holds no value when it is null, empty or only white space. */
export const isEmpty = (v: Cell | undefined): boolean =>
  v === null || v === undefined || (typeof v === 'string' && trimmed(v) === '');

/** A non-empty cell as the text the checks read: surrounding white space is not part of a value. */
export const textOf = (v: Cell): string => (typeof v === 'string' ? trimmed(v) : String(v));

/** The text a cell holds, or null when it is empty (isEmpty and textOf in one look). */
export const valueText = (v: Cell | undefined): string | null => {
  if (v === null || v === undefined) return null;
  const t = typeof v === 'string' ? trimmed(v) : String(v);
  return t === '' ? null : t;
};

/** The end of the digits from `i` (ASCII 0–9 only, as `\d` reads them). */
function digitsEnd(s: string, i: number): number {
  while (i < s.length) {
    const c = s.charCodeAt(i);
    if (c < 48 || c > 57) break;
    i++;
  }
  return i;
}

/** Plain decimal text, `^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$`, read by char codes (no regex, no copy). */
function isDecimalText(s: string): boolean {
  let i = s.charCodeAt(0) === 43 || s.charCodeAt(0) === 45 ? 1 : 0;
  const int = digitsEnd(s, i);
  let fraction = int;
  if (s.charCodeAt(int) === 46) fraction = digitsEnd(s, int + 1);
  if (int === i && fraction <= int + 1) return false; // no digit before or after the point
  i = fraction;
  if (i < s.length && (s.charCodeAt(i) | 32) === 101) {
    const sign = s.charCodeAt(i + 1) === 43 || s.charCodeAt(i + 1) === 45 ? 1 : 0;
    const exponent = digitsEnd(s, i + 1 + sign);
    if (exponent === i + 1 + sign) return false;
    i = exponent;
  }
  return i === s.length;
}

/** An optional sign and at least one ASCII digit, nothing else (`^[+-]?\d+$`). */
function isIntegerText(s: string): boolean {
  const from = s.charCodeAt(0) === 43 || s.charCodeAt(0) === 45 ? 1 : 0;
  return s.length > from && digitsEnd(s, from) === s.length;
}

/** The number a cell holds (a typed number, or plain decimal text), else null. */
export function numberOf(v: Cell): number | null {
  if (typeof v === 'number') return Number.isFinite(v) ? v : null;
  if (typeof v !== 'string') return null;
  const s = trimmed(v);
  return isDecimalText(s) ? Number(s) : null;
}

export const isInteger = (v: Cell): boolean =>
  typeof v === 'number' ? Number.isInteger(v) : typeof v === 'string' && isIntegerText(trimmed(v));

export function isBoolean(v: Cell): boolean {
  if (typeof v === 'boolean') return true;
  const s = textOf(v).toLowerCase();
  return s === 'true' || s === 'false' || s === '1' || s === '0';
}

const DATE = /^(\d{4})[-/](\d{1,2})[-/](\d{1,2})$/;
const DATETIME =
  /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(Z|([+-])(\d{2}):?(\d{2}))?$/;

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
const isLeap = (y: number) => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;

/** Milliseconds of a real calendar day at 00:00 UTC (2025-02-30 is no day), else null. */
function dayMs(y: number, m: number, d: number): number | null {
  return isDay(y, m, d) ? Date.UTC(y, m - 1, d) : null;
}

/** Whether a month has such a day. */
export const isDay = (y: number, m: number, d: number): boolean =>
  m >= 1 && m <= 12 && d >= 1 && d <= (m === 2 && isLeap(y) ? 29 : DAYS_IN_MONTH[m - 1]!);

/**
 * The days read so far, by their text: a column of dates repeats few distinct days, so most cells are one map
 * lookup. Cleared when it grows past DAY_MEMO entries.
 */
const dayMemo = new Map<string, number | null>();
const DAY_MEMO = 20_000;

/** A real calendar day written `YYYY-MM-DD`, as rules and options name days. */
export const isIsoDay = (v: string): boolean => /^\d{4}-\d{2}-\d{2}$/.test(v) && dateMs(v) !== null;

/** Two ASCII digits at `i` as a number, else -1. */
function twoDigits(s: string, i: number): number {
  const a = s.charCodeAt(i) - 48;
  const b = s.charCodeAt(i + 1) - 48;
  return a >= 0 && a <= 9 && b >= 0 && b <= 9 ? a * 10 + b : -1;
}

/** Text shaped `YYYY-MM-DD` (any digits: 2025-02-30 too) as the number yyyymmdd, else -1. */
function isoDigits(v: string): number {
  if (v.length !== 10 || v.charCodeAt(4) !== 45 || v.charCodeAt(7) !== 45) return -1;
  const hi = twoDigits(v, 0);
  const lo = twoDigits(v, 2);
  const m = twoDigits(v, 5);
  const d = twoDigits(v, 8);
  return hi < 0 || lo < 0 || m < 0 || d < 0 ? -1 : ((hi * 100 + lo) * 100 + m) * 100 + d;
}

/** Whether a cell is a date without a time of day (as `dateMs` reads it), without working out its time. */
export function isDate(v: Cell): boolean {
  if (typeof v !== 'string') return false;
  const iso = isoDigits(v);
  return iso < 0
    ? dateMs(v) !== null
    : isDay(Math.floor(iso / 10000), Math.floor(iso / 100) % 100, iso % 100);
}

/** A date without a time of day, `YYYY-MM-DD` or `YYYY/M/D`, as milliseconds (UTC midnight), else null. */
export function dateMs(v: Cell): number | null {
  if (typeof v !== 'string') return null;
  const iso = isoDigits(v);
  if (iso >= 0) return dayMs(Math.floor(iso / 10000), Math.floor(iso / 100) % 100, iso % 100);
  const known = dayMemo.get(v);
  if (known !== undefined) return known;
  const m = DATE.exec(v.trim());
  const ms = m ? dayMs(Number(m[1]), Number(m[2]), Number(m[3])) : null;
  if (dayMemo.size >= DAY_MEMO) dayMemo.clear();
  dayMemo.set(v, ms);
  return ms;
}

/** ISO 8601 date and time (`T` or a space, seconds, fraction and offset optional) as milliseconds, else null. */
export function dateTimeMs(v: Cell): number | null {
  if (typeof v !== 'string') return null;
  const m = DATETIME.exec(v.trim());
  if (!m) return null;
  const day = dayMs(Number(m[1]), Number(m[2]), Number(m[3]));
  const [h, min, s] = [Number(m[4]), Number(m[5]), Number(m[6] ?? 0)];
  if (day === null || h > 23 || min > 59 || s > 59) return null;
  const offset = m[9] ? (m[9] === '-' ? -1 : 1) * (Number(m[10]) * 60 + Number(m[11])) : 0;
  const fraction = m[7] ? Number(`0.${m[7]}`) * 1000 : 0;
  return day + ((h * 60 + min - offset) * 60 + s) * 1000 + fraction;
}

/** A date or a date and time, as milliseconds; times without an offset are read as UTC (order is what counts). */
export const timeOf = (v: Cell): number | null => dateMs(v) ?? dateTimeMs(v);

/**
 * The order of two values: numerically when both are numbers, by time when both are dates, else null (text
 * has no order a quality rule could rely on).
 */
export function orderOf(a: Cell, b: Cell): number | null {
  const x = numberOf(a);
  const y = numberOf(b);
  if (x !== null && y !== null) return Math.sign(x - y);
  const s = timeOf(a);
  const t = timeOf(b);
  return s !== null && t !== null ? Math.sign(s - t) : null;
}
