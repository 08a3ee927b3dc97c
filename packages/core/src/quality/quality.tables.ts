import type { ColumnType, Generated } from 'kysely';

type CreatedAt = ColumnType<Date, Date | undefined, never>;
type UpdatedAt = ColumnType<Date, Date | undefined, Date>;
/** jsonb: read as parsed JSON, written as a JSON string. */
type Json<T> = ColumnType<T, string, string>;
type NullableJson<T> = ColumnType<T | null, string | null | undefined, string | null>;
type Score = ColumnType<number | null, number | null | undefined, number | null>;

export interface QualityRuleSetsTable {
  resource_id: string;
  rules: Json<unknown>;
  weights: NullableJson<unknown>;
  version: ColumnType<number, number | undefined, number>;
  updated_by: string;
  updated_at: UpdatedAt;
}

export type RunTrigger = 'upload' | 'schedule' | 'manual';
export type RunStatus = 'queued' | 'running' | 'done' | 'failed';

export interface QualityRunsTable {
  id: string;
  resource_id: string;
  file_id: string | null;
  trigger: RunTrigger;
  status: ColumnType<RunStatus, RunStatus | undefined, RunStatus>;
  rules_version: number | null;
  rows_read: ColumnType<number | string, number | undefined, number>;
  progress: ColumnType<number, number | undefined, number>;
  report: NullableJson<unknown>;
  overall: Score;
  conformance: Score;
  completeness: Score;
  accuracy: Score;
  consistency: Score;
  timeliness: Score;
  accessibility: Score;
  error: ColumnType<string | null, string | null | undefined, string | null>;
  /** The compute dataset the run checks in its domain, and the agent that holds it (null: a file's run). */
  dataset_id: ColumnType<string | null, string | null | undefined, string | null>;
  agent_id: ColumnType<string | null, string | null | undefined, string | null>;
  /** SM3 of the report the agent returned, and its SM2 signature over the run's receipt. */
  report_hash: ColumnType<string | null, string | null | undefined, string | null>;
  signature: ColumnType<string | null, string | null | undefined, string | null>;
  created_by: string;
  created_at: CreatedAt;
  started_at: ColumnType<Date | null, Date | null | undefined, Date | null>;
  finished_at: ColumnType<Date | null, Date | null | undefined, Date | null>;
  updated_at: UpdatedAt;
}

export interface QualitySettingsTable {
  id: Generated<string>;
  weights: Json<unknown>;
  min_listing_score: Score;
  updated_by: string;
  updated_at: UpdatedAt;
}

export interface QualityTables {
  quality_rule_sets: QualityRuleSetsTable;
  quality_runs: QualityRunsTable;
  quality_settings: QualitySettingsTable;
}
