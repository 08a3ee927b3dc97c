import {
  isEmail,
  isIdCardNumber,
  isIpAddress,
  isMobile,
  isPlate,
  isUscc,
  luhnValid,
} from '../protect/index.js';
import type { Cell } from '../tabular/index.js';
import { KeySet } from './quality.keyset.js';
import type { Rule } from './quality.schema.js';
import { compare, derived, recordComplete, repeats } from './quality.relations.js';
import { Tally, type Check, type CheckContext } from './quality.tally.js';
import { freshnessCheck, orderedCheck } from './quality.timeliness.js';
import {
  dateMs,
  dateTimeMs,
  isBoolean,
  isEmpty,
  isInteger,
  numberOf,
  textOf,
  timeOf,
} from './quality.values.js';

/** Longest value a `pattern` is tried on: with the pattern's own limits, the time per value stays bounded. */
const MAX_PATTERN_INPUT = 256;
const DAY_MS = 86_400_000;

/** ISO/IEC 7812-1 Annex B: a number of 8–19 digits (spaces allowed) whose Luhn check digit holds. */
const luhnNumber = (s: string) => {
  const digits = s.replaceAll(' ', '');
  return /^\d{8,19}$/.test(digits) && luhnValid(digits);
};

const CHECK_DIGIT = { id_card: isIdCardNumber, uscc: isUscc, luhn: luhnNumber } as const;
const FORMAT = { mobile: isMobile, email: isEmail, ip: isIpAddress, plate: isPlate } as const;
const TYPE: Record<Extract<Rule, { kind: 'type' }>['type'], (v: Cell) => boolean> = {
  integer: isInteger,
  number: (v) => numberOf(v) !== null,
  date: (v) => dateMs(v) !== null,
  datetime: (v) => dateTimeMs(v) !== null,
  boolean: isBoolean,
};

/** GB/T 36344-2018 准确性 (数据内容正确性): inclusive bounds; a date bound covers its whole day. */
function inRange(r: Extract<Rule, { kind: 'range' }>): (v: Cell) => boolean {
  if (typeof r.min === 'string' || typeof r.max === 'string') {
    const lo = typeof r.min === 'string' ? dateMs(r.min)! : -Infinity;
    const hi = typeof r.max === 'string' ? dateMs(r.max)! + DAY_MS - 1 : Infinity;
    return (v) => {
      const t = timeOf(v);
      return t !== null && t >= lo && t <= hi;
    };
  }
  const lo = r.min ?? -Infinity;
  const hi = r.max ?? Infinity;
  return (v) => {
    const n = numberOf(v);
    return n !== null && n >= lo && n <= hi;
  };
}

function inSet(values: readonly string[]): (v: Cell) => boolean {
  const set = new KeySet();
  for (const v of values) set.add(v.trim());
  return (v) => set.has(textOf(v));
}

type ValueRule = Extract<
  Rule,
  { kind: 'check_digit' | 'format' | 'enum' | 'reference' | 'type' | 'range' | 'pattern' }
>;

/** The test a single non-empty value must pass, for the kinds that judge each value on its own. */
function valueTest(r: ValueRule, ctx: CheckContext): (v: Cell) => boolean {
  switch (r.kind) {
    case 'check_digit':
      return (v) => CHECK_DIGIT[r.standard](textOf(v));
    case 'format':
      return (v) => FORMAT[r.format](textOf(v));
    case 'enum':
      return inSet(r.values);
    case 'reference':
      return inSet(r.values ?? ctx.reference ?? []);
    case 'type':
      return TYPE[r.type];
    case 'range':
      return inRange(r);
    case 'pattern': {
      const re = new RegExp(`^(?:${r.pattern})$`, 'u');
      return (v) => {
        const s = textOf(v);
        return s.length <= MAX_PATTERN_INPUT && re.test(s);
      };
    }
  }
}

/** Each non-empty cell of each column is one value checked; an empty cell is completeness's business. */
function eachValue(tally: Tally, at: readonly number[], test: (v: Cell) => boolean): Check {
  return {
    tally,
    add(values, row) {
      for (const c of at) {
        const v = values[c] ?? null;
        if (isEmpty(v)) continue;
        if (test(v)) tally.pass();
        else tally.failCell(values, row, c);
      }
    },
  };
}

/** GB/T 36344-2018 完整性 (数据元素完整性): every cell of the columns is checked; an empty one fails. */
function notNull(tally: Tally, at: readonly number[]): Check {
  return {
    tally,
    add(values, row) {
      for (const c of at) {
        if (isEmpty(values[c])) tally.failCell(values, row, c);
        else tally.pass();
      }
    },
  };
}

/** The check of one rule over a table whose columns it names at `ctx.at`. */
export function checkFor(rule: Rule, ctx: CheckContext): Check {
  const tally = new Tally(ctx.at, ctx.names);
  switch (rule.kind) {
    case 'not_null':
      return notNull(tally, ctx.at);
    case 'record_complete':
      return recordComplete(tally, ctx.at);
    case 'unique':
    case 'duplicate_rows':
      return repeats(tally, ctx.at, rule.kind === 'duplicate_rows');
    case 'compare':
      return compare(tally, ctx.at, rule.op);
    case 'derived':
      return derived(tally, ctx.at, rule.derive);
    case 'freshness':
      return freshnessCheck(tally, ctx.at, rule.maxAgeDays, ctx.asOf);
    case 'ordered':
      return orderedCheck(tally, ctx.at);
    case 'readable':
      return readable(tally);
    default:
      return eachValue(tally, ctx.at, valueTest(rule, ctx));
  }
}

/** GB/T 36344-2018 可访问性: the file, not its rows, is the unit — the readers stop at the first bad record. */
function readable(tally: Tally): Check {
  return {
    tally,
    add: () => undefined,
    finish(failure) {
      if (failure) tally.failTable(failure.note);
      else tally.pass();
    },
  };
}
