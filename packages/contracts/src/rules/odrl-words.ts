import type { OrgType } from '../identity.js';
import {
  isLogical,
  logicalOperatorOf,
  membersOf,
  type AtomicConstraint,
  type PolicyConstraint,
} from '../market-policy.js';
import { parseDuration, parseInstant, type RightValue } from './odrl-values.js';
import type { DeliveryChannel, LeftOperand, PolicyAction, PolicyOperator } from './odrl-vocab.js';

/*
 * The words of a usage policy in zh-CN and en-US: what the portal shows a buyer before an order and what a
 * refusal says. One table per kind of word, so both languages change together.
 */

export type PolicyLocale = 'zh-CN' | 'en-US';
export type Bilingual = Record<PolicyLocale, string>;
/** Names for codes the policy holds (a purpose, a GB/T 2260 region…): the portal passes its catalogue's. */
export type PolicyLabels = (
  kind: LeftOperand,
  code: string,
  locale: PolicyLocale,
) => string | null | undefined;

export const ACTION_WORDS: Record<PolicyAction, Bilingual> = {
  use: { 'zh-CN': '使用', 'en-US': 'use' },
  transfer: { 'zh-CN': '向第三方转让', 'en-US': 'transfer to third parties' },
  read: { 'zh-CN': '读取', 'en-US': 'read' },
  display: { 'zh-CN': '展示', 'en-US': 'display' },
  reproduce: { 'zh-CN': '复制', 'en-US': 'reproduce' },
  distribute: { 'zh-CN': '向第三方分发', 'en-US': 'distribute to third parties' },
  derive: { 'zh-CN': '加工形成衍生数据', 'en-US': 'derive new data' },
  aggregate: { 'zh-CN': '汇聚', 'en-US': 'aggregate' },
  anonymize: { 'zh-CN': '匿名化处理', 'en-US': 'anonymize' },
  modify: { 'zh-CN': '修改', 'en-US': 'modify' },
  execute: { 'zh-CN': '运行', 'en-US': 'execute' },
  archive: { 'zh-CN': '归档', 'en-US': 'archive' },
  delete: { 'zh-CN': '删除', 'en-US': 'delete' },
  compensate: { 'zh-CN': '支付费用', 'en-US': 'pay' },
  attribute: { 'zh-CN': '注明数据来源', 'en-US': 'attribute the source' },
  inform: { 'zh-CN': '告知提供方', 'en-US': 'inform the provider' },
  obtainConsent: { 'zh-CN': '取得同意', 'en-US': 'obtain consent' },
};

/** Identity's org types, named as the portal names them. */
const ORG_TYPE_WORDS: Record<OrgType, Bilingual> = {
  operator: { 'zh-CN': '平台运营方', 'en-US': 'platform operator' },
  regulator: { 'zh-CN': '监管方', 'en-US': 'regulator' },
  authority: { 'zh-CN': '公共数据主管部门', 'en-US': 'public data authority' },
  merchant: { 'zh-CN': '数据商', 'en-US': 'data merchant' },
  buyer: { 'zh-CN': '需求方', 'en-US': 'buyer' },
  provider: { 'zh-CN': '第三方专业服务机构', 'en-US': 'service provider' },
};

const CHANNEL_WORDS: Record<DeliveryChannel, Bilingual> = {
  file: { 'zh-CN': '文件交付', 'en-US': 'file delivery' },
  api: { 'zh-CN': '接口调用', 'en-US': 'API calls' },
  sandbox: { 'zh-CN': '隐私计算沙箱（数据可用不可见）', 'en-US': 'the compute-to-data sandbox' },
};

/** `10000` → `10,000` (both languages group by thousands in the portal). */
export const grouped = (n: number) => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');

export const listed = (items: readonly string[], locale: PolicyLocale) =>
  items.join(locale === 'zh-CN' ? '、' : ', ');

export const quoted = (s: string, locale: PolicyLocale) => (locale === 'zh-CN' ? `“${s}”` : `"${s}"`);

/** A policy date as written (a day in Beijing), a date-time as Beijing wall time. */
export function instantWords(text: string, locale: PolicyLocale): string {
  const p = parseInstant(text);
  if ('problem' in p) return text;
  if (p.value.dateOnly) return text.slice(0, 10);
  return instantAt(p.value.from, locale);
}

