import type { ApiToken, Me, Role } from '@shuliu/contracts';
import type { Kysely, Selectable } from 'kysely';
import type { z } from 'zod';
import type { CreateApiTokenBody } from '@shuliu/contracts';
import type { Config } from '../config.js';
import type { DB } from '../db/schema.js';
import { recordAudit } from '../audit/index.js';
import { requirePrincipal, type Principal, type RequestContext } from '../shared/context.js';
import { NotFound, Unauthenticated } from '../shared/errors.js';
import { hashHex } from '../shared/hash.js';
import { newId, randomToken } from '../shared/ids.js';
import {
  AccountLocked,
  InvalidCredentials,
  OrgSuspended,
  TokenRolesExceed,
  UserDisabled,
  WrongPassword,
} from './identity.errors.js';
import { toOrg, toUser } from './identity.mappers.js';
import { identityRepository as repo, splitOrg } from './identity.repository.js';
import { afterFailedLogin, tokenRolesWithin } from './identity.rules.js';
import type { ApiTokensTable } from './identity.tables.js';
import { DUMMY_HASH, hashPassword, verifyPassword } from './passwords.js';

type Executor = Kysely<DB>;

const SESSION_PREFIX = 'sls_';
const TOKEN_PREFIX = 'slt_';
/** last_seen_at / last_used_at are written at most this often, so reads stay reads. */
const TOUCH_INTERVAL_MS = 60_000;

const tokenHash = (token: string) => hashHex('sha256', token);

/** A principal and the user/org snapshot read with it, so `GET /api/me` needs no second query. */
export interface Authenticated {
  principal: Principal;
  me: Me;
}

const toApiToken = (t: Selectable<ApiTokensTable>): ApiToken => ({
  id: t.id,
  name: t.name,
  prefix: t.prefix,
  roles: t.roles as Role[],
  readOnly: t.read_only,
  expiresAt: t.expires_at?.toISOString() ?? null,
  lastUsedAt: t.last_used_at?.toISOString() ?? null,
  revokedAt: t.revoked_at?.toISOString() ?? null,
  createdAt: t.created_at.toISOString(),
});

export class AuthService {
  constructor(
    private readonly db: Executor,
    private readonly config: Pick<Config, 'sessionTtlHours' | 'loginMaxFailures' | 'loginLockMinutes'>,
  ) {}

  async login(ctx: RequestContext, username: string, password: string) {
    const user = await repo.findUserByUsername(this.db, username);
    if (!user) {
      await verifyPassword(password, DUMMY_HASH);
      await this.auditFailure(ctx, 'identity.session.login', null, { username, reason: 'unknown user' });
      throw InvalidCredentials();
    }
    const now = new Date();
    if (user.locked_until && user.locked_until > now) {
      await this.auditFailure(ctx, 'identity.session.login', user.id, { username, reason: 'locked' });
      throw AccountLocked(undefined, { lockedUntil: user.locked_until.toISOString() });
    }
    if (!(await verifyPassword(password, user.password_hash))) {
      const next = await this.db.transaction().execute(async (tx) => {
        const fresh = await tx
          .selectFrom('users')
          .select('failed_logins')
          .where('id', '=', user.id)
          .forUpdate()
          .executeTakeFirstOrThrow();
        const state = afterFailedLogin(
          fresh.failed_logins,
          { maxFailures: this.config.loginMaxFailures, lockMinutes: this.config.loginLockMinutes },
          now,
        );
        await tx
          .updateTable('users')
          .set({ failed_logins: state.failedLogins, locked_until: state.lockedUntil })
          .where('id', '=', user.id)
          .execute();
        await recordAudit(tx, ctx, {
          action: 'identity.session.login',
          objectType: 'user',
          objectId: user.id,
          orgId: user.org_id,
          outcome: 'failure',
          details: { username: user.username, reason: 'wrong password', locked: state.lockedUntil !== null },
        });
        return state;
      });
      if (next.lockedUntil) throw AccountLocked(undefined, { lockedUntil: next.lockedUntil.toISOString() });
      throw InvalidCredentials();
    }
    if (user.status === 'disabled') {
      await this.auditFailure(ctx, 'identity.session.login', user.id, { username, reason: 'disabled' });
      throw UserDisabled();
    }
    const org = user.org_id ? await repo.findOrgById(this.db, user.org_id) : undefined;
    if (org?.status === 'suspended') {
      await this.auditFailure(ctx, 'identity.session.login', user.id, { username, reason: 'org suspended' });
      throw OrgSuspended();
    }
    const token = SESSION_PREFIX + randomToken();
    const expiresAt = new Date(now.getTime() + this.config.sessionTtlHours * 3_600_000);
    const sessionId = newId('ses');
    await this.db.transaction().execute(async (tx) => {
      await tx
        .insertInto('sessions')
        .values({
          id: sessionId,
          user_id: user.id,
          token_hash: tokenHash(token),
          expires_at: expiresAt,
          revoked_at: null,
          ip: ctx.ip,
          user_agent: ctx.userAgent?.slice(0, 300) ?? null,
        })
        .execute();
      await tx
        .updateTable('users')
        .set({ failed_logins: 0, locked_until: null, last_login_at: now })
        .where('id', '=', user.id)
        .execute();
      const principal: Principal = {
        kind: 'session',
        credentialId: sessionId,
        userId: user.id,
        username: user.username,
        displayName: user.display_name,
        orgId: user.org_id,
        roles: user.roles as Role[],
        readOnly: false,
        expiresAt,
      };
      await recordAudit(
        tx,
        { ...ctx, principal },
        { action: 'identity.session.login', objectType: 'session', objectId: sessionId },
      );
    });
    ctx.audited = true;
    return {
      token,
      expiresAt: expiresAt.toISOString(),
      user: toUser({ ...user, last_login_at: now, failed_logins: 0, locked_until: null }, org?.name ?? null),
    };
  }

