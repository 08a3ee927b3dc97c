import { createError } from '../shared/errors.js';

export const RulesInvalid = createError('PROTECT_RULES_INVALID', 'the masking rules are not valid', 400);
export const RulesUnknownColumn = createError(
  'PROTECT_RULES_UNKNOWN_COLUMN',
  'the masking rules name a column the table does not have',
  400,
);
export const KeyRequired = createError(
  'PROTECT_KEY_REQUIRED',
  'pseudonymization needs a key: give --key-file or "key" in the rules',
  400,
);
export const KeyInvalid = createError(
  'PROTECT_KEY_INVALID',
  'the pseudonymization key must be at least 16 bytes',
  400,
);
export const GradeBelowComputed = createError(
  'PROTECT_GRADE_BELOW_COMPUTED',
  'a manual grade may raise the computed grade, never lower it',
  400,
);
export const CoreDataUnpublishable = createError(
  'PROTECT_CORE_DATA_UNPUBLISHABLE',
  'core data (核心数据) is never registered, listed or opened',
  409,
);
