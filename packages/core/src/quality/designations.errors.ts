import { createError } from '../shared/errors.js';

export const HqdStateConflict = createError(
  'HQD_STATE_CONFLICT',
  'the application is not in a state that allows this step',
  409,
);
export const NotYourResource = createError(
  'HQD_NOT_YOUR_RESOURCE',
  'only the org that holds a catalog resource applies to designate it',
  403,
);
export const AlreadyApplied = createError(
  'HQD_ALREADY_APPLIED',
  'this resource already has an application or a designation at this level',
  409,
);
export const ReviewerInvalid = createError(
  'HQD_REVIEWER_INVALID',
  'the reviewer must be an active service provider org other than the applicant',
  400,
);
export const NotReviewer = createError(
  'HQD_NOT_REVIEWER',
  'only the provider org the operator assigned reviews this application',
  403,
);
export const BelowPassScore = createError(
  'HQD_BELOW_PASS_SCORE',
  'the weighted review score is below the pass score a designation needs',
  409,
);
