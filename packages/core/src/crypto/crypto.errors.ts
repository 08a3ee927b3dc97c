import { createError } from '../shared/errors.js';

export const EnvelopeInvalid = createError(
  'CRYPTO_ENVELOPE_INVALID',
  'the value is not a well-formed SM4 envelope',
  400,
);
export const EnvelopeTampered = createError(
  'CRYPTO_ENVELOPE_TAMPERED',
  'the sealed value failed its integrity check: it was altered, or sealed under another key',
  409,
);
export const KeyNotFound = createError('CRYPTO_KEY_NOT_FOUND', 'no such key', 404);
export const MasterKeyMismatch = createError(
  'CRYPTO_MASTER_KEY_MISMATCH',
  'the configured master key is not the one the stored keys were sealed under',
  500,
);

// Org signing keys
export const OrgKeyNotFound = createError('CRYPTO_ORG_KEY_NOT_FOUND', 'no such org signing key', 404);
export const OrgKeyForbidden = createError(
  'CRYPTO_ORG_KEY_FORBIDDEN',
  'only an administrator (org_admin) of the organization may set or use its signing key',
  403,
);
export const PasswordNotConfirmed = createError(
  'CRYPTO_PASSWORD_NOT_CONFIRMED',
  'this act needs the administrator to re-enter their password first',
  403,
);
export const OrgKeyHeldByOrg = createError(
  'CRYPTO_ORG_KEY_HELD_BY_ORG',
  'the organization holds its own signing key: sign offline (`shuliu sign FILE --key key.pem`) and submit the signature',
  409,
);
export const OrgPublicKeyInvalid = createError(
  'CRYPTO_ORG_PUBLIC_KEY_INVALID',
  'publicKey: not an SM2 public key (give a PEM SubjectPublicKeyInfo of an SM2 key, or hex 04 ‖ x ‖ y on the SM2 curve)',
  400,
);
export const OrgPublicKeyTaken = createError(
  'CRYPTO_ORG_PUBLIC_KEY_TAKEN',
  'publicKey: this public key is already registered as a signing key; generate a new key pair',
  409,
);
export const OrgKeyChanged = createError(
  'CRYPTO_ORG_KEY_CHANGED',
  'the organization’s signing key was changed by another request at the same moment; reload and try again',
  409,
);
export const PayloadNotJson = createError(
  'CRYPTO_PAYLOAD_NOT_JSON',
  'the document to sign has no RFC 8785 form: it must be plain JSON (no undefined at the top, no bigint, no non-finite number)',
  400,
);
