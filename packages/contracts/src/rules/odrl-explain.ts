import {
  membersOf,
  type AtomicConstraint,
  type LogicalConstraint,
  logicalOperatorOf,
} from '../market-policy.js';
import { addDuration } from './odrl-values.js';
import type { LeftOperand, PolicyOperator } from './odrl-vocab.js';
import { durationOf, type CompiledConstraint, type Resolved } from './odrl-compile.js';
import {
  constraintWords,
  instantAt,
  grouped,
  listed,
  quoted,
  senseOf,
  valuesWords,
  valueWords,
  type Bilingual,
  type PolicyLabels,
  type PolicyLocale,
} from './odrl-words.js';

/*
 * Why a constraint does not hold, in both languages: built only once a request is refused, so the labels
 * lookup and the string work never slow down a decision that allows.
 */

export interface ConstraintFailure {
  path: string;
  leftOperand: LeftOperand | null;
  operator: PolicyOperator | 'and' | 'or' | 'xone' | null;
  expected: unknown;
  actual: unknown;
  message: Bilingual;
}

const both = (f: (l: PolicyLocale) => string): Bilingual => ({ 'zh-CN': f('zh-CN'), 'en-US': f('en-US') });

/** The noun of a left operand whose values are codes, in the singular and plural. */
const NOUNS: Partial<Record<LeftOperand, [zh: string, en: string, enPlural: string]>> = {
  purpose: ['用途', 'purpose', 'purposes'],
  spatial: ['地域', 'region', 'regions'],
  deliveryChannel: ['交付方式', 'delivery channel', 'delivery channels'],
  'shuliu:recipientOrgType': ['使用方类型', 'recipient type', 'recipient types'],
};

/** What the request says for the constraint's left operand, as the reason reports it. */
function actualOf(c: AtomicConstraint, r: Resolved): unknown {
  switch (c.leftOperand) {
    case 'purpose':
      return r.purpose;
    case 'spatial':
      return r.region;
    case 'deliveryChannel':
      return r.channel;
    case 'shuliu:recipientOrgType':
      return r.orgTypes;
    case 'dateTime':
      return new Date(r.now).toISOString();
    case 'count':
      return r.count;
    case 'elapsedTime':
      return r.since === null ? null : new Date(r.since).toISOString();
    default:
      return null;
  }
}

/** `用途“交通调度”不在许可的用途（城市规划、科研）之内` and the like, for the code-valued operands. */
function codeMessage(c: AtomicConstraint, actual: unknown, l: PolicyLocale, labels?: PolicyLabels): string {
  const [zhNoun, enNoun, enNouns] = NOUNS[c.leftOperand]!;
  const zh = l === 'zh-CN';
  const present = Array.isArray(actual) ? actual.length > 0 : actual !== null;
  if (!present) return zh ? `请求未说明${zhNoun}` : `the request gives no ${enNoun}`;
  const given = (Array.isArray(actual) ? actual : [actual]).map((v) => valueWords(c, v as string, l, labels));
  const a =
    given.length === 1 ? quoted(given[0]!, l) : zh ? `（${listed(given, l)}）` : `(${listed(given, l)})`;
  const v = valuesWords(c, l, labels);
  const many = Array.isArray(c.rightOperand) && c.rightOperand.length > 1;
  switch (senseOf(c)) {
    case 'notIn':
      return zh
        ? `${zhNoun}${a}属于被排除的${zhNoun}（${v}）`
        : `${enNoun} ${a} is among the excluded ${enNouns} (${v})`;
    case 'all':
      return zh ? `${zhNoun}${a}未同时包含 ${v}` : `${enNoun} ${a} does not include all of ${v}`;
    default:
      if (c.leftOperand === 'spatial')
        return zh
          ? `地域${a}不在许可的地域（${v}）之内`
          : `region ${a} is not within the permitted ${many ? 'regions' : 'region'} (${v})`;
      if (!many)
        return zh
          ? `${zhNoun}${a}不是许可的${zhNoun}（${v}）`
          : `${enNoun} ${a} is not the permitted ${enNoun} (${v})`;
      return zh
        ? `${zhNoun}${a}不在许可的${zhNoun}（${v}）之内`
        : `${enNoun} ${a} is not among the permitted ${enNouns} (${v})`;
  }
}

