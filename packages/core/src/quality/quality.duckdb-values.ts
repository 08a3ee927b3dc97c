/**
 * The value semantics of quality.values.ts and the identifier checks of protect, as DuckDB SQL expressions over a
 * trimmed text column (`t`: the cell without surrounding white space, NULL when empty). Each builder returns SQL
 * text; every value that comes from a rule enters it through `sqlText` or `sqlNumber` only.
 */

/** A SQL string literal. */
export const sqlText = (s: string): string => `'${s.replaceAll("'", "''")}'`;

/** A double literal that DuckDB reads back to the same IEEE value (`String` gives the shortest round trip). */
export const sqlNumber = (x: number): string =>
  Number.isFinite(x) ? `CAST(${sqlText(String(x))} AS DOUBLE)` : `CAST('${x > 0 ? '' : '-'}inf' AS DOUBLE)`;

/** What JavaScript's `trim()` and `\s` take for white space, as an RE2 class body. */
const WS =
  '\\t\\n\\x{0b}\\f\\r \\x{a0}\\x{1680}\\x{2000}-\\x{200a}\\x{2028}\\x{2029}\\x{202f}\\x{205f}\\x{3000}\\x{feff}';
export const WS_CLASS = `[${WS}]`;
const EDGE = sqlText(`^${WS_CLASS}|${WS_CLASS}$`);
const EDGES = sqlText(`^${WS_CLASS}+|${WS_CLASS}+$`);

/** quality.values `valueText`: the cell without surrounding white space, NULL when nothing is left. */
export const trimmedSql = (raw: string): string =>
  `nullif(CASE WHEN regexp_matches(${raw}, ${EDGE}) THEN regexp_replace(${raw}, ${EDGES}, '', 'g') ELSE ${raw} END, '')`;

/** Length in UTF-16 code units, as JavaScript's `length` counts (a character past U+FFFF counts twice). */
export const utf16LengthSql = (t: string): string =>
  `(length(${t}) + length(regexp_replace(${t}, '[^\\x{10000}-\\x{10FFFF}]', '', 'g')))`;

const NUMBER = sqlText('[+-]?(?:[0-9]+(?:\\.[0-9]*)?|\\.[0-9]+)(?:[eE][+-]?[0-9]+)?');

/**
 * quality.values `numberOf`: plain decimal text as a double. `Number` reads a value past the double range as
 * ±Infinity, which DuckDB refuses to cast: the sign decides.
 */
export const numberSql = (t: string): string =>
  `CASE WHEN regexp_full_match(${t}, ${NUMBER}) THEN coalesce(TRY_CAST(${t} AS DOUBLE), ` +
  `CASE WHEN starts_with(${t}, '-') THEN CAST('-inf' AS DOUBLE) ELSE CAST('inf' AS DOUBLE) END) END`;

export const integerSql = (t: string): string => `regexp_full_match(${t}, '[+-]?[0-9]+')`;

export const booleanSql = (t: string): string => `lower(${t}) IN ('true', 'false', '1', '0')`;

const DAY_MS = 86_400_000;

/**
 * `Date.UTC(y, m − 1, 1) + (d − 1) days` in ms for a DuckDB DATE `dt` already known to be a real day; `Date.UTC`
 * reads a year below 100 as 1900 + year, and so does this.
 */
const dateToMs = (dt: string): string =>
  `CAST(CASE WHEN year(${dt}) < 100 THEN (make_date(year(${dt}) + 1900, month(${dt}), 1) - DATE '1970-01-01') + ` +
  `day(${dt}) - 1 ELSE ${dt} - DATE '1970-01-01' END AS DOUBLE) * ${DAY_MS}`;

const ISO_DAY = sqlText('[0-9]{4}-[0-9]{2}-[0-9]{2}');
const ANY_DAY = sqlText('([0-9]{4})[-/]([0-9]{1,2})[-/]([0-9]{1,2})');

