import { z } from 'zod';
import { Id, PageQuery, Sm2SignatureHex, Sm3Hex, Text, Timestamp } from './common.js';
import { ComputeName, DatasetColumn, ReleasePolicy } from './compute.js';
import { ContractNo } from './trade-contracts.js';
import { PiCategory } from './consent.js';

/*
 * Compute jobs: a consumer's SQL on a dataset an agent holds. The platform checks the query against the
 * allow-list and the basis it runs under, reserves the privacy budget and queues it; the dataset's agent
 * leases it, computes inside its domain and returns only the released result, signed with its SM2 key; the
 * receipt is a `compute.job.completed` ledger entry.
 */

export const JobStatus = z.enum(['queued', 'running', 'review', 'done', 'refused', 'failed', 'withheld']);
export type JobStatus = z.infer<typeof JobStatus>;
/**
 * What a job runs under: the holder's own org; a concluded contract with compute delivery; an enterprise
 * authorization (企业授权) naming the dataset's resource; or a public-data authorized-operation grant (授权运营)
 * covering it, whose delivery is compute-to-data only.
 */
export const JobBasis = z.enum(['owner', 'contract', 'org_grant', 'operation_grant']);
export const JobKind = z.enum(['sql', 'template', 'anonymize', 'psi', 'joint']);
export type JobKind = z.infer<typeof JobKind>;

const Features = z.array(ComputeName).min(1).max(10);
/**
 * 审定算法: an approved algorithm with differential privacy, run on the dataset's declared bounds. Each names
 * its columns; the agent reads them with each privacy unit's contribution bounded, inside its domain.
 */
export const TemplateSpec = z.discriminatedUnion('name', [
  z.strictObject({
    name: z.literal('histogram'),
    column: ComputeName,
    /** Equal-width bins over a numeric column, or the categories of a text column. */
    bins: z
      .strictObject({
        lower: z.number().finite(),
        upper: z.number().finite(),
        count: z.number().int().min(1).max(200),
      })
      .optional(),
    categories: z.array(z.string().trim().min(1).max(100)).min(1).max(200).optional(),
  }),
  z.strictObject({
    name: z.literal('quantiles'),
    column: ComputeName,
    qs: z.array(z.number().gt(0).lt(1)).min(1).max(20),
  }),
  z.strictObject({ name: z.literal('sum'), column: ComputeName }),
  z.strictObject({ name: z.literal('mean'), column: ComputeName }),
  z.strictObject({ name: z.literal('correlation'), x: ComputeName, y: ComputeName }),
  z.strictObject({ name: z.literal('linear_regression'), features: Features, target: ComputeName }),
  z.strictObject({
    name: z.literal('logistic_regression'),
    features: Features,
    /** 0/1 or boolean */
    target: ComputeName,
    iterations: z.number().int().min(1).max(500).optional(),
  }),
]);
export type TemplateSpec = z.infer<typeof TemplateSpec>;

/** The most rows and columns a released result holds. */
export const MAX_RESULT_ROWS = 10_000;
export const MAX_RESULT_COLUMNS = 64;

/**
 * A quasi-identifier's generalization hierarchy. `intervals`: numeric bands built from the column's own
 * values, each width a multiple of the one before (`[5, 10, 20]` → 37, 35-39, 30-39, 20-39, *). `table`: one
 * row per value in ARX's form, the value first and the most general last (`39;35-39;30-39;*`).
 */
export const HierarchySpec = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('intervals'),
    bands: z.array(z.number().positive().max(1e12)).min(1).max(12),
  }),
  z.strictObject({
    kind: z.literal('table'),
    rows: z
      .array(z.array(z.string().max(100)).min(2).max(12))
      .min(1)
      .max(5000),
  }),
]);
export type HierarchySpec = z.infer<typeof HierarchySpec>;

/**
 * 匿名化导出: the dataset generalized by global recoding until every class of quasi-identifiers holds at least
 * k rows (and l distinct, or t-close, sensitive values when asked), the least information lost (ARX's Flash
 * search), classes that still fail suppressed within the limit. Only the quasi-identifiers, the sensitive
 * column and the columns kept leave the domain; the file becomes a derived catalog resource once the holder
 * releases it.
 */
export const AnonymizeSpec = z.strictObject({
  /** The derived resource's title. */
  title: Text(200),
  quasiIdentifiers: z
    .array(z.strictObject({ column: ComputeName, hierarchy: HierarchySpec }))
    .min(1)
    .max(10),
  sensitive: ComputeName.optional(),
  /** Further columns carried as they are; every other column stays in the domain. */
  keep: z.array(ComputeName).max(64).default([]),
  k: z.number().int().min(2).max(1000),
  l: z.number().int().min(2).max(100).optional(),
  lVariant: z.enum(['distinct', 'entropy']).optional(),
  t: z.number().gt(0).max(1).optional(),
  tDistance: z.enum(['equal', 'ordered']).optional(),
  /** The fraction of rows that may be suppressed (their quasi-identifiers shown as `*`). */
  suppressionLimit: z.number().min(0).max(0.5),
  metric: z.enum(['loss', 'precision']).optional(),
});
export type AnonymizeSpec = z.infer<typeof AnonymizeSpec>;

