import { createError } from '../shared/errors.js';

export const AssessmentSubmitted = createError(
  'DCMM_ASSESSMENT_SUBMITTED',
  'the assessment is submitted: a submitted assessment never changes (start a new one)',
  409,
);
export const AssessmentIncomplete = createError(
  'DCMM_ASSESSMENT_INCOMPLETE',
  'every statement of the questionnaire must be answered before submission',
  400,
);
export const CompareOrgsDiffer = createError(
  'DCMM_COMPARE_ORGS_DIFFER',
  'only two assessments of the same org can be compared',
  400,
);
