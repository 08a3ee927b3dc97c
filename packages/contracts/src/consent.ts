import { z } from 'zod';
import { Grade } from './catalog.js';
import { Id, PageQuery, Text, Timestamp } from './common.js';
import { Mobile, Password, Username } from './identity.js';
import { LedgerCheckpoint } from './ledger.js';
import { validateIdCard } from './rules/check-digits.js';

const Instant = z.iso.datetime({ offset: true }).max(40);

export const IdCard = z
  .string()
  .max(40)
  .trim()
  .toUpperCase()
  .refine(validateIdCard, '居民身份证号码 is not valid (GB 11643 check digit, birth date)')
  .describe('居民身份证号码 (GB 11643, check digit verified); stored encrypted, shown masked');

/** PI categories; the sensitive ones are PIPL Art. 28's. */
export const PiCategory = z.enum([
  'basic',
  'contact',
  'identity',
  'device',
  'behavior',
  'biometric',
  'religion',
  'specific_identity',
  'health',
  'financial',
  'location',
  'minor',
]);
export type PiCategory = z.infer<typeof PiCategory>;

/** PIPL Art. 28: the sensitive PI categories (敏感个人信息); a version asking for one needs separate consent. */
export const SENSITIVE_CATEGORIES: readonly PiCategory[] = [
  'biometric',
  'religion',
  'specific_identity',
  'health',
  'financial',
  'location',
  'minor',
];
export const isSensitive = (c: string) => (SENSITIVE_CATEGORIES as readonly string[]).includes(c);

export const ScenarioFieldInput = z.strictObject({
  name: z
    .string()
    .max(64)
    .regex(/^[a-z][a-z0-9_]{0,63}$/, 'must be a snake_case field name'),
  label: Text(100),
  category: PiCategory,
  required: z.boolean().describe('needed for the basic function; optional fields may be refused'),
  justification: z.string().trim().max(1000).default('').describe('why the purpose needs it (最小且必要)'),
});
export const ScenarioField = ScenarioFieldInput.extend({
  sensitive: z.boolean(),
  struck: z.boolean(),
  strikeReason: z.string().nullable(),
});
export type ScenarioField = z.infer<typeof ScenarioField>;

export const ScenarioBody = z.strictObject({
  title: Text(200),
  purpose: Text(1000),
  legalBasis: Text(500).describe('PIPL Art. 13 basis, e.g. 取得个人同意'),
  recipient: Text(200).describe('who receives the data'),
  processingMethod: Text(500),
  retentionDays: z.number().int().min(1).max(3650),
  crossBorder: z.boolean(),
  automatedDecision: z.boolean(),
  fields: z
    .array(ScenarioFieldInput)
    .min(1)
    .max(100)
    .superRefine((fields, ctx) => {
      const seen = new Set<string>();
      fields.forEach((f, i) => {
        if (seen.has(f.name))
          ctx.addIssue({ code: 'custom', path: [i, 'name'], message: `field ${f.name} is listed twice` });
        seen.add(f.name);
      });
    }),
});
export type ScenarioBody = z.input<typeof ScenarioBody>;

export const VersionStatus = z.enum(['in_review', 'approved', 'rejected', 'superseded']);
export type VersionStatus = z.infer<typeof VersionStatus>;

export const ScenarioVersion = z.object({
  id: z.string(),
  version: z.number().int(),
  purpose: z.string(),
  legalBasis: z.string(),
  recipient: z.string(),
  processingMethod: z.string(),
  retentionDays: z.number().int(),
  crossBorder: z.boolean(),
  automatedDecision: z.boolean(),
  fields: z.array(ScenarioField),
  status: VersionStatus,
  separateConsent: z.boolean().describe('单独同意 needed (PIPL Art. 29, 23, 39)'),
  biometricApproved: z.boolean(),
  pipiaRef: z.string().nullable(),
  reviewNote: z.string().nullable(),
  reviewedAt: Timestamp.nullable(),
  createdAt: Timestamp,
});
export type ScenarioVersion = z.infer<typeof ScenarioVersion>;

export const Scenario = z.object({
  id: z.string(),
  orgId: z.string(),
  orgName: z.string().nullable(),
  title: z.string(),
  currentVersionId: z.string().nullable().describe('the approved version grants are given for'),
  versions: z.array(ScenarioVersion).describe('newest first'),
  createdAt: Timestamp,
});
export type Scenario = z.infer<typeof Scenario>;