/**
 * 隐私集合求交 (PSI): which identifiers of one of the consumer's own datasets the dataset also holds, found by
 * ECDH-PSI between the two agents; the platform relays only blinded points. `size` releases how many match;
 * `ids` releases which of the consumer's own values match, to the consumer alone. The column must be one of
 * the dataset's declared join keys.
 */
export const PsiSpec = z.strictObject({
  /** The identifier column of the dataset (`datasetId`). */
  column: ComputeName,
  /** The consumer's own dataset and column it is intersected with. */
  with: z.strictObject({ datasetId: Id('cds'), column: ComputeName }),
  /** How both sides write an identifier before it is hashed: ID cards in upper case and checked, phones without +86… */
  normalize: z.enum(['id_card', 'uscc', 'phone', 'email', 'text']),
  reveal: z.enum(['size', 'ids']),
});
export type PsiSpec = z.infer<typeof PsiSpec>;

/**
 * 联合统计: a count, sum or mean over several datasets held by different agents, optionally by declared
 * categories. Each agent computes its exact local aggregate with each privacy unit's rows bounded and values
 * clamped to its own declared bounds, and signs it; the platform adds them up and adds the noise once, at a
 * sensitivity summed over the datasets (a person may be in all of them). Every dataset's budget pays ε.
 */
export const JointSpec = z.strictObject({
  /** The other datasets beside `datasetId`, each naming the same columns: 1 to 7. */
  with: z.array(Id('cds')).min(1).max(7),
  statistic: z.enum(['count', 'sum', 'mean']),
  /** The numeric column summed or averaged; every dataset declares its bounds. */
  column: ComputeName.optional(),
  /** Counts per category of a text column; categories the consumer names, so the groups reveal nothing. */
  groupBy: z
    .strictObject({
      column: ComputeName,
      categories: z.array(z.string().trim().min(1).max(100)).min(1).max(50),
    })
    .optional(),
});
export type JointSpec = z.infer<typeof JointSpec>;

/** One agent's part of a joint statistic: its exact local count and clamped sum per group. */
export const JointLocal = z.strictObject({
  datasetId: z.string().max(40),
  groups: z
    .array(
      z.strictObject({
        key: z.string().max(100).nullable(),
        n: z.number().int().min(0),
        s: z.number().finite(),
      }),
    )
    .max(51),
});
export type JointLocal = z.infer<typeof JointLocal>;

/** A part as the platform keeps it: the local aggregate's SM3 and its agent's SM2 signature over the part's receipt. */
export const JointPart = z.object({
  datasetId: z.string(),
  agentId: z.string(),
  keyId: z.string(),
  publicKey: z.string(),
  localHash: z.string(),
  signature: z.string(),
});
export type JointPart = z.infer<typeof JointPart>;

export const JointPartBody = z.strictObject({
  local: JointLocal,
  localHash: Sm3Hex,
  signature: Sm2SignatureHex,
});

const Levels = z.array(z.number().int().min(0).max(100)).max(10);

/** What an anonymized export tells besides its preview: the file, the transformation and what it cost. */
export const ExportSummary = z.strictObject({
  fileName: z.string().max(200),
  rows: z.number().int().min(0),
  columns: z.array(z.string().max(200)).max(MAX_RESULT_COLUMNS),
  size: z.number().int().min(0),
  sm3: z
    .string()
    .max(64)
    .regex(/^[0-9a-f]{64}$/),
  /** Rows whose quasi-identifiers were suppressed, and the classes the output holds. */
  suppressed: z.number().int().min(0),
  classes: z.number().int().min(0),
  /** The chosen level of each quasi-identifier over its hierarchy's height. */
  transformation: z
    .array(
      z.strictObject({
        column: z.string().max(63),
        level: z.number().int().min(0),
        height: z.number().int().min(1),
      }),
    )
    .max(10),
  /** Information lost, each in 0..1 where 0 is none; `precision` is 1 − Sweeney's Prec, a loss as well. */
  loss: z.strictObject({
    metric: z.enum(['loss', 'precision']),
    loss: z.number().min(0).max(1),
    precision: z.number().min(0).max(1),
    discernibility: z.number().min(0),
    avgClassSize: z.number().min(0),
  }),
  lattice: z.strictObject({
    nodes: z.number().int().min(1),
    checked: z.number().int().min(0),
    anonymousCount: z.number().int().min(0),
    /** The minimal anonymous transformations: none below them is anonymous. */
    minimal: z.array(Levels).max(500),
    timeMs: z.number().min(0),
    /** Lattice nodes for the view: the optimum first, then the checked ones; loss is a bound when unchecked. */
    view: z
      .array(
        z.strictObject({ levels: Levels, anonymous: z.boolean(), checked: z.boolean(), loss: z.number() }),
      )
      .max(500),
  }),
});
export type ExportSummary = z.infer<typeof ExportSummary>;
export type JobBasis = z.infer<typeof JobBasis>;

