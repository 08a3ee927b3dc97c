import { z } from 'zod';
import { RulesInvalid, RulesUnknownColumn, WeightsInvalid } from './quality.errors.js';
import { INDICATORS, type Indicator } from './quality.types.js';
import { isIsoDay } from './quality.values.js';

const column = z.string().min(1).max(256);
const columns = z.array(column).min(1).max(64);
/** Rules a document may hold: enough for every column of a wide table several times over. */
const MAX_RULES = 10_000;

/** Every rule names its kind; `id` and `indicator` default to `kind:columns` and the kind's home indicator. */
const base = {
  id: z.string().min(1).max(200).optional(),
  indicator: z.enum(INDICATORS).optional(),
  columns,
};
const isoDay = z.string().max(10).refine(isIsoDay, 'must be a real date, YYYY-MM-DD');
const bound = z.union([z.number().finite(), isoDay]);
const values = z.array(z.string().max(256)).min(1);

const BACKREFERENCE = /\\(?:[1-9]|k<)/;
/** Adjacent unbounded repeats (`a*a*a*a*`) backtrack in time polynomial in the value, of their number's degree. */
const MAX_UNBOUNDED = 3;

/** Where a group's body starts: after `(`, `(?:`, `(?=`, `(?!`, `(?<=`, `(?<!` or `(?<name>`. */
function groupBody(p: string, open: number): number {
  if (p[open + 1] !== '?') return open + 1;
  if (p[open + 2] !== '<' || p[open + 3] === '=' || p[open + 3] === '!')
    return open + (p[open + 2] === '<' ? 4 : 3);
  return p.indexOf('>', open) + 1;
}

/**
 * Why a pattern could make a backtracking engine run for ever, or null: a repeated group holding a quantifier
 * or alternatives (`(a+)+`, `(a|ab)*`: star height above one, exponential time), or more than
 * `MAX_UNBOUNDED` unbounded repeats. A heuristic: with values capped in length, it keeps the known shapes out.
 */
function backtrackingProblem(p: string): string | null {
  const open: boolean[] = [];
  let unbounded = 0;
  for (let i = 0; i < p.length; i++) {
    const c = p[i]!;
    if (c === '\\') {
      i++;
    } else if (c === '[') {
      while (++i < p.length && p[i] !== ']') if (p[i] === '\\') i++;
    } else if (c === '(') {
      open.push(false);
      i = groupBody(p, i) - 1;
    } else if (c === ')') {
      const ambiguous = open.pop() ?? false;
      const repeated = '*+{'.includes(p[i + 1] ?? '?');
      if (ambiguous && repeated) return 'a repeated group may hold no quantifier or alternatives';
      if (open.length && (ambiguous || repeated)) open[open.length - 1] = true;
    } else if ('*+?{|'.includes(c) && open.length) open[open.length - 1] = true;
    if (
      (c === '*' || c === '+' || (c === '{' && /^\{\d+,\}/.test(p.slice(i)))) &&
      ++unbounded > MAX_UNBOUNDED
    )
      return `at most ${MAX_UNBOUNDED} unbounded repeats (*, +, {n,})`;
  }
  return null;
}

/** A bounded regular expression, refused when it has a shape known to backtrack catastrophically. */
const pattern = z
  .string()
  .min(1)
  .max(200)
  .superRefine((p, ctx) => {
    try {
      new RegExp(p, 'u');
    } catch (e) {
      return void ctx.addIssue({
        code: 'custom',
        message: `not a regular expression: ${(e as Error).message}`,
      });
    }
    const problem = BACKREFERENCE.test(p) ? 'back-references are not allowed' : backtrackingProblem(p);
    if (problem) ctx.addIssue({ code: 'custom', message: `${problem} (it could backtrack for ever)` });
  });

const rule = <K extends string, S extends z.ZodRawShape>(kind: K, shape: S) =>
  z.strictObject({ ...base, kind: z.literal(kind), ...shape });

export const RuleSchema = z.discriminatedUnion('kind', [
  rule('check_digit', { standard: z.enum(['id_card', 'uscc', 'luhn']) }),
  rule('enum', { values: values.max(1000) }),
  rule('pattern', { pattern }),
  rule('type', { type: z.enum(['integer', 'number', 'date', 'datetime', 'boolean']) }),
  rule('not_null', {}),
  rule('record_complete', {}),
  rule('unique', {}),
  rule('range', { min: bound.optional(), max: bound.optional() })
    .refine((r) => r.min !== undefined || r.max !== undefined, 'give min, max or both')
    .refine((r) => r.min === undefined || r.max === undefined || typeof r.min === typeof r.max, {
      message: 'min and max must both be numbers or both be dates',
      path: ['max'],
    })
    .refine((r) => r.min === undefined || r.max === undefined || r.min <= r.max, {
      message: 'must not be below min',
      path: ['max'],
    }),
  rule('duplicate_rows', { columns: columns.optional() }),
  rule('format', { format: z.enum(['mobile', 'email', 'ip', 'plate']) }),
  rule('reference', {
    values: values.max(10_000).optional(),
    file: z.string().min(1).max(1024).optional(),
    /** Referential consistency: another resource of the same holder, whose `column` holds the allowed values. */
    resource: z
      .string()
      .max(30)
      .regex(/^res_[0-9a-z]{26}$/, 'must be a res_ identifier')
      .optional(),
    column: column.optional(),
  })
    .refine(
      (r) => [r.values, r.file, r.resource].filter((x) => x !== undefined).length === 1,
      'give exactly one of values, file or resource',
    )
    .refine((r) => (r.resource === undefined) === (r.column === undefined), {
      message: 'a resource names its column, and only a resource does',
      path: ['column'],
    }),
  rule('compare', { columns: z.array(column).length(2), op: z.enum(['<', '<=', '=', '!=', '>=', '>']) }),
  rule('derived', { columns: z.array(column).length(2), derive: z.enum(['birth_date', 'sex']) }),
  rule('freshness', { columns: z.array(column).length(1), maxAgeDays: z.number().int().min(0).max(36_500) }),
  rule('ordered', { columns: z.array(column).length(1) }),
  z.strictObject({ id: base.id, indicator: base.indicator, kind: z.literal('readable') }),
]);
export type RuleInput = z.infer<typeof RuleSchema>;
export type RuleKind = RuleInput['kind'];
/** A rule as the engine runs it: its id and indicator filled in. */
export type Rule = RuleInput & { id: string; indicator: Indicator };

