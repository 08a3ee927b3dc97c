/*
 * The part of ODRL 2.2 (W3C Recommendation, 2018) that Shuliu's usage policies speak: the actions, left
 * operands and operators a policy may use, which operator fits which operand, and the action hierarchy.
 * Anything outside these lists is refused, never ignored: a constraint the evaluator skipped would grant more
 * than the assigner offered.
 */

/** The ODRL 2.2 JSON-LD context, the Dataspace Protocol 2025-1 context (importing ODRL) and its profile. */
export const ODRL_CONTEXT = 'http://www.w3.org/ns/odrl.jsonld';
export const DSP_CONTEXT = 'https://w3id.org/dspace/2025/1/context.jsonld';
export const POLICY_CONTEXTS: readonly string[] = [
  ODRL_CONTEXT,
  'https://www.w3.org/ns/odrl.jsonld',
  DSP_CONTEXT,
  'https://w3id.org/dspace/2025/1/odrl-profile.jsonld',
];
/**
 * Shuliu's own ODRL vocabulary, declared in a policy's `@context` as `{ "shuliu": SHULIU_ODRL_NS }`. A URN
 * rather than a web address: the project owns no domain to resolve it, and nothing needs to.
 */
export const SHULIU_ODRL_NS = 'urn:shuliu:odrl:';
export const SHULIU_PREFIX = 'shuliu';

/** ODRL 2.2 core `use` and `transfer`, and the Common Vocabulary actions a data product's policy needs. */
export const POLICY_ACTIONS = [
  'use',
  'transfer',
  'read',
  'display',
  'reproduce',
  'distribute',
  'derive',
  'aggregate',
  'anonymize',
  'modify',
  'execute',
  'archive',
  'delete',
  'compensate',
  'attribute',
  'inform',
  'obtainConsent',
] as const;
export type PolicyAction = (typeof POLICY_ACTIONS)[number];

/**
 * ODRL 2.2 Common Vocabulary `includedIn`, one level deep: every usage action is part of `use`; `transfer`
 * (handing over ownership) and the duty actions (`compensate`, `attribute`, `inform`, `obtainConsent`) are
 * not. So a permission to `use` covers `distribute`: onward transfer is forbidden by prohibiting `distribute`
 * and `transfer`, which other ODRL engines understand, rather than by a term of our own.
 */
const INCLUDED_IN: Partial<Record<PolicyAction, PolicyAction>> = {
  read: 'use',
  display: 'use',
  reproduce: 'use',
  distribute: 'use',
  derive: 'use',
  aggregate: 'use',
  anonymize: 'use',
  modify: 'use',
  execute: 'use',
  archive: 'use',
  delete: 'use',
};

/** ODRL 2.2 `includedIn`: a rule on `broad` covers `narrow` when it is the same action or includes it. */
export function actionIncludes(broad: PolicyAction, narrow: PolicyAction): boolean {
  for (let a: PolicyAction | undefined = narrow; a; a = INCLUDED_IN[a]) if (a === broad) return true;
  return false;
}

/**
 * ODRL 2.2 left operands Shuliu evaluates, plus `shuliu:recipientOrgType` (the kind of organization the
 * assignee is, by identity's org types). `payAmount` belongs in a `compensate` duty only.
 */
export const LEFT_OPERANDS = [
  'purpose',
  'spatial',
  'dateTime',
  'count',
  'elapsedTime',
  'deliveryChannel',
  'shuliu:recipientOrgType',
  'payAmount',
] as const;
export type LeftOperand = (typeof LEFT_OPERANDS)[number];

export const POLICY_OPERATORS = [
  'eq',
  'neq',
  'lt',
  'lteq',
  'gt',
  'gteq',
  'isA',
  'isPartOf',
  'isAnyOf',
  'isAllOf',
  'isNoneOf',
] as const;
export type PolicyOperator = (typeof POLICY_OPERATORS)[number];

/** The set operators take a list as their right operand; every other operator takes one value. */
export const LIST_OPERATORS: ReadonlySet<PolicyOperator> = new Set(['isAnyOf', 'isAllOf', 'isNoneOf']);

/**
 * Which operators make sense for which operand. For `spatial`, `eq` reads as ODRL engines commonly read it
 * ("in the EU"): the use happens inside the named region, so a province admits its cities and counties.
 */
export const OPERATORS_OF: Record<LeftOperand, readonly PolicyOperator[]> = {
  purpose: ['eq', 'neq', 'isAnyOf', 'isNoneOf'],
  spatial: ['eq', 'neq', 'isPartOf', 'isAnyOf', 'isNoneOf'],
  dateTime: ['eq', 'lt', 'lteq', 'gt', 'gteq'],
  count: ['lt', 'lteq'],
  elapsedTime: ['lt', 'lteq'],
  deliveryChannel: ['eq', 'neq', 'isAnyOf', 'isNoneOf'],
  'shuliu:recipientOrgType': ['eq', 'neq', 'isA', 'isAnyOf', 'isAllOf', 'isNoneOf'],
  payAmount: ['eq'],
};

/** How a product reaches its buyer (DESIGN.md §2 step 7): a masked file, a metered API, compute-to-data. */
export const DELIVERY_CHANNELS = ['file', 'api', 'sandbox'] as const;
export type DeliveryChannel = (typeof DELIVERY_CHANNELS)[number];

/** The bare ODRL name of a term written bare or as a compact `odrl:` IRI; anything else is returned as is. */
export const bareOdrl = (term: string): string => (term.startsWith('odrl:') ? term.slice(5) : term);
