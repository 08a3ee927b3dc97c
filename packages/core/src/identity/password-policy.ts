import { passwordProblem } from '@shuliu/contracts';
import { PasswordWeak } from './identity.errors.js';

/** 等保 2.0 §8.1.4.1 a: refuse a common password, or one containing the account's username (400 naming the field). */
export function assertPasswordAllowed(password: string, username: string, field = 'password'): void {
  const problem = passwordProblem(password, username);
  if (!problem) return;
  throw PasswordWeak(
    problem === 'common'
      ? 'the password is too common: choose one that is not on lists of popular passwords'
      : 'the password must not contain the username',
    { field, problem },
  );
}
