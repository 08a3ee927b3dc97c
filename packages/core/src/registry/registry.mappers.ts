import type {
  Certificate,
  CertificateLicense,
  RegistryChecklist,
  DataRight,
  RegistryNotice,
  RegistryObjection,
  Registration,
  RegistrationCategory,
  RegistrationStatus,
  RegistrationType,
  RegistryDeclaration,
  RegistryEvent,
  RegistryFile,
  RegistryEvidenceKind,
} from '@shuliu/contracts';
import type { CertificateRow, LicenseRow } from './certificates.repository.js';
import { shanghaiDay } from './registry.calendar.js';
import { certificateStatus, isExpired, type CertificateFacts } from './registry.lifecycle.js';
import type { ApplicationRow, EventRow, FileRow, ObjectionRow } from './registry.repository.js';
import { currentDue, isOverdue } from './registry.rules.js';
import type { StoredTerms } from './registry.tables.js';
import { iso } from '../shared/iso.js';

const parsed = <T>(v: unknown): T => (typeof v === 'string' ? (JSON.parse(v) as T) : (v as T));

export function toRegistration(a: ApplicationRow, now: Date): Registration {
  const objectionDue = a.objection_due_at ? new Date(a.objection_due_at) : null;
  const due = currentDue({ ...a, objection_due_at: objectionDue });
  return {
    id: a.id,
    type: a.type as RegistrationType,
    category: a.category as RegistrationCategory,
    status: a.status as RegistrationStatus,
    applicantOrgId: a.applicant_org_id,
    applicantOrgName: a.applicant_org_name,
    objectType: 'resource',
    objectId: a.object_id,
    objectTitle: a.object_title,
    certificateId: a.certificate_id,
    certificateNo: a.certificate_no,
    rights: a.rights as DataRight[],
    source: a.source_kind
      ? { kind: a.source_kind, description: a.source_description, validUntil: a.source_until }
      : null,
    format: a.format,
    updateFrequency: a.update_frequency,
    scope: a.scope,
    counterpartyOrgId: a.counterparty_org_id,
    counterpartyOrgName: a.counterparty_org_name,
    terms: parsed<StoredTerms>(a.terms) ?? {},
    reason: a.reason,
    declarations: a.declarations as RegistryDeclaration[],
    reviewerOrgId: a.reviewer_org_id,
    reviewerOrgName: a.reviewer_org_name,
    checklist: a.checklist ? parsed<RegistryChecklist>(a.checklist) : null,
    reviewOpinion: a.review_opinion,
    decisionReason: a.decision_reason,
    deadlines: {
      acceptDueAt: iso(a.accept_due_at),
      reviewDueAt: iso(a.review_due_at),
      noticeStartsAt: iso(a.notice_starts_at),
      noticeEndsAt: iso(a.notice_ends_at),
      objectionDueAt: iso(objectionDue),
    },
    dueAt: iso(due),
    overdue: isOverdue(a.status, due, now),
    openObjections: Number(a.open_objections),
    resultCertificateNo: a.result_certificate_no ?? (a.status === 'issued' ? a.certificate_no : null),
    ...timesOf(a),
  };
}

const timesOf = (a: ApplicationRow) => ({
  submittedAt: iso(a.submitted_at),
  acceptedAt: iso(a.accepted_at),
  reviewedAt: iso(a.reviewed_at),
  decidedAt: iso(a.decided_at),
  issuedAt: iso(a.issued_at),
  createdAt: iso(a.created_at)!,
  updatedAt: iso(a.updated_at)!,
});

export const toFile = (f: FileRow): RegistryFile => ({
  id: f.id,
  kind: f.kind as RegistryEvidenceKind,
  name: f.name,
  sizeBytes: Number(f.size_bytes),
  sm3: f.sm3,
  orgId: f.org_id,
  createdAt: iso(f.created_at)!,
});

export const toObjection = (o: ObjectionRow, files: FileRow[]): RegistryObjection => ({
  id: o.id,
  applicationId: o.application_id,
  objectorOrgId: o.objector_org_id,
  objectorOrgName: o.objector_org_name,
  reason: o.reason,
  status: o.status,
  decisionReason: o.decision_reason,
  dueAt: iso(o.due_at)!,
  decidedAt: iso(o.decided_at),
  createdAt: iso(o.created_at)!,
  files: files.filter((f) => f.objection_id === o.id).map(toFile),
});