  private auditFailure(
    ctx: RequestContext,
    action: string,
    userId: string | null,
    details: Record<string, unknown>,
  ) {
    return this.db
      .transaction()
      .execute((tx) =>
        recordAudit(tx, ctx, { action, objectType: 'user', objectId: userId, outcome: 'failure', details }),
      );
  }

  /** Resolves a bearer credential to a principal, or null when it is unknown, expired, revoked or barred. */
  async authenticate(bearer: string): Promise<Authenticated | null> {
    if (bearer.startsWith(SESSION_PREFIX)) return this.authenticateSession(bearer);
    if (bearer.startsWith(TOKEN_PREFIX)) return this.authenticateToken(bearer);
    return null;
  }

  private async authenticateSession(bearer: string): Promise<Authenticated | null> {
    const row = await repo.findSessionPrincipal(this.db, tokenHash(bearer));
    if (!row || row.status === 'disabled' || row.o_status === 'suspended') return null;
    if (Date.now() - row.s_last_seen_at.getTime() > TOUCH_INTERVAL_MS)
      void repo.touchSession(this.db, row.s_id).catch(() => {});
    const org = splitOrg(row);
    const principal: Principal = {
      kind: 'session',
      credentialId: row.s_id,
      userId: row.id,
      username: row.username,
      displayName: row.display_name,
      orgId: row.org_id,
      roles: row.roles as Role[],
      readOnly: false,
      expiresAt: row.s_expires_at,
    };
    const me: Me = {
      user: toUser(row, org?.name ?? null),
      org: org ? toOrg(org) : null,
      session: { kind: 'session', id: row.s_id, expiresAt: row.s_expires_at.toISOString() },
    };
    return { principal, me };
  }

  private async authenticateToken(bearer: string): Promise<Authenticated | null> {
    const row = await repo.findTokenPrincipal(this.db, tokenHash(bearer));
    if (!row || row.status !== 'active' || (row.org_id && row.o_status !== 'active')) return null;
    if (!row.t_last_used_at || Date.now() - row.t_last_used_at.getTime() > TOUCH_INTERVAL_MS) {
      void repo.touchToken(this.db, row.t_id).catch(() => {});
    }
    const org = splitOrg(row);
    const roles = (row.t_roles as Role[]).filter((r) => row.roles.includes(r));
    const principal: Principal = {
      kind: 'api_token',
      credentialId: row.t_id,
      userId: row.id,
      username: row.username,
      displayName: row.display_name,
      orgId: row.org_id,
      roles,
      readOnly: row.t_read_only,
      expiresAt: row.t_expires_at,
    };
    const me: Me = {
      user: { ...toUser(row, org?.name ?? null), roles },
      org: org ? toOrg(org) : null,
      session: { kind: 'api_token', id: row.t_id, expiresAt: row.t_expires_at?.toISOString() ?? null },
    };
    return { principal, me };
  }

  async logout(ctx: RequestContext): Promise<void> {
    const p = requirePrincipal(ctx);
    await this.db.transaction().execute(async (tx) => {
      if (p.kind === 'session') {
        await tx
          .updateTable('sessions')
          .set({ revoked_at: new Date() })
          .where('id', '=', p.credentialId)
          .execute();
      }
      await recordAudit(tx, ctx, {
        action: 'identity.session.logout',
        objectType: p.kind,
        objectId: p.credentialId,
      });
    });
  }

