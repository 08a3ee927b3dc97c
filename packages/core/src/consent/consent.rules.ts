import {
  dateInChina,
  isSensitive,
  isUnjustified,
  MIN_JUSTIFICATION_CHARS,
  needsSeparateConsent as separateConsentFor,
  pipiaReasons,
  SENSITIVE_CATEGORIES,
  type DenyReason,
} from '@shuliu/contracts';

export { isSensitive, SENSITIVE_CATEGORIES };
import type { StoredField } from './consent.tables.js';

export interface ConsentSettings {
  /** No repeated asking after a refusal (网络数据安全管理条例 Art. 22). */
  refusalCoolDownDays: number;
  /** Longest a personal grant may run. */
  maxGrantDays: number;
  /** PIPL Art. 31: below this age a guardian consents. */
  guardianAge: number;
  /** Shortest justification the review accepts as one. */
  minJustificationChars: number;
}

export const DEFAULT_CONSENT_SETTINGS: ConsentSettings = {
  refusalCoolDownDays: 30,
  maxGrantDays: 3 * 365,
  guardianAge: 14,
  minJustificationChars: MIN_JUSTIFICATION_CHARS,
};

/** GB 11643 §4: the birth date in positions 7–14; the age in whole years at `at`, by the date in China. */
export function ageAt(idCard: string, at: Date): { birthDate: string; age: number } {
  const y = Number(idCard.slice(6, 10));
  const m = Number(idCard.slice(10, 12));
  const d = Number(idCard.slice(12, 14));
  const today = dateInChina(at);
  let age = today.year - y;
  if (today.month < m || (today.month === m && today.day < d)) age--;
  return { birthDate: `${idCard.slice(6, 10)}-${idCard.slice(10, 12)}-${idCard.slice(12, 14)}`, age };
}

/** PIPL Art. 31: under 14 a guardian consents. */
export const needsGuardian = (age: number, s: ConsentSettings) => age < s.guardianAge;

/**
 * PIPL Art. 6 (最小且必要) and Art. 28: fields without a justification are struck; biometric fields are struck
 * unless the review explicitly approves them; the reviewer may strike more.
 */
export function reviewFields(
  fields: StoredField[],
  strike: { field: string; reason: string }[],
  biometricApproved: boolean,
  s: ConsentSettings,
): StoredField[] {
  return fields.map((f) => {
    const byReviewer = strike.find((x) => x.field === f.name);
    const reason = byReviewer
      ? byReviewer.reason
      : isUnjustified(f.justification, s.minJustificationChars)
        ? '未说明必要性 (最小且必要)'
        : f.category === 'biometric' && !biometricApproved
          ? '生物识别信息未获明确批准'
          : null;
    return reason
      ? { ...f, struck: true, strikeReason: reason }
      : { ...f, struck: false, strikeReason: null };
  });
}

const reasonsOf = (
  fields: StoredField[],
  v: { crossBorder: boolean; automatedDecision: boolean; thirdParty: boolean },
) => pipiaReasons({ ...v, keptCategories: fields.filter((f) => !f.struck).map((f) => f.category) });

/** PIPL Art. 29, 23, 39: sensitive PI, provision to another handler, cross-border need separate consent. */
export const needsSeparateConsent = (fields: StoredField[], crossBorder: boolean, thirdParty: boolean) =>
  separateConsentFor(reasonsOf(fields, { crossBorder, thirdParty, automatedDecision: false }));

/** PIPL Art. 55: a PIPIA for sensitive PI, third-party provision, cross-border and automated decisions. */
export const needsPipia = (
  fields: StoredField[],
  v: { crossBorder: boolean; automatedDecision: boolean; thirdParty: boolean },
) => reasonsOf(fields, v).length > 0;

export interface MaterialTerms {
  purpose: string;
  legalBasis: string;
  processingMethod: string;
  recipient: string;
  retentionDays: number;
  crossBorder: boolean;
  automatedDecision: boolean;
  fields: TermsField[];
}
type TermsField = {
  name: string;
  label: string;
  category: string;
  required: boolean;
  justification?: string;
  struck?: boolean;
};

