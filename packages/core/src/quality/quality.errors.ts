import { createError } from '../shared/errors.js';

export const RulesInvalid = createError('QUALITY_RULES_INVALID', 'the quality rules are not valid', 400);
export const RulesUnknownColumn = createError(
  'QUALITY_RULES_UNKNOWN_COLUMN',
  'a quality rule names a column the table does not have',
  400,
);
export const WeightsInvalid = createError(
  'QUALITY_WEIGHTS_INVALID',
  'the quality indicator weights are not valid',
  400,
);
