import {
  booleanSql,
  dateMsSql,
  dateTimeMsSql,
  emailSql,
  idCardSql,
  idDigitsSql,
  integerSql,
  ipSql,
  luhnSql,
  mobileSql,
  numberSql,
  plateSql,
  sqlNumber,
  sqlText,
  timeSql,
  upperCodeSql,
  usccSql,
  utf16LengthSql,
} from './quality.duckdb-values.js';
import { re2Pattern } from './quality.duckdb-pattern.js';
import {
  DAY_MS,
  type Needs,
  num,
  type Part,
  type PlanContext,
  type ScanPart,
} from './quality.duckdb-parts.js';
import { agrees, freshness, holds, ordered, repeats } from './quality.duckdb-relations.js';
import type { Rule } from './quality.schema.js';
import { dateMs } from './quality.values.js';

/** Longest value a `pattern` is tried on, in UTF-16 units (as quality.checks). */
const MAX_PATTERN_INPUT = 256;

/** A value check over each column: checked its non-empty cells, failed those whose test does not hold. */
function eachValue(ctx: PlanContext, test: (c: number) => string): ScanPart {
  const { at, needs } = ctx;
  return {
    flags: at.map((c) => `${needs.t(c)} IS NOT NULL AND NOT coalesce(${test(c)}, false)`),
    checked: at.map((c) => `count(t${c})`),
    countChecked: (v) => v.reduce<number>((s, x) => s + num(x), 0),
    cells: true,
  };
}

/** A per-row check: checked the rows where `checked` holds (all when null), failed those flagged. */
function eachRow(flag: string, checked: string | null): ScanPart {
  return {
    flags: [flag],
    checked: checked ? [`count_if(${checked})`] : [],
    countChecked: (v, rows) => (checked ? num(v[0]) : rows),
    cells: false,
  };
}

const CHECK_DIGIT = { id_card: 'id', uscc: 'uscc', luhn: 'luhn' } as const;
const FORMAT = { mobile: mobileSql, email: emailSql, ip: ipSql, plate: plateSql } as const;

type ValueRule = Extract<
  Rule,
  { kind: 'check_digit' | 'format' | 'enum' | 'reference' | 'type' | 'range' | 'pattern' }
>;

/** The SQL test of one non-empty value for the kinds that judge a value alone; null when SQL cannot say it. */
function valueTest(r: ValueRule, ctx: PlanContext): ((c: number) => string) | null {
  const { needs } = ctx;
  switch (r.kind) {
    case 'check_digit': {
      const std = CHECK_DIGIT[r.standard];
      const code = (c: number) => (i: number) => needs.x(`u${c}_${i}`, upperCodeSql(`t${c}`, i));
      return (c) =>
        std === 'id'
          ? idCardSql(needs.x(`id${c}`, idDigitsSql(needs.t(c))), ctx.today, `upper(t${c}[18])`)
          : std === 'uscc'
            ? usccSql(needs.t(c), code(c))
            : luhnSql(needs.t(c));
    }
    case 'format':
      return (c) => FORMAT[r.format](needs.t(c));
    case 'enum':
    case 'reference': {
      if (!r.values) return null;
      const set = [...new Set(r.values.map((v) => v.trim()))].map(sqlText).join(', ');
      return (c) => `${needs.t(c)} IN (${set})`;
    }
    case 'type':
      return typeTest(r.type, needs);
    case 'range':
      return rangeTest(r, needs);
    case 'pattern': {
      const re = re2Pattern(r.pattern);
      if (re === null) return null;
      return (c) =>
        `(CASE WHEN strlen(${needs.t(c)}) <= ${MAX_PATTERN_INPUT} THEN true ` +
        `ELSE ${utf16LengthSql(`t${c}`)} <= ${MAX_PATTERN_INPUT} END AND regexp_full_match(t${c}, ${sqlText(re)}))`;
    }
  }
}