export const ScenarioQuery = z.strictObject({
  ...PageQuery,
  mine: z.enum(['true', 'false']).optional().describe('only the caller org’s scenarios'),
  status: VersionStatus.optional().describe('scenarios with a version in this state'),
});

export const ReviewBody = z.strictObject({
  versionId: Id('scv'),
  approve: z.boolean(),
  strike: z
    .array(z.strictObject({ field: z.string().max(64), reason: Text(500) }))
    .max(100)
    .default([]),
  biometricApproved: z.boolean().default(false).describe('explicit approval for biometric fields'),
  pipiaRef: z.string().trim().max(200).optional().describe('个人信息保护影响评估 record (PIPL Art. 55)'),
  note: z.string().trim().max(1000).optional(),
});

export const SignUpBody = z.strictObject({
  username: Username,
  password: Password,
  displayName: Text(100),
  idCard: IdCard,
  phone: Mobile,
  guardianUsername: Username.optional().describe('required under 14 (PIPL Art. 31): an adult person'),
});

export const Person = z.object({
  userId: z.string(),
  username: z.string(),
  displayName: z.string(),
  idCardMasked: z.string(),
  age: z.number().int(),
  minor: z.boolean().describe('under 14: a guardian consents (PIPL Art. 31)'),
  guardian: z
    .object({ userId: z.string(), displayName: z.string(), status: z.enum(['pending', 'confirmed']) })
    .nullable(),
  wards: z.array(
    z.object({ userId: z.string(), displayName: z.string(), status: z.enum(['pending', 'confirmed']) }),
  ),
  rules: z
    .object({
      maxGrantDays: z.number().int(),
      refusalCoolDownDays: z.number().int(),
      guardianAge: z.number().int(),
    })
    .describe('the operator’s consent settings that bound what this person may choose'),
});
export type Person = z.infer<typeof Person>;

export const GrantStatus = z.enum(['active', 'revoked', 'expired', 'superseded']);
export type GrantStatus = z.infer<typeof GrantStatus>;
export const ConsentGrant = z.object({
  id: z.string(),
  subjectId: z.string(),
  subjectName: z.string().nullable(),
  scenarioId: z.string(),
  scenarioTitle: z.string(),
  orgId: z.string(),
  orgName: z.string().nullable(),
  versionId: z.string(),
  version: z.number().int(),
  purpose: z.string(),
  recipient: z.string(),
  processingMethod: z.string(),
  fields: z.array(z.object({ name: z.string(), label: z.string(), category: PiCategory })),
  expiresAt: Timestamp,
  status: GrantStatus,
  grantedBy: z.string().describe('the person, or their guardian'),
  grantedAt: Timestamp,
  revokedAt: Timestamp.nullable(),
  replacedBy: z.string().nullable().describe('the grant given after this one expired or was superseded'),
  receipts: z.array(
    z.object({ id: z.string(), event: z.enum(['granted', 'revoked']), createdAt: Timestamp }),
  ),
});
export type ConsentGrant = z.infer<typeof ConsentGrant>;

export const GrantBody = z.strictObject({
  versionId: Id('scv').describe('the version shown to the person: it must still be the current one'),
  fields: z.array(z.string().max(64)).max(100).describe('every required field, and the optional ones agreed'),
  expiresAt: Instant,
  separateConsent: z.boolean().default(false).describe('单独同意 given, where the version needs it'),
  onBehalfOf: Id('usr').optional().describe('a ward under 14 the caller is the confirmed guardian of'),
});

export const GrantQuery = z.strictObject({
  ...PageQuery,
  box: z
    .enum(['mine', 'received'])
    .default('mine')
    .describe(
      'received: grants to the caller org’s scenarios (to every org’s, for operators and regulators)',
    ),
  scenarioId: Id('scn').optional(),
  status: GrantStatus.optional(),
});

export const AskBody = z.strictObject({ subjectId: Id('usr') });
export const RefuseBody = z.strictObject({
  onBehalfOf: Id('usr').optional().describe('a ward under 14 the caller is the confirmed guardian of'),
});

export const CheckBody = z.strictObject({
  subjectId: Id('usr'),
  versionId: Id('scv'),
  fields: z.array(z.string().max(64)).min(1).max(100),
  at: Instant.optional(),
});
export const DenyReason = z.enum([
  'no_grant',
  'revoked',
  'version_superseded',
  'expired',
  'field_not_granted',
]);
export type DenyReason = z.infer<typeof DenyReason>;
export const CheckDecision = z.object({
  allow: z.boolean(),
  reason: z.union([z.literal('granted'), DenyReason]),
  grantId: z.string().nullable(),
  missingFields: z.array(z.string()),
});
export type CheckDecision = z.infer<typeof CheckDecision>;

