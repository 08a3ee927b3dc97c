import { z } from 'zod';
import { Text, Timestamp } from './common.js';

/** The three data property rights (数据产权, 数据二十条): 数据资源持有权、数据加工使用权、数据产品经营权. */
export const DataRight = z.enum(['holding', 'processing', 'operating']);
export type DataRight = z.infer<typeof DataRight>;
export const DATA_RIGHT_NAMES: Record<DataRight, string> = {
  holding: '数据资源持有权',
  processing: '数据加工使用权',
  operating: '数据产品经营权',
};

/** 数据产权登记, or 数据知识产权登记 (data-IP: processed data collections only, never raw or single records). */
export const RegistrationCategory = z.enum(['data_property', 'data_ip']);
export type RegistrationCategory = z.infer<typeof RegistrationCategory>;

/** 首次、许可、转移、变更、注销、异议、续展、质押、解押 登记. */
export const RegistrationType = z.enum([
  'initial',
  'license',
  'transfer',
  'change',
  'cancel',
  'objection',
  'renew',
  'pledge',
  'release',
]);
export type RegistrationType = z.infer<typeof RegistrationType>;

/**
 * 草稿 → 已提交 (申请) → 审查中 (受理) → 公示中 → 异议处理中 → 待核发 → 已发证; or 不予登记 / 已撤回.
 * `approved` is a registration that passed review and needs no public notice (or whose notice is over).
 */
export const RegistrationStatus = z.enum([
  'draft',
  'submitted',
  'under_review',
  'publicizing',
  'objected',
  'approved',
  'issued',
  'rejected',
  'withdrawn',
]);
export type RegistrationStatus = z.infer<typeof RegistrationStatus>;

/** 声明承诺 signed by the applicant. */
export const RegistryDeclaration = z.enum(['truthful', 'lawfulSource', 'noInfringement', 'acceptReview']);
export type RegistryDeclaration = z.infer<typeof RegistryDeclaration>;

export const RegistryEvidenceKind = z.enum([
  'authorization',
  'purchase_contract',
  'collection_method',
  'transfer_contract',
  'license_agreement',
  'pledge_contract',
  'release_agreement',
  'inspection_report',
  'objection_evidence',
  'other',
]);
export type RegistryEvidenceKind = z.infer<typeof RegistryEvidenceKind>;

export const RegistryFile = z.object({
  id: z.string(),
  kind: RegistryEvidenceKind,
  name: z.string(),
  sizeBytes: z.number().int(),
  sm3: z.string(),
  orgId: z.string(),
  createdAt: Timestamp,
});
export type RegistryFile = z.infer<typeof RegistryFile>;

/** One point of the substantive review: 数据描述准确性、数据来源合规性、数据产权明确性. */
export const RegistryChecklistItem = z.strictObject({ passed: z.boolean(), note: Text(1000).optional() });
export const RegistryChecklist = z.strictObject({
  descriptionAccuracy: RegistryChecklistItem,
  sourceCompliance: RegistryChecklistItem,
  rightsClarity: RegistryChecklistItem,
});
export type RegistryChecklist = z.infer<typeof RegistryChecklist>;

export const RegistryEvent = z.object({
  at: Timestamp,
  action: z.string(),
  actorName: z.string().nullable(),
  orgName: z.string().nullable(),
  reason: z.string().nullable(),
  ledgerIndex: z.number().int().nullable(),
  version: z.number().int().nullable(),
});
export type RegistryEvent = z.infer<typeof RegistryEvent>;

export const RegistrationDeadlines = z.object({
  acceptDueAt: Timestamp.nullable().describe('受理 by then (acceptDays working days after submission)'),
  reviewDueAt: Timestamp.nullable().describe('review done by then (reviewDays working days after 受理)'),
  noticeStartsAt: Timestamp.nullable(),
  noticeEndsAt: Timestamp.nullable().describe('公示 ends (noticeDays working days)'),
  objectionDueAt: Timestamp.nullable().describe('the earliest open objection is handled by then'),
});

export const RegistrationTerms = z.object({
  validFrom: z.string().optional(),
  validUntil: z.string().optional(),
  exclusive: z.boolean().optional(),
  securedAmountFen: z.number().int().optional(),
  sourceValidUntil: z.string().optional(),
  changes: z.record(z.string(), z.unknown()).optional(),
});

export const Registration = z.object({
  id: z.string(),
  type: RegistrationType,
  category: RegistrationCategory,
  status: RegistrationStatus,
  applicantOrgId: z.string(),
  applicantOrgName: z.string().nullable(),
  objectType: z.literal('resource'),
  objectId: z.string(),
  objectTitle: z.string(),
  certificateId: z.string().nullable(),
  certificateNo: z.string().nullable(),
  rights: z.array(DataRight),
  source: z
    .object({ kind: z.string(), description: z.string().nullable(), validUntil: z.string().nullable() })
    .nullable(),
  format: z.string().nullable(),
  updateFrequency: z.string().nullable(),
  scope: z.string().nullable(),
  counterpartyOrgId: z.string().nullable().describe('transferee, licensee or pledgee'),
  counterpartyOrgName: z.string().nullable(),
  terms: RegistrationTerms,
  reason: z.string().nullable().describe('the applicant’s reason (change, cancel, objection…)'),
  declarations: z.array(RegistryDeclaration),
  reviewerOrgId: z.string().nullable(),
  reviewerOrgName: z.string().nullable(),
  checklist: RegistryChecklist.nullable(),
  reviewOpinion: z.string().nullable(),
  decisionReason: z.string().nullable().describe('why it was refused, rejected or withdrawn'),
  deadlines: RegistrationDeadlines,
  dueAt: Timestamp.nullable().describe('the deadline of the current step'),
  overdue: z.boolean(),
  openObjections: z.number().int(),
  resultCertificateNo: z.string().nullable(),
  submittedAt: Timestamp.nullable(),
  acceptedAt: Timestamp.nullable(),
  reviewedAt: Timestamp.nullable(),
  decidedAt: Timestamp.nullable(),
  issuedAt: Timestamp.nullable(),
  createdAt: Timestamp,
  updatedAt: Timestamp,
});
export type Registration = z.infer<typeof Registration>;

export const RegistryObjectionStatus = z.enum(['open', 'upheld', 'dismissed']);
export const RegistryObjection = z.object({
  id: z.string(),
  applicationId: z.string(),
  objectorOrgId: z.string(),
  objectorOrgName: z.string().nullable(),
  reason: z.string(),
  status: RegistryObjectionStatus,
  decisionReason: z.string().nullable(),
  dueAt: Timestamp,
  decidedAt: Timestamp.nullable(),
  createdAt: Timestamp,
  files: z.array(RegistryFile),
});
export type RegistryObjection = z.infer<typeof RegistryObjection>;

export const RegistrationDetail = Registration.extend({
  files: z.array(RegistryFile),
  objections: z.array(RegistryObjection),
  timeline: z.array(RegistryEvent),
});
export type RegistrationDetail = z.infer<typeof RegistrationDetail>;
