import type { ErrorCode } from '@shuliu/contracts';

/** 简体中文 — 账号安全 (issue 14): forced password change, token revocation, duty separation errors. */
// prettier-ignore
export const authSecurityZhCN = {
  authSecurity: {
    mustChange: '管理员已重置您的密码。请先设置您自己的新密码，之后才能使用平台其他功能。',
    changeEndsTokens: '修改密码后，您的其他登录会话将结束，您的全部 API 令牌也将被吊销。',
    memberTokens: 'API 令牌', memberTokensFor: (n: string) => `「${n}」的 API 令牌`,
    resetEffects: '重置后该用户的会话和全部 API 令牌立即失效；对方下次登录时须先设置自己的新密码，并会收到站内通知。',
  },
};

export const authSecurityActionsZhCN: Record<string, string> = {
  'identity.token.revoke_member': '吊销成员 API 令牌',
};

export const authSecurityApiErrorsZhCN = {
  IDENTITY_ROLE_NOT_GRANTABLE: '只能授予您本人拥有的角色',
  IDENTITY_TOKEN_OUTLIVES_PARENT: '由 API 令牌创建的令牌，有效期不能晚于该令牌本身',
  IDENTITY_PASSWORD_CHANGE_REQUIRED: '管理员已重置您的密码，请先设置新密码',
  IDENTITY_PASSWORD_WEAK: '密码过于常见或包含用户名，请换一个',
} satisfies Partial<Record<ErrorCode, string>>;
