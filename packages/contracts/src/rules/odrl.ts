import { UsagePolicy } from '../market-policy.js';

/*
 * ODRL 2.2 usage policies, decided the same way on the server (before a delivery) and in the portal (before
 * an order): validate a policy's JSON, compile it once, then ask whether a party may take an action now.
 */

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
