import { z } from 'zod';
import { MAX_TEXT, readRightOperand, type RightValue } from './rules/odrl-values.js';
import {
  bareOdrl,
  LEFT_OPERANDS,
  OPERATORS_OF,
  POLICY_ACTIONS,
  POLICY_CONTEXTS,
  POLICY_OPERATORS,
  SHULIU_ODRL_NS,
  SHULIU_PREFIX,
  type LeftOperand,
  type PolicyAction,
  type PolicyOperator,
} from './rules/odrl-vocab.js';

/*
 * A product's usage policy (使用策略): an ODRL 2.2 policy in compact JSON-LD, as the Dataspace Protocol carries
 * it. Parsing also normalizes it: `odrl:use` becomes `use`, `@id` becomes `uid`, typed literals their values,
 * so the evaluator and the plain-words renderer read one form, and that form is still valid ODRL JSON-LD.
 */

/** Every bound of a policy: what a buyer's connector or a merchant's form may send. */
export const POLICY_LIMITS = { rules: 50, constraints: 20, duties: 10, contexts: 5, nesting: 2 } as const;

export interface AtomicConstraint {
  leftOperand: LeftOperand;
  operator: PolicyOperator;
  rightOperand: RightValue | RightValue[];
  /** ODRL `unit`: the currency of a `payAmount` (CNY when absent). */
  unit?: string;
}
export type LogicalOperator = 'and' | 'or' | 'xone';
export type LogicalConstraint = { [K in LogicalOperator]: { [P in K]: PolicyConstraint[] } }[LogicalOperator];
export type PolicyConstraint = AtomicConstraint | LogicalConstraint;

export interface PolicyDuty {
  uid?: string;
  action: PolicyAction;
  constraint?: PolicyConstraint[];
}
export interface PolicyProhibition {
  uid?: string;
  action: PolicyAction;
  constraint?: PolicyConstraint[];
}
export interface PolicyPermission extends PolicyProhibition {
  duty?: PolicyDuty[];
}
export type PolicyContextEntry = string | Record<string, string>;
export type PolicyType = 'Offer' | 'Agreement' | 'Set';

export interface UsagePolicy {
  '@context': string | PolicyContextEntry[];
  '@type': PolicyType;
  uid: string;
  profile?: string | string[];
  assigner?: string;
  assignee?: string;
  target: string;
  timestamp?: string;
  permission?: PolicyPermission[];
  prohibition?: PolicyProhibition[];
  obligation?: PolicyDuty[];
}

export const isLogical = (c: PolicyConstraint): c is LogicalConstraint => !('leftOperand' in c);
export const logicalOperatorOf = (c: LogicalConstraint): LogicalOperator =>
  'and' in c ? 'and' : 'or' in c ? 'or' : 'xone';
export const membersOf = (c: LogicalConstraint): PolicyConstraint[] =>
  'and' in c ? c.and : 'or' in c ? c.or : c.xone;