export const ResultValue = z.union([z.string().max(1000), z.number(), z.boolean(), z.null()]);
export type ResultValue = z.infer<typeof ResultValue>;

/**
 * What leaves the agent: the released table, how many groups the policy held back, and how noise was added.
 * An anonymized export's table is a preview of its file, which the summary describes.
 */
export const JobResult = z.strictObject({
  columns: z.array(z.string().max(200)).min(1).max(MAX_RESULT_COLUMNS),
  rows: z.array(z.array(ResultValue).max(MAX_RESULT_COLUMNS)).max(MAX_RESULT_ROWS),
  suppressedGroups: z.number().int().min(0).max(1e9),
  mechanism: z.string().max(1000),
  export: ExportSummary.optional(),
});
export type JobResult = z.infer<typeof JobResult>;

export const PrivacySpent = z.strictObject({
  epsilon: z.number().min(0).max(100),
  delta: z.number().min(0).max(1e-3),
});
export type PrivacySpent = z.infer<typeof PrivacySpent>;

/**
 * The receipt the agent signs (SM2 over its RFC 8785 form, signer ID = the agent's id) and the ledger entry
 * carries: the job, the dataset, SM3 of the query text and of the released result's RFC 8785 form, and the
 * privacy spent.
 */
export const JobReceiptBody = z.strictObject({
  v: z.literal(1),
  jobId: z.string().max(40),
  datasetId: z.string().max(40),
  agentId: z.string().max(40),
  queryHash: z.string().regex(/^[0-9a-f]{64}$/),
  resultHash: z.string().regex(/^[0-9a-f]{64}$/),
  epsilon: z.number(),
  delta: z.number(),
});
export type JobReceiptBody = z.infer<typeof JobReceiptBody>;

export const JobReceipt = JobReceiptBody.extend({
  keyId: z.string(),
  publicKey: z.string(),
  signature: z
    .string()
    .describe(
      'SM2 r ‖ s in hex over the RFC 8785 form of the receipt without keyId, publicKey, signature, ledgerIndex',
    ),
  ledgerIndex: z.number().int(),
});
export type JobReceipt = z.infer<typeof JobReceipt>;

export const Job = z.object({
  id: z.string(),
  datasetId: z.string(),
  datasetTitle: z.string(),
  table: z.string(),
  ownerOrgId: z.string(),
  ownerOrgName: z.string().nullable(),
  consumerOrgId: z.string(),
  consumerOrgName: z.string().nullable(),
  submittedBy: z.string(),
  kind: JobKind,
  sql: z.string().nullable(),
  template: TemplateSpec.nullable(),
  anonymize: AnonymizeSpec.nullable(),
  psi: PsiSpec.nullable(),
  /** A PSI job's step: 1 the consumer's agent blinds, 2 the holder's answers, 3 the consumer's compares. */
  psiPhase: z.number().int().min(1).max(3).nullable(),
  joint: JointSpec.nullable(),
  /** A joint statistic's signed local parts, as they arrived; its result is the platform's sum of them, noised. */
  jointParts: z.array(JointPart).nullable(),
  /** The consumer's consent scenario version whose live grants decide the persons computed on. */
  consentVersionId: z.string().nullable(),
  /** The `compute.job.completed` ledger entry (also in the receipt, for an agent's result). */
  ledgerIndex: z.number().int().nullable(),
  queryHash: z.string(),
  purpose: z.string(),
  basis: JobBasis,
  contractNo: z.string().nullable(),
  /** The enterprise authorization (eag_…) or authorized-operation grant (aog_…) it runs under. */
  grantId: z.string().nullable(),
  /** The privacy reserved for the job when it was queued, and what its release spent. */
  epsilon: z.number(),
  delta: z.number(),
  status: JobStatus,
  /** Why the job was refused, failed or withheld; `rule` names the allow-list or budget rule. */
  reason: z.string().nullable(),
  rule: z.string().nullable(),
  attempts: z.number().int(),
  /** The released result: shown to the consumer once done (to the holder's reviewer while in review). */
  result: JobResult.nullable(),
  privacySpent: PrivacySpent.nullable(),
  receipt: JobReceipt.nullable(),
  /** An anonymized export's file, once the holder released it: the derived catalog resource it became. */
  derivedResourceId: z.string().nullable(),
  createdAt: Timestamp,
  startedAt: Timestamp.nullable(),
  finishedAt: Timestamp.nullable(),
});
export type Job = z.infer<typeof Job>;

