import {
  isLogical,
  type AtomicConstraint,
  type PolicyConstraint,
  type PolicyDuty,
  type UsagePolicy,
} from '../market-policy.js';
import type { PolicyAction } from './odrl-vocab.js';
import {
  ACTION_WORDS,
  constraintWords,
  listed,
  valuesWords,
  type PolicyLabels,
  type PolicyLocale,
} from './odrl-words.js';

/*
 * A usage policy in plain words, from the same JSON the evaluator decides by: what the portal shows beside a
 * product and on a contract, so that what a buyer reads is what the platform enforces.
 */

const SEP: Record<PolicyLocale, { clause: string; sentence: string; head: Record<string, string> }> = {
  'zh-CN': {
    clause: '；',
    sentence: '',
    head: { permit: '允许：', prohibit: '禁止：', duty: '义务：', duties: '义务：' },
  },
  'en-US': {
    clause: '; ',
    sentence: ' ',
    head: { permit: 'Permitted: ', prohibit: 'Prohibited: ', duty: 'Duty: ', duties: 'Duties: ' },
  },
};
const end = (l: PolicyLocale) => (l === 'zh-CN' ? '。' : '.');
const comma = (l: PolicyLocale) => (l === 'zh-CN' ? '，' : ', ');

/** A rule: its action, then its constraints (`使用，用途限于 城市规划、科研；有效期至 2027-12-31`). */
function ruleWords(
  rule: { action: PolicyAction; constraint?: PolicyConstraint[] },
  l: PolicyLocale,
  labels?: PolicyLabels,
  mode: 'permit' | 'match' = 'permit',
): string {
  const action = ACTION_WORDS[rule.action][l];
  const phrases = (rule.constraint ?? []).map((c) => constraintWords(c, l, labels, mode));
  return phrases.length ? `${action}${comma(l)}${phrases.join(SEP[l].clause)}` : action;
}

const deadline = (c: AtomicConstraint) =>
  (c.leftOperand === 'elapsedTime' || c.leftOperand === 'dateTime') &&
  (c.operator === 'lt' || c.operator === 'lteq');

/** A duty: `使用后 30 天内删除` / `delete within 30 days after use`; `支付 500.00 元` / `pay CNY 500.00`. */
function dutyWords(d: PolicyDuty, l: PolicyLocale, labels?: PolicyLabels): string {
  const zh = l === 'zh-CN';
  const atoms = (d.constraint ?? []).filter((c): c is AtomicConstraint => !isLogical(c));
  const when = atoms.find(deadline);
  const pay = d.action === 'compensate' ? atoms.find((c) => c.leftOperand === 'payAmount') : undefined;
  let verb = ACTION_WORDS[d.action][l];
  if (pay) verb = zh ? `支付 ${valuesWords(pay, l, labels)}` : `pay ${valuesWords(pay, l, labels)}`;
  if (when) {
    const v = valuesWords(when, l, labels);
    if (when.leftOperand === 'elapsedTime')
      verb = zh ? `使用后 ${v}内${verb}` : `${verb} within ${v} after use`;
    else
      verb = zh
        ? `${v} ${when.operator === 'lt' ? '之前' : '前'}${verb}`
        : `${verb} ${when.operator === 'lt' ? 'before' : 'by'} ${v}`;
  }
  const rest = (d.constraint ?? [])
    .filter((c) => c !== when && c !== pay)
    .map((c) => constraintWords(c, l, labels));
  return rest.length ? `${verb}${comma(l)}${rest.join(SEP[l].clause)}` : verb;
}

/**
 * ODRL 2.2 policy → sentences: one per permission, one for the prohibitions without conditions (and one for
 * each with), one for all duties and obligations. `labels` names purposes, regions and the like.
 */
export function describePolicy(policy: UsagePolicy, locale: PolicyLocale, labels?: PolicyLabels): string {
  const { head, sentence } = SEP[locale];
  const out: string[] = [];
  for (const p of policy.permission ?? [])
    out.push(`${head.permit}${ruleWords(p, locale, labels)}${end(locale)}`);
  const bare = (policy.prohibition ?? []).filter((p) => !p.constraint?.length);
  if (bare.length)
    out.push(
      `${head.prohibit}${listed(
        bare.map((p) => ACTION_WORDS[p.action][locale]),
        locale,
      )}${end(locale)}`,
    );
  for (const p of policy.prohibition ?? [])
    if (p.constraint?.length)
      out.push(`${head.prohibit}${ruleWords(p, locale, labels, 'match')}${end(locale)}`);
  const duties = [...(policy.permission ?? []).flatMap((p) => p.duty ?? []), ...(policy.obligation ?? [])];
  if (duties.length) {
    const words = duties.map((d) => dutyWords(d, locale, labels)).join(SEP[locale].clause);
    out.push(`${head[duties.length > 1 ? 'duties' : 'duty']}${words}${end(locale)}`);
  }
  return out.join(sentence);
}