/** The failure of a time, count or period constraint. */
function measureMessage(c: AtomicConstraint, r: Resolved, l: PolicyLocale, labels?: PolicyLabels): string {
  const zh = l === 'zh-CN';
  const v = valuesWords(c, l, labels);
  const now = zh ? `北京时间 ${instantAt(r.now, l, false)}` : `${instantAt(r.now, l, false)} UTC+8`;
  const sense = senseOf(c);
  if (c.leftOperand === 'count')
    return zh
      ? `${sense === 'lt' ? '调用须少于' : '最多调用'} ${v} 次，已调用 ${grouped(r.count)} 次`
      : `${sense === 'lt' ? 'fewer than' : 'at most'} ${v} uses permitted; ${grouped(r.count)} made`;
  if (c.leftOperand === 'elapsedTime') {
    if (r.since === null)
      return zh ? '请求未说明使用期限的起算时间' : 'the request gives no start for the period';
    const end = instantAt(addDuration(r.since, durationOf(c)), l);
    return zh ? `使用期限 ${v} 已于 ${end} 届满` : `the period of ${v} ended at ${end}`;
  }
  if (sense === 'lt' || sense === 'lteq')
    return zh
      ? `${constraintWords(c, l, labels)}，现已过期（当前${now}）`
      : `${constraintWords(c, l, labels)}: expired (now ${now})`;
  if (sense === 'gt' || sense === 'gteq')
    return zh
      ? `${constraintWords(c, l, labels)}生效，尚未生效（当前${now}）`
      : `in effect ${constraintWords(c, l, labels)}: not yet (now ${now})`;
  return zh ? `仅限 ${v}（当前${now}）` : `only on ${v} (now ${now})`;
}

function atomicFailure(c: CompiledConstraint, r: Resolved, labels?: PolicyLabels): ConstraintFailure {
  const a = c.source as AtomicConstraint;
  const actual = actualOf(a, r);
  return {
    path: c.path,
    leftOperand: a.leftOperand,
    operator: a.operator,
    expected: a.rightOperand,
    actual,
    message: both((l) =>
      a.leftOperand in NOUNS ? codeMessage(a, actual, l, labels) : measureMessage(a, r, l, labels),
    ),
  };
}

/** Why `c` does not hold for `r`: an `and` by its first failing member, an `or` or `xone` as a whole. */
export function explainFailure(c: CompiledConstraint, r: Resolved, labels?: PolicyLabels): ConstraintFailure {
  if (!c.members) return atomicFailure(c, r, labels);
  const op = logicalOperatorOf(c.source as LogicalConstraint);
  if (op === 'and') return explainFailure(c.members.find((m) => !m.test(r)) ?? c.members[0]!, r, labels);
  const base = {
    path: c.path,
    leftOperand: null,
    operator: op,
    expected: membersOf(c.source as LogicalConstraint),
  };
  if (op === 'or') {
    const why = c.members.map((m) => explainFailure(m, r, labels).message);
    return {
      ...base,
      actual: null,
      message: both((l) =>
        l === 'zh-CN'
          ? `以下条件均不满足：${why.map((w) => w[l]).join('；')}`
          : `none of these holds: ${why.map((w) => w[l]).join('; ')}`,
      ),
    };
  }
  const holding = c.members.filter((m) => m.test(r)).length;
  return {
    ...base,
    actual: holding,
    message: both((l) =>
      l === 'zh-CN'
        ? `须满足${constraintWords(c.source, l, labels)}，实际满足 ${holding} 项`
        : `must hold ${constraintWords(c.source, l, labels)}; ${holding} do`,
    ),
  };
}