/** A day from its parts as text, or NULL when there is no such day (DuckDB knows the calendar, leap years too). */
const dayOf = (y: string, m: string, d: string) =>
  `TRY_CAST(${y} || '-' || lpad(${m}, 2, '0') || '-' || lpad(${d}, 2, '0') AS DATE)`;

/** quality.values `dateMs`: `YYYY-MM-DD` or `YYYY/M/D` (separators mixed or not) as UTC-midnight ms. */
export function dateMsSql(t: string): string {
  const parts = `regexp_extract(${t}, ${ANY_DAY}, ['y', 'm', 'd'])`;
  const iso = `TRY_CAST(${t} AS DATE)`;
  const any = dayOf(`${parts}.y`, `${parts}.m`, `${parts}.d`);
  return (
    `CASE WHEN regexp_full_match(${t}, ${ISO_DAY}) THEN ${dateToMs(iso)} ` +
    `WHEN regexp_full_match(${t}, ${ANY_DAY}) THEN ${dateToMs(any)} END`
  );
}

const DATETIME = sqlText(
  '([0-9]{4})-([0-9]{2})-([0-9]{2})[T ]([0-9]{2}):([0-9]{2})(?::([0-9]{2})(?:\\.([0-9]{1,9}))?)?(Z|([+-])([0-9]{2}):?([0-9]{2}))?',
);
const DT_GROUPS = "['y', 'mo', 'd', 'h', 'mi', 's', 'f', 'z', 'sg', 'oh', 'om']";

/** quality.values `dateTimeMs`: ISO 8601 date and time, offset optional (none is UTC), as ms with its fraction. */
export function dateTimeMsSql(t: string): string {
  const p = `regexp_extract(${t}, ${DATETIME}, ${DT_GROUPS})`;
  const int = (g: string, empty = '0') => `CAST(coalesce(nullif(${p}.${g}, ''), '${empty}') AS BIGINT)`;
  const day = dateToMs(dayOf(`${p}.y`, `${p}.mo`, `${p}.d`));
  const offset = `CASE ${p}.sg WHEN '-' THEN -1 WHEN '+' THEN 1 ELSE 0 END * (${int('oh')} * 60 + ${int('om')})`;
  const clock = `CAST(((${int('h')} * 60 + ${int('mi')} - ${offset}) * 60 + ${int('s')}) * 1000 AS DOUBLE)`;
  const fraction = `CASE WHEN ${p}.f <> '' THEN CAST('0.' || ${p}.f AS DOUBLE) * 1000 ELSE 0 END`;
  const valid = `${int('h')} <= 23 AND ${int('mi')} <= 59 AND ${int('s')} <= 59`;
  return `CASE WHEN regexp_full_match(${t}, ${DATETIME}) AND ${valid} THEN (${day} + ${clock}) + ${fraction} END`;
}

/** quality.values `timeOf`: a date, else a date and time. */
export const timeSql = (dateMs: string, t: string): string => `coalesce(${dateMs}, ${dateTimeMsSql(t)})`;

const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const ID_CHECK = '10X98765432';
const ID_SHAPE = `'[0-9]{17}[0-9Xx]'`;

/** An ID number's first 17 digits as one BIGINT (they fit), NULL when it has not an ID number's shape. */
export const idDigitsSql = (t: string): string =>
  `CASE WHEN regexp_full_match(${t}, ${ID_SHAPE}) THEN CAST(${t}[1:17] AS BIGINT) END`;

/**
 * protect `isIdCardNumber` (GB 11643-1999 §5–§6): 17 digits and a check character, a real birth date from 1900
 * on that is not after `today` (`YYYYMMDD`, the UTC day of the run), and the check character of the weights.
 * `n` is `idDigitsSql` of the text, each digit read from it by division (no string per digit); `check` the
 * 18th character upper-cased.
 */