export const SubmitJobBody = z.strictObject({
  datasetId: Id('cds'),
  kind: JobKind.default('sql'),
  sql: z.string().trim().min(1, 'must not be empty').max(8000).optional().describe('the query, for kind sql'),
  template: TemplateSpec.optional().describe('the approved algorithm and its columns, for kind template'),
  anonymize: AnonymizeSpec.optional().describe(
    'the quasi-identifiers, hierarchies and criteria, for kind anonymize',
  ),
  psi: PsiSpec.optional().describe('the identifier columns and what is revealed, for kind psi'),
  joint: JointSpec.optional().describe('the other datasets, the statistic and its groups, for kind joint'),
  /** What the release may spend: at most the policy's ε per query, which is the default. */
  epsilon: z.number().positive().max(10).optional(),
  delta: z.number().min(0).max(1e-3).optional(),
  /** The basis a consumer of another org computes under: a concluded contract with compute delivery… */
  contractNo: ContractNo.optional(),
  /**
   * …or an enterprise authorization (eag_…) or authorized-operation grant (aog_…) covering the dataset's
   * resource. Without either, a live grant that covers it is found.
   */
  grantId: z
    .string()
    .max(40)
    .regex(/^(eag|aog)_[0-9a-z]{26}$/, 'must be an eag_ or aog_ id')
    .optional(),
  purpose: Text(500)
    .optional()
    .describe('defaults to the contract’s purpose; the holder’s own analysis names one'),
  /**
   * The consumer's consent scenario version (一场景一授权): on another org's personal data a job computes only
   * on the persons whose consent to it is live when the agent runs it.
   */
  consentVersionId: Id('scv').optional(),
});
export type SubmitJobBody = z.infer<typeof SubmitJobBody>;

export const JobQuery = z.strictObject({
  ...PageQuery,
  dataset: Id('cds').optional(),
  status: JobStatus.optional(),
  side: z
    .enum(['consumer', 'owner'])
    .optional()
    .describe('jobs the caller’s org submitted, or ran on its data'),
});

export const ReviewJobBody = z.strictObject({
  decision: z.enum(['release', 'withhold']),
  reason: Text(1000).optional(),
});

/** A job as its agent leases it: the query, the catalog it may read and the release policy to apply. */
export const LeasedJob = z.object({
  id: z.string(),
  datasetId: z.string(),
  table: ComputeName,
  columns: z.array(DatasetColumn),
  kind: JobKind,
  sql: z.string().nullable(),
  template: TemplateSpec.nullable(),
  anonymize: AnonymizeSpec.nullable(),
  psi: PsiSpec.nullable(),
  /**
   * A PSI job passes between two agents: 1 the consumer's agent sends its blinded values, 2 the dataset's agent
   * answers, 3 the consumer's agent compares and returns the result. `table` and `columns` are the dataset
   * this step reads (the consumer's own in 1 and 3); `datasetId` is the job's, which the receipt names.
   */
  psiPhase: z.number().int().min(1).max(3).nullable(),
  /** A joint statistic's spec; `table`, `columns` and `policy` are the dataset whose part this agent computes. */
  joint: JointSpec.nullable(),
  /**
   * On another org's personal data, the persons with live consent to the consumer's scenario now: SM3-HMAC
   * digests, under this lease's salt, of their ID card numbers (upper case). The agent keeps only the rows
   * whose `column` is one of them before it computes anything. `categories` are the personal information
   * categories the dataset holds: a person is listed only where their grant reaches every one.
   */
  consent: z
    .object({
      versionId: z.string(),
      column: z.string(),
      categories: z.array(PiCategory).max(20),
      salt: z.string(),
      subjects: z.array(z.string()).max(2_000_000),
    })
    .nullable(),
  queryHash: z.string(),
  epsilon: z.number(),
  delta: z.number(),
  policy: ReleasePolicy,
  attempt: z.number().int(),
  leaseExpiresAt: Timestamp,
});
export type LeasedJob = z.infer<typeof LeasedJob>;

export const JobResultBody = z.strictObject({
  result: JobResult,
  privacySpent: PrivacySpent,
  resultHash: Sm3Hex,
  signature: Sm2SignatureHex,
});
export type JobResultBody = z.infer<typeof JobResultBody>;

export const JobFailureBody = z.strictObject({
  outcome: z.enum(['refused', 'failed']),
  rule: z.string().max(60).optional(),
  reason: Text(1000),
});