const fieldKey = (f: TermsField, withJustification: boolean) =>
  JSON.stringify([f.name, f.label, f.category, f.required, withJustification ? (f.justification ?? '') : '']);

const termsKey = (t: MaterialTerms, withJustifications: boolean) =>
  JSON.stringify([
    t.purpose,
    t.legalBasis,
    t.processingMethod,
    t.recipient,
    t.retentionDays,
    t.crossBorder,
    t.automatedDecision,
    t.fields.map((f) => fieldKey(f, withJustifications)).sort(),
  ]);

/**
 * PIPL Art. 14, 17: anything the person is told — purpose, basis, method, recipient, retention, the fields
 * and how they are named — changed needs new consent. A justification is for the review, not the person.
 * The person is told only the fields the review kept: one it struck, left out or sent back as it was, is no
 * change; sent back reworded, it asks for a new review.
 */
export const isMaterialChange = (a: MaterialTerms, b: MaterialTerms) => {
  const struck = a.fields.filter((f) => f.struck).map((f) => fieldKey(f, true));
  const told = { ...a, fields: a.fields.filter((f) => !f.struck) };
  const asked = { ...b, fields: b.fields.filter((f) => !struck.includes(fieldKey(f, true))) };
  return termsKey(told, false) !== termsKey(asked, false);
};

/** Whether a revision would put anything new before the reviewer (justifications included). */
export const isNewSubmission = (a: MaterialTerms, b: MaterialTerms) =>
  termsKey(a, true) !== termsKey(b, true);

/**
 * PIPL Art. 16: the grant must hold every required field; optional ones may be refused; nothing outside the
 * approved (unstruck) fields may be granted. Returns the problem, or null.
 */
export function grantFieldsProblem(fields: StoredField[], chosen: string[]): string | null {
  const allowed = new Set(fields.filter((f) => !f.struck).map((f) => f.name));
  const outside = chosen.filter((f) => !allowed.has(f));
  if (outside.length) return `not fields of this scenario version: ${outside.join(', ')}`;
  const missing = fields
    .filter((f) => !f.struck && f.required && !chosen.includes(f.name))
    .map((f) => f.name);
  if (missing.length) return `required for the scenario's basic function: ${missing.join(', ')}`;
  if (!chosen.length) return 'grant at least one field';
  return null;
}

export interface CheckFacts {
  grantId: string | null;
  revoked: boolean;
  versionCurrent: boolean;
  expiresAt: Date | null;
  grantedFields: string[];
}

/**
 * PIPL Art. 14/15 (一场景一授权): a use is allowed only under a live grant of this very scenario version,
 * before its expiry, for fields inside the grant. The first failing condition is the reason.
 */
export function decideConsent(
  f: CheckFacts,
  wanted: string[],
  at: Date,
): { allow: boolean; reason: 'granted' | DenyReason; missingFields: string[] } {
  const deny = (reason: DenyReason, missingFields: string[] = []) => ({
    allow: false,
    reason,
    missingFields,
  });
  if (!f.grantId) return deny('no_grant');
  if (f.revoked) return deny('revoked');
  if (!f.versionCurrent) return deny('version_superseded');
  if (!f.expiresAt || f.expiresAt.getTime() <= at.getTime()) return deny('expired');
  const missing = wanted.filter((w) => !f.grantedFields.includes(w));
  if (missing.length) return deny('field_not_granted', missing);
  return { allow: true, reason: 'granted', missingFields: [] };
}

/** 授权运营 status as of `at`: a grant past its term is expired whatever its stored status. */
export const operationStatus = (stored: 'active' | 'suspended' | 'revoked', endsAt: Date, at: Date) =>
  stored !== 'revoked' && endsAt.getTime() <= at.getTime() ? ('expired' as const) : stored;