/** An IRI or a Shuliu id (`prd_…`): JSON-LD resolves a relative one against the document, so both serve. */
const Identifier = z
  .string()
  .min(1, 'must not be empty')
  .max(MAX_TEXT)
  .regex(/^[^\s\p{Cc}<>"{}|\\^`]+$/u, 'must be an IRI or an id without spaces');

/**
 * A term written bare (`use`) or as a compact ODRL IRI (`odrl:use`), read to its bare name in place
 * (`overwrite`, not `transform`: no pipe per term, which made validation several times slower).
 */
function term<const T extends readonly string[]>(names: T, what: string): z.ZodType<T[number], string> {
  const spelled = [...names, ...names.filter((n) => !n.includes(':')).map((n) => `odrl:${n}`)];
  return z
    .enum(spelled as [string, ...string[]], {
      error: (iss) =>
        typeof iss.input === 'string'
          ? `unknown ${what} ${JSON.stringify(iss.input.slice(0, 80))}`
          : `${what} must be one of the names ODRL and Shuliu define`,
    })
    .overwrite(bareOdrl) as unknown as z.ZodType<T[number], string>;
}
const Action = term(POLICY_ACTIONS, 'action');
const LeftOperandName = term(LEFT_OPERANDS, 'left operand');
const Operator = term(POLICY_OPERATORS, 'operator');
const LOGICAL: readonly LogicalOperator[] = ['and', 'or', 'xone'];

/** One constraint, atomic or logical, allowing `depth` more levels of logical nesting beneath it. */
function constraintSchema(depth: number): z.ZodType<PolicyConstraint> {
  const members =
    depth > 0
      ? z
          .array(constraintSchema(depth - 1))
          .min(1, 'must list at least one constraint')
          .max(POLICY_LIMITS.constraints, `at most ${POLICY_LIMITS.constraints} constraints`)
      : z.unknown().refine(() => false, `logical constraints nest at most ${POLICY_LIMITS.nesting} levels`);
  // `and`, `or`, `xone` as the ODRL context names them: a policy under that context compacts to these keys
  const logical = Object.fromEntries(LOGICAL.map((k) => [k, members.optional()]));
  return z
    .strictObject({
      leftOperand: LeftOperandName.optional(),
      operator: Operator.optional(),
      rightOperand: z
        .unknown()
        .optional()
        .describe('a value, a list for isAnyOf/isAllOf/isNoneOf, or {"@value"}'),
      unit: Identifier.optional(),
      ...logical,
    })
    .transform((c, ctx) => readConstraint(c as RawConstraint, ctx) ?? z.NEVER);
}

type RawConstraint = {
  leftOperand?: LeftOperand;
  operator?: PolicyOperator;
  rightOperand?: unknown;
  unit?: string;
} & Record<string, PolicyConstraint[] | undefined>;

function readConstraint(c: RawConstraint, ctx: z.RefinementCtx): PolicyConstraint | null {
  const issue = (path: (string | number)[], message: string) => {
    ctx.addIssue({ code: 'custom', path, message });
    return null;
  };
  const logical = LOGICAL.filter((k) => k in c);
  if (logical.length > 1) return issue([], 'a logical constraint has exactly one of and, or, xone');
  if (logical.length === 1) {
    if ('leftOperand' in c || 'operator' in c || 'rightOperand' in c)
      return issue([], 'a constraint is either logical (and, or, xone) or has a left operand, not both');
    return { [logical[0]!]: c[logical[0]!]! } as LogicalConstraint;
  }
  const { leftOperand, operator } = c;
  if (!leftOperand) return issue(['leftOperand'], 'is required');
  if (!operator) return issue(['operator'], 'is required');
  if (!('rightOperand' in c)) return issue(['rightOperand'], 'is required');
  if (!OPERATORS_OF[leftOperand].includes(operator))
    return issue(
      ['operator'],
      `operator "${operator}" is not valid for ${leftOperand} (use ${OPERATORS_OF[leftOperand].join(', ')})`,
    );
  if (c.unit !== undefined && leftOperand !== 'payAmount')
    return issue(['unit'], 'only a payAmount has a unit');
  const right = readRightOperand(leftOperand, operator, c.rightOperand);
  if ('issues' in right) {
    for (const i of right.issues) issue(['rightOperand', ...i.path], i.message);
    return null;
  }
  return { leftOperand, operator, rightOperand: right.value, ...(c.unit ? { unit: c.unit } : {}) };
}

/** Every atomic constraint of a list with its path in the rule, those inside logical ones included. */
export function* atomsOf(
  list: readonly PolicyConstraint[] | undefined,
  path: (string | number)[] = [],
): Generator<[AtomicConstraint, (string | number)[]]> {
  for (const [i, c] of (list ?? []).entries())
    if (!isLogical(c)) yield [c, [...path, i]];
    else yield* atomsOf(membersOf(c), [...path, i, logicalOperatorOf(c)]);
}

const CONSTRAINTS = POLICY_LIMITS.constraints;
const Constraints = z
  .array(constraintSchema(POLICY_LIMITS.nesting))
  .max(CONSTRAINTS, `at most ${CONSTRAINTS} constraints`)
  .refine(
    (l) => [...atomsOf(l)].length <= CONSTRAINTS,
    `at most ${CONSTRAINTS} constraints, those inside and/or/xone included`,
  )
  .optional();

/** A payment is something to do (a `compensate` duty), not a condition a permission or prohibition could test. */
function noPayment(rule: { constraint?: PolicyConstraint[] }, ctx: z.RefinementCtx) {
  for (const [c, path] of atomsOf(rule.constraint, ['constraint']))
    if (c.leftOperand === 'payAmount')
      ctx.addIssue({
        code: 'custom',
        path: [...path, 'leftOperand'],
        message: 'payAmount belongs in a compensate duty, not in a permission or prohibition',
      });
}

const ruleFields = { uid: Identifier.optional(), action: Action, constraint: Constraints };
export const PolicyDuty: z.ZodType<PolicyDuty> = z.strictObject(ruleFields);
export const PolicyProhibition: z.ZodType<PolicyProhibition> = z
  .strictObject(ruleFields)
  .superRefine(noPayment);
export const PolicyPermission: z.ZodType<PolicyPermission> = z
  .strictObject({
    ...ruleFields,
    duty: z.array(PolicyDuty).max(POLICY_LIMITS.duties, `at most ${POLICY_LIMITS.duties} duties`).optional(),
  })
  .superRefine(noPayment);

/**
 * JSON-LD 1.1 lets a context redefine any term, so `{"use": "…"}` could make a permission mean one thing to
 * other engines and another to ours: beside the ODRL or DSP context only the `shuliu` prefix may be declared.
 */
const OdrlContext = z
  .string()
  .refine((s) => POLICY_CONTEXTS.includes(s), `must be one of ${POLICY_CONTEXTS.join(', ')}`);
const Context = z.union([
  OdrlContext,
  z
    .array(z.union([OdrlContext, z.strictObject({ [SHULIU_PREFIX]: z.literal(SHULIU_ODRL_NS) })]))
    .min(1)
    .max(POLICY_LIMITS.contexts, `at most ${POLICY_LIMITS.contexts} entries`)
    .refine((l) => l.some((e) => typeof e === 'string'), 'must include the ODRL or the DSP context'),
]);

const PolicyTypeName = z
  .enum(['Offer', 'Agreement', 'Set', 'odrl:Offer', 'odrl:Agreement', 'odrl:Set'], {
    error: 'must be Offer, Agreement or Set',
  })
  .transform((t) => bareOdrl(t) as PolicyType);

const rules = <T extends z.ZodType>(rule: T) =>
  z.array(rule).max(POLICY_LIMITS.rules, `at most ${POLICY_LIMITS.rules} rules`).optional();

const PolicyFields = z.strictObject({
  '@context': Context,
  '@type': PolicyTypeName,
  uid: Identifier.optional(),
  '@id': Identifier.optional(),
  profile: z.union([Identifier, z.array(Identifier).max(5)]).optional(),
  assigner: Identifier.optional(),
  assignee: Identifier.optional(),
  target: Identifier,
  timestamp: z.iso.datetime({ offset: true }).max(40).optional(),
  permission: rules(PolicyPermission),
  prohibition: rules(PolicyProhibition),
  obligation: rules(PolicyDuty),
});

const usesShuliuTerms = (p: z.infer<typeof PolicyFields>) =>
  [
    ...(p.permission ?? []),
    ...(p.permission ?? []).flatMap((r) => r.duty ?? []),
    ...(p.prohibition ?? []),
    ...(p.obligation ?? []),
  ].some((r) => [...atomsOf(r.constraint)].some(([c]) => c.leftOperand.startsWith(`${SHULIU_PREFIX}:`)));
const declaresShuliu = (ctx: z.infer<typeof Context>) =>
  (Array.isArray(ctx) ? ctx : [ctx]).some((e) => typeof e === 'object');

/** ODRL 2.2 Offer and Agreement: an Offer names its assigner, an Agreement both parties; a rule at least. */
function policyIssues(p: z.infer<typeof PolicyFields>): { path: string[]; message: string }[] {
  const out: { path: string[]; message: string }[] = [];
  if (!p.uid === !p['@id']) out.push({ path: ['uid'], message: 'a policy has exactly one of uid or @id' });
  if (p['@type'] !== 'Set' && !p.assigner)
    out.push({ path: ['assigner'], message: `an ${p['@type']} names its assigner` });
  if (p['@type'] === 'Agreement' && !p.assignee)
    out.push({ path: ['assignee'], message: 'an Agreement names its assignee' });
  const count = (p.permission?.length ?? 0) + (p.prohibition?.length ?? 0) + (p.obligation?.length ?? 0);
  if (count === 0)
    out.push({ path: [], message: 'a policy holds at least one permission, prohibition or obligation' });
  if (count > POLICY_LIMITS.rules)
    out.push({ path: [], message: `at most ${POLICY_LIMITS.rules} rules in all, found ${count}` });
  if (usesShuliuTerms(p) && !declaresShuliu(p['@context']))
    out.push({
      path: ['@context'],
      message: `uses shuliu: terms but does not declare {"shuliu": "${SHULIU_ODRL_NS}"}`,
    });
  return out;
}

/** An ODRL 2.2 Offer, Agreement or Set, bounded and normalized (see the module comment). */
export const UsagePolicy: z.ZodType<UsagePolicy> = PolicyFields.superRefine((p, ctx) => {
  for (const i of policyIssues(p)) ctx.addIssue({ code: 'custom', ...i });
}).transform(({ '@context': context, '@type': type, '@id': id, uid, ...rest }): UsagePolicy => ({
  '@context': context,
  '@type': type,
  uid: (uid ?? id)!,
  ...rest,
}));
