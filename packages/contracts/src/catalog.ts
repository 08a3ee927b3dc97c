import { z } from 'zod';
import { atMostKeys, Id, PageQuery, Text, Timestamp } from './common.js';
import { QualityScore } from './quality.js';

/**
 * GB/T 43697-2024 grades, most sensitive first: 核心数据, 重要数据, then 一般数据 in the four sub-levels of
 * Annex H (4级 特别严重 … 1级 no harm, publishable).
 */
export const GRADES = ['core', 'important', 'general_4', 'general_3', 'general_2', 'general_1'] as const;
export const Grade = z.enum(GRADES);
export type Grade = z.infer<typeof Grade>;

/** 公共数据 / 组织数据 / 个人信息 */
export const SubjectType = z.enum(['public', 'organization', 'personal']);
export type SubjectType = z.infer<typeof SubjectType>;
/** 自行采集 / 授权 / 购买 */
export const SourceKind = z.enum(['collected', 'authorized', 'purchased']);
export type SourceKind = z.infer<typeof SourceKind>;
export const UpdateFrequency = z.enum([
  'realtime',
  'daily',
  'weekly',
  'monthly',
  'quarterly',
  'yearly',
  'irregular',
  'once',
]);
export type UpdateFrequency = z.infer<typeof UpdateFrequency>;
/** 无条件开放 / 有条件开放 / 不予开放 */
export const OpenClass = z.enum(['unconditional', 'conditional', 'closed']);
export type OpenClass = z.infer<typeof OpenClass>;
export const ResourceStatus = z.enum(['draft', 'published', 'retired']);
export type ResourceStatus = z.infer<typeof ResourceStatus>;
/** Processing degree of derived data (原始、脱敏、标签、统计、融合), which re-grades it. */
export const Processing = z.enum(['raw', 'masked', 'labelled', 'statistical', 'fused']);
export type Processing = z.infer<typeof Processing>;
export const FileFormat = z.enum(['csv', 'tsv', 'jsonl', 'xlsx', 'parquet', 'pdf', 'other']);
export type FileFormat = z.infer<typeof FileFormat>;
export const AdminLevel = z.enum(['province', 'city', 'county']);
export type AdminLevel = z.infer<typeof AdminLevel>;

export const PiiMatch = z.object({ kind: z.string(), confidence: z.number().min(0).max(1) });
export type PiiMatch = z.infer<typeof PiiMatch>;

/** One field of a resource's schema, as profiled, with its grade (never below the computed one). */
export const ResourceColumn = z.object({
  name: z.string(),
  type: z.string(),
  pii: PiiMatch.nullable(),
  computedGrade: Grade,
  grade: Grade,
});
export type ResourceColumn = z.infer<typeof ResourceColumn>;

const Day = z.iso.date('must be a date YYYY-MM-DD').max(10);
export const SectorCode = z
  .string()
  .regex(/^[a-z][a-z_]*(\.[a-z][a-z_]*)*$/, 'must be lower-case words joined by dots, e.g. transport.road')
  .max(60);

export const Sector = z.object({
  code: z.string(),
  parentCode: z.string().nullable(),
  name: z.string(),
  nameEn: z.string().nullable(),
  sort: z.number().int(),
  resourceCount: z.number().int(),
});
export type Sector = z.infer<typeof Sector>;

export const SectorBody = z.strictObject({
  code: SectorCode,
  parentCode: SectorCode.nullable().default(null),
  name: Text(40),
  nameEn: Text(80).nullable().default(null),
  sort: z.number().int().min(0).max(100000).default(0),
});
/** Only what is sent changes (no defaults here: a rename must not move the sector or clear its English name). */
export const UpdateSectorBody = z.strictObject({
  parentCode: SectorCode.nullable().optional(),
  name: Text(40).optional(),
  nameEn: Text(80).nullable().optional(),
  sort: z.number().int().min(0).max(100000).optional(),
});
export const SectorParams = z.strictObject({ code: SectorCode });

export const Resource = z.object({
  id: z.string(),
  ownerOrgId: z.string(),
  ownerOrgName: z.string().nullable(),
  title: z.string(),
  titleEn: z.string().nullable(),
  description: z.string(),
  descriptionEn: z.string().nullable(),
  sectorCode: z.string(),
  sectorName: z.string().nullable(),
  subjectType: SubjectType,
  sourceKind: SourceKind,
  sourceMethod: z.string().nullable(),
  updateFrequency: UpdateFrequency,
  format: z.string().nullable(),
  spatialCoverage: z.string().nullable(),
  temporalFrom: z.string().nullable(),
  temporalTo: z.string().nullable(),
  keywords: z.array(z.string()),
  schema: z.array(ResourceColumn),
  computedGrade: Grade,
  manualGrade: Grade.nullable(),
  grade: Grade,
  openClass: OpenClass.nullable(),
  status: ResourceStatus,
  version: z.number().int(),
  derivedFrom: z.string().nullable(),
  processing: Processing,
  docScore: z.number().describe('0..1: how completely the resource is documented'),
  createdAt: Timestamp,
  updatedAt: Timestamp,
  publishedAt: Timestamp.nullable(),
  retiredAt: Timestamp.nullable(),
  /** The latest data-quality score (GB/T 36344), null when never scored (filled in by the resource routes). */
  quality: QualityScore.nullable().optional(),
});
export type Resource = z.infer<typeof Resource>;