/** One consent.check of a person's data, as the person sees it (PIPL Art. 45: who relied on the consent, when). */
export const ConsentUse = z.object({
  id: z.string(),
  at: Timestamp,
  subjectId: z.string(),
  orgId: z.string().nullable().describe('the org that checked; null for the platform itself'),
  orgName: z.string().nullable(),
  scenarioId: z.string().nullable(),
  scenarioTitle: z.string().nullable(),
  version: z.number().int().nullable(),
  grantId: z.string().nullable(),
  fields: z.array(z.object({ name: z.string(), label: z.string() })).describe('the fields asked for'),
  allow: z.boolean(),
  reason: z.union([z.literal('granted'), DenyReason]),
});
export type ConsentUse = z.infer<typeof ConsentUse>;

export const UseQuery = z.strictObject({
  ...PageQuery,
  grantId: Id('cgr').optional().describe('only the checks decided on this grant'),
  subjectId: Id('usr').optional().describe('a ward’s record, for their guardian'),
});

/** A Kantara-style consent receipt (Consent Receipt Specification v1.1 fields), SM2-signed, with its ledger proof. */
export const ConsentReceipt = z.looseObject({
  version: z.string(),
  jurisdiction: z.string(),
  consentTimestamp: z.number().int(),
  collectionMethod: z.string(),
  consentReceiptID: z.string(),
  event: z.enum(['granted', 'revoked']),
  piiPrincipalId: z.string(),
  piiControllers: z.array(z.looseObject({ piiController: z.string() })),
  services: z.array(z.looseObject({ service: z.string() })),
  sensitive: z.boolean(),
  spiCat: z.array(z.string()),
});
export type ConsentReceipt = z.infer<typeof ConsentReceipt>;

export const ReceiptBundle = z.object({
  kind: z.literal('shuliu.consent.receipt/v1'),
  receipt: ConsentReceipt,
  signature: z
    .string()
    .describe('SM2 r ‖ s (hex) over the RFC 8785 form of receipt, signer ID 1234567812345678'),
  signerId: z.string(),
  keyId: z.string(),
  publicKey: z.string(),
  ledgerIndex: z.number().int(),
  ledgerEntry: z.string().describe('the canonical ledger entry that attests the receipt'),
  inclusionProof: z.object({
    leafIndex: z.number().int(),
    treeSize: z.number().int(),
    auditPath: z.array(z.string()),
  }),
  checkpoint: LedgerCheckpoint,
});
export type ReceiptBundle = z.infer<typeof ReceiptBundle>;

export const ReceiptVerifyReply = z.object({
  valid: z.boolean(),
  receiptId: z.string().nullable(),
  failure: z.object({ check: z.string(), message: z.string() }).nullable(),
  checks: z.array(z.object({ check: z.string(), ok: z.boolean(), message: z.string() })),
});
export type ReceiptVerifyReply = z.infer<typeof ReceiptVerifyReply>;

// 企业授权 (legal persons): both sides and the regulator see the same terms
export const OrgGrantStatus = z.enum(['active', 'revoked', 'expired']);
export const OrgGrantBody = z.strictObject({
  granteeOrgId: Id('org'),
  resourceIds: z.array(Id('res')).min(1).max(100),
  maxGrade: Grade.exclude(['core']),
  purpose: Text(1000),
  expiresAt: Instant,
});
export const OrgGrant = z.object({
  id: z.string(),
  grantorOrgId: z.string(),
  grantorOrgName: z.string().nullable(),
  granteeOrgId: z.string(),
  granteeOrgName: z.string().nullable(),
  resourceIds: z.array(z.string()),
  resources: z
    .array(z.object({ id: z.string(), title: z.string(), grade: Grade }))
    .describe('the named resources as catalogued now, in the order named'),
  maxGrade: Grade,
  purpose: z.string(),
  expiresAt: Timestamp,
  status: OrgGrantStatus,
  revokeReason: z.string().nullable(),
  revokedAt: Timestamp.nullable(),
  createdAt: Timestamp,
});
export type OrgGrant = z.infer<typeof OrgGrant>;
export const OrgGrantQuery = z.strictObject({
  ...PageQuery,
  box: z.enum(['granted', 'received', 'all']).default('all'),
  status: OrgGrantStatus.optional().describe('as of now: expired is active past its expiry'),
});
export const ConsentReasonBody = z.strictObject({ reason: Text(1000) });

