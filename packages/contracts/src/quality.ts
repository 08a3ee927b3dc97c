import { z } from 'zod';
import { atMostKeys, Id, PageQuery, Sm2SignatureHex, Sm3Hex, Text, Timestamp } from './common.js';

/** GB/T 36344-2018: the six data-quality indicators, in the standard's order. */
export const QUALITY_INDICATORS = [
  'conformance',
  'completeness',
  'accuracy',
  'consistency',
  'timeliness',
  'accessibility',
] as const;
export const QualityIndicator = z.enum(QUALITY_INDICATORS);
export type QualityIndicator = z.infer<typeof QualityIndicator>;

const score = z.number().min(0).max(100).nullable();
export const IndicatorScores = z.object({
  conformance: score,
  completeness: score,
  accuracy: score,
  consistency: score,
  timeliness: score,
  accessibility: score,
});
export type IndicatorScores = z.infer<typeof IndicatorScores>;

/** Relative weight of each indicator in the overall score; one left out weighs 1. */
export const QualityWeights = z.strictObject({
  conformance: z.number().min(0).max(1000).optional(),
  completeness: z.number().min(0).max(1000).optional(),
  accuracy: z.number().min(0).max(1000).optional(),
  consistency: z.number().min(0).max(1000).optional(),
  timeliness: z.number().min(0).max(1000).optional(),
  accessibility: z.number().min(0).max(1000).optional(),
});
export type QualityWeights = z.infer<typeof QualityWeights>;

/**
 * A rule as the API carries it. Its fields are checked by the quality engine's own schema when saved (the error
 * names `rules[i].field`); here only its size is bounded.
 */
export const QualityRule = atMostKeys(z.record(z.string().max(40), z.unknown()), 12);
export type QualityRule = z.infer<typeof QualityRule>;

/** A resource's rules: the saved ones, or — none saved — the ones suggested from its newest ready data file. */
export const QualityRules = z.object({
  resourceId: Id('res'),
  rules: z.array(QualityRule),
  weights: QualityWeights.nullable(),
  suggested: z.boolean(),
  /** The data file the rules were suggested from (suggested rules only). */
  fileId: z.string().nullable(),
  version: z.number().int().nullable(),
  updatedBy: z.string().nullable(),
  updatedAt: Timestamp.nullable(),
});
export type QualityRules = z.infer<typeof QualityRules>;

export const QualityRulesBody = z.strictObject({
  rules: z.array(z.unknown()).min(1).max(10_000),
  weights: QualityWeights.nullable().optional(),
});

const cell = z.union([z.string(), z.number(), z.boolean(), z.null()]);
export const QualityExample = z.object({
  row: z.number().int().nullable(),
  values: z.record(z.string(), cell),
  note: z.string().optional(),
});
export const QualityRuleResult = z.object({
  id: z.string(),
  indicator: QualityIndicator,
  kind: z.string(),
  columns: z.array(z.string()),
  checked: z.number(),
  failed: z.number(),
  score,
  examples: z.array(QualityExample),
});
export const QualityReport = z.object({
  rows: z.number(),
  overall: score,
  indicators: IndicatorScores,
  rules: z.array(QualityRuleResult),
});
export type QualityReport = z.infer<typeof QualityReport>;

export const QualityRunTrigger = z.enum(['upload', 'schedule', 'manual']);
export const QualityRunStatus = z.enum(['queued', 'running', 'done', 'failed']);
export type QualityRunStatus = z.infer<typeof QualityRunStatus>;

/** A run without its report: one point of the trend. */
export const QualityRunSummary = z.object({
  id: Id('qrn'),
  resourceId: Id('res'),
  fileId: z.string().nullable(),
  /** A resource held in a domain is checked there by the compute agent that holds it; only the report leaves. */
  domain: z.object({ datasetId: z.string(), agentId: z.string() }).nullable(),
  trigger: QualityRunTrigger,
  status: QualityRunStatus,
  rulesVersion: z.number().int().nullable(),
  /** Rows read so far (all of them once done). */
  rows: z.number(),
  /** 0–1, from the bytes read of the file. */
  progress: z.number(),
  overall: score,
  indicators: IndicatorScores,
  error: z.string().nullable(),
  createdAt: Timestamp,
  startedAt: Timestamp.nullable(),
  finishedAt: Timestamp.nullable(),
});
export type QualityRunSummary = z.infer<typeof QualityRunSummary>;

