import type {
  ConsentGrant,
  ConsentUse,
  PiCategory,
  Scenario,
  ScenarioField,
  ScenarioVersion,
} from '@shuliu/contracts';
import type { Selectable } from 'kysely';
import type { GrantRow, UseRow } from './consent.repository.js';
import type { ConsentScenariosTable, ConsentScenarioVersionsTable, StoredField } from './consent.tables.js';
import { iso } from '../shared/iso.js';

export const parseFields = (f: StoredField[] | string): StoredField[] =>
  typeof f === 'string' ? JSON.parse(f) : f;

export const toVersion = (v: Selectable<ConsentScenarioVersionsTable>): ScenarioVersion => ({
  id: v.id,
  version: v.version,
  purpose: v.purpose,
  legalBasis: v.legal_basis,
  recipient: v.recipient,
  processingMethod: v.processing_method,
  retentionDays: v.retention_days,
  crossBorder: v.cross_border,
  automatedDecision: v.automated_decision,
  fields: parseFields(v.fields) as ScenarioField[],
  status: v.status,
  separateConsent: v.separate_consent,
  biometricApproved: v.biometric_approved,
  pipiaRef: v.pipia_ref,
  reviewNote: v.review_note,
  reviewedAt: iso(v.reviewed_at),
  createdAt: iso(v.created_at)!,
});

export const toScenario = (
  s: Selectable<ConsentScenariosTable>,
  orgName: string | null,
  versions: Selectable<ConsentScenarioVersionsTable>[],
): Scenario => ({
  id: s.id,
  orgId: s.org_id,
  orgName,
  title: s.title,
  currentVersionId: s.current_version_id,
  versions: versions.map(toVersion),
  createdAt: iso(s.created_at)!,
});

export function grantStatus(g: GrantRow, at: Date): ConsentGrant['status'] {
  if (g.revoked_at) return 'revoked';
  if (g.current_version_id !== g.version_id) return 'superseded';
  if (new Date(g.expires_at).getTime() <= at.getTime()) return 'expired';
  return 'active';
}

export const toGrant = (
  g: GrantRow,
  receipts: { id: string; event: 'granted' | 'revoked'; created_at: Date }[],
  at: Date,
): ConsentGrant => {
  const defs = parseFields(g.version_fields);
  return {
    id: g.id,
    subjectId: g.subject_user_id,
    subjectName: g.subject_name,
    scenarioId: g.scenario_id,
    scenarioTitle: g.scenario_title,
    orgId: g.org_id,
    orgName: g.org_name,
    versionId: g.version_id,
    version: g.version,
    purpose: g.purpose,
    recipient: g.recipient,
    processingMethod: g.processing_method,
    fields: g.fields.map((name) => {
      const d = defs.find((f) => f.name === name);
      return { name, label: d?.label ?? name, category: (d?.category ?? 'basic') as PiCategory };
    }),
    expiresAt: iso(g.expires_at)!,
    status: grantStatus(g, at),
    grantedBy: g.granted_by,
    grantedAt: iso(g.granted_at)!,
    revokedAt: iso(g.revoked_at),
    replacedBy: g.replaced_by,
    receipts: receipts.map((r) => ({ id: r.id, event: r.event, createdAt: iso(r.created_at)! })),
  };
};

export const toUse = (r: UseRow): ConsentUse => ({
  id: String(r.id),
  at: iso(r.at)!,
  subjectId: r.subject_user_id,
  orgId: r.caller_org_id,
  orgName: r.org_name,
  scenarioId: r.scenario_id,
  scenarioTitle: r.scenario_title,
  version: r.version,
  grantId: r.grant_id,
  fields: r.fields.map((name) => ({
    name,
    label: (r.version_fields && parseFields(r.version_fields).find((f) => f.name === name)?.label) || name,
  })),
  allow: r.allowed,
  reason: r.reason as ConsentUse['reason'],
});