// 公共数据授权运营
export const OperationGrantStatus = z.enum(['active', 'suspended', 'revoked', 'expired']);
export const OperationGrantQuery = z.strictObject({
  ...PageQuery,
  status: OperationGrantStatus.optional().describe('as of now: expired is any not revoked past its term'),
});
export const OperationScope = z.enum(['comprehensive', 'sectoral']);
export const OperationGrantBody = z
  .strictObject({
    operatorOrgId: Id('org'),
    scope: OperationScope.describe('综合授权 (all sectors) or 分领域授权 (named sectors)'),
    sectors: z.array(z.string().max(64)).max(50).default([]),
    maxGrade: Grade.exclude(['core']),
    startsAt: Instant,
    endsAt: Instant,
    priceGuidanceFen: z.number().int().min(0).describe('政府指导定价, in fen'),
    priceNote: z.string().trim().max(1000).optional(),
    authorityShareBp: z
      .number()
      .int()
      .min(0)
      .max(7000)
      .default(0)
      .describe('the authority’s share of each sale’s gross at settlement, in basis points (收益分成)'),
  })
  .refine((b) => b.scope === 'comprehensive' || b.sectors.length > 0, {
    path: ['sectors'],
    message: 'a sectoral authorization (分领域授权) names at least one sector',
  })
  .refine((b) => Date.parse(b.endsAt) > Date.parse(b.startsAt), {
    path: ['endsAt'],
    message: 'must be after startsAt',
  });
export const OperationEvaluation = z.object({
  id: z.string(),
  year: z.number().int(),
  score: z.number().int(),
  conclusion: z.string(),
  createdAt: Timestamp,
});
export const OperationGrant = z.object({
  id: z.string(),
  authorityOrgId: z.string(),
  authorityOrgName: z.string().nullable(),
  operatorOrgId: z.string(),
  operatorOrgName: z.string().nullable(),
  scope: OperationScope,
  sectors: z.array(z.string()),
  delivery: z.literal('compute_to_data').describe('原始数据不出域: delivery only through compute-to-data'),
  maxGrade: Grade,
  startsAt: Timestamp,
  endsAt: Timestamp,
  priceGuidanceFen: z.number().int(),
  priceNote: z.string().nullable(),
  authorityShareBp: z.number().int(),
  status: OperationGrantStatus,
  statusReason: z.string().nullable(),
  evaluations: z.array(OperationEvaluation),
  history: z
    .array(
      z.object({
        action: z.enum(['create', 'suspend', 'reinstate', 'revoke']),
        reason: z.string().nullable(),
        actorName: z.string().nullable(),
        at: Timestamp,
      }),
    )
    .describe('who created, suspended, reinstated or revoked it, when and why; oldest first'),
  createdAt: Timestamp,
});
export type OperationGrant = z.infer<typeof OperationGrant>;
export const EvaluationBody = z.strictObject({
  year: z.number().int().min(2000).max(2100),
  score: z.number().int().min(0).max(100),
  conclusion: Text(2000),
});
export const AuthorizedOperator = z.object({
  orgId: z.string(),
  orgName: z.string(),
  authorityOrgName: z.string(),
  scope: OperationScope,
  sectors: z.array(z.string()),
  maxGrade: Grade,
  endsAt: Timestamp,
  priceGuidanceFen: z.number().int(),
});
export type AuthorizedOperator = z.infer<typeof AuthorizedOperator>;

/** Why an org may or may not operate a resource under public-data authorized operation. */
export const OperationAccessReason = z.enum([
  'authorized',
  'no_grant',
  'not_public_data',
  'not_published',
  'sector_not_granted',
  'grade_exceeded',
  'not_started',
  'expired',
  'suspended',
  'revoked',
]);
export type OperationAccessReason = z.infer<typeof OperationAccessReason>;
export const OperationAccess = z.object({
  allow: z.boolean(),
  reason: OperationAccessReason,
  grantId: z.string().nullable(),
  delivery: z
    .literal('compute_to_data')
    .nullable()
    .describe('how an allowed use is delivered: only through compute-to-data (原始数据不出域)'),
});
export type OperationAccess = z.infer<typeof OperationAccess>;
export const OperationAccessQuery = z.strictObject({ resourceId: Id('res') });
