import type { OrgType, Role } from '@shuliu/contracts';

export { validateUscc, usccCheckChar, orgCodeCheckChar, validateIdCard } from '@shuliu/contracts';

const ORG_TYPE_ROLES: Record<OrgType, Role> = {
  operator: 'operator',
  regulator: 'regulator',
  authority: 'authority',
  merchant: 'merchant',
  buyer: 'buyer',
  provider: 'provider',
};

/** DESIGN.md §1: a user holds roles only in their own org, and a business role only where the org is of that type. */
export function rolesAllowedFor(orgTypes: readonly OrgType[] | null): Role[] {
  if (orgTypes === null) return ['person'];
  return [...orgTypes.map((t) => ORG_TYPE_ROLES[t]), 'org_admin', 'agent'];
}

/** The roles an approved applicant's administrator receives: every business role of the org, plus org_admin. */
export const initialAdminRoles = (orgTypes: readonly OrgType[]): Role[] => [
  ...orgTypes.map((t) => ORG_TYPE_ROLES[t]),
  'org_admin',
];

/** Roles in `wanted` that the org may not hold; empty when all are allowed. */
export const disallowedRoles = (wanted: readonly Role[], orgTypes: readonly OrgType[] | null): Role[] => {
  const allowed = rolesAllowedFor(orgTypes);
  return wanted.filter((r) => !allowed.includes(r));
};

/**
 * 等保 2.0 (GB/T 22239-2019 §8.1.4.2 c, 三员分立): no one grants a role they do not hold. The one exception is
 * `agent`, the org's own compute-node machine account, whose only power (consent checks) every business role
 * already has; an org's administrator may create it.
 */
export function rolesNotGrantable(
  granter: readonly Role[],
  asked: readonly Role[],
  alreadyHeld: readonly Role[] = [],
): Role[] {
  return asked.filter(
    (r) =>
      !alreadyHeld.includes(r) && !granter.includes(r) && !(r === 'agent' && granter.includes('org_admin')),
  );
}

/** An API token may only carry roles its creator holds (a token never widens access). */
export const tokenRolesWithin = (tokenRoles: readonly Role[], userRoles: readonly Role[]) =>
  tokenRoles.every((r) => userRoles.includes(r));

/**
 * A token minted by an API token expires no later than the token that minted it (a token never outlives
 * the credential it came from); a session — a person at the keyboard — may mint any.
 */
export const tokenExpiryWithin = (
  minter: 'session' | 'api_token',
  minterExpiresAt: Date | null,
  asked: Date | null,
): boolean =>
  minter === 'session' || minterExpiresAt === null || (asked !== null && asked <= minterExpiresAt);