  async changePassword(ctx: RequestContext, current: string, next: string): Promise<void> {
    const p = requirePrincipal(ctx);
    const user = await repo.findUserById(this.db, p.userId);
    if (!user) throw Unauthenticated();
    if (!(await verifyPassword(current, user.password_hash))) throw WrongPassword();
    const hash = await hashPassword(next);
    await this.db.transaction().execute(async (tx) => {
      await tx
        .updateTable('users')
        .set({ password_hash: hash, password_changed_at: new Date(), updated_at: new Date() })
        .where('id', '=', p.userId)
        .execute();
      await repo.revokeSessionsOfUser(tx, p.userId, p.kind === 'session' ? p.credentialId : null);
      await recordAudit(tx, ctx, {
        action: 'identity.user.password_change',
        objectType: 'user',
        objectId: p.userId,
      });
    });
  }

  async listSessions(ctx: RequestContext) {
    const p = requirePrincipal(ctx);
    const rows = await this.db
      .selectFrom('sessions')
      .selectAll()
      .where('user_id', '=', p.userId)
      .where('revoked_at', 'is', null)
      .where('expires_at', '>', new Date())
      .orderBy('created_at', 'desc')
      .execute();
    return rows.map((s) => ({
      id: s.id,
      createdAt: s.created_at.toISOString(),
      lastSeenAt: s.last_seen_at.toISOString(),
      expiresAt: s.expires_at.toISOString(),
      ip: s.ip,
      userAgent: s.user_agent,
      current: p.kind === 'session' && p.credentialId === s.id,
    }));
  }

  async revokeSession(ctx: RequestContext, id: string): Promise<void> {
    const p = requirePrincipal(ctx);
    await this.db.transaction().execute(async (tx) => {
      const r = await tx
        .updateTable('sessions')
        .set({ revoked_at: new Date() })
        .where('id', '=', id)
        .where('user_id', '=', p.userId)
        .where('revoked_at', 'is', null)
        .executeTakeFirst();
      if (Number(r.numUpdatedRows) === 0) throw NotFound('session', id);
      await recordAudit(tx, ctx, { action: 'identity.session.revoke', objectType: 'session', objectId: id });
    });
  }

  async listTokens(ctx: RequestContext): Promise<ApiToken[]> {
    const p = requirePrincipal(ctx);
    const rows = await this.db
      .selectFrom('api_tokens')
      .selectAll()
      .where('user_id', '=', p.userId)
      .orderBy('created_at', 'desc')
      .execute();
    return rows.map(toApiToken);
  }

  async createToken(ctx: RequestContext, body: z.output<typeof CreateApiTokenBody>) {
    const p = requirePrincipal(ctx);
    if (!tokenRolesWithin(body.roles, p.roles))
      throw TokenRolesExceed(undefined, { held: p.roles, asked: body.roles });
    const token = TOKEN_PREFIX + randomToken();
    const row = {
      id: newId('tok'),
      user_id: p.userId,
      name: body.name,
      token_hash: tokenHash(token),
      prefix: token.slice(0, 10),
      roles: [...new Set(body.roles)],
      read_only: body.readOnly,
      expires_at: body.expiresInDays ? new Date(Date.now() + body.expiresInDays * 86_400_000) : null,
      last_used_at: null,
      revoked_at: null,
      created_at: new Date(),
    };
    await this.db.transaction().execute(async (tx) => {
      await tx.insertInto('api_tokens').values(row).execute();
      await recordAudit(tx, ctx, {
        action: 'identity.token.create',
        objectType: 'api_token',
        objectId: row.id,
        details: { name: row.name, roles: row.roles, readOnly: row.read_only },
      });
    });
    return { token, apiToken: toApiToken(row) };
  }

  async revokeToken(ctx: RequestContext, id: string): Promise<void> {
    const p = requirePrincipal(ctx);
    await this.db.transaction().execute(async (tx) => {
      const r = await tx
        .updateTable('api_tokens')
        .set({ revoked_at: new Date() })
        .where('id', '=', id)
        .where('user_id', '=', p.userId)
        .where('revoked_at', 'is', null)
        .executeTakeFirst();
      if (Number(r.numUpdatedRows) === 0) throw NotFound('API token', id);
      await recordAudit(tx, ctx, { action: 'identity.token.revoke', objectType: 'api_token', objectId: id });
    });
  }
}