/** Beijing wall time of an instant, to the minute (to the second when it has seconds). */
export function instantAt(ms: number, locale: PolicyLocale, zone = true): string {
  const iso = new Date(ms + 8 * 3_600_000).toISOString();
  const wall = `${iso.slice(0, 10)} ${iso.slice(11, iso.slice(17, 19) === '00' ? 16 : 19)}`;
  if (!zone) return wall;
  return locale === 'zh-CN' ? `${wall}（北京时间）` : `${wall} (UTC+8)`;
}

const UNITS: [keyof ReturnType<typeof durationParts>, string, string][] = [
  ['years', '年', 'year'],
  ['months', '个月', 'month'],
  ['days', '天', 'day'],
  ['hours', '小时', 'hour'],
  ['minutes', '分钟', 'minute'],
  ['seconds', '秒', 'second'],
];
function durationParts(text: string) {
  const p = parseDuration(text);
  const d = 'problem' in p ? { years: 0, months: 0, days: 0, ms: 0 } : p.value;
  const s = d.ms / 1000;
  return { ...d, hours: Math.floor(s / 3600), minutes: Math.floor(s / 60) % 60, seconds: s % 60 };
}

/** `P30D` → `30 天` / `30 days`; `P1Y6M` → `1 年 6 个月` / `1 year 6 months`. */
export function durationWords(text: string, locale: PolicyLocale): string {
  const parts = durationParts(text);
  const words = UNITS.filter(([k]) => parts[k] > 0).map(([k, zh, en]) =>
    locale === 'zh-CN' ? `${parts[k]} ${zh}` : `${parts[k]} ${en}${parts[k] === 1 ? '' : 's'}`,
  );
  return words.join(' ') || (locale === 'zh-CN' ? '0 天' : '0 days');
}

/** An amount of yuan, or of the unit the constraint names. */
export function amountWords(v: RightValue, unit: string | undefined, locale: PolicyLocale): string {
  if (unit && unit !== 'CNY') return `${v} ${unit}`;
  return locale === 'zh-CN' ? `${v} 元` : `CNY ${v}`;
}

/** One value of a constraint in words: a label for a code, a date, a duration, a number. */
export function valueWords(
  c: Pick<AtomicConstraint, 'leftOperand' | 'unit'>,
  v: RightValue,
  locale: PolicyLocale,
  labels?: PolicyLabels,
): string {
  const named = labels?.(c.leftOperand, String(v), locale);
  if (named) return named;
  switch (c.leftOperand) {
    case 'shuliu:recipientOrgType':
      return ORG_TYPE_WORDS[v as OrgType]?.[locale] ?? String(v);
    case 'deliveryChannel':
      return CHANNEL_WORDS[v as DeliveryChannel]?.[locale] ?? String(v);
    case 'dateTime':
      return instantWords(String(v), locale);
    case 'elapsedTime':
      return durationWords(String(v), locale);
    case 'count':
      return grouped(Number(v));
    case 'payAmount':
      return amountWords(v, c.unit, locale);
    default:
      return String(v);
  }
}

export const valuesWords = (c: AtomicConstraint, locale: PolicyLocale, labels?: PolicyLabels) =>
  listed(
    (Array.isArray(c.rightOperand) ? c.rightOperand : [c.rightOperand]).map((v) =>
      valueWords(c, v, locale, labels),
    ),
    locale,
  );

type Phrase = [zh: (v: string) => string, en: (v: string) => string];
/** How an operator reads: inside the values, outside them, all of them, or an order. */
export type OperatorSense = 'in' | 'notIn' | 'all' | 'eq' | 'lt' | 'lteq' | 'gt' | 'gteq';
export function senseOf(c: AtomicConstraint): OperatorSense {
  const o: PolicyOperator = c.operator;
  if (o === 'neq' || o === 'isNoneOf') return 'notIn';
  if (o === 'isAllOf') return 'all';
  if (o === 'isA' || o === 'isPartOf' || o === 'isAnyOf') return 'in';
  if (o === 'eq') return c.leftOperand === 'dateTime' || c.leftOperand === 'payAmount' ? 'eq' : 'in';
  return o;
}

