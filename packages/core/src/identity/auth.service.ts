import type { ApiToken, Me, Role } from '@shuliu/contracts';
import type { Kysely } from 'kysely';
import type { z } from 'zod';
import type { CreateApiTokenBody } from '@shuliu/contracts';
import type { Config } from '../config.js';
import type { DB } from '../db/schema.js';
import { recordAudit } from '../audit/index.js';
import { requirePrincipal, type Principal, type RequestContext } from '../shared/context.js';
import { Forbidden, NotFound, Unauthenticated } from '../shared/errors.js';
import { hashHex } from '../shared/hash.js';
import { newId, randomToken } from '../shared/ids.js';
import { AccountLocked, TokenOutlivesParent, TokenRolesExceed, WrongPassword } from './identity.errors.js';
import { assertPasswordAllowed } from './password-policy.js';
import { toApiToken, toOrg, toUser } from './identity.mappers.js';
import { credentialsRepository as credentials } from './credentials.repository.js';
import { identityRepository as repo, splitOrg } from './identity.repository.js';
import { tokenExpiryWithin, tokenRolesWithin } from './identity.rules.js';
import { checkPasswordCounted, passwordLogin, SESSION_PREFIX } from './login.service.js';
import { clearAfterSuccess } from './lockout.js';
import { hashPassword } from './passwords.js';
import { ThrottleService } from './throttle.service.js';
import { PrincipalCache } from './principal-cache.js';
import { confirmPassword, type PasswordConfirmation } from './password-confirmation.js';

type Executor = Kysely<DB>;

const TOKEN_PREFIX = 'slt_';
/** last_seen_at / last_used_at are written at most this often, so reads stay reads. */
const TOUCH_INTERVAL_MS = 60_000;

const tokenHash = (token: string) => hashHex('sha256', token);

/** A principal and the user/org snapshot read with it, so `GET /api/me` needs no second query. */
export interface Authenticated {
  principal: Principal;
  me: Me;
}

export class AuthService {
  /** Per-IP and per-username limits on logins and other unauthenticated writes (shared across processes). */
  readonly throttle: ThrottleService;
  /** Principals by credential, off until the process follows the database's change announcements. */
  readonly principals = new PrincipalCache();

  constructor(
    private readonly db: Executor,
    private readonly config: Pick<Config, 'sessionTtlHours' | 'loginMaxFailures' | 'loginLockMinutes'>,
  ) {
    this.throttle = new ThrottleService(db);
  }

  login(ctx: RequestContext, username: string, password: string) {
    return passwordLogin(this.db, ctx, username, password, this.lockout());
  }

  private lockout() {
    return {
      maxFailures: this.config.loginMaxFailures,
      lockMinutes: this.config.loginLockMinutes,
      sessionTtlHours: this.config.sessionTtlHours,
    };
  }

  /**
   * What can be said about a bearer credential without the database: its cached principal, null when it
   * cannot be a credential at all, undefined when only `authenticate` can tell.
   */
  authenticateCached(bearer: string): Authenticated | null | undefined {
    if (!bearer.startsWith(SESSION_PREFIX) && !bearer.startsWith(TOKEN_PREFIX)) return null;
    return this.principals.get(tokenHash(bearer)) ?? undefined;
  }

  /** Resolves a bearer credential to a principal, or null when it is unknown, expired, revoked or barred. */
  async authenticate(bearer: string): Promise<Authenticated | null> {
    const session = bearer.startsWith(SESSION_PREFIX);
    if (!session && !bearer.startsWith(TOKEN_PREFIX)) return null;
    const hash = tokenHash(bearer);
    const cached = this.principals.get(hash);
    if (cached) return cached;
    const found = session ? await this.authenticateSession(hash) : await this.authenticateToken(hash);
    if (found) this.principals.set(hash, found);
    return found;
  }

