import { createError } from '../shared/errors.js';

export const IllegalTransition = createError(
  'CONSENT_ILLEGAL_TRANSITION',
  'the object is not in a state that allows this',
  409,
);
export const JustificationLocked = createError(
  'CONSENT_JUSTIFICATION_LOCKED',
  'the justifications of the version in force are what its review judged; they change only together with a material change (a new version to review)',
  409,
);
export const EvaluationYearInvalid = createError(
  'CONSENT_EVALUATION_YEAR_INVALID',
  'an annual evaluation is for a year of the term that has come',
  400,
);
export const CheckAtPast = createError(
  'CONSENT_CHECK_AT_PAST',
  'a data user asks about now or later: a past instant could pass a consent since withdrawn',
  400,
);
export const NotPerson = createError(
  'CONSENT_NOT_A_PERSON',
  'only a natural person (自然人) may do this',
  403,
);
export const NotYourOrg = createError(
  'CONSENT_NOT_YOUR_ORG',
  'your organization is not the party that does this',
  403,
);
export const IdCardTaken = createError('CONSENT_ID_CARD_TAKEN', 'this ID card already has an account', 409);
export const GuardianRequired = createError(
  'CONSENT_GUARDIAN_REQUIRED',
  'a person under 14 consents only through a confirmed guardian (PIPL Art. 31)',
  409,
);
export const GuardianInvalid = createError(
  'CONSENT_GUARDIAN_INVALID',
  'the guardian must be an adult person account',
  400,
);
export const NothingToReview = createError(
  'CONSENT_NOTHING_TO_REVIEW',
  'no version of this scenario awaits review',
  409,
);
export const PipiaRequired = createError(
  'CONSENT_PIPIA_REQUIRED',
  'a personal-information impact assessment (PIPIA, PIPL Art. 55) record is required',
  400,
);
export const FieldsInvalid = createError('CONSENT_FIELDS_INVALID', 'the fields do not fit the scenario', 400);
export const SeparateConsentRequired = createError(
  'CONSENT_SEPARATE_CONSENT_REQUIRED',
  'this scenario needs separate consent (单独同意, PIPL Art. 29/23/39)',
  400,
);
export const CoolDown = createError(
  'CONSENT_COOL_DOWN',
  'the person refused this scenario recently; it may not ask again yet',
  409,
);
export const AlreadyGranted = createError(
  'CONSENT_ALREADY_GRANTED',
  'a live grant for this scenario exists',
  409,
);
export const ExpiryInvalid = createError('CONSENT_EXPIRY_INVALID', 'the expiry is not allowed', 400);
export const ResourceRefused = createError(
  'CONSENT_RESOURCE_REFUSED',
  'the resource cannot be authorized',
  409,
);
export const SectorUnknown = createError(
  'CONSENT_SECTOR_UNKNOWN',
  'a sector named is not in the catalog’s sector tree',
  400,
);