const PHRASES: Record<LeftOperand, Partial<Record<OperatorSense, Phrase>>> = {
  purpose: {
    in: [(v) => `用途限于 ${v}`, (v) => `purpose limited to ${v}`],
    notIn: [(v) => `用途不得为 ${v}`, (v) => `purpose other than ${v}`],
  },
  spatial: {
    in: [(v) => `地域限于 ${v}`, (v) => `within ${v}`],
    notIn: [(v) => `地域不含 ${v}`, (v) => `outside ${v}`],
  },
  dateTime: {
    eq: [(v) => `仅限 ${v}`, (v) => `on ${v} only`],
    lt: [(v) => `${v} 之前`, (v) => `before ${v}`],
    lteq: [(v) => `有效期至 ${v}`, (v) => `until ${v}`],
    gt: [(v) => `${v} 之后`, (v) => `after ${v}`],
    gteq: [(v) => `自 ${v} 起`, (v) => `from ${v}`],
  },
  count: {
    lt: [(v) => `调用少于 ${v} 次`, (v) => `fewer than ${v} uses`],
    lteq: [(v) => `最多调用 ${v} 次`, (v) => `at most ${v} uses`],
  },
  elapsedTime: {
    lt: [(v) => `使用期限不足 ${v}`, (v) => `for less than ${v}`],
    lteq: [(v) => `使用期限 ${v}`, (v) => `for ${v}`],
  },
  deliveryChannel: {
    in: [(v) => `交付方式限于 ${v}`, (v) => `delivered only by ${v}`],
    notIn: [(v) => `交付方式不得为 ${v}`, (v) => `not delivered by ${v}`],
  },
  'shuliu:recipientOrgType': {
    in: [(v) => `使用方限于 ${v}`, (v) => `recipient limited to ${v}`],
    notIn: [(v) => `使用方不得为 ${v}`, (v) => `recipient other than ${v}`],
    all: [(v) => `使用方须同时为 ${v}`, (v) => `recipient must be each of ${v}`],
  },
  payAmount: { eq: [(v) => `金额 ${v}`, (v) => `amount ${v}`] },
};

/**
 * In a prohibition a constraint says when the prohibition applies, not what it permits: `禁止：使用，用于 精准营销`
 * rather than `用途限于 精准营销`. Only the code-valued operands read differently.
 */
const MATCH_PHRASES: Partial<Record<LeftOperand, Partial<Record<OperatorSense, Phrase>>>> = {
  purpose: {
    in: [(v) => `用于 ${v}`, (v) => `for ${v}`],
    notIn: [(v) => `用于 ${v} 以外的用途`, (v) => `for purposes other than ${v}`],
  },
  spatial: { in: [(v) => `在 ${v} 境内`, (v) => `within ${v}`] },
  deliveryChannel: { in: [(v) => `通过 ${v}`, (v) => `through ${v}`] },
  'shuliu:recipientOrgType': { in: [(v) => `使用方为 ${v}`, (v) => `by a ${v}`] },
};

/** A constraint as a phrase: `用途限于 城市规划、科研` / `purpose limited to urban planning, research`. */
export function constraintWords(
  c: PolicyConstraint,
  locale: PolicyLocale,
  labels?: PolicyLabels,
  mode: 'permit' | 'match' = 'permit',
): string {
  const zh = locale === 'zh-CN';
  if (isLogical(c)) {
    const parts = membersOf(c).map((m) => constraintWords(m, locale, labels, mode));
    const op = logicalOperatorOf(c);
    if (op === 'xone')
      return zh ? `（${parts.join('；')} 中恰好一项）` : `(exactly one of: ${parts.join('; ')})`;
    const joint = op === 'and' ? (zh ? '，且 ' : ' and ') : zh ? '，或 ' : ', or ';
    return zh ? `（${parts.join(joint)}）` : `(${parts.join(joint)})`;
  }
  const sense = senseOf(c);
  const phrase = (mode === 'match' && MATCH_PHRASES[c.leftOperand]?.[sense]) || PHRASES[c.leftOperand][sense];
  const v = valuesWords(c, locale, labels);
  return phrase ? phrase[zh ? 0 : 1](v) : `${c.leftOperand} ${c.operator} ${v}`;
}
