import type { ApiToken, CreateUserBody, OrgType, Paged, Role, UpdateUserBody, User } from '@shuliu/contracts';
import type { Kysely } from 'kysely';
import type { z } from 'zod';
import type { DB } from '../db/schema.js';
import { recordAudit } from '../audit/index.js';
import { notifyUsers } from '../notifications/index.js';
import { hasRole, requirePrincipal, type RequestContext } from '../shared/context.js';
import { Forbidden, NotFound } from '../shared/errors.js';
import { RoleNotAllowed, RoleNotGrantable, SelfLockout } from './identity.errors.js';
import { toUser } from './identity.mappers.js';
import { credentialsRepository as credentials } from './credentials.repository.js';
import { identityRepository as repo, type UserFilter } from './identity.repository.js';
import { disallowedRoles, initialAdminRoles, rolesNotGrantable } from './identity.rules.js';
import { assertPasswordAllowed } from './password-policy.js';
import { hashPassword } from './passwords.js';
import { createActiveUser } from './user-creation.js';
import { listTokensOf, revokeTokenOf } from './member-tokens.js';

type Executor = Kysely<DB>;

/**
 * User administration with duties apart (等保 2.0 三员分立): an org's users and roles are managed by that org's
 * own org_admin. The platform operator sees every account, creates only the first org_admin of an org that
 * has none, and may disable or re-enable — never re-role, re-profile or set the password of — anyone else.
 */
export class UsersService {
  constructor(private readonly db: Executor) {}

  /** 'admin' when the caller is the org_admin of the user's org, 'operator' for the platform operator. */
  private standing(ctx: RequestContext, user: { org_id: string | null }): 'admin' | 'operator' | null {
    const p = requirePrincipal(ctx);
    if (user.org_id && user.org_id === p.orgId && p.roles.includes('org_admin')) return 'admin';
    if (hasRole(ctx, 'operator')) return 'operator';
    return null;
  }

  /** The org whose users the caller may list, or null for operators (every org). */
  private scope(ctx: RequestContext): string | null {
    const p = requirePrincipal(ctx);
    if (hasRole(ctx, 'operator')) return null;
    if (!p.orgId) throw Forbidden();
    return p.orgId;
  }

  private async loadManaged(tx: Executor, ctx: RequestContext, id: string) {
    const user = await repo.findUserById(tx, id);
    const standing = user ? this.standing(ctx, user) : null;
    if (!user || !standing) throw NotFound('user', id);
    return { user, standing };
  }

  private async orgName(db: Executor, orgId: string | null) {
    return orgId ? ((await repo.findOrgById(db, orgId))?.name ?? null) : null;
  }

  async list(ctx: RequestContext, f: UserFilter, page: number, pageSize: number): Promise<Paged<User>> {
    const scope = this.scope(ctx);
    const { rows, total } = await repo.searchUsers(
      this.db,
      scope ? { ...f, orgId: scope } : f,
      page,
      pageSize,
    );
    return { items: rows.map((r) => toUser(r, r.org_name)), total, page, pageSize };
  }

  async get(ctx: RequestContext, id: string): Promise<User> {
    const { user } = await this.loadManaged(this.db, ctx, id);
    return toUser(user, await this.orgName(this.db, user.org_id));
  }

  async create(ctx: RequestContext, body: z.output<typeof CreateUserBody>): Promise<User> {
    const p = requirePrincipal(ctx);
    const orgId = body.orgId ?? p.orgId;
    if (!orgId) throw Forbidden('name the organization of the new user');
    const standing = this.standing(ctx, { org_id: orgId });
    const org = standing ? await repo.findOrgById(this.db, orgId) : undefined;
    // a role the org may not hold at all is the clearer answer, before whether the caller may grant it
    if (org) this.checkRoles(body.roles, org.types as OrgType[]);
    if (standing === 'admin') {
      const bad = rolesNotGrantable(p.roles, body.roles);
      if (bad.length) throw RoleNotGrantable(undefined, { field: 'roles', roles: bad });
    } else if (standing === 'operator') {
      await this.checkFirstAdmin(orgId, body.roles);
    } else throw Forbidden('you may create users only in your own organization');
    const id = await createActiveUser(this.db, ctx, { ...body, orgId }, { requireActiveOrg: true });
    await this.db.transaction().execute((tx) =>
      notifyUsers(tx, [id], {
        kind: 'identity.account_created',
        title: '账号已开通',
        body: `${p.username} 为您开通了账号，角色：${body.roles.join('、')}。首次登录后请及时修改密码。`,
        params: { by: p.username, roles: body.roles },
      }),
    );
    return this.get(ctx, id);
  }

  /**
   * The operator's one way into another org: its first org_admin, when it has none, with the roles approval
   * gives (the org's reviewed types). Never a regulator: regulator accounts come only from the regulator org.
   */
  private async checkFirstAdmin(orgId: string, roles: Role[]) {
    const org = await repo.findOrgById(this.db, orgId);
    if (!org) throw NotFound('organization', orgId);
    const types = org.types as OrgType[];
    const allowed = initialAdminRoles(types);
    const admins = await repo.orgAdminIds(this.db, orgId);
    if (admins.length || types.includes('regulator') || !roles.includes('org_admin'))
      throw Forbidden(
        'the platform operator creates only the first org_admin of an organization that has none; its own org_admin manages the rest',
      );
    const bad = roles.filter((r) => !allowed.includes(r));
    if (bad.length) throw RoleNotGrantable(undefined, { field: 'roles', roles: bad });
  }

