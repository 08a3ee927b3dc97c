import { z } from 'zod';
import { atMostKeys, Id, PageQuery, QueryBool, Text, Timestamp } from './common.js';

/*
 * Compute-to-data (原始数据不出域、数据可用不可见): the agents that hold raw data inside their owners' domains, the
 * datasets they offer to compute on, and each dataset's release policy (minimum group size, differential
 * privacy and its budget).
 */

/** An agent's or a dataset's name: what SQL and the agent's configuration call it. */
export const ComputeName = z
  .string()
  .trim()
  .min(1)
  .max(63)
  .regex(/^[a-z][a-z0-9_]*$/, 'must start with a lower-case letter and hold only a–z, 0–9 and _');

/** An SM2 public key: uncompressed point, hex (04‖x‖y). */
export const Sm2PublicKeyHex = z
  .string()
  .trim()
  .max(130)
  .regex(
    /^04[0-9a-fA-F]{128}$/,
    'must be an uncompressed SM2 public key in hex (04 followed by 128 hex digits)',
  );

export const AgentStatus = z.enum(['pending', 'active', 'revoked']);
export type AgentStatus = z.infer<typeof AgentStatus>;

export const Agent = z.object({
  id: z.string(),
  orgId: z.string(),
  orgName: z.string().nullable(),
  name: z.string(),
  description: z.string().nullable(),
  status: AgentStatus,
  /** The machine identity: SM3 of its SM2 public key, and the key itself (null before enrolment). */
  keyId: z.string().nullable(),
  publicKey: z.string().nullable(),
  enrolmentExpiresAt: Timestamp.nullable(),
  enrolledAt: Timestamp.nullable(),
  lastSeenAt: Timestamp.nullable(),
  /** Healthy: seen within the last two minutes. */
  health: z.enum(['never_seen', 'healthy', 'silent', 'revoked']),
  software: z.string().nullable(),
  datasetCount: z.number().int(),
  createdAt: Timestamp,
});
export type Agent = z.infer<typeof Agent>;

export const AgentQuery = z.strictObject({
  ...PageQuery,
  org: Id('org').optional().describe('the operator and regulator: one org’s agents'),
  status: AgentStatus.optional(),
});

export const CreateAgentBody = z.strictObject({
  name: ComputeName.describe('unique within the org, e.g. qilu_hospital'),
  description: Text(500).optional(),
});
/** A new agent and its one-time enrolment code: shown this once, valid for 24 hours. */
export const CreatedAgent = Agent.extend({
  enrolmentCode: z.string().describe('give it to `shuliu agent enroll --code`; shown this once'),
});
export type CreatedAgent = z.infer<typeof CreatedAgent>;

export const EnrolBody = z.strictObject({
  agentId: Id('agt'),
  code: z.string().trim().min(20).max(100),
  publicKey: Sm2PublicKeyHex.describe('the key the agent made and keeps; it signs every request'),
  software: z.string().trim().max(100).optional(),
});

/** The scalar kinds a dataset's column takes in SQL. */
export const ColumnType = z.enum(['integer', 'number', 'text', 'date', 'boolean']);
export type ColumnType = z.infer<typeof ColumnType>;
export const DatasetColumn = z.strictObject({
  name: ComputeName,
  type: ColumnType,
  title: z.string().trim().max(100).optional(),
  /**
   * The kind of personal identifier the agent detected in the column's values (idCard, mobile, …), never set
   * by hand: a dataset with one is personal data, computed on by another org only for consenting persons.
   */
  personal: z.string().max(40).optional(),
});
export type DatasetColumn = z.infer<typeof DatasetColumn>;

/** What an agent tells the platform of a dataset it holds: its schema and size, never its rows. */
export const ReportedDataset = z.strictObject({
  name: ComputeName.describe('the table name used in SQL'),
  title: Text(200),
  resourceId: Id('res').optional().describe('the catalogue resource this dataset is'),
  columns: z.array(DatasetColumn).min(1).max(200),
  rows: z.number().int().min(0).max(1e12),
});
export type ReportedDataset = z.infer<typeof ReportedDataset>;
export const ReportDatasetsBody = z.strictObject({
  datasets: z.array(ReportedDataset).max(100),
  software: z.string().trim().max(100).optional(),
});

export const Bounds = z
  .strictObject({ lower: z.number().finite(), upper: z.number().finite() })
  .refine((b) => b.lower <= b.upper, 'lower must not exceed upper');

/** The owner's release policy: what leaves the agent, and how much privacy each release spends. */
export const ReleasePolicy = z.strictObject({
  /** The column naming the person or entity protected (one patient, one firm). */
  privacyUnit: ComputeName.nullable(),
  /** Rows one privacy unit may contribute to a result; more are dropped before aggregating. */
  maxContributions: z.number().int().min(1).max(1000),
  /** Minimum group size in privacy units: a smaller group is never shown. */
  k: z.number().int().min(2).max(1000),
  /** Declared bounds of numeric columns: values are clamped to them before aggregating. */
  bounds: atMostKeys(z.record(ComputeName, Bounds), 200),
  /** Columns other datasets may be joined on. */
  joinKeys: z.array(ComputeName).max(20),
  mechanism: z.enum(['laplace', 'gaussian']),
  /** The dataset's total privacy budget (ε, δ) over its lifetime. */
  epsilonTotal: z.number().positive().max(100),
  deltaTotal: z.number().min(0).max(1e-3),
  /** The most one consumer org may spend of the total, as a fraction. */
  consumerShare: z.number().gt(0).max(1),
  /** The ε (and δ) one query spends unless the consumer asks for less. */
  epsilonPerQuery: z.number().positive().max(10),
  /** Important data: a reviewer of the owner sees each result before the consumer does. */
  manualRelease: z.boolean(),
});
export type ReleasePolicy = z.infer<typeof ReleasePolicy>;

export const Dataset = z.object({
  id: z.string(),
  agentId: z.string(),
  agentName: z.string(),
  orgId: z.string(),
  orgName: z.string().nullable(),
  name: z.string(),
  /** The name to use in SQL. */
  table: z.string(),
  title: z.string(),
  resourceId: z.string().nullable(),
  columns: z.array(DatasetColumn),
  rows: z.number().int(),
  status: z.enum(['active', 'withdrawn']),
  policy: ReleasePolicy.nullable(),
  epsilonSpent: z.number(),
  deltaSpent: z.number(),
  /** What the caller's org may still spend (the owner: what is left in total). */
  epsilonRemaining: z.number(),
  k: z.number().int().nullable(),
  reportedAt: Timestamp,
  updatedAt: Timestamp,
});
export type Dataset = z.infer<typeof Dataset>;

export const DatasetQuery = z.strictObject({
  ...PageQuery,
  q: z.string().trim().max(100).optional(),
  agent: Id('agt').optional(),
  mine: QueryBool.optional().describe('true: only datasets the caller’s org holds'),
});

export const SetPolicyBody = ReleasePolicy;
