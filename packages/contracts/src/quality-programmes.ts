import { z } from 'zod';
import { Id, PageQuery, Text, Timestamp } from './common.js';
import { QualityScore } from './quality.js';

/*
 * 高质量数据集 designation and product quality supervision (数据产品质量监督): the province's programmes that
 * stand on the catalog and the market.
 */

// ---------------------------------------------------------------- 高质量数据集

/** The published review criteria (评审标准) and their weights, in percent (they sum to 100). */
// prettier-ignore
export const HQD_CRITERIA = [
  { key: 'quality', weight: 25, zh: '数据质量', en: 'Data quality', zhHint: '按 GB/T 36344 六项指标的质量评估结果', enHint: 'Quality assessed on the six GB/T 36344 indicators' },
  { key: 'scale', weight: 15, zh: '规模与覆盖', en: 'Scale and coverage', zhHint: '数据量、时间跨度、地域与业务覆盖', enHint: 'Volume, time span, regional and business coverage' },
  { key: 'timeliness', weight: 15, zh: '更新时效', en: 'Update timeliness', zhHint: '按声明的更新频率持续更新的记录', enHint: 'A record of updates at the declared frequency' },
  { key: 'value', weight: 20, zh: '应用价值', en: 'Application value', zhHint: '已支撑的应用场景与成效', enHint: 'Application scenarios served and their results' },
  { key: 'compliance', weight: 15, zh: '合规与安全', en: 'Compliance and security', zhHint: '来源合法、授权完备、分类分级与安全措施', enHint: 'Lawful source, authorizations, grading and safeguards' },
  { key: 'documentation', weight: 10, zh: '标注与文档', en: 'Annotation and documentation', zhHint: '数据字典、标注规范与使用说明', enHint: 'Data dictionary, annotation rules and user guide' },
] as const;
export const HqdCriterion = z.enum([
  'quality',
  'scale',
  'timeliness',
  'value',
  'compliance',
  'documentation',
]);
export type HqdCriterion = z.infer<typeof HqdCriterion>;

export const HqdLevel = z.enum(['provincial', 'municipal']);
export type HqdLevel = z.infer<typeof HqdLevel>;

/** submitted → in_review (a reviewer org assigned) → reviewed (scored) → designated | rejected. */
export const HqdStatus = z.enum(['submitted', 'in_review', 'reviewed', 'designated', 'rejected']);
export type HqdStatus = z.infer<typeof HqdStatus>;

export const HqdScore = z.object({
  criterion: HqdCriterion,
  score: z.number(),
  comment: z.string().nullable(),
});
export type HqdScore = z.infer<typeof HqdScore>;

export const HqdApplication = z.object({
  id: z.string(),
  orgId: z.string(),
  orgName: z.string().nullable(),
  resourceId: z.string(),
  resourceTitle: z.string().nullable(),
  level: HqdLevel,
  year: z.number().int(),
  /** The quality report the application cites (an id of the quality domain's reports, or a report number). */
  qualityReportRef: z.string().nullable(),
  /** The resource's latest GB/T 36344 score on the platform, read when the application is shown. */
  latestQuality: QualityScore.nullable(),
  updateRecord: z.string(),
  useCases: z.string(),
  status: HqdStatus,
  reviewerOrgId: z.string().nullable(),
  reviewerOrgName: z.string().nullable(),
  scores: z.array(HqdScore),
  /** Σ weight × score / 100, two decimals; null before the review. */
  weightedScore: z.number().nullable(),
  reviewOpinion: z.string().nullable(),
  decisionNote: z.string().nullable(),
  createdAt: Timestamp,
  assignedAt: Timestamp.nullable(),
  reviewedAt: Timestamp.nullable(),
  decidedAt: Timestamp.nullable(),
});
export type HqdApplication = z.infer<typeof HqdApplication>;

export const HqdApplyBody = z.strictObject({
  resourceId: Id('res'),
  level: HqdLevel,
  qualityReportRef: z.string().trim().max(64).nullish(),
  updateRecord: Text(2000),
  useCases: Text(2000),
});
export type HqdApplyBody = z.input<typeof HqdApplyBody>;

export const HqdAssignBody = z.strictObject({ reviewerOrgId: Id('org') });

