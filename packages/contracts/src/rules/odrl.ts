import { UsagePolicy, type PolicyConstraint } from '../market-policy.js';
import {
  compileConstraint,
  compileDuty,
  firstFailing,
  resolveRequest,
  type CompiledConstraint,
  type DueDuty,
  type PolicyRequest,
  type Resolved,
} from './odrl-compile.js';
import { explainFailure, type ConstraintFailure } from './odrl-explain.js';
import { actionIncludes, type PolicyAction } from './odrl-vocab.js';
import {
  ACTION_WORDS,
  constraintWords,
  quoted,
  type Bilingual,
  type PolicyLabels,
  type PolicyLocale,
} from './odrl-words.js';

/*
 * ODRL 2.2 usage policies, decided the same way on the server (before a delivery) and in the portal (before
 * an order): validate a policy's JSON, compile it once, then ask whether a party may take an action now.
 */

export type { DueDuty, PolicyRequest } from './odrl-compile.js';
export type { Bilingual, PolicyLabels, PolicyLocale } from './odrl-words.js';

export interface PolicyIssue {
  /** Where in the policy, e.g. `permission[0].constraint[2].leftOperand`; empty for the policy as a whole. */
  path: string;
  message: string;
}
export type PolicyValidation = { ok: true; policy: UsagePolicy } | { ok: false; issues: PolicyIssue[] };

/** Enough to fix a policy by; a hostile one with a thousand faults gets no longer an answer. */
const MAX_ISSUES = 50;

/** A zod issue path as text: `['permission', 0, 'constraint']` → `permission[0].constraint`. */
export const issuePath = (path: readonly PropertyKey[]): string =>
  path.reduce<string>(
    (out, k) => (typeof k === 'number' ? `${out}[${k}]` : out ? `${out}.${String(k)}` : String(k)),
    '',
  );

/** ODRL 2.2: checks a policy's JSON against the usage-policy contract and reads it to its normal form. */
export function validatePolicy(json: unknown): PolicyValidation {
  const r = UsagePolicy.safeParse(json);
  if (r.success) return { ok: true, policy: r.data };
  const issues = r.error.issues.slice(0, MAX_ISSUES);
  return { ok: false, issues: issues.map((i) => ({ path: issuePath(i.path), message: i.message })) };
}

export interface PolicyReason extends ConstraintFailure {
  /** `policy` when the request fails before any rule (an unknown action, another assignee). */
  rule: 'permission' | 'prohibition' | 'policy';
  index: number | null;
}
export type PolicyDecision =
  { allowed: true; permission: number; duties: DueDuty[] } | { allowed: false; reason: PolicyReason };

export interface CompiledPolicy {
  readonly policy: UsagePolicy;
  evaluate(request: PolicyRequest, labels?: PolicyLabels): PolicyDecision;
}

interface CompiledRule {
  index: number;
  action: PolicyAction;
  constraints: CompiledConstraint[];
  duties: ((now: number) => DueDuty)[];
}

const both = (f: (l: PolicyLocale) => string): Bilingual => ({ 'zh-CN': f('zh-CN'), 'en-US': f('en-US') });
const actionWords = (a: PolicyAction, l: PolicyLocale) => quoted(ACTION_WORDS[a][l], l);

function compileRules(
  kind: 'permission' | 'prohibition',
  rules: readonly { action: PolicyAction; constraint?: PolicyConstraint[]; duty?: DueDutySource[] }[] = [],
): CompiledRule[] {
  return rules.map((rule, index) => ({
    index,
    action: rule.action,
    constraints: (rule.constraint ?? []).map((c, i) =>
      compileConstraint(c, `${kind}[${index}].constraint[${i}]`, kind === 'prohibition'),
    ),
    duties: (rule.duty ?? []).map((d, i) => compileDuty(d, `${kind}[${index}].duty[${i}]`)),
  }));
}
type DueDutySource = Parameters<typeof compileDuty>[0];

function policyReason(
  path: string,
  expected: unknown,
  actual: unknown,
  message: Bilingual,
  rule: PolicyReason['rule'] = 'policy',
  index: number | null = null,
): PolicyReason {
  return { rule, index, path, leftOperand: null, operator: null, expected, actual, message };
}