export const toEvent = (e: EventRow): RegistryEvent => ({
  at: iso(e.at)!,
  action: e.action,
  actorName: e.actor_name,
  orgName: e.org_name,
  reason: e.reason,
  ledgerIndex: e.ledger_index === null ? null : Number(e.ledger_index),
  version: e.version,
});

export const toNotice = (a: ApplicationRow, now: Date): RegistryNotice => ({
  applicationId: a.id,
  type: a.type as RegistrationType,
  category: a.category as RegistrationCategory,
  status: a.status as RegistrationStatus,
  applicantOrgName: a.applicant_org_name,
  objectTitle: a.object_title,
  rights: a.rights as DataRight[],
  scope: a.scope,
  certificateNo: a.certificate_no,
  counterpartyOrgName: a.counterparty_org_name,
  noticeStartsAt: iso(a.notice_starts_at)!,
  noticeEndsAt: iso(a.notice_ends_at)!,
  objections: Number(a.open_objections),
  open:
    (a.status === 'publicizing' || a.status === 'objected') &&
    !!a.notice_ends_at &&
    new Date(a.notice_ends_at).getTime() > now.getTime(),
});

export const factsOf = (c: CertificateRow): CertificateFacts => ({
  state: c.state,
  validUntil: new Date(c.valid_until),
  pledged: c.pledgee_org_id !== null,
  frozen: c.frozen_at !== null,
  disputed: c.disputed_by !== null,
});

export function toCertificate(c: CertificateRow, now: Date): Certificate {
  const facts = factsOf(c);
  const licensed = Number(c.active_licenses) > 0;
  const terms = c.pledge_terms ? parsed<StoredTerms>(c.pledge_terms) : null;
  return {
    id: c.id,
    certNo: c.cert_no,
    version: c.version,
    status: certificateStatus(facts, now, licensed),
    flags: {
      pledged: facts.pledged,
      frozen: facts.frozen,
      disputed: facts.disputed,
      licensed,
      expired: isExpired(facts, now),
    },
    category: c.category as RegistrationCategory,
    holderOrgId: c.holder_org_id,
    holderOrgName: c.holder_org_name,
    rights: c.rights as DataRight[],
    objectType: 'resource',
    objectId: c.object_id,
    objectTitle: c.object_title,
    scope: c.scope,
    validFrom: iso(c.valid_from)!,
    validUntil: iso(c.valid_until)!,
    pledge: c.pledgee_org_id
      ? {
          pledgeeOrgId: c.pledgee_org_id,
          pledgeeOrgName: c.pledgee_org_name,
          since: iso(c.pledged_at)!,
          securedAmountFen: terms?.securedAmountFen ?? null,
          until: terms?.validUntil ?? null,
        }
      : null,
    freeze: c.frozen_at ? { since: iso(c.frozen_at)!, reason: c.freeze_reason ?? '' } : null,
    disputedBy: c.disputed_by,
    cancelReason: c.cancel_reason,
    certHash: c.cert_hash,
    ledgerIndex: c.ledger_index === null ? null : Number(c.ledger_index),
    issuedAt: iso(c.issued_at)!,
    updatedAt: iso(c.updated_at)!,
    verifyPath: `/api/registry/verify/${c.cert_no}`,
  };
}

export function toLicense(l: LicenseRow, now: Date): CertificateLicense {
  const today = shanghaiDay(now);
  return {
    id: l.id,
    certificateId: l.certificate_id,
    certNo: l.cert_no,
    objectTitle: l.object_title,
    holderOrgId: l.holder_org_id,
    holderOrgName: l.holder_org_name,
    licenseeOrgId: l.licensee_org_id,
    licenseeOrgName: l.licensee_org_name,
    rights: l.rights as DataRight[],
    scope: l.scope,
    validFrom: l.valid_from,
    validUntil: l.valid_until,
    exclusive: l.exclusive,
    active: l.valid_from <= today && l.valid_until >= today,
    ledgerIndex: l.ledger_index === null ? null : Number(l.ledger_index),
    createdAt: iso(l.created_at)!,
  };
}
