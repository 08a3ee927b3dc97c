import type { CreateUserBody, Org, OrgType, Paged, Role, UpdateUserBody, User } from '@shuliu/contracts';
import type { Kysely } from 'kysely';
import type { z } from 'zod';
import type { DB } from '../db/schema.js';
import { recordAudit } from '../audit/index.js';
import { notifyUsers } from '../notifications/index.js';
import { hasRole, requirePrincipal, type RequestContext } from '../shared/context.js';
import { Forbidden, NotFound } from '../shared/errors.js';
import { OrgNotActive, RoleNotAllowed, SelfLockout } from './identity.errors.js';
import { toOrg, toUser } from './identity.mappers.js';
import { identityRepository as repo, type UserFilter } from './identity.repository.js';
import { disallowedRoles } from './identity.rules.js';
import { hashPassword } from './passwords.js';
import { createActiveUser } from './user-creation.js';

type Executor = Kysely<DB>;

/** User administration: operators manage every account, an org's administrators manage their own org's. */
export class UsersService {
  constructor(private readonly db: Executor) {}

  /** The org whose users the caller may manage, or null for operators (every org). */
  private scope(ctx: RequestContext): string | null {
    const p = requirePrincipal(ctx);
    if (hasRole(ctx, 'operator')) return null;
    if (!p.orgId) throw Forbidden();
    return p.orgId;
  }

  private async loadManaged(tx: Executor, ctx: RequestContext, id: string) {
    const scope = this.scope(ctx);
    const user = await repo.findUserById(tx, id);
    if (!user || (scope !== null && user.org_id !== scope)) throw NotFound('user', id);
    return user;
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
    const u = await this.loadManaged(this.db, ctx, id);
    return toUser(u, await this.orgName(this.db, u.org_id));
  }

  async create(ctx: RequestContext, body: z.output<typeof CreateUserBody>): Promise<User> {
    const p = requirePrincipal(ctx);
    const scope = this.scope(ctx);
    const orgId = body.orgId ?? p.orgId;
    if (scope !== null && orgId !== scope)
      throw Forbidden('you may create users only in your own organization');
    const id = await createActiveUser(
      this.db,
      ctx,
      { ...body, orgId: orgId ?? null },
      { requireActiveOrg: true },
    );
    return this.get(ctx, id);
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
      const user = await this.loadManaged(tx, ctx, id);
      if (body.roles) {
        const org = user.org_id ? await repo.findOrgById(tx, user.org_id) : null;
        this.checkRoles(body.roles, org ? (org.types as OrgType[]) : null);
      }
      if (id === p.userId) {
        const dropsAdmin =
          body.roles &&
          p.roles.some((r) => (r === 'operator' || r === 'org_admin') && !body.roles!.includes(r));
        if (body.status === 'disabled' || dropsAdmin) throw SelfLockout();
      }
      await tx
        .updateTable('users')
        .set({
          ...(body.displayName !== undefined && { display_name: body.displayName }),
          ...(body.email !== undefined && { email: body.email }),
          ...(body.phone !== undefined && { phone: body.phone }),
          ...(body.roles !== undefined && { roles: [...new Set(body.roles)] }),
          ...(body.status !== undefined && { status: body.status }),
          updated_at: new Date(),
        })
        .where('id', '=', id)
        .execute();
      if (body.status === 'disabled') await repo.revokeSessionsOfUser(tx, id);
      if (body.roles || body.status) {
        await notifyUsers(tx, [id], {
          kind: 'identity.account_changed',
          title: '账号权限已变更',
          body: `管理员 ${p.username} 修改了您的账号（角色或状态）。`,
          params: { by: p.username, roles: body.roles ?? null, status: body.status ?? null },
        });
      }
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

  async resetPassword(ctx: RequestContext, id: string, password: string): Promise<void> {
    const hash = await hashPassword(password);
    await this.db.transaction().execute(async (tx) => {
      const user = await this.loadManaged(tx, ctx, id);
      await tx
        .updateTable('users')
        .set({
          password_hash: hash,
          password_changed_at: new Date(),
          failed_logins: 0,
          locked_until: null,
          updated_at: new Date(),
        })
        .where('id', '=', id)
        .execute();
      await repo.revokeSessionsOfUser(tx, id);
      await recordAudit(tx, ctx, {
        action: 'identity.user.password_reset',
        objectType: 'user',
        objectId: id,
        orgId: user.org_id,
      });
    });
  }

  async unlock(ctx: RequestContext, id: string): Promise<User> {
    await this.db.transaction().execute(async (tx) => {
      const user = await this.loadManaged(tx, ctx, id);
      await tx
        .updateTable('users')
        .set({ failed_logins: 0, locked_until: null, updated_at: new Date() })
        .where('id', '=', id)
        .execute();
      await recordAudit(tx, ctx, {
        action: 'identity.user.unlock',
        objectType: 'user',
        objectId: id,
        orgId: user.org_id,
      });
    });
    return this.get(ctx, id);
  }
}

/** Organizations as operators and regulators see them. */
export class OrgsService {
  constructor(private readonly db: Executor) {}

  async list(
    f: { status?: string; type?: string; q?: string },
    page: number,
    pageSize: number,
  ): Promise<Paged<Org>> {
    const { rows, total } = await repo.searchOrgs(this.db, f, page, pageSize);
    return { items: rows.map(toOrg), total, page, pageSize };
  }

  async get(id: string): Promise<Org> {
    const org = await repo.findOrgById(this.db, id);
    if (!org) throw NotFound('organization', id);
    return toOrg(org);
  }

  async setStatus(
    ctx: RequestContext,
    id: string,
    status: 'active' | 'suspended',
    reason: string,
  ): Promise<Org> {
    const p = requirePrincipal(ctx);
    await this.db.transaction().execute(async (tx) => {
      const org = await tx.selectFrom('orgs').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
      if (!org) throw NotFound('organization', id);
      if (org.id === p.orgId && status === 'suspended')
        throw SelfLockout('you cannot suspend your own organization');
      if (org.status !== 'active' && org.status !== 'suspended')
        throw OrgNotActive(
          `an organization in status ${org.status} cannot be ${status === 'active' ? 'reactivated' : 'suspended'}`,
          { status: org.status },
        );
      await tx.updateTable('orgs').set({ status, updated_at: new Date() }).where('id', '=', id).execute();
      const members = (
        await tx
          .selectFrom('users')
          .select('id')
          .where('org_id', '=', id)
          .where('status', '=', 'active')
          .execute()
      ).map((u) => u.id);
      await notifyUsers(tx, members, {
        kind: status === 'suspended' ? 'identity.org_suspended' : 'identity.org_reactivated',
        title: status === 'suspended' ? '机构已被暂停' : '机构已恢复',
        body: `${org.name}：${reason}`,
        params: { reason },
      });
      await recordAudit(tx, ctx, {
        action: 'identity.org.status',
        objectType: 'org',
        objectId: id,
        orgId: id,
        details: { from: org.status, to: status, reason },
      });
    });
    return this.get(id);
  }
}