const ResourceFields = {
  title: Text(120),
  titleEn: Text(200).nullable().optional(),
  description: Text(4000),
  descriptionEn: Text(8000).nullable().optional(),
  sectorCode: SectorCode,
  subjectType: SubjectType,
  sourceKind: SourceKind,
  sourceMethod: Text(500).nullable().optional(),
  updateFrequency: UpdateFrequency,
  format: Text(40).nullable().optional(),
  spatialCoverage: Text(200).nullable().optional(),
  temporalFrom: Day.nullable().optional(),
  temporalTo: Day.nullable().optional(),
  keywords: z.array(Text(30)).max(20),
  openClass: OpenClass.nullable().optional(),
};

const temporalOrder = (b: { temporalFrom?: string | null; temporalTo?: string | null }) =>
  !b.temporalFrom || !b.temporalTo || b.temporalFrom <= b.temporalTo;
const collectedNeedsMethod = (b: { sourceKind?: SourceKind; sourceMethod?: string | null }) =>
  b.sourceKind !== 'collected' || !!b.sourceMethod;

export const CreateResourceBody = z
  .strictObject({ ...ResourceFields, keywords: ResourceFields.keywords.default([]) })
  .refine(temporalOrder, { path: ['temporalTo'], message: 'must not be before temporalFrom' })
  .refine(collectedNeedsMethod, {
    path: ['sourceMethod'],
    message: 'say how the data was collected (自行采集 needs a collection method)',
  });
export type CreateResourceBody = z.input<typeof CreateResourceBody>;

export const UpdateResourceBody = z
  .strictObject(ResourceFields)
  .partial()
  .extend({ note: Text(500).optional().describe('why it changed; kept with the version') })
  .refine(temporalOrder, { path: ['temporalTo'], message: 'must not be before temporalFrom' });
export type UpdateResourceBody = z.input<typeof UpdateResourceBody>;

export const GradeBody = z.strictObject({
  grade: Grade.optional().describe('dataset grade; may raise, never lower the computed one'),
  fields: z
    .array(z.strictObject({ name: Text(200), grade: Grade }))
    .max(2000)
    .default([]),
  reason: Text(500),
});
export type GradeBody = z.input<typeof GradeBody>;

export const ReasonBody = z.strictObject({ reason: Text(500) });

const Csv = <T extends z.ZodType>(item: T) =>
  z
    .union([item, z.array(item).max(100)])
    .transform((v) => (Array.isArray(v) ? v : [v]) as z.output<T>[])
    .optional();

export const ResourceQuery = z.strictObject({
  ...PageQuery,
  q: z.string().trim().max(200).optional(),
  sector: Csv(SectorCode),
  grade: Csv(Grade),
  openClass: Csv(OpenClass),
  org: Csv(Id('org')),
  format: Csv(z.string().max(40)),
  subjectType: Csv(SubjectType),
  status: Csv(ResourceStatus),
  mine: z.enum(['true', 'false']).optional(),
  sort: z.enum(['relevance', 'updated', 'title']).default('relevance'),
});
export type ResourceQuery = z.input<typeof ResourceQuery>;

export const FacetBucket = z.object({ value: z.string(), label: z.string().nullable(), count: z.number() });
export const ResourceSearchReply = z.object({
  items: z.array(Resource),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
  facets: z.object({
    sector: z.array(FacetBucket),
    grade: z.array(FacetBucket),
    openClass: z.array(FacetBucket),
    org: z.array(FacetBucket),
    format: z.array(FacetBucket),
  }),
});
export type ResourceSearchReply = z.infer<typeof ResourceSearchReply>;

export const ResourceVersion = z.object({
  version: z.number().int(),
  note: z.string().nullable(),
  changedBy: z.string(),
  changedAt: Timestamp,
  snapshot: z.record(z.string(), z.unknown()),
});
export type ResourceVersion = z.infer<typeof ResourceVersion>;

export const ResourceLineage = z.object({
  source: Resource.nullable(),
  derivatives: z.array(Resource),
});
export type ResourceLineage = z.infer<typeof ResourceLineage>;

export const FileRole = z.enum(['data', 'evidence']);
export type FileRole = z.infer<typeof FileRole>;
export const FileStatus = z.enum(['uploading', 'profiling', 'ready', 'failed']);
export type FileStatus = z.infer<typeof FileStatus>;

