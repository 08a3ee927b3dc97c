import { createError } from '../shared/errors.js';

export const InvalidCredentials = createError(
  'IDENTITY_INVALID_CREDENTIALS',
  'wrong username or password',
  401,
);
export const AccountLocked = createError(
  'IDENTITY_ACCOUNT_LOCKED',
  'the account is locked after repeated failed logins',
  423,
);
export const UserDisabled = createError('IDENTITY_USER_DISABLED', 'the account is disabled', 403);
export const OrgSuspended = createError('IDENTITY_ORG_SUSPENDED', 'the organization is suspended', 403);
/** GB 32100-2015: a 统一社会信用代码 with the wrong length, characters or check characters. */
export const UsccInvalid = createError(
  'IDENTITY_USCC_INVALID',
  'the 统一社会信用代码 is not valid (GB 32100-2015)',
  400,
);
export const UsccTaken = createError(
  'IDENTITY_USCC_TAKEN',
  'an organization with this 统一社会信用代码 is already registered',
  409,
);
export const UsernameTaken = createError('IDENTITY_USERNAME_TAKEN', 'this username is taken', 409);
export const ApplicationNotPending = createError(
  'IDENTITY_APPLICATION_NOT_PENDING',
  'the application has already been decided',
  409,
);
export const ApplicationNotRejected = createError(
  'IDENTITY_APPLICATION_NOT_REJECTED',
  'only a rejected application can be resubmitted',
  409,
);
export const RoleNotAllowed = createError(
  'IDENTITY_ROLE_NOT_ALLOWED',
  'the organization may not hold these roles',
  400,
);
export const SelfLockout = createError(
  'IDENTITY_SELF_LOCKOUT',
  'you cannot disable yourself or drop your own administrative role',
  409,
);
/** 等保 2.0 §8.1.4.1 a: a common password, or one containing the account's username. */
export const PasswordWeak = createError(
  'IDENTITY_PASSWORD_WEAK',
  'the password is too common or contains the username',
  400,
);
export const WrongPassword = createError('IDENTITY_WRONG_PASSWORD', 'the current password is wrong', 400);
export const TokenRolesExceed = createError(
  'IDENTITY_TOKEN_ROLES_EXCEED',
  'an API token may only carry roles you hold',
  400,
);
export const OrgNotActive = createError('IDENTITY_ORG_NOT_ACTIVE', 'the organization is not active', 409);
export const RoleNotGrantable = createError(
  'IDENTITY_ROLE_NOT_GRANTABLE',
  'you may grant only roles you hold yourself',
  403,
);
export const TokenOutlivesParent = createError(
  'IDENTITY_TOKEN_OUTLIVES_PARENT',
  'an API token may only create tokens that expire no later than itself',
  400,
);