export function idCardSql(n: string, today: number, check: string): string {
  const sum = ID_WEIGHTS.map((w, i) => `((${n} // ${10n ** BigInt(16 - i)}) % 10) * ${w}`).join(' + ');
  const birth = `((${n} // 1000) % 100000000)`;
  const [y, m, d] = [`(${birth} // 10000)`, `((${birth} // 100) % 100)`, `(${birth} % 100)`];
  const leap = `((${y} % 4 = 0 AND ${y} % 100 <> 0) OR ${y} % 400 = 0)`;
  const days = `CASE WHEN ${m} IN (4, 6, 9, 11) THEN 30 WHEN ${m} = 2 THEN CASE WHEN ${leap} THEN 29 ELSE 28 END ELSE 31 END`;
  return (
    `CASE WHEN ${n} IS NOT NULL THEN ${birth} >= 19000000 AND ${birth} <= ${today} AND ${m} BETWEEN 1 AND 12 AND ` +
    `${d} BETWEEN 1 AND ${days} AND substr('${ID_CHECK}', CAST((${sum}) % 11 AS BIGINT) + 1, 1) = ${check} ELSE false END`
  );
}

const USCC_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
const ORG_WEIGHTS = [3, 7, 9, 10, 5, 8, 4, 2];

/** The code of the character at `i` (1-based), in upper case. */
export const upperCodeSql = (t: string, i: number): string => `ascii(upper(${t}[${i}]))`;

/** The place in GB 32100's charset 0–9 A–H J–N P Q R T U W X Y (no I, O, S, V, Z) of an upper-case code. */
const usccIndex = (u: string) =>
  `(${u} - 48 - 7 * CAST(${u} >= 65 AS INTEGER) - CAST(${u} > 73 AS INTEGER) - CAST(${u} > 79 AS INTEGER) - ` +
  `CAST(${u} > 83 AS INTEGER) - CAST(${u} > 86 AS INTEGER))`;

/**
 * protect `isUscc` (GB 32100-2015 §4): its charset, the GB 11714 organization code inside it, its check
 * character. `code(i)` names the column holding `upperCodeSql` of `t` at `i`.
 */
export function usccSql(t: string, code: (i: number) => string): string {
  // GB 11714: a digit is its value, a letter its code less 55 (A = 10)
  const org = ORG_WEIGHTS.map((w, i) => {
    const u = code(9 + i);
    return `(${u} - 48 - 7 * CAST(${u} >= 65 AS INTEGER)) * ${w}`;
  });
  const r = `(11 - ((${org.join(' + ')}) % 11))`;
  const orgCheck = `CASE ${r} WHEN 10 THEN 88 WHEN 11 THEN 48 ELSE 48 + ${r} END`;
  const sum = USCC_WEIGHTS.map((w, i) => `${usccIndex(code(i + 1))} * ${w}`).join(' + ');
  return (
    `CASE WHEN regexp_full_match(${t}, '[0-9A-HJ-NPQRTUWXYa-hj-npqrtuwxy]{18}') THEN ${orgCheck} = ${code(17)} AND ` +
    `(31 - ((${sum}) % 31)) % 31 = ${usccIndex(code(18))} ELSE false END`
  );
}

/** quality.checks `luhnNumber` (ISO/IEC 7812-1 Annex B): 8–19 digits, spaces dropped, whose Luhn sum holds. */
export function luhnSql(t: string): string {
  const s = `reverse(replace(${t}, ' ', ''))`;
  const terms = Array.from({ length: 19 }, (_, i) => {
    const d = `CASE WHEN length(${s}) > ${i} THEN ascii(${s}[${i + 1}]) - 48 ELSE 0 END`;
    return i % 2 ? `(CASE WHEN ${d} >= 5 THEN ${d} * 2 - 9 ELSE ${d} * 2 END)` : d;
  });
  return `(regexp_full_match(replace(${t}, ' ', ''), '[0-9]{8,19}') AND (${terms.join(' + ')}) % 10 = 0)`;
}

const MOBILE = `'(?:\\+86|86)?1[3-9][0-9]{9}'`;