/** ODRL 2.2 Prohibition: one that applies refuses, whatever a permission grants. */
function prohibited(policy: UsagePolicy, rule: CompiledRule, labels?: PolicyLabels): PolicyReason {
  const source = policy.prohibition![rule.index]!;
  const when = (l: PolicyLocale) =>
    (source.constraint ?? [])
      .map((c) => constraintWords(c, l, labels, 'match'))
      .join(l === 'zh-CN' ? '；' : '; ');
  return policyReason(
    `prohibition[${rule.index}]`,
    source.constraint ?? null,
    null,
    both((l) => {
      const what = actionWords(rule.action, l);
      if (l === 'zh-CN') return `策略禁止${what}${source.constraint?.length ? `（${when(l)}）` : ''}`;
      return `the policy prohibits ${what}${source.constraint?.length ? ` ${when(l)}` : ''}`;
    }),
    'prohibition',
    rule.index,
  );
}

interface Compiled {
  policy: UsagePolicy;
  permissions: CompiledRule[];
  prohibitions: CompiledRule[];
  obligations: ((now: number) => DueDuty)[];
}

/**
 * Prohibitions first (ODRL's `prohibit` conflict strategy: a policy stating another `conflict` is refused by
 * the contract), then the permissions of the action in order: the first whose constraints all hold grants.
 */
function decide(c: Compiled, r: Resolved, action: PolicyAction, labels?: PolicyLabels): PolicyDecision {
  for (const p of c.prohibitions)
    if (actionIncludes(p.action, action) && firstFailing(p.constraints, r) === null)
      return { allowed: false, reason: prohibited(c.policy, p, labels) };
  let failed: { rule: CompiledRule; constraint: CompiledConstraint } | null = null;
  for (const p of c.permissions) {
    if (!actionIncludes(p.action, action)) continue;
    const constraint = firstFailing(p.constraints, r);
    if (constraint === null) {
      const duties: DueDuty[] = [];
      for (const d of p.duties) duties.push(d(r.now));
      for (const d of c.obligations) duties.push(d(r.now));
      return { allowed: true, permission: p.index, duties };
    }
    failed ??= { rule: p, constraint };
  }
  if (!failed) return { allowed: false, reason: notPermitted(action) };
  const why = explainFailure(failed.constraint, r, labels);
  return { allowed: false, reason: { rule: 'permission', index: failed.rule.index, ...why } };
}

/** ODRL: only an explicitly permitted use may be exercised. */
const notPermitted = (action: PolicyAction) =>
  policyReason(
    'permission',
    null,
    action,
    both((l) =>
      l === 'zh-CN'
        ? `策略未许可${actionWords(action, l)}`
        : `the policy grants no permission to ${actionWords(action, l)}`,
    ),
    'permission',
  );

/** What refuses a request before any rule: an action ODRL does not name, or a party not the assignee. */
function preflight(policy: UsagePolicy, request: PolicyRequest, r: Resolved): PolicyReason | null {
  if (r.action === null) {
    const asked = request.action.slice(0, 80);
    return policyReason('', null, request.action, {
      'zh-CN': `未知的动作${quoted(asked, 'zh-CN')}`,
      'en-US': `unknown action ${quoted(asked, 'en-US')}`,
    });
  }
  if (policy.assignee === undefined || policy.assignee === r.orgId) return null;
  return policyReason('assignee', policy.assignee, r.orgId, {
    'zh-CN': `本策略的受让方是 ${policy.assignee}，不是 ${r.orgId}`,
    'en-US': `the policy's assignee is ${policy.assignee}, not ${r.orgId}`,
  });
}

/** Compiles a validated policy into an evaluator; compile once per policy, evaluate per request. */
export function compilePolicy(policy: UsagePolicy): CompiledPolicy {
  const c: Compiled = {
    policy,
    permissions: compileRules('permission', policy.permission),
    prohibitions: compileRules('prohibition', policy.prohibition),
    obligations: (policy.obligation ?? []).map((d, i) => compileDuty(d, `obligation[${i}]`)),
  };
  return {
    policy,
    evaluate(request, labels) {
      const r = resolveRequest(request);
      const early = preflight(policy, request, r);
      return early ? { allowed: false, reason: early } : decide(c, r, r.action!, labels);
    },
  };
}

const compiled = new WeakMap<UsagePolicy, CompiledPolicy>();

/**
 * ODRL 2.2: whether `request` may go ahead under `policy`. Allowed when no prohibition of the action (or
 * of an action including it) applies and some permission of it has all its constraints satisfied; then the
 * duties of that permission and the policy's obligations come back for the caller to enforce. Refused with
 * the first failing constraint of the first permission of the action, or with the prohibition that applies.
 */
export function evaluate(policy: UsagePolicy, request: PolicyRequest, labels?: PolicyLabels): PolicyDecision {
  let c = compiled.get(policy);
  if (!c) compiled.set(policy, (c = compilePolicy(policy)));
  return c.evaluate(request, labels);
}
