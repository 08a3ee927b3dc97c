import { describe, expect, it } from 'vitest';
import { Password } from '../identity.js';
import { isCommonPassword, passwordProblem } from './password-policy.js';

describe('password policy (issue 14: username plus digits, common passwords)', () => {
  it('refuses a password that contains the username, whatever the case', () => {
    expect(passwordProblem('Zhangsan123456', 'zhangsan')).toBe('containsUsername');
    expect(passwordProblem('my-ZHANGSAN-2026', 'zhangsan')).toBe('containsUsername');
    expect(passwordProblem('Correct-horse-42', 'zhangsan')).toBeNull();
  });

  it('refuses common passwords, also decorated with digits and symbols', () => {
    for (const p of ['Password123', 'qwerty123456', 'Admin@123', '1qaz2wsx3edc', 'woaini1314'])
      expect(isCommonPassword(p), p).toBe(true);
    expect(isCommonPassword('Correct-horse-42')).toBe(false);
    expect(Password.safeParse('Password2026!').success).toBe(false);
    expect(Password.safeParse('Shuliu2026!').success).toBe(true);
  });
});