  private async authenticateSession(hash: string): Promise<Authenticated | null> {
    const row = await repo.findSessionPrincipal(this.db, hash);
    if (!row || row.status === 'disabled' || row.o_status === 'suspended') return null;
    if (Date.now() - row.s_last_seen_at.getTime() > TOUCH_INTERVAL_MS)
      void credentials.touchSession(this.db, row.s_id).catch(() => {});
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
      mustChangePassword: row.must_change_password,
    };
    const me: Me = {
      user: toUser(row, org?.name ?? null),
      org: org ? toOrg(org) : null,
      session: { kind: 'session', id: row.s_id, expiresAt: row.s_expires_at.toISOString() },
    };
    return { principal, me };
  }

  private async authenticateToken(hash: string): Promise<Authenticated | null> {
    const row = await repo.findTokenPrincipal(this.db, hash);
    if (!row || row.status !== 'active' || (row.org_id && row.o_status !== 'active')) return null;
    if (!row.t_last_used_at || Date.now() - row.t_last_used_at.getTime() > TOUCH_INTERVAL_MS) {
      void credentials.touchToken(this.db, row.t_id).catch(() => {});
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
      mustChangePassword: row.must_change_password,
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
      if (p.kind === 'session') await credentials.revokeSession(tx, p.credentialId);
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
    // counted like logins, so a stolen session or token cannot guess the password behind it
    const attempt = await checkPasswordCounted(
      this.db,
      ctx,
      user,
      current,
      this.lockout(),
      'identity.user.password_change',
    ).catch((e: { code?: string }) => {
      throw e.code === 'IDENTITY_INVALID_CREDENTIALS' ? WrongPassword() : e;
    });
    assertPasswordAllowed(next, user.username, 'newPassword');
    const hash = await hashPassword(next);
    await this.db.transaction().execute(async (tx) => {
      if (!(await clearAfterSuccess(tx, p.userId, attempt))) throw AccountLocked();
      await repo.updateUser(tx, p.userId, {
        password_hash: hash,
        password_changed_at: new Date(),
        must_change_password: false,
        updated_at: new Date(),
      });
      await credentials.revokeSessionsOfUser(tx, p.userId, p.kind === 'session' ? p.credentialId : null);
      // a token is a password's child: whoever changes the password ends every token minted under the old one
      await credentials.revokeTokensOfUser(tx, p.userId);
      await recordAudit(tx, ctx, {
        action: 'identity.user.password_change',
        objectType: 'user',
        objectId: p.userId,
      });
    });
  }

  /** The caller re-enters their password to confirm one act (counted against the lockout like a login). */
  confirmPassword(ctx: RequestContext, password: string): Promise<PasswordConfirmation> {
    return confirmPassword(this.db, ctx, password, this.lockout());
  }

  async listSessions(ctx: RequestContext) {
    const p = requirePrincipal(ctx);
    const rows = await credentials.liveSessionsOf(this.db, p.userId, new Date());
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
      if (!(await credentials.revokeSessionOf(tx, p.userId, id))) throw NotFound('session', id);
      await recordAudit(tx, ctx, { action: 'identity.session.revoke', objectType: 'session', objectId: id });
    });
  }

  async listTokens(ctx: RequestContext): Promise<ApiToken[]> {
    const p = requirePrincipal(ctx);
    return (await credentials.tokensOf(this.db, p.userId)).map(toApiToken);
  }

  async createToken(ctx: RequestContext, body: z.output<typeof CreateApiTokenBody>) {
    const p = requirePrincipal(ctx);
    // a compute agent's signed calls are its one credential: it mints no bearer token
    if (p.kind === 'agent')
      throw Forbidden('a compute agent signs its calls with its key and mints no token');
    if (!tokenRolesWithin(body.roles, p.roles))
      throw TokenRolesExceed(undefined, { held: p.roles, asked: body.roles });
    const expiresAt = body.expiresInDays ? new Date(Date.now() + body.expiresInDays * 86_400_000) : null;
    if (!tokenExpiryWithin(p.kind, p.expiresAt, expiresAt))
      throw TokenOutlivesParent(undefined, {
        field: 'expiresInDays',
        parentExpiresAt: p.expiresAt?.toISOString() ?? null,
      });
    const token = TOKEN_PREFIX + randomToken();
    const row = {
      id: newId('tok'),
      user_id: p.userId,
      name: body.name,
      token_hash: tokenHash(token),
      prefix: token.slice(0, 10),
      roles: [...new Set(body.roles)],
      read_only: body.readOnly,
      expires_at: expiresAt,
      last_used_at: null,
      revoked_at: null,
      created_at: new Date(),
    };
    await this.db.transaction().execute(async (tx) => {
      await credentials.insertToken(tx, row);
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
      if ((await credentials.revokeTokenOf(tx, p.userId, id)) === undefined) throw NotFound('API token', id);
      await recordAudit(tx, ctx, { action: 'identity.token.revoke', objectType: 'api_token', objectId: id });
    });
  }
}
