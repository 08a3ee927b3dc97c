import type { ConsentMessages, consentApiErrorsZhCN } from './consent.zh-CN';

/** English — the consent hub's menu, audit actions and API errors. */
// prettier-ignore
export const consentEnUS: ConsentMessages = {
  consent: {
    menu: 'Authorization hub', mine: 'My authorizations', scenarios: 'Scenarios', review: 'Scenario review',
    received: 'Personal grants received', orgGrants: 'Enterprise authorizations', operationGrants: 'Authorized operation',
    operators: 'Authorized operators', signUp: 'Sign up as a person',
  },
};

export const consentActionsEnUS: Record<string, string> = {
  'consent.person.sign_up': 'Person sign-up',
  'consent.guardian.confirm': 'Guardian confirmed',
  'consent.scenario.register': 'Scenario registered',
  'consent.scenario.revise': 'Scenario revised',
  'consent.scenario.review': 'Scenario reviewed',
  'consent.scenario.ask': 'Consent asked',
  'consent.scenario.refuse': 'Scenario refused',
  'consent.grant.create': 'Consent granted',
  'consent.grant.revoke': 'Consent revoked',
  'consent.check': 'Consent check',
  'consent.org_grant.create': 'Enterprise authorization',
  'consent.org_grant.revoke': 'Enterprise authorization revoked',
  'consent.operation_grant.create': 'Authorized operation granted',
  'consent.operation_grant.suspend': 'Authorized operation suspended',
  'consent.operation_grant.reinstate': 'Authorized operation reinstated',
  'consent.operation_grant.revoke': 'Authorized operation revoked',
  'consent.operation_grant.evaluate': 'Annual evaluation recorded',
};

export const consentApiErrorsEnUS: Record<keyof typeof consentApiErrorsZhCN, string> = {
  CONSENT_ILLEGAL_TRANSITION: 'The object is not in a state that allows this',
  CONSENT_NOT_A_PERSON: 'Only a natural person may do this',
  CONSENT_JUSTIFICATION_LOCKED:
    'The justifications of the version in force are what its review judged: they change only with a material change, as a new version to review',
  CONSENT_EVALUATION_YEAR_INVALID: 'The evaluation is for a year of the term that has come',
  CONSENT_CHECK_AT_PAST: 'A data user checks consent for now or later, not for a past instant',
  CONSENT_NOT_YOUR_ORG: 'Your organization is not the party that does this',
  CONSENT_ID_CARD_TAKEN: 'This ID card already has an account',
  CONSENT_GUARDIAN_REQUIRED: 'A person under 14 consents only through a confirmed guardian',
  CONSENT_GUARDIAN_INVALID: 'The guardian must be an adult person account',
  CONSENT_NOTHING_TO_REVIEW: 'No version of this scenario awaits review',
  CONSENT_PIPIA_REQUIRED: 'A personal-information impact assessment (PIPIA) record is required',
  CONSENT_FIELDS_INVALID: 'The fields do not fit the scenario',
  CONSENT_SEPARATE_CONSENT_REQUIRED: 'This scenario needs separate consent',
  CONSENT_COOL_DOWN: 'The person refused this scenario recently; it may not ask again yet',
  CONSENT_ALREADY_GRANTED: 'A live grant for this scenario exists',
  CONSENT_EXPIRY_INVALID: 'The expiry is not allowed',
  CONSENT_RESOURCE_REFUSED: 'The resource cannot be authorized',
  CONSENT_SECTOR_UNKNOWN: 'A sector named is not in the catalog sector tree',
};
