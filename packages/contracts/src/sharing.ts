import { z } from 'zod';
import { AdminLevel, Grade, SubjectType } from './catalog.js';
import { Id, PageQuery, QueryBool, Text, Timestamp } from './common.js';

const Instant = z.iso.datetime({ offset: true }).max(40);

/** 政务共享 request states: 待审 → 已同意 → 已交付, or 已驳回; the requester may withdraw while pending. */
export const SharingStatus = z.enum(['pending', 'approved', 'rejected', 'delivered', 'withdrawn']);
export type SharingStatus = z.infer<typeof SharingStatus>;

export const SharingRequest = z.object({
  id: z.string(),
  resourceId: z.string(),
  resourceTitle: z.string().nullable(),
  providerOrgId: z.string(),
  providerOrgName: z.string().nullable(),
  providerLevel: AdminLevel,
  requesterOrgId: z.string(),
  requesterOrgName: z.string().nullable(),
  requesterLevel: AdminLevel,
  purpose: z.string(),
  status: SharingStatus,
  reason: z.string().nullable().describe('why it was rejected'),
  note: z.string().nullable().describe('the provider’s note on approval or delivery'),
  dueAt: Timestamp.describe('the provider answers by then (sharingResponseDays working days)'),
  overdue: z.boolean().describe('still pending after dueAt'),
  decidedBy: z.string().nullable(),
  decidedAt: Timestamp.nullable(),
  deliveredAt: Timestamp.nullable(),
  withdrawnAt: Timestamp.nullable(),
  createdBy: z.string(),
  createdAt: Timestamp,
});
export type SharingRequest = z.infer<typeof SharingRequest>;

export const CreateSharingBody = z.strictObject({
  resourceId: Id('res'),
  purpose: Text(1000).describe('the public duty the data serves (履职用途)'),
});
export type CreateSharingBody = z.input<typeof CreateSharingBody>;

export const SharingNoteBody = z.strictObject({ note: Text(1000).optional() });
export const SharingRejectBody = z.strictObject({ reason: Text(1000) });

/** `incoming`: asked of the caller's org; `outgoing`: asked by it; none: everything the caller may see. */
export const SharingBox = z.enum(['incoming', 'outgoing']);

export const SharingQuery = z.strictObject({
  ...PageQuery,
  box: SharingBox.optional(),
  status: SharingStatus.optional(),
  overdue: QueryBool.optional(),
  resourceId: Id('res').optional(),
});
export type SharingQuery = z.input<typeof SharingQuery>;

/** 省级数据回流 (应返尽返) obligation states. */
export const ReturnFlowStatus = z.enum(['pending', 'delivered']);
export type ReturnFlowStatus = z.infer<typeof ReturnFlowStatus>;

export const ReturnFlow = z.object({
  id: z.string(),
  resourceId: z.string(),
  resourceTitle: z.string().nullable(),
  fromOrgId: z.string(),
  fromOrgName: z.string().nullable(),
  toOrgId: z.string(),
  toOrgName: z.string().nullable(),
  toLevel: AdminLevel.exclude(['province']),
  status: ReturnFlowStatus,
  dueAt: Timestamp,
  deliveredAt: Timestamp.nullable(),
  overdue: z.boolean().describe('still pending after dueAt'),
  late: z.boolean().describe('delivered after dueAt'),
  note: z.string().nullable(),
  createdBy: z.string(),
  createdAt: Timestamp,
});
export type ReturnFlow = z.infer<typeof ReturnFlow>;

export const CreateReturnFlowBody = z.strictObject({
  resourceId: Id('res'),
  toOrgId: Id('org').describe('a city or county authority within the province'),
  note: Text(1000).optional(),
});
export type CreateReturnFlowBody = z.input<typeof CreateReturnFlowBody>;

export const ReturnFlowQuery = z.strictObject({
  ...PageQuery,
  box: SharingBox.optional(),
  status: ReturnFlowStatus.optional(),
  overdue: QueryBool.optional(),
  toOrgId: Id('org').optional(),
});
export type ReturnFlowQuery = z.input<typeof ReturnFlowQuery>;