/** protect `isMobile`: `1[3-9]` and nine digits, after a +86 or 86 and with white space and hyphens dropped. */
export const mobileSql = (t: string): string =>
  `CASE WHEN regexp_full_match(${t}, ${MOBILE}) THEN true ELSE regexp_full_match(regexp_replace(${t}, '[${WS}-]', '', 'g'), ${MOBILE}) END`;

const EMAIL = sqlText(`[^@${WS}]+@[^@${WS}]+\\.(?:[^@.${WS}]{2,}|[\\x{10000}-\\x{10FFFF}])`);

/**
 * protect `isEmail`: one `@` after at least one character, a last `.` at least one character after it with at
 * least two UTF-16 units behind it, no white space, at most 254 units.
 */
export const emailSql = (t: string): string =>
  `(regexp_full_match(${t}, ${EMAIL}) AND CASE WHEN strlen(${t}) <= 254 THEN true ELSE ${utf16LengthSql(t)} <= 254 END)`;

const V4_SEG = '(?:25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9][0-9]|[0-9])';
const V4 = `(?:${V4_SEG}\\.){3}${V4_SEG}`;
const V6_SEG = '(?:[0-9a-fA-F]{1,4})';
/** Node's `net.isIP` grammar (lib/internal/net.js): dotted IPv4 without leading zeros, IPv6 with a zone. */
const V6 =
  '(?:' +
  `(?:${V6_SEG}:){7}(?:${V6_SEG}|:)|` +
  `(?:${V6_SEG}:){6}(?:${V4}|:${V6_SEG}|:)|` +
  `(?:${V6_SEG}:){5}(?::${V4}|(?::${V6_SEG}){1,2}|:)|` +
  `(?:${V6_SEG}:){4}(?:(?::${V6_SEG}){0,1}:${V4}|(?::${V6_SEG}){1,3}|:)|` +
  `(?:${V6_SEG}:){3}(?:(?::${V6_SEG}){0,2}:${V4}|(?::${V6_SEG}){1,4}|:)|` +
  `(?:${V6_SEG}:){2}(?:(?::${V6_SEG}){0,3}:${V4}|(?::${V6_SEG}){1,5}|:)|` +
  `(?:${V6_SEG}:){1}(?:(?::${V6_SEG}){0,4}:${V4}|(?::${V6_SEG}){1,6}|:)|` +
  `(?::(?:(?::${V6_SEG}){0,5}:${V4}|(?::${V6_SEG}){1,7}|:))` +
  ')(?:%[0-9a-zA-Z-.:]{1,})?';

/** protect `isIpAddress`: 7–45 characters that Node reads as an IPv4 or IPv6 address. */
export const ipSql = (t: string): string =>
  `(length(${t}) BETWEEN 7 AND 45 AND (regexp_full_match(${t}, ${sqlText(V4)}) OR regexp_full_match(${t}, ${sqlText(V6)})))`;

const PROVINCES = '京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼';
const PLATE = sqlText(`[${PROVINCES}][A-HJ-NP-Z][A-HJ-NP-Z0-9]{4,5}[A-HJ-NP-Z0-9挂学警港澳]`);
/**
 * Characters whose JavaScript upper case is more than one letter of a plate (ß → SS, ﬀ → FF…): DuckDB's
 * `upper` maps each character to one, JavaScript's `toUpperCase` may map it to several.
 */
const WIDE_UPPER: [string, string][] = [
  ['ß', 'SS'],
  ['ﬀ', 'FF'],
  ['ﬂ', 'FL'],
  ['ﬄ', 'FFL'],
  ['ﬅ', 'ST'],
  ['ﬆ', 'ST'],
];

/** protect `isPlate` (GA 36-2018): 7–8 characters that, in upper case, read province + authority + 5 or 6. */
export function plateSql(t: string): string {
  const wide = WIDE_UPPER.reduce((s, [from, to]) => `replace(${s}, '${from}', '${to}')`, t);
  return `(length(${t}) BETWEEN 7 AND 8 AND regexp_full_match(upper(${wide}), ${PLATE}))`;
}
