import type { ColumnType, Generated } from 'kysely';

type CreatedAt = ColumnType<Date, Date | undefined, never>;
type Json<T> = ColumnType<T, string, string>;
/** A `date` column: read as a Date (pg) or a string (PGlite), written as YYYY-MM-DD. */
type DateOnly = ColumnType<Date | string, string, string>;

export interface StoredField {
  name: string;
  label: string;
  category: string;
  required: boolean;
  justification: string;
  sensitive: boolean;
  struck: boolean;
  strikeReason: string | null;
}

export interface ConsentPersonsTable {
  user_id: string;
  id_card_enc: string;
  id_card_masked: string;
  id_card_hmac: string;
  birth_date: DateOnly;
  guardian_user_id: string | null;
  guardian_status: 'pending' | 'confirmed' | null;
  guardian_confirmed_at: Date | null;
  created_at: CreatedAt;
}

export interface ConsentScenariosTable {
  id: string;
  org_id: string;
  title: string;
  current_version_id: string | null;
  latest_version: number;
  created_by: string;
  created_at: CreatedAt;
  updated_at: ColumnType<Date, Date | undefined, Date>;
}

export interface ConsentScenarioVersionsTable {
  id: string;
  scenario_id: string;
  version: number;
  purpose: string;
  legal_basis: string;
  recipient: string;
  processing_method: string;
  retention_days: number;
  cross_border: boolean;
  automated_decision: boolean;
  fields: Json<StoredField[]>;
  status: 'in_review' | 'approved' | 'rejected' | 'superseded';
  separate_consent: boolean;
  biometric_approved: boolean;
  pipia_ref: string | null;
  review_note: string | null;
  reviewed_by: string | null;
  reviewed_at: Date | null;
  created_by: string;
  created_at: CreatedAt;
}

export interface ConsentGrantsTable {
  id: string;
  subject_user_id: string;
  scenario_id: string;
  version_id: string;
  fields: string[];
  expires_at: Date;
  granted_by: string;
  granted_at: CreatedAt;
  revoked_at: Date | null;
  revoked_by: string | null;
  /** the grant given when this one had expired or its version was superseded */
  replaced_by: ColumnType<string | null, string | null | undefined, string | null>;
  /** 单独同意 given with this grant (PIPL Art. 29, 23, 31, 39), as the person or guardian ticked it */
  separate_consent: ColumnType<boolean, boolean | undefined, never>;
}

export interface ConsentReceiptsTable {
  id: string;
  grant_id: string;
  event: 'granted' | 'revoked';
  receipt: string;
  signature: string;
  key_id: string;
  ledger_index: ColumnType<number | string, number, number>;
  created_at: CreatedAt;
}

export interface ConsentRefusalsTable {
  subject_user_id: string;
  scenario_id: string;
  refused_at: ColumnType<Date, Date | undefined, Date>;
}

export interface ConsentChecksTable {
  id: Generated<number>;
  at: CreatedAt;
  subject_user_id: string;
  version_id: string;
  grant_id: string | null;
  fields: string[];
  allowed: boolean;
  reason: string;
  caller_org_id: string | null;
}

export interface ConsentOrgGrantsTable {
  id: string;
  grantor_org_id: string;
  grantee_org_id: string;
  resource_ids: string[];
  max_grade: string;
  purpose: string;
  expires_at: Date;
  status: 'active' | 'revoked';
  revoke_reason: string | null;
  revoked_at: Date | null;
  created_by: string;
  created_at: CreatedAt;
}

export interface ConsentOperationGrantsTable {
  id: string;
  authority_org_id: string;
  operator_org_id: string;
  scope: 'comprehensive' | 'sectoral';
  sectors: string[];
  delivery: 'compute_to_data';
  max_grade: string;
  starts_at: Date;
  ends_at: Date;
  price_guidance_fen: ColumnType<number | string, number, number>;
  price_note: string | null;
  /** The authority's share of each sale's gross at settlement, in basis points (0 when it takes none). */
  authority_share_bp: ColumnType<number, number | undefined, number>;
  status: 'active' | 'suspended' | 'revoked';
  status_reason: string | null;
  created_by: string;
  created_at: CreatedAt;
  updated_at: ColumnType<Date, Date | undefined, Date>;
}

export interface ConsentOperationEvaluationsTable {
  id: string;
  grant_id: string;
  year: number;
  score: number;
  conclusion: string;
  evaluated_by: string;
  created_at: CreatedAt;
}

export interface ConsentOperationEventsTable {
  id: string;
  grant_id: string;
  action: 'create' | 'suspend' | 'reinstate' | 'revoke';
  reason: string | null;
  actor_id: string;
  created_at: CreatedAt;
}

export interface ConsentTables {
  consent_persons: ConsentPersonsTable;
  consent_scenarios: ConsentScenariosTable;
  consent_scenario_versions: ConsentScenarioVersionsTable;
  consent_grants: ConsentGrantsTable;
  consent_receipts: ConsentReceiptsTable;
  consent_refusals: ConsentRefusalsTable;
  consent_checks: ConsentChecksTable;
  consent_org_grants: ConsentOrgGrantsTable;
  consent_operation_grants: ConsentOperationGrantsTable;
  consent_operation_evaluations: ConsentOperationEvaluationsTable;
  consent_operation_events: ConsentOperationEventsTable;
}