/** One receiving org on the 应返尽返 board. */
export const ReturnFlowBoardRow = z.object({
  orgId: z.string(),
  orgName: z.string().nullable(),
  level: AdminLevel,
  owed: z.number().int().describe('every obligation towards the org'),
  pending: z.number().int().describe('open and not yet due'),
  overdue: z.number().int(),
  deliveredOnTime: z.number().int(),
  deliveredLate: z.number().int(),
  complianceRate: z
    .number()
    .nullable()
    .describe('on time ÷ (delivered + overdue); null while nothing has come due'),
});
export const ReturnFlowBoard = z.object({
  items: z.array(ReturnFlowBoardRow),
  total: ReturnFlowBoardRow.omit({ orgId: true, orgName: true, level: true }),
});
export type ReturnFlowBoard = z.infer<typeof ReturnFlowBoard>;

export const SharingStatsQuery = z.strictObject({
  from: Instant.optional().describe('requests made at or after'),
  to: Instant.optional().describe('requests made before'),
});
export type SharingStatsQuery = z.input<typeof SharingStatsQuery>;

const SharingFigures = {
  requests: z.number().int(),
  pending: z.number().int(),
  overdue: z.number().int(),
  approved: z.number().int().describe('approved, delivered ones included'),
  rejected: z.number().int(),
  delivered: z.number().int(),
  withdrawn: z.number().int(),
  medianResponseHours: z.number().nullable().describe('request to decision'),
  p90ResponseHours: z.number().nullable(),
};
export const SharingStatsRow = z.object({
  requesterLevel: AdminLevel,
  providerLevel: AdminLevel,
  ...SharingFigures,
});
export const ReturnFlowStatsRow = z.object({
  toLevel: AdminLevel,
  owed: z.number().int(),
  delivered: z.number().int(),
  deliveredOnTime: z.number().int(),
  overdue: z.number().int(),
  onTimeRate: z.number().nullable().describe('on time ÷ (delivered + overdue)'),
});
export const SharingStats = z.object({
  byLevel: z.array(SharingStatsRow),
  total: z.object(SharingFigures),
  returnFlows: z.array(ReturnFlowStatsRow),
});
export type SharingStats = z.infer<typeof SharingStats>;

/** 资源调查: one bucket of a dimension with the resources and data volumes in it. */
export const SurveyBucket = z.object({
  key: z.string(),
  label: z.string().nullable(),
  resources: z.number().int(),
  published: z.number().int(),
  files: z.number().int().describe('ready data files'),
  rows: z.number(),
  bytes: z.number(),
});
export type SurveyBucket = z.infer<typeof SurveyBucket>;

export const SurveyTotals = SurveyBucket.omit({ key: true, label: true }).extend({
  orgs: z.number().int().describe('organizations holding resources'),
});
export type SurveyTotals = z.infer<typeof SurveyTotals>;

export const Survey = z.object({
  takenAt: Timestamp,
  totals: SurveyTotals,
  bySector: z.array(SurveyBucket),
  byRegion: z.array(SurveyBucket.extend({ level: AdminLevel })),
  byGrade: z.array(SurveyBucket.extend({ key: Grade })),
  bySubjectType: z.array(SurveyBucket.extend({ key: SubjectType })),
  byOrg: z.array(SurveyBucket.extend({ level: AdminLevel })),
});
export type Survey = z.infer<typeof Survey>;

export const SurveySnapshot = z.object({ id: z.string(), takenAt: Timestamp, totals: SurveyTotals });
export type SurveySnapshot = z.infer<typeof SurveySnapshot>;
export const SurveySnapshotDetail = SurveySnapshot.extend({ survey: Survey });

export const SurveyHistoryQuery = z.strictObject({
  from: Instant.optional(),
  to: Instant.optional(),
  limit: z.coerce.number().int().min(1).max(1000).default(365),
});
export type SurveyHistoryQuery = z.input<typeof SurveyHistoryQuery>;

/** A government department (an authority org) with its administrative level, for choosing a counterpart. */
export const Department = z.object({
  id: z.string(),
  name: z.string(),
  level: AdminLevel,
  division: z.string().describe('GB/T 2260 code from the USCC'),
  region: z.string().nullable(),
});
export type Department = z.infer<typeof Department>;
export const DepartmentQuery = z.strictObject({
  level: AdminLevel.optional(),
  within: z.enum(['true', 'false']).optional().describe("only departments inside the caller's division"),
});
