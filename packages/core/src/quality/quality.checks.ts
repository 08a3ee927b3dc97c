import { isIpAddress, isMobile, isPlate, luhnValid } from '../protect/index.js';
import type { Cell } from '../tabular/index.js';
import type { BatchColumns } from './quality.columns.js';
import { isEmailText, isIdCardText, isUsccText } from './quality.identifiers.js';
import { KeySet } from './quality.keyset.js';
import type { Rule } from './quality.schema.js';
import { compare, derived, recordComplete, repeats } from './quality.relations.js';
import { Tally, type Check, type CheckContext } from './quality.tally.js';
import { freshnessCheck, orderedCheck } from './quality.timeliness.js';
import {
  dateMs,
  dateTimeMs,
  isBoolean,
  isDate,
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

const CHECK_DIGIT = { id_card: isIdCardText, uscc: isUsccText, luhn: luhnNumber } as const;
const FORMAT = { mobile: isMobile, email: isEmailText, ip: isIpAddress, plate: isPlate } as const;
const TYPE: Record<Extract<Rule, { kind: 'type' }>['type'], (v: Cell) => boolean> = {
  integer: isInteger,
  number: (v) => numberOf(v) !== null,
  date: isDate,
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

/** Lists longer than this are kept as 64-bit hashes (`KeySet`), shorter ones as their text. */
const MAX_LISTED_TEXT = 10_000;

function inSet(values: readonly string[]): (v: Cell) => boolean {
  if (values.length <= MAX_LISTED_TEXT) {
    const listed = new Set(values.map((v) => v.trim()));
    return (v) => listed.has(textOf(v));
  }
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
    case 'check_digit': {
      const test = CHECK_DIGIT[r.standard];
      return (v) => test(textOf(v));
    }
    case 'format': {
      const test = FORMAT[r.format];
      return (v) => test(textOf(v));
    }
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

/**
 * Each non-empty cell of each column is one value checked; an empty cell is completeness's business. The test
 * reads the cell trimmed, as every value test reads it.
 */
function eachValue(tally: Tally, at: readonly number[], test: (v: Cell) => boolean): Check {
  return {
    tally,
    add(batch, first) {
      if (at.length !== 1) return byRow(batch, first);
      let passed = 0;
      const c = at[0]!;
      const cells = batch.cells(c);
      for (let r = 0; r < cells.length; r++) {
        const v = cells[r]!;
        if (v === null) continue;
        if (test(v)) passed++;
        else tally.failCell(batch.rows[r]!, first + r, c);
      }
      tally.passes(passed);
    },
  };
  /** Several columns: row by row, so that the first violations are kept in the order of the rows. */
  function byRow(batch: BatchColumns, first: number) {
    const columns = at.map((c) => batch.cells(c));
    let passed = 0;
    for (let r = 0; r < batch.rows.length; r++)
      for (let j = 0; j < at.length; j++) {
        const v = columns[j]![r]!;
        if (v === null) continue;
        if (test(v)) passed++;
        else tally.failCell(batch.rows[r]!, first + r, at[j]!);
      }
    tally.passes(passed);
  }
}

/** GB/T 36344-2018 完整性 (数据元素完整性): every cell of the columns is checked; an empty one fails. */
function notNull(tally: Tally, at: readonly number[]): Check {
  return {
    tally,
    add(batch, first) {
      const columns = at.map((c) => batch.cells(c));
      let failed = 0;
      for (const cells of columns) for (let r = 0; r < cells.length; r++) if (cells[r] === null) failed++;
      tally.passes(columns.length * batch.rows.length - failed);
      if (failed === 0) return;
      for (let r = 0; r < batch.rows.length; r++)
        for (let j = 0; j < at.length; j++)
          if (columns[j]![r] === null) tally.failCell(batch.rows[r]!, first + r, at[j]!);
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
