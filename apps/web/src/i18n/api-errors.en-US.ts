import { authSecurityApiErrorsEnUS } from './auth-security.en-US';
import type { ErrorMessages, platformApiErrorsZhCN } from './api-errors.zh-CN';
import { catalogApiErrorsEnUS } from './catalog.en-US';
import { consentApiErrorsEnUS } from './consent.en-US';
import { inputsApiErrorsEnUS } from './inputs.en-US';
import { registryApiErrorsEnUS } from './registry.en-US';
import { settingsApiErrorsEnUS } from './settings.en-US';
import { orgKeysApiErrorsEnUS } from './org-keys.en-US';
import { marketApiErrorsEnUS } from './market.en-US';
import { marketDemandsApiErrorsEnUS } from './market-demands.en-US';
import { tradeApiErrorsEnUS } from './trade.en-US';
import { gatewayApiErrorsEnUS } from './gateway.en-US';
import { computeApiErrorsEnUS } from './compute.en-US';
import { settlementApiErrorsEnUS } from './settlement.en-US';
import { assetsApiErrorsEnUS } from './assets.en-US';
import { dcmmApiErrorsEnUS } from './dcmm.en-US';
import { qualityProgrammesApiErrorsEnUS } from './quality-programmes.en-US';
import { qualityApiErrorsEnUS } from './quality.en-US';

/** English — what the platform itself answers: requests, sign-in, the ledger, keys and stored files. */
// prettier-ignore
const platformApiErrorsEnUS: Record<keyof typeof platformApiErrorsZhCN, string> = {
  BAD_JSON: 'The request body is not valid JSON; check it and send it again', BAD_REQUEST: 'The request is not valid; check it and try again',
  VALIDATION_FAILED: 'Some of what you sent is not accepted; correct it as shown', UNSUPPORTED_MEDIA_TYPE: 'This content type is not accepted; send JSON',
  NOT_FOUND: 'It does not exist', ROUTE_NOT_FOUND: 'No such API route', FORBIDDEN: 'You are not allowed to do this',
  UNAUTHENTICATED: 'Your session has ended, please log in again', TOKEN_READ_ONLY: 'This API token is read-only: it may read, not change anything',
  RATE_LIMITED: 'Too many requests; try again shortly', INTERNAL: 'Internal server error; try again later',
  NETWORK_ERROR: 'Cannot reach the server; check your network', HTTP_ERROR: 'The server answered with an error but gave no reason; try again later',
  BAD_RESPONSE: 'The server’s answer could not be read; try again later, and tell the platform operator if it persists', ABORTED: 'Cancelled',
  UNKNOWN: 'Something unexpected went wrong; reload the page and try again',
  IDENTITY_INVALID_CREDENTIALS: 'Wrong username or password',
  IDENTITY_ACCOUNT_LOCKED: 'The account is locked after repeated failed logins',
  IDENTITY_USER_DISABLED: 'The account is disabled; ask your org admin', IDENTITY_ORG_SUSPENDED: 'Your organization is suspended',
  IDENTITY_USCC_INVALID: 'The unified social credit code is not valid (its length, characters or check characters fail GB 32100-2015); check it and enter it again',
  IDENTITY_USCC_TAKEN: 'An organization with this credit code is already registered',
  IDENTITY_USERNAME_TAKEN: 'This username is taken', IDENTITY_APPLICATION_NOT_PENDING: 'The application has already been decided',
  IDENTITY_APPLICATION_NOT_REJECTED: 'Only a rejected application can be resubmitted',
  IDENTITY_ROLE_NOT_ALLOWED: 'The organization may not hold these roles',
  IDENTITY_SELF_LOCKOUT: 'You cannot disable yourself or drop your own admin role',
  IDENTITY_WRONG_PASSWORD: 'The current password is wrong',
  IDENTITY_TOKEN_ROLES_EXCEED: 'An API token may only carry roles you hold',
  IDENTITY_ORG_NOT_ACTIVE: 'The organization is not active',
  LEDGER_CHECKPOINT_NOT_FOUND: 'No checkpoint was signed at this tree size',
  LEDGER_TREE_SIZE_BEYOND_HEAD: 'The ledger is not that large yet', LEDGER_ENTRY_NOT_FOUND: 'No entry at this index',
  LEDGER_INDEX_OUT_OF_RANGE: 'The index is beyond the tree size',
  LEDGER_ENTRY_INVALID: 'The ledger entry is not well-formed; nothing was appended',
  LEDGER_NO_SIGNING_KEY: 'The platform has no signing key yet, so no checkpoint can be signed; the platform operator starts the server once or runs shuliu ledger checkpoint',
  LEDGER_CORRUPT: 'The ledger data is damaged; the platform operator should run shuliu ledger verify',
  CRYPTO_ENVELOPE_INVALID: 'The encrypted value is not well-formed (not a valid SM4 envelope)',
  CRYPTO_ENVELOPE_TAMPERED: 'The encrypted value failed its integrity check: it was altered, or sealed under another key',
  CRYPTO_KEY_NOT_FOUND: 'No such key',
  CRYPTO_MASTER_KEY_MISMATCH: 'The server’s master key is not the one the stored keys were sealed under; the platform operator should check its configuration (SHULIU_MASTER_KEY_FILE)',
  BLOB_MISSING: 'The stored file is missing; upload it again, and tell the platform operator if it happens again',
};

/** Every code's message in English, assembled from the areas: a code missing here does not compile. */
export const apiErrorsEnUS: ErrorMessages = {
  ...platformApiErrorsEnUS,
  ...catalogApiErrorsEnUS,
  ...registryApiErrorsEnUS,
  ...settingsApiErrorsEnUS,
  ...consentApiErrorsEnUS,
  ...authSecurityApiErrorsEnUS,
  ...inputsApiErrorsEnUS,
  ...orgKeysApiErrorsEnUS,
  ...marketApiErrorsEnUS,
  ...marketDemandsApiErrorsEnUS,
  ...tradeApiErrorsEnUS,
  ...gatewayApiErrorsEnUS,
  ...computeApiErrorsEnUS,
  ...settlementApiErrorsEnUS,
  ...assetsApiErrorsEnUS,
  ...dcmmApiErrorsEnUS,
  ...qualityProgrammesApiErrorsEnUS,
  ...qualityApiErrorsEnUS,
};
