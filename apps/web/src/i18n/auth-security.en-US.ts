import type { authSecurityZhCN, authSecurityApiErrorsZhCN } from './auth-security.zh-CN';

/** English — account security (issue 14): forced password change, token revocation, duty separation errors. */
// prettier-ignore
export const authSecurityEnUS: typeof authSecurityZhCN = {
  authSecurity: {
    mustChange: 'An administrator reset your password. Choose your own new password before using anything else.',
    changeEndsTokens: 'Changing your password ends your other sessions and revokes all your API tokens.',
    memberTokens: 'API tokens', memberTokensFor: (n: string) => `API tokens of "${n}"`,
    resetEffects: 'The reset ends this user’s sessions and revokes all their API tokens at once; at next login they must choose their own password, and they are notified.',
  },
};

export const authSecurityActionsEnUS: Record<string, string> = {
  'identity.token.revoke_member': 'Revoke a member’s API token',
};

export const authSecurityApiErrorsEnUS: Record<keyof typeof authSecurityApiErrorsZhCN, string> = {
  IDENTITY_ROLE_NOT_GRANTABLE: 'You may grant only roles you hold yourself',
  IDENTITY_TOKEN_OUTLIVES_PARENT: 'A token created with an API token may not expire later than that token',
  IDENTITY_PASSWORD_CHANGE_REQUIRED: 'An administrator reset your password: choose a new one first',
  IDENTITY_PASSWORD_WEAK: 'The password is too common or contains the username; choose another',
};