  private checkRoles(roles: Role[], orgTypes: OrgType[] | null) {
    const bad = disallowedRoles(roles, orgTypes);
    if (bad.length)
      throw RoleNotAllowed(`the organization may not hold the roles: ${bad.join(', ')}`, {
        field: 'roles',
        roles: bad,
      });
  }

  async update(ctx: RequestContext, id: string, body: z.output<typeof UpdateUserBody>): Promise<User> {
    const p = requirePrincipal(ctx);
    await this.db.transaction().execute(async (tx) => {
      const { user, standing } = await this.loadManaged(tx, ctx, id);
      const { status, ...rest } = body;
      if (standing === 'operator' && Object.values(rest).some((v) => v !== undefined))
        throw Forbidden("the platform operator may only disable or re-enable another organization's account");
      if (body.roles) {
        const org = user.org_id ? await repo.findOrgById(tx, user.org_id) : null;
        this.checkRoles(body.roles, org ? (org.types as OrgType[]) : null);
        const bad = rolesNotGrantable(p.roles, body.roles, user.roles as Role[]);
        if (bad.length) throw RoleNotGrantable(undefined, { field: 'roles', roles: bad });
      }
      if (id === p.userId) {
        const dropsAdmin =
          body.roles &&
          p.roles.some((r) => (r === 'operator' || r === 'org_admin') && !body.roles!.includes(r));
        if (status === 'disabled' || dropsAdmin) throw SelfLockout();
      }
      await repo.updateUser(tx, id, {
        ...(body.displayName !== undefined && { display_name: body.displayName }),
        ...(body.email !== undefined && { email: body.email }),
        ...(body.phone !== undefined && { phone: body.phone }),
        ...(body.roles !== undefined && { roles: [...new Set(body.roles)] }),
        ...(status !== undefined && { status }),
        updated_at: new Date(),
      });
      if (status === 'disabled') {
        await credentials.revokeSessionsOfUser(tx, id);
        await credentials.revokeTokensOfUser(tx, id);
      }
      await notifyUsers(tx, [id], {
        kind: 'identity.account_changed',
        title: '账号信息已变更',
        body: `管理员 ${p.username} 修改了您的账号${body.roles || status ? '（角色或状态）' : ''}。`,
        params: { by: p.username, roles: body.roles ?? null, status: status ?? null },
      });
      await recordAudit(tx, ctx, {
        action: 'identity.user.update',
        objectType: 'user',
        objectId: id,
        orgId: user.org_id,
        details: { before: { roles: user.roles, status: user.status }, changes: body },
      });
    });
    return this.get(ctx, id);
  }

  /**
   * An org_admin's reset of a member's password: a temporary one the member must replace at next login
   * (nothing else works until then), told in a notification; sessions and API tokens end. A natural
   * person's password is never set by staff, and the platform operator sets no one's.
   */
  async resetPassword(ctx: RequestContext, id: string, password: string): Promise<void> {
    const p = requirePrincipal(ctx);
    const hash = await hashPassword(password);
    await this.db.transaction().execute(async (tx) => {
      const { user, standing } = await this.loadManaged(tx, ctx, id);
      if (standing !== 'admin' || (user.roles as Role[]).includes('person'))
        throw Forbidden(
          "only the user's own org_admin may reset a password, and never a natural person's: they reset it themselves",
        );
      assertPasswordAllowed(password, user.username);
      await repo.updateUser(tx, id, {
        password_hash: hash,
        password_changed_at: new Date(),
        must_change_password: true,
        failed_logins: 0,
        locked_until: null,
        updated_at: new Date(),
      });
      await credentials.revokeSessionsOfUser(tx, id);
      await credentials.revokeTokensOfUser(tx, id);
      await notifyUsers(tx, [id], {
        kind: 'identity.password_reset',
        title: '密码已被管理员重置',
        body: `管理员 ${p.username} 重置了您的密码，您的会话和 API 令牌均已失效。下次登录须先设置新密码。`,
        params: { by: p.username },
      });
      await recordAudit(tx, ctx, {
        action: 'identity.user.password_reset',
        objectType: 'user',
        objectId: id,
        orgId: user.org_id,
        details: { mustChangePassword: true, tokensRevoked: true },
      });
    });
  }

  async unlock(ctx: RequestContext, id: string): Promise<User> {
    const p = requirePrincipal(ctx);
    await this.db.transaction().execute(async (tx) => {
      const { user } = await this.loadManaged(tx, ctx, id);
      await repo.updateUser(tx, id, { failed_logins: 0, locked_until: null, updated_at: new Date() });
      await notifyUsers(tx, [id], {
        kind: 'identity.account_unlocked',
        title: '账号已解锁',
        body: `管理员 ${p.username} 解除了您账号的登录锁定。`,
        params: { by: p.username },
      });
      await recordAudit(tx, ctx, {
        action: 'identity.user.unlock',
        objectType: 'user',
        objectId: id,
        orgId: user.org_id,
      });
    });
    return this.get(ctx, id);
  }

  /** An org member's API tokens, for their org_admin (or the operator) to review. */
  async listTokens(ctx: RequestContext, id: string): Promise<ApiToken[]> {
    await this.loadManaged(this.db, ctx, id);
    return listTokensOf(this.db, id);
  }

  /** Revokes a member's API token (an org_admin's, or the operator's, like disabling); the owner is told. */
  async revokeToken(ctx: RequestContext, id: string, tokenId: string): Promise<void> {
    await this.db.transaction().execute(async (tx) => {
      const { user } = await this.loadManaged(tx, ctx, id);
      await revokeTokenOf(tx, ctx, user, tokenId);
    });
  }
}