/** GB/T 36344-2018: the indicator each kind of check measures unless a rule names another. */
export const KIND_INDICATOR: Record<RuleKind, Indicator> = {
  check_digit: 'conformance',
  enum: 'conformance',
  pattern: 'conformance',
  type: 'conformance',
  not_null: 'completeness',
  record_complete: 'completeness',
  unique: 'accuracy',
  range: 'accuracy',
  duplicate_rows: 'accuracy',
  format: 'accuracy',
  reference: 'accuracy',
  compare: 'consistency',
  derived: 'consistency',
  freshness: 'timeliness',
  ordered: 'timeliness',
  readable: 'accessibility',
};

/**
 * A rule's home indicator: its kind's, except that agreement with another resource of the holder is 一致性
 * (GB/T 36344-2018 关联数据一致性), where agreement with a reference list is 准确性.
 */
const indicatorOf = (r: RuleInput): Indicator =>
  r.kind === 'reference' && r.resource ? 'consistency' : KIND_INDICATOR[r.kind];

const where = (root: string, path: readonly PropertyKey[]) =>
  root + path.map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`)).join('');

function issues(root: string, error: z.ZodError): string[] {
  return error.issues.map((i) => `${where(root, i.path)}: ${i.message}`);
}

/** The columns a rule names; none for `readable`, and `duplicate_rows` may leave them out (every column). */
export const namedColumns = (r: RuleInput): readonly string[] | undefined =>
  'columns' in r ? r.columns : undefined;

/**
 * Where the columns a rule names stand in the table (every column for `duplicate_rows` without its own); a name
 * the table lacks is an error naming `rules[i].columns[j]`.
 */
export function ruleColumnIndexes(rule: Rule, i: number, columns: readonly string[]): number[] {
  const names = [...(namedColumns(rule) ?? (rule.kind === 'duplicate_rows' ? columns : []))];
  return names.map((name, j) => {
    const k = columns.indexOf(name);
    if (k < 0)
      throw RulesUnknownColumn(
        `rules[${i}].columns[${j}]: the table has no column "${name}" (it has: ${columns.join(', ')})`,
        { index: i, column: name },
      );
    return k;
  });
}

/** Fills in ids (`kind:columns`, numbered when repeated) and indicators; a repeated explicit id is refused. */
export function completeRules(input: readonly RuleInput[]): Rule[] {
  const taken = new Set(input.flatMap((r) => (r.id ? [r.id] : [])));
  const seen = new Set<string>();
  return input.map((r, i) => {
    if (r.id && seen.has(r.id))
      throw RulesInvalid(`rules[${i}].id: "${r.id}" is used by an earlier rule`, { index: i });
    const cols = namedColumns(r);
    const stem = cols ? `${r.kind}:${cols.join('+')}` : r.kind;
    let id = r.id ?? stem;
    for (let n = 2; !r.id && taken.has(id); n++) id = `${stem}#${n}`;
    seen.add(id);
    taken.add(id);
    return { id, ...r, indicator: r.indicator ?? indicatorOf(r) };
  });
}

/** Validates a rules document (a JSON array of rules); the error names the rule and field (`rules[3].columns`). */
export function parseQualityRules(input: unknown): Rule[] {
  const r = z.array(RuleSchema).max(MAX_RULES).safeParse(input);
  if (!r.success) {
    const all = issues('rules', r.error);
    throw RulesInvalid(all[0], { issues: all });
  }
  return completeRules(r.data);
}

const weight = z.number().min(0).max(1000).optional();
export const WeightsSchema = z
  .strictObject({
    conformance: weight,
    completeness: weight,
    accuracy: weight,
    consistency: weight,
    timeliness: weight,
    accessibility: weight,
  })
  .refine((w) => INDICATORS.some((k) => w[k] !== 0), 'at least one weight must be above 0');
/** Relative weight of each indicator in the overall score; one left out weighs 1. */
export type Weights = Partial<Record<Indicator, number>>;

/** Validates indicator weights (`{ "conformance": 2, "timeliness": 0 }`); the error names the field. */
export function parseQualityWeights(input: unknown): Weights {
  const r = WeightsSchema.safeParse(input);
  if (r.success) return r.data;
  const all = issues('weights', r.error);
  throw WeightsInvalid(all[0], { issues: all });
}
