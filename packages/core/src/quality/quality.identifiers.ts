/**
 * The tests of `check_digit` and `format` rules that run on every cell of an identifier column, read by char
 * codes in one pass, without copies or regular expressions. Each accepts exactly what protect's rule accepts
 * (`isIdCardNumber`, `isUscc`, `isEmail`), which `quality.identifiers.spec.ts` holds them to.
 */
import { isDay } from './quality.values.js';

const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
/** The check character by the weighted sum mod 11, as char codes of `10X98765432`. */
const ID_CHECK = [...'10X98765432'].map((c) => c.charCodeAt(0));
const X = 88;
const x = 120;

/** A day read from the clock earlier, as yyyymmdd (UTC); a birth date on or before it is not in the future. */
let today = 0;

/** Whether a birth day (its UTC midnight) has come, asking the clock only for days after the last answer. */
function born(y: number, m: number, d: number): boolean {
  const day = y * 10000 + m * 100 + d;
  if (day <= today) return true;
  const now = new Date();
  today = now.getUTCFullYear() * 10000 + (now.getUTCMonth() + 1) * 100 + now.getUTCDate();
  return day <= today;
}

/** The number the ASCII digits from `i` up to `end` write. */
function number(s: string, i: number, end: number): number {
  let n = 0;
  for (; i < end; i++) n = n * 10 + s.charCodeAt(i) - 48;
  return n;
}

/**
 * GB 11643-1999 §5–§6: 17 ASCII digits and a digit or X (either case), a real birth date from 1900 up to
 * today, and the check character of the weighted sum.
 */
export function isIdCardText(s: string): boolean {
  if (s.length !== 18) return false;
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const d = s.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return false;
    sum += d * ID_WEIGHTS[i]!;
  }
  let last = s.charCodeAt(17);
  if (last === x) last = X;
  if (last !== X && (last < 48 || last > 57)) return false;
  const y = number(s, 6, 10);
  const m = number(s, 10, 12);
  const d = number(s, 12, 14);
  return y >= 1900 && isDay(y, m, d) && ID_CHECK[sum % 11] === last && born(y, m, d);
}

const USCC_CHARSET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const USCC_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
const ORG_CODE_WEIGHTS = [3, 7, 9, 10, 5, 8, 4, 2];
/** Index in the USCC charset by ASCII code (lower-case letters as their capitals), -1 outside it. */
const USCC_INDEX = Int8Array.from({ length: 128 }, (_, c) =>
  USCC_CHARSET.indexOf(String.fromCharCode(c).toUpperCase()),
);
const USCC_X = USCC_CHARSET.indexOf('X');

/**
 * GB 32100-2015 §4: 18 characters of the code's charset (either case), the GB 11714-1997 check character of
 * the organization code (characters 9–17), and the code's own check character. GB 11714 values a letter by
 * its place in the alphabet (A = 10), not by its place in the USCC charset.
 */
export function isUsccText(s: string): boolean {
  if (s.length !== 18) return false;
  let sum = 0;
  let org = 0;
  let k = 0;
  for (let i = 0; i < 18; i++) {
    const c = s.charCodeAt(i);
    k = c < 128 ? USCC_INDEX[c]! : -1;
    if (k < 0) return false;
    if (i < 16 && i >= 8) org += (k < 10 ? k : USCC_CHARSET.charCodeAt(k) - 55) * ORG_CODE_WEIGHTS[i - 8]!;
    else if (i === 16) {
      const r = 11 - (org % 11);
      if (k !== (r === 10 ? USCC_X : r === 11 ? 0 : r)) return false;
    }
    if (i < 17) sum += k * USCC_WEIGHTS[i]!;
  }
  return k === (31 - (sum % 31)) % 31;
}

/** White space as a regular expression's `\s` reads it (ECMA-262 WhiteSpace and LineTerminator). */
function isSpace(c: number): boolean {
  if (c > 32 && c < 0xa0) return false;
  return (
    (c >= 9 && c <= 13) ||
    c === 32 ||
    c === 0xa0 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000 ||
    c === 0xfeff
  );
}

/**
 * RFC 5321 §4.1.2 (shape only): local@domain with a dotted domain and no white space, at most 254 long — one
 * `@`, not first, and the last `.` at least two characters after it and before the end.
 */
export function isEmailText(v: string): boolean {
  if (v.length > 254) return false;
  let at = -1;
  let dot = -1;
  for (let i = 0; i < v.length; i++) {
    const c = v.charCodeAt(i);
    if (c === 64) {
      if (at >= 0) return false;
      at = i;
    } else if (c === 46) dot = i;
    else if (isSpace(c)) return false;
  }
  return at >= 1 && dot > at + 1 && dot < v.length - 2;
}
