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

// The grading rules below are met by clients where they grade and publish, in the catalog: their codes
// name it. Each rule has this one error whichever domain enforces it (catalog, registry, …).

/**
 * GB/T 43697-2024 §6.6: a manual grade may raise the computed grade, never lower it. A 409: the grade
 * asked for conflicts with the one the stored fields compute.
 */
export const GradeBelowComputed = createError(
  'CATALOG_GRADE_BELOW_COMPUTED',
  'a manual grade may raise the computed grade, never lower it',
  409,
);
/** GB/T 43697-2024 §6.2 and RULES.md: core data (核心数据) is never registered, listed or opened. */
export const CoreDataRefused = createError(
  'CATALOG_CORE_NOT_PUBLISHABLE',
  'core data (核心数据) is never registered, listed or opened',
  409,
);
