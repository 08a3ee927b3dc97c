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
export const NoDataFile = createError(
  'QUALITY_NO_DATA_FILE',
  'the resource has no ready data file to check and no compute agent holds its data: upload one first',
  409,
);
export const CheckNotLeased = createError(
  'QUALITY_CHECK_NOT_LEASED',
  'the quality run is not being checked by this agent',
  409,
);
export const ReportInvalid = createError(
  'QUALITY_REPORT_INVALID',
  'the quality report the agent returned did not verify',
  400,
);
export const RunActive = createError(
  'QUALITY_RUN_ACTIVE',
  'a quality run of this resource is already queued or running',
  409,
);
export const BelowMinimum = createError(
  'QUALITY_BELOW_MINIMUM',
  'a resource of the product is below the minimum quality score for listing',
  409,
);