export const QualityRun = QualityRunSummary.extend({ report: QualityReport.nullable() });
export type QualityRun = z.infer<typeof QualityRun>;

export const QualityRunsQuery = z.strictObject({ ...PageQuery });

/** The latest score of a resource, as catalog entries and product pages show it. */
export const QualityScore = z.object({
  overall: score,
  indicators: IndicatorScores,
  runAt: Timestamp,
});
export type QualityScore = z.infer<typeof QualityScore>;

export const QualityScoresQuery = z.strictObject({
  resourceIds: z
    .string()
    .max(200 * 31)
    .transform((s) => s.split(',').filter(Boolean))
    .pipe(z.array(Id('res')).min(1).max(200)),
});
export const QualityScores = z.object({
  items: z.array(z.object({ resourceId: z.string(), quality: QualityScore })),
});

/** The operator's quality settings: indicator weights and the minimum overall score for listing (null: none). */
export const QualitySettings = z.object({
  weights: QualityWeights,
  minListingScore: z.number().min(0).max(100).nullable(),
  updatedBy: z.string().nullable(),
  updatedAt: Timestamp.nullable(),
});
export type QualitySettings = z.infer<typeof QualitySettings>;
export const QualitySettingsBody = z.strictObject({
  weights: QualityWeights.optional(),
  minListingScore: z.number().min(0).max(100).nullable().optional(),
});

/**
 * A run of a resource held in a domain, as the agent holding it leases it: the dataset to check there, the rules in
 * force (null: the agent suggests them from the data, as a file's run does), the weights, and the day freshness
 * is measured on (the platform's, in Beijing).
 */
export const LeasedQualityCheck = z.object({
  runId: Id('qrn'),
  resourceId: Id('res'),
  datasetId: z.string(),
  table: z.string(),
  rules: z.array(QualityRule).nullable(),
  weights: QualityWeights,
  asOf: z.string(),
  rulesVersion: z.number().int().nullable(),
  /** The values each rule comparing with another of the holder's resources compares with, by rule id. */
  references: z.record(z.string(), z.array(z.string())).nullable(),
});
export type LeasedQualityCheck = z.infer<typeof LeasedQualityCheck>;

const boundedCell = z.union([z.string().max(4096), z.number(), z.boolean(), z.null()]);
/** The report an agent returns: what leaves the domain, every part of it bounded. */
export const AgentQualityReport = z.strictObject({
  rows: z.number().int().min(0),
  overall: score,
  indicators: IndicatorScores,
  rules: z
    .array(
      z.strictObject({
        id: z.string().min(1).max(200),
        indicator: QualityIndicator,
        kind: z.string().min(1).max(40),
        columns: z.array(z.string().max(256)).max(64),
        checked: z.number().int().min(0),
        failed: z.number().int().min(0),
        score,
        examples: z
          .array(
            z.strictObject({
              row: z.number().int().min(1).nullable(),
              values: atMostKeys(z.record(z.string().max(256), boundedCell), 64),
              note: z.string().max(1000).optional(),
            }),
          )
          .max(5),
      }),
    )
    .max(10_000),
  /** The rules the agent suggested from the data, when the lease carried none. */
  suggested: z.array(QualityRule).max(10_000).optional(),
});
export type AgentQualityReport = z.infer<typeof AgentQualityReport>;

/**
 * The agent's answer: the report, its SM3 over the RFC 8785 form, and the agent's SM2 signature over the run's
 * receipt (`qualityReceipt`).
 */
export const QualityCheckReportBody = z.strictObject({
  report: AgentQualityReport,
  reportHash: Sm3Hex,
  signature: Sm2SignatureHex,
});
export const QualityCheckFailureBody = z.strictObject({ reason: Text(1000) });

/** What an agent signs for a quality run it checked in its domain. */
export interface QualityReceiptBody {
  v: 1;
  runId: string;
  resourceId: string;
  datasetId: string;
  agentId: string;
  reportHash: string;
}