export const ColumnProfile = z.object({
  name: z.string(),
  type: z.string(),
  nullRate: z.number(),
  distinct: z.number().int().describe('estimated (HyperLogLog)'),
  min: z.union([z.string(), z.number()]).nullable(),
  max: z.union([z.string(), z.number()]).nullable(),
  pii: PiiMatch.nullable(),
  /** PIPL Art. 28 sensitive personal information. */
  sensitive: z.boolean(),
  suggestedGrade: Grade,
  /** The masking rule a derivative uses for this column unless told otherwise. */
  defaultRule: z.record(z.string(), z.unknown()).nullable(),
});
export type ColumnProfile = z.infer<typeof ColumnProfile>;

export const FileProfile = z.object({
  rows: z.number().int(),
  encoding: z.string().nullable(),
  columns: z.array(ColumnProfile),
  datasetGrade: Grade,
  /** The first rows with every detected personal field masked by its default strategy. */
  sample: z.array(z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()]))),
});
export type FileProfile = z.infer<typeof FileProfile>;

export const CatalogFile = z.object({
  id: z.string(),
  resourceId: z.string(),
  role: FileRole,
  name: z.string(),
  format: z.string(),
  sizeBytes: z.number().int(),
  sm3: z.string().nullable(),
  status: FileStatus,
  progress: z.number().describe('0..1 while profiling'),
  rowCount: z.number().int().nullable(),
  profile: FileProfile.nullable(),
  error: z.string().nullable(),
  /** Why the file failed, e.g. `TABULAR_ARCHIVE_BOMB`: the portal names it in the reader's language. */
  errorCode: z.string().nullable(),
  createdAt: Timestamp,
  updatedAt: Timestamp,
});
export type CatalogFile = z.infer<typeof CatalogFile>;

export const UploadQuery = z.strictObject({
  name: z
    .string()
    .trim()
    .min(1)
    .max(200)
    .regex(/^[^/\\]+$/, 'must be a file name, not a path')
    // CR/LF would split a Content-Disposition or log line; bidi overrides disguise an extension (U+202E)
    .regex(/^[^\p{Cc}\u2028\u2029\u202a-\u202e\u2066-\u2069]+$/u, 'must not hold control characters'),
  role: FileRole.default('data'),
});
export type UploadQuery = z.input<typeof UploadQuery>;

/** Masking rules of a derivative: a strategy per column (defaults come from PII detection). */
export const MaskRule = atMostKeys(
  z.object({ strategy: z.string().min(1).max(40) }).catchall(z.unknown()),
  20,
);
export const DeriveBody = z.strictObject({
  title: Text(120),
  fileId: Id('fil').optional().describe('the source file; defaults to the newest ready data file'),
  columns: atMostKeys(z.record(z.string().max(200), MaskRule), 2000).default({}),
});
export type DeriveBody = z.input<typeof DeriveBody>;

export const OpenRequestStatus = z.enum(['pending', 'approved', 'rejected']);
export const OpenRequest = z.object({
  id: z.string(),
  resourceId: z.string(),
  resourceTitle: z.string(),
  ownerOrgId: z.string(),
  ownerOrgName: z.string().nullable(),
  applicantOrgId: z.string(),
  applicantOrgName: z.string().nullable(),
  purpose: z.string(),
  status: OpenRequestStatus,
  reason: z.string().nullable(),
  decidedAt: Timestamp.nullable(),
  createdAt: Timestamp,
});
export type OpenRequest = z.infer<typeof OpenRequest>;

export const OpenRequestBody = z.strictObject({ purpose: Text(1000) });
export const OpenDecisionBody = z
  .strictObject({ approve: z.boolean(), reason: Text(500).optional() })
  .refine((b) => b.approve || !!b.reason, { path: ['reason'], message: 'say why the request is rejected' });
export const OpenRequestQuery = z.strictObject({
  ...PageQuery,
  box: z.enum(['incoming', 'outgoing', 'all']).default('incoming'),
  status: OpenRequestStatus.optional(),
});

/** A DCAT 3 JSON-LD document (dcat:Catalog or dcat:Dataset). */
export const JsonLd = z.record(z.string(), z.unknown());
export const DcatQuery = z.strictObject({ ...PageQuery, pageSize: PageQuery.pageSize.default(50) });

export const MaskPreviewBody = z.strictObject({
  fileId: Id('fil').optional(),
  columns: atMostKeys(z.record(z.string().max(200), MaskRule), 2000).default({}),
  rows: z.number().int().min(1).max(50).default(10),
});
export type MaskPreviewBody = z.input<typeof MaskPreviewBody>;
const Row = z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()]));
export const MaskPreview = z.object({
  columns: z.array(z.string()),
  /** Per column, the rule applied (the given one or the default from detection). */
  rules: z.record(z.string(), z.record(z.string(), z.unknown())),
  before: z.array(Row),
  after: z.array(Row),
});
export type MaskPreview = z.infer<typeof MaskPreview>;