export const HqdReviewBody = z.strictObject({
  scores: z
    .array(
      z.strictObject({
        criterion: HqdCriterion,
        score: z.number().int().min(0).max(100),
        comment: z.string().trim().max(500).nullish(),
      }),
    )
    .length(HQD_CRITERIA.length)
    .refine((s) => new Set(s.map((x) => x.criterion)).size === s.length, 'each criterion is scored once'),
  opinion: Text(2000),
});
export type HqdReviewBody = z.input<typeof HqdReviewBody>;

export const HqdDecisionBody = z.strictObject({ note: Text(1000) });

export const HqdQuery = z.strictObject({
  ...PageQuery,
  status: HqdStatus.optional(),
  box: z
    .enum(['mine', 'reviewing', 'all'])
    .optional()
    .describe('mine: applied by the caller org; reviewing: assigned to it'),
});

export const HqdPublicQuery = z.strictObject({
  ...PageQuery,
  year: z.coerce.number().int().min(2000).max(2100).optional(),
  level: HqdLevel.optional(),
});

export const HqdDesignated = z.object({
  id: z.string(),
  resourceId: z.string(),
  resourceTitle: z.string().nullable(),
  orgName: z.string().nullable(),
  level: HqdLevel,
  year: z.number().int(),
  weightedScore: z.number().nullable(),
  designatedAt: Timestamp,
});
export type HqdDesignated = z.infer<typeof HqdDesignated>;

export const HqdSettings = z.object({
  /** The yearly target of provincial designations (RULES.md: ≥ 10 a year). */
  yearlyTarget: z.number().int().min(0).max(10000),
  /** The weighted score a designation needs. */
  passScore: z.number().int().min(0).max(100),
});
export type HqdSettings = z.infer<typeof HqdSettings>;
export const HqdSettingsBody = HqdSettings.strict();

export const HqdProgress = z.object({
  year: z.number().int(),
  target: z.number().int(),
  provincial: z.number().int(),
  municipal: z.number().int(),
  inReview: z.number().int(),
});
export type HqdProgress = z.infer<typeof HqdProgress>;

// ---------------------------------------------------------------- 数据产品质量监督

export const ComplaintCategory = z.enum([
  'quality',
  'mismatch',
  'timeliness',
  'delivery',
  'compliance',
  'other',
]);
export type ComplaintCategory = z.infer<typeof ComplaintCategory>;

/** filed → investigating → rectifying (seller to act) → responded → rectified; or dismissed while investigated. */
export const ComplaintStatus = z.enum([
  'filed',
  'investigating',
  'rectifying',
  'responded',
  'rectified',
  'dismissed',
]);
export type ComplaintStatus = z.infer<typeof ComplaintStatus>;

export const ComplaintEvent = z.object({
  action: z.string(),
  actorName: z.string().nullable(),
  note: z.string().nullable(),
  at: Timestamp,
});

export const Complaint = z.object({
  id: z.string(),
  orderId: z.string(),
  productId: z.string(),
  productTitle: z.string().nullable(),
  resourceIds: z.array(z.string()),
  buyerOrgId: z.string(),
  buyerName: z.string().nullable(),
  sellerOrgId: z.string(),
  sellerName: z.string().nullable(),
  category: ComplaintCategory,
  /** What happened, the evidence and the notes are the parties’ and oversight’s: others see null. */
  description: z.string().nullable(),
  evidenceNote: z.string().nullable(),
  status: ComplaintStatus,
  investigatorName: z.string().nullable(),
  history: z.array(ComplaintEvent),
  createdAt: Timestamp,
  closedAt: Timestamp.nullable(),
});
export type Complaint = z.infer<typeof Complaint>;

export const ComplaintBody = z.strictObject({
  orderId: Id('ord'),
  category: ComplaintCategory,
  description: Text(2000),
  evidenceNote: z.string().trim().max(2000).nullish(),
});
export type ComplaintBody = z.input<typeof ComplaintBody>;

export const ComplaintNoteBody = z.strictObject({ note: Text(2000) });

export const ComplaintQuery = z.strictObject({
  ...PageQuery,
  status: ComplaintStatus.optional(),
  resourceId: Id('res').optional(),
  productId: Id('prd').optional(),
});
