import type { OrgType, Role } from '@shuliu/contracts';
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.js';
import { recordAudit } from '../audit/index.js';
import type { RequestContext } from '../shared/context.js';
import { NotFound } from '../shared/errors.js';
import { newId } from '../shared/ids.js';
import { isUniqueViolation } from '../shared/sql.js';
import { OrgNotActive, RoleNotAllowed, UsernameTaken } from './identity.errors.js';
import { identityRepository as repo } from './identity.repository.js';
import { disallowedRoles } from './identity.rules.js';
import { assertPasswordAllowed } from './password-policy.js';
import { hashPassword } from './passwords.js';

export interface NewUser {
  username: string;
  displayName: string;
  password: string;
  orgId: string | null;
  roles: Role[];
  email?: string;
  phone?: string;
}

/**
 * Creates an active account after the checks every path shares: the org exists (and, unless bootstrapping,
 * is active), the roles suit the org's types, the username is free. Audited in the same transaction.
 */
export async function createActiveUser(
  db: Kysely<DB>,
  ctx: RequestContext,
  u: NewUser,
  opts: { requireActiveOrg: boolean; alsoInTx?: (tx: Kysely<DB>, userId: string) => Promise<void> },
): Promise<string> {
  assertPasswordAllowed(u.password, u.username);
  const passwordHash = await hashPassword(u.password);
  const id = newId('usr');
  await db
    .transaction()
    .execute(async (tx) => {
      const org = u.orgId ? await repo.findOrgById(tx, u.orgId) : null;
      if (u.orgId && !org) throw NotFound('organization', u.orgId);
      if (org && opts.requireActiveOrg && org.status !== 'active')
        throw OrgNotActive(undefined, { status: org.status });
      const bad = disallowedRoles(u.roles, org ? (org.types as OrgType[]) : null);
      if (bad.length) {
        throw RoleNotAllowed(`the organization may not hold the roles: ${bad.join(', ')}`, {
          field: 'roles',
          roles: bad,
        });
      }
      if (await repo.findUserByUsername(tx, u.username))
        throw UsernameTaken(undefined, { field: 'username' });
      const roles = [...new Set(u.roles)];
      await repo.insertUser(tx, {
        id,
        username: u.username.toLowerCase(),
        display_name: u.displayName,
        email: u.email ?? null,
        phone: u.phone ?? null,
        org_id: u.orgId,
        roles,
        status: 'active',
        password_hash: passwordHash,
        locked_until: null,
        last_login_at: null,
      });
      await recordAudit(tx, ctx, {
        action: 'identity.user.create',
        objectType: 'user',
        objectId: id,
        orgId: u.orgId,
        details: { username: u.username, roles },
      });
      // another domain's part of the same account (a person's ID card), committed with the user or not at all
      await opts.alsoInTx?.(tx, id);
    })
    .catch((e: unknown) => {
      // two sign-ups racing for one username: the check above passed for both, the unique index stops one
      if (isUniqueViolation(e, 'users_username_key')) throw UsernameTaken(undefined, { field: 'username' });
      throw e;
    });
  return id;
}
