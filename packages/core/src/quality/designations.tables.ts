import type { HqdLevel, HqdScore, HqdStatus } from '@shuliu/contracts';
import type { ColumnType } from 'kysely';

type CreatedAt = ColumnType<Date, Date | undefined, never>;
type Json<T> = ColumnType<T, string, string>;
/** numeric: read as a string by pg, a number by PGlite */
type Numeric = ColumnType<string | number, number, number>;

export interface HqdApplicationsTable {
  id: string;
  org_id: string;
  resource_id: string;
  level: HqdLevel;
  year: number;
  quality_report_ref: string | null;
  update_record: string;
  use_cases: string;
  status: HqdStatus;
  reviewer_org_id: string | null;
  assigned_by: string | null;
  assigned_at: Date | null;
  scores: Json<HqdScore[]> | null;
  weighted_score: Numeric | null;
  review_opinion: string | null;
  reviewed_by: string | null;
  reviewed_at: Date | null;
  decision_note: string | null;
  decided_by: string | null;
  decided_at: Date | null;
  created_by: string;
  created_at: CreatedAt;
}

export interface HqdSettingsTable {
  id: number;
  yearly_target: number;
  pass_score: number;
  updated_by: string | null;
  updated_at: ColumnType<Date, Date | undefined, Date>;
}

export interface DesignationTables {
  hqd_applications: HqdApplicationsTable;
  hqd_settings: HqdSettingsTable;
}
