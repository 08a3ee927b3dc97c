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
