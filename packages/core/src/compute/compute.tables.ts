import type {
  AnonymizeSpec,
  ExportSummary,
  JointPart,
  JointSpec,
  PsiSpec,
  TemplateSpec,
} from '@shuliu/contracts';
import type { ColumnType } from 'kysely';

type CreatedAt = ColumnType<Date, Date | undefined, never>;
type UpdatedAt = ColumnType<Date, Date | undefined, Date>;
type Json<T> = ColumnType<T, string, string>;

export interface ComputeAgentsTable {
  id: string;
  org_id: string;
  name: string;
  description: string | null;
  status: ColumnType<
    'pending' | 'active' | 'revoked',
    'pending' | 'active' | 'revoked' | undefined,
    'pending' | 'active' | 'revoked'
  >;
  enrolment_hash: string | null;
  enrolment_expires_at: Date | null;
  public_key: string | null;
  key_id: string | null;
  enrolled_at: Date | null;
  last_seen_at: Date | null;
  software: string | null;
  created_by: string;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
}

export interface ComputeAgentNoncesTable {
  agent_id: string;
  nonce: string;
  at: ColumnType<Date, Date | undefined, never>;
}

/** A column of a dataset as its agent reported it. */
export interface ColumnRow {
  name: string;
  type: 'integer' | 'number' | 'text' | 'date' | 'boolean';
  title?: string;
  /** The personal identifier kind the agent detected in the values. */
  personal?: string;
}

/** The holder's release policy as stored (the contracts' ReleasePolicy). */
export interface PolicyRow {
  privacyUnit: string | null;
  maxContributions: number;
  k: number;
  bounds: Record<string, { lower: number; upper: number }>;
  joinKeys: string[];
  mechanism: 'laplace' | 'gaussian';
  epsilonTotal: number;
  deltaTotal: number;
  consumerShare: number;
  epsilonPerQuery: number;
  manualRelease: boolean;
}

export interface ComputeDatasetsTable {
  id: string;
  agent_id: string;
  org_id: string;
  name: string;
  title: string;
  resource_id: string | null;
  columns: Json<ColumnRow[]>;
  rows: ColumnType<string, number, number>;
  status: ColumnType<'active' | 'withdrawn', 'active' | 'withdrawn' | undefined, 'active' | 'withdrawn'>;
  policy: ColumnType<PolicyRow | null, string | null, string | null>;
  epsilon_total: number | null;
  delta_total: number | null;
  epsilon_spent: ColumnType<number, number | undefined, number>;
  delta_spent: ColumnType<number, number | undefined, number>;
  reported_at: ColumnType<Date, Date | undefined, Date>;
  updated_at: UpdatedAt;
  version: ColumnType<number, number | undefined, number>;
}

export interface ComputeBudgetSpendsTable {
  dataset_id: string;
  consumer_org_id: string;
  job_id: string;
  epsilon: number;
  delta: number;
  at: ColumnType<Date, Date | undefined, never>;
}

export type JobStatusRow = 'queued' | 'running' | 'review' | 'done' | 'refused' | 'failed' | 'withheld';

/** The released result as stored (the contracts' JobResult). */
export interface JobResultRow {
  columns: string[];
  rows: (string | number | boolean | null)[][];
  suppressedGroups: number;
  mechanism: string;
  export?: ExportSummary;
}

export interface ComputeJobsTable {
  id: string;
  dataset_id: string;
  agent_id: string;
  owner_org_id: string;
  consumer_org_id: string;
  submitted_by: string;
  kind: 'sql' | 'template' | 'anonymize' | 'psi' | 'joint';
  sql: string | null;
  template: ColumnType<TemplateSpec | null, string | null, string | null>;
  export_spec: ColumnType<AnonymizeSpec | null, string | null | undefined, string | null>;
  psi_spec: ColumnType<PsiSpec | null, string | null | undefined, string | null>;
  psi_phase: ColumnType<1 | 2 | 3 | null, 1 | 2 | 3 | null | undefined, 1 | 2 | 3 | null>;
  psi_blob: string | null;
  joint_spec: ColumnType<JointSpec | null, string | null | undefined, string | null>;
  joint_step: number | null;
  joint_parts: ColumnType<JointPart[] | null, string | null | undefined, string | null>;
  consent_version_id: string | null;
  output_blob: string | null;
  output_size: ColumnType<string | null, number | null | undefined, number | null>;
  output_sm3: string | null;
  derived_resource_id: string | null;
  query_hash: string;
  purpose: string;
  basis: 'owner' | 'contract' | 'org_grant' | 'operation_grant';
  contract_no: string | null;
  grant_id: string | null;
  epsilon: number;
  delta: number;
  status: ColumnType<JobStatusRow, JobStatusRow | undefined, JobStatusRow>;
  reason: string | null;
  rule: string | null;
  attempts: ColumnType<number, number | undefined, number>;
  lease_expires_at: Date | null;
  result: ColumnType<JobResultRow | null, string | null | undefined, string | null>;
  result_hash: string | null;
  epsilon_spent: number | null;
  delta_spent: number | null;
  agent_key_id: string | null;
  agent_public_key: string | null;
  signature: string | null;
  ledger_index: ColumnType<string | null, number | null | undefined, number | null>;
  reviewed_by: string | null;
  created_at: CreatedAt;
  started_at: Date | null;
  finished_at: Date | null;
  updated_at: UpdatedAt;
}

export interface ComputeTables {
  compute_jobs: ComputeJobsTable;
  compute_agents: ComputeAgentsTable;
  compute_agent_nonces: ComputeAgentNoncesTable;
  compute_datasets: ComputeDatasetsTable;
  compute_budget_spends: ComputeBudgetSpendsTable;
}
