import { WS_CLASS } from './quality.duckdb-values.js';

/** What `.` matches in a JavaScript pattern: anything but a line terminator. */
const DOT = '[^\\n\\r\\x{2028}\\x{2029}]';
const WS_BODY = WS_CLASS.slice(1, -1);
const SIMPLE: Record<string, string> = { t: '\\t', n: '\\n', r: '\\r', f: '\\f', v: '\\x{0b}' };
const SYNTAX = '^$\\.*+?()[]{}|/-';

/** `\xHH`, `\uHHHH` or `\u{H…}` at `i` (the letter after the backslash) as RE2's `\x{…}`, and its length. */
function hexEscape(p: string, i: number): [string, number] | null {
  const m =
    p[i] === 'x'
      ? /^x([0-9a-fA-F]{2})/.exec(p.slice(i))
      : /^u(?:([0-9a-fA-F]{4})|\{([0-9a-fA-F]+)\})/.exec(p.slice(i));
  if (!m) return null;
  const hex = m[1] ?? m[2]!;
  const cp = parseInt(hex, 16);
  if (cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return null; // a surrogate half pairs up in JS only
  return [`\\x{${cp.toString(16)}}`, m[0].length];
}

/** One escape (the character after a backslash at `i`), inside a class or not; null when RE2 cannot say it. */
function escape(p: string, i: number, inClass: boolean): [string, number] | null {
  const e = p[i]!;
  if ('dDwW'.includes(e)) return [`\\${e}`, 1];
  if (e === 's') return [inClass ? WS_BODY : WS_CLASS, 1];
  if (e === 'S') return inClass ? null : [`[^${WS_BODY}]`, 1];
  if (e === 'b' || e === 'B') return inClass ? (e === 'b' ? ['\\x{08}', 1] : null) : [`\\${e}`, 1];
  if (SIMPLE[e]) return [SIMPLE[e], 1];
  if (e === '0' && !/[0-9]/.test(p[i + 1] ?? '')) return ['\\x{00}', 1];
  if (e === 'x' || e === 'u') return hexEscape(p, i);
  if (SYNTAX.includes(e)) return [`\\${e}`, 1];
  return null;
}

/** A group's opening at `i`: plain and non-capturing groups and named ones; lookarounds have no RE2 form. */
function group(p: string, i: number): [string, number] | null {
  if (p[i + 1] !== '?') return ['(', 1];
  if (p[i + 2] === ':') return ['(?:', 3];
  const named = /^\(\?<([A-Za-z_][A-Za-z0-9_]*)>/.exec(p.slice(i));
  return named ? [`(?P<${named[1]}>`, named[0].length] : null;
}

/** A class from its `[` at `i` to its `]`, and its length. */
function charClass(p: string, i: number): [string, number] | null {
  let j = i + 1;
  const negated = p[j] === '^';
  if (negated) j++;
  // `[]` matches nothing and `[^]` anything in JavaScript; RE2 reads a leading `]` as a literal
  if (p[j] === ']') return [negated ? '[\\x{0}-\\x{10ffff}]' : '[^\\x{0}-\\x{10ffff}]', j + 1 - i];
  let out = negated ? '[^' : '[';
  while (j < p.length && p[j] !== ']') {
    if (p[j] === '\\') {
      const e = escape(p, j + 1, true);
      if (!e) return null;
      out += e[0];
      j += 1 + e[1];
    } else {
      out += p[j] === '[' ? '\\[' : p[j];
      j++;
    }
  }
  return j < p.length ? [`${out}]`, j + 1 - i] : null;
}

/**
 * A rule's pattern (a JavaScript regular expression with the `u` flag, which the schema has checked) as the
 * RE2 expression DuckDB matches with the same result on every value, or null when it uses something RE2 lacks
 * or reads otherwise (lookarounds, `\p{…}`, `\c`, a surrogate half): such a rule is run by the streaming engine.
 */
export function re2Pattern(p: string): string | null {
  if (/\p{Surrogate}/u.test(p)) return null;
  let out = '';
  for (let i = 0; i < p.length;) {
    const c = p[i]!;
    let part: [string, number] | null;
    if (c === '\\') {
      part = escape(p, i + 1, false);
      if (part) part = [part[0], part[1] + 1];
    } else if (c === '(') part = group(p, i);
    else if (c === '[') part = charClass(p, i);
    else if (c === '.') part = [DOT, 1];
    else part = [c, 1];
    if (!part) return null;
    out += part[0];
    i += part[1];
  }
  return out;
}
