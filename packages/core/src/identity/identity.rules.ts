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

/** Lockout after repeated failed logins (等保 2.0 identity-authentication requirement: 登录失败处理). */
export function afterFailedLogin(
  failedSoFar: number,
  settings: { maxFailures: number; lockMinutes: number },
  now: Date,
): { failedLogins: number; lockedUntil: Date | null } {
  const failed = failedSoFar + 1;
  if (failed >= settings.maxFailures) {
    return { failedLogins: 0, lockedUntil: new Date(now.getTime() + settings.lockMinutes * 60_000) };
  }
  return { failedLogins: failed, lockedUntil: null };
}

/** An API token may only carry roles its creator holds (a token never widens access). */
export const tokenRolesWithin = (tokenRoles: readonly Role[], userRoles: readonly Role[]) =>
  tokenRoles.every((r) => userRoles.includes(r));
