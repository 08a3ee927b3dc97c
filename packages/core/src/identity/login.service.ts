import type { Role } from '@shuliu/contracts';
import type { Kysely, Selectable } from 'kysely';
import type { DB } from '../db/schema.js';
import { recordAudit } from '../audit/index.js';
import { notifyUsers } from '../notifications/index.js';
import type { Principal, RequestContext } from '../shared/context.js';
import { hashHex } from '../shared/hash.js';
import { newId, randomToken } from '../shared/ids.js';
import { AccountLocked, InvalidCredentials, OrgSuspended, UserDisabled } from './identity.errors.js';
import { credentialsRepository as credentials } from './credentials.repository.js';
import { toUser } from './identity.mappers.js';
import { identityRepository as repo } from './identity.repository.js';
import type { UsersTable } from './identity.tables.js';
import {
  admitUnknownAttempt,
  admitUserAttempt,
  clearAfterSuccess,
  type Attempt,
  type LockoutSettings,
} from './lockout.js';
import { DUMMY_HASH, verifyPassword } from './passwords.js';

type Executor = Kysely<DB>;
export const SESSION_PREFIX = 'sls_';

const locked = (until: Date) => AccountLocked(undefined, { lockedUntil: until.toISOString() });

/**
 * Checks a password against an account under the lockout: counted before the hash (so parallel guesses get
 * at most `maxFailures` comparisons), refused while locked whatever the password, and a wrong one that locks
 * tells the owner. Returns the attempt so a success can clear the count without clearing an earned lock.
 */
export async function checkPasswordCounted(
  db: Executor,
  ctx: RequestContext,
  user: Selectable<UsersTable>,
  password: string,
  settings: LockoutSettings,
  action: string,
): Promise<Attempt & { admitted: true }> {
  const attempt = await admitUserAttempt(db, user.id, settings);
  if (!attempt.admitted) {
    await auditFailure(db, ctx, action, user.id, { username: user.username, reason: 'locked' });
    throw locked(attempt.lockedUntil);
  }
  if (await verifyPassword(password, user.password_hash)) return attempt;
  await db.transaction().execute(async (tx) => {
    if (attempt.lockIfWrong) {
      await notifyUsers(tx, [user.id], {
        kind: 'identity.account_locked',
        title: '账号因多次密码错误被锁定',
        body: `您的账号在多次密码错误后被锁定至 ${attempt.lockIfWrong.toISOString()}。如非本人操作，请在解锁后修改密码，或联系本机构管理员。`,
        params: { lockedUntil: attempt.lockIfWrong.toISOString(), ip: ctx.ip },
      });
    }
    await recordAudit(tx, ctx, {
      action,
      objectType: 'user',
      objectId: user.id,
      orgId: user.org_id,
      outcome: 'failure',
      details: { username: user.username, reason: 'wrong password', locked: attempt.lockIfWrong !== null },
    });
  });
  if (attempt.lockIfWrong) throw locked(attempt.lockIfWrong);
  throw InvalidCredentials();
}

export function auditFailure(
  db: Executor,
  ctx: RequestContext,
  action: string,
  userId: string | null,
  details: Record<string, unknown>,
) {
  return db
    .transaction()
    .execute((tx) =>
      recordAudit(tx, ctx, { action, objectType: 'user', objectId: userId, outcome: 'failure', details }),
    );
}

/** Username and password → a new session; unknown usernames are answered as known ones are (401, then 423). */
export async function passwordLogin(
  db: Executor,
  ctx: RequestContext,
  username: string,
  password: string,
  settings: LockoutSettings & { sessionTtlHours: number },
) {
  const action = 'identity.session.login';
  const user = await repo.findUserByUsername(db, username);
  if (!user) {
    const attempt = await admitUnknownAttempt(db, username.toLowerCase(), settings);
    await auditFailure(db, ctx, action, null, { username, reason: 'unknown user' });
    if (!attempt.admitted) throw locked(attempt.lockedUntil);
    await verifyPassword(password, DUMMY_HASH);
    if (attempt.lockIfWrong) throw locked(attempt.lockIfWrong);
    throw InvalidCredentials();
  }
  const attempt = await checkPasswordCounted(db, ctx, user, password, settings, action);
  if (user.status === 'disabled') {
    await auditFailure(db, ctx, action, user.id, { username, reason: 'disabled' });
    throw UserDisabled();
  }
  const org = user.org_id ? await repo.findOrgById(db, user.org_id) : undefined;
  if (org?.status === 'suspended') {
    await auditFailure(db, ctx, action, user.id, { username, reason: 'org suspended' });
    throw OrgSuspended();
  }
  const now = new Date();
  const token = SESSION_PREFIX + randomToken();
  const expiresAt = new Date(now.getTime() + settings.sessionTtlHours * 3_600_000);
  const sessionId = newId('ses');
  await db
    .transaction()
    .execute(async (tx) => {
      // a success racing with failures that locked the account meanwhile gets no session
      if (!(await clearAfterSuccess(tx, user.id, attempt, { last_login_at: now }))) {
        const row = await repo.findUserById(tx, user.id);
        throw locked(row?.locked_until ?? now);
      }
      await credentials.insertSession(tx, {
        id: sessionId,
        user_id: user.id,
        token_hash: hashHex('sha256', token),
        expires_at: expiresAt,
        revoked_at: null,
        ip: ctx.ip,
        user_agent: ctx.userAgent?.slice(0, 300) ?? null,
      });
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
        mustChangePassword: user.must_change_password,
      };
      await recordAudit(tx, { ...ctx, principal }, { action, objectType: 'session', objectId: sessionId });
    })
    .catch(async (e: unknown) => {
      if ((e as { code?: string }).code === 'IDENTITY_ACCOUNT_LOCKED')
        await auditFailure(db, ctx, action, user.id, { username, reason: 'locked' });
      throw e;
    });
  ctx.audited = true;
  return {
    token,
    expiresAt: expiresAt.toISOString(),
    user: toUser({ ...user, last_login_at: now, failed_logins: 0, locked_until: null }, org?.name ?? null),
  };
}
