import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.js';
import { requirePrincipal, type RequestContext } from '../shared/context.js';
import { Unauthenticated } from '../shared/errors.js';
import { AccountLocked, WrongPassword } from './identity.errors.js';
import { identityRepository as repo } from './identity.repository.js';
import { clearAfterSuccess, type LockoutSettings } from './lockout.js';
import { checkPasswordCounted } from './login.service.js';

declare const confirmed: unique symbol;

/**
 * Proof that the calling user re-entered their own password just now, for acts that need more than a
 * session (an org signature, a change of the org's signing key). Only `confirmPassword` makes one.
 */
export interface PasswordConfirmation {
  readonly userId: string;
  readonly at: Date;
  readonly [confirmed]: true;
}

/** How long a password confirmation counts: one act, not a session. */
export const PASSWORD_CONFIRMATION_TTL_MS = 5 * 60_000;

/** Whether a confirmation was made by this user and is still fresh. */
export function confirmsUser(c: PasswordConfirmation | undefined, userId: string, now = Date.now()): boolean {
  const age = c ? now - c.at.getTime() : -1;
  return !!c && c.userId === userId && age >= 0 && age < PASSWORD_CONFIRMATION_TTL_MS;
}

/**
 * The caller re-enters their password to confirm one act. Counted against the lockout like a login, so a
 * stolen session cannot guess it (等保 2.0 登录失败处理); a wrong one is 400 IDENTITY_WRONG_PASSWORD naming
 * the field, and the lock it earns holds whatever the password.
 */
export async function confirmPassword(
  db: Kysely<DB>,
  ctx: RequestContext,
  password: string,
  lockout: LockoutSettings,
): Promise<PasswordConfirmation> {
  const p = requirePrincipal(ctx);
  const user = await repo.findUserById(db, p.userId);
  if (!user) throw Unauthenticated();
  const attempt = await checkPasswordCounted(
    db,
    ctx,
    user,
    password,
    lockout,
    'identity.user.password_confirm',
  ).catch((e: { code?: string }) => {
    throw e.code === 'IDENTITY_INVALID_CREDENTIALS'
      ? WrongPassword('the password is wrong: re-enter your own password to confirm this act', {
          field: 'password',
        })
      : e;
  });
  if (!(await clearAfterSuccess(db, p.userId, attempt))) throw AccountLocked();
  return { userId: p.userId, at: new Date() } as PasswordConfirmation;
}