function typeTest(type: Extract<Rule, { kind: 'type' }>['type'], needs: Needs): (c: number) => string {
  switch (type) {
    case 'integer':
      return (c) => integerSql(needs.t(c));
    case 'number':
      return (c) => `${needs.n(c)} IS NOT NULL`;
    case 'date':
      return (c) => `${needs.d(c)} IS NOT NULL`;
    case 'datetime':
      return (c) => `${dateTimeMsSql(needs.t(c))} IS NOT NULL`;
    case 'boolean':
      return (c) => booleanSql(needs.t(c));
  }
}

/** GB/T 36344-2018 准确性: inclusive bounds, a date bound covering its whole day (as quality.checks `inRange`). */
function rangeTest(r: Extract<Rule, { kind: 'range' }>, needs: Needs): (c: number) => string {
  if (typeof r.min === 'string' || typeof r.max === 'string') {
    const lo = typeof r.min === 'string' ? dateMs(r.min)! : -Infinity;
    const hi = typeof r.max === 'string' ? dateMs(r.max)! + DAY_MS - 1 : Infinity;
    return (c) => `(${needs.tm(c)} >= ${sqlNumber(lo)} AND tm${c} <= ${sqlNumber(hi)})`;
  }
  const lo = sqlNumber(r.min ?? -Infinity);
  const hi = sqlNumber(r.max ?? Infinity);
  return (c) => `(${needs.n(c)} >= ${lo} AND n${c} <= ${hi})`;
}

/** The part of the work one rule takes, or null when SQL cannot reproduce it (the table is then streamed). */
export function planRule(rule: Rule, ctx: PlanContext): Part | null {
  const { at, needs } = ctx;
  switch (rule.kind) {
    case 'not_null':
      return {
        scan: {
          flags: at.map((c) => `${needs.t(c)} IS NULL`),
          checked: [],
          countChecked: (_v, rows) => rows * at.length,
          cells: true,
        },
      };
    case 'record_complete':
      return { scan: eachRow(at.map((c) => `${needs.t(c)} IS NULL`).join(' OR ') || 'false', null) };
    case 'unique':
    case 'duplicate_rows':
      return { own: repeats(ctx, rule.kind === 'duplicate_rows') };
    case 'compare': {
      const both = `${needs.t(at[0]!)} IS NOT NULL AND ${needs.t(at[1]!)} IS NOT NULL`;
      return { scan: eachRow(`${both} AND NOT coalesce(${holds(rule.op, at, needs)}, false)`, both) };
    }
    case 'derived': {
      const both = `${needs.t(at[0]!)} IS NOT NULL AND ${needs.t(at[1]!)} IS NOT NULL`;
      return { scan: eachRow(`${both} AND NOT coalesce(${agrees(rule.derive, at, needs)}, false)`, both) };
    }
    case 'freshness':
      return { aggregate: freshness(rule, ctx) };
    case 'ordered':
      return { own: ordered(ctx) };
    case 'readable':
      return { fixed: { checked: 1, failed: 0, examples: [] } };
    default: {
      const test = valueTest(rule, ctx);
      return test && { scan: eachValue(ctx, test) };
    }
  }
}

/** The derived columns of the scan: each needed column's text, number, day and time, computed once a row. */
export function derivedFrom(needs: Needs, trimmed: (c: number) => string, fromRow = 1): string {
  const text = [...needs.text].map((c) => `, ${trimmed(c)} AS t${c}`).join('');
  const first = `(SELECT rowid + 1 AS r${text} FROM t${fromRow > 1 ? ` WHERE rowid >= ${fromRow - 1}` : ''})`;
  const numbers = [...needs.number].map((c) => `, ${numberSql(`t${c}`)} AS n${c}`);
  numbers.push(...[...needs.extra].map(([name, sql]) => `, ${sql} AS ${name}`));
  const days = [...needs.day].map((c) => `, ${dateMsSql(`t${c}`)} AS d${c}`);
  const second = `(SELECT *${numbers.join('')}${days.join('')} FROM ${first})`;
  const times = [...needs.time].map((c) => `, ${timeSql(`d${c}`, `t${c}`)} AS tm${c}`);
  return times.length ? `(SELECT *${times.join('')} FROM ${second})` : second;
}
