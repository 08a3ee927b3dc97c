import type { ColumnType, Generated } from 'kysely';

type CreatedAt = ColumnType<Date, Date | undefined, never>;
type UpdatedAt = ColumnType<Date, Date | undefined, Date>;
type Json<T> = ColumnType<T, string, string>;
type NullableJson<T> = ColumnType<T | null, string | null | undefined, string | null>;
/** A `date` column: read as a Date (pg) or a string (PGlite), written as YYYY-MM-DD. */
type DateOnly = ColumnType<Date | string | null, string | null | undefined, string | null>;

export interface RegistrySettingsTable {
  id: number;
  settings: Json<Record<string, unknown>>;
  updated_by: string | null;
  updated_at: UpdatedAt;
}

export interface StoredTerms {
  validFrom?: string;
  validUntil?: string;
  exclusive?: boolean;
  securedAmountFen?: number;
  sourceValidUntil?: string;
  changes?: Record<string, unknown>;
}

export interface RegistryApplicationsTable {
  id: string;
  type: string;
  category: string;
  status: string;
  applicant_org_id: string;
  applicant_user_id: string;
  object_type: 'resource';
  object_id: string;
  object_title: string;
  certificate_id: string | null;
  rights: string[];
  source_kind: string | null;
  source_description: string | null;
  source_valid_until: DateOnly;
  format: string | null;
  update_frequency: string | null;
  scope: string | null;
  counterparty_org_id: string | null;
  terms: Json<StoredTerms>;
  reason: string | null;
  declarations: string[];
  reviewer_org_id: string | null;
  checklist: NullableJson<Record<string, unknown>>;
  review_opinion: string | null;
  decision_reason: string | null;
  accept_due_at: Date | null;
  review_due_at: Date | null;
  notice_starts_at: Date | null;
  notice_ends_at: Date | null;
  submitted_at: Date | null;
  accepted_at: Date | null;
  reviewed_at: Date | null;
  decided_at: Date | null;
  issued_at: Date | null;
  result_certificate_id: string | null;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
}

export interface RegistryObjectionsTable {
  id: string;
  application_id: string;
  objector_org_id: string;
  objector_user_id: string;
  reason: string;
  status: 'open' | 'upheld' | 'dismissed';
  decision_reason: string | null;
  decided_by: string | null;
  decided_at: Date | null;
  due_at: Date;
  created_at: CreatedAt;
}

export interface RegistryFilesTable {
  id: string;
  application_id: string | null;
  objection_id: string | null;
  kind: string;
  name: string;
  size_bytes: ColumnType<number, number, number>;
  sm3: string;
  blob_key: string;
  org_id: string;
  uploaded_by: string;
  created_at: CreatedAt;
}

export interface RegistryCountersTable {
  year: number;
  last: number;
}

export interface RegistryCertificatesTable {
  id: string;
  cert_no: string;
  version: number;
  category: string;
  holder_org_id: string;
  rights: string[];
  object_type: 'resource';
  object_id: string;
  object_title: string;
  scope: string;
  format: string | null;
  update_frequency: string | null;
  source_kind: string;
  source_description: string | null;
  source_valid_until: DateOnly;
  valid_from: Date;
  valid_until: Date;
  state: 'valid' | 'cancelled' | 'expired';
  pledgee_org_id: string | null;
  pledged_at: Date | null;
  pledge_terms: NullableJson<StoredTerms>;
  frozen_at: Date | null;
  freeze_reason: string | null;
  disputed_by: string | null;
  cancel_reason: string | null;
  cancelled_at: Date | null;
  expired_at: Date | null;
  application_id: string;
  issued_at: Date;
  updated_at: UpdatedAt;
}

export interface RegistryCertificateVersionsTable {
  certificate_id: string;
  version: number;
  credential: string;
  signature: string;
  key_id: string;
  cert_hash: string;
  ledger_index: ColumnType<number | null, number | null | undefined, number | null>;
  application_id: string | null;
  created_at: CreatedAt;
}

export interface RegistryLicensesTable {
  id: string;
  certificate_id: string;
  licensee_org_id: string;
  rights: string[];
  scope: string;
  valid_from: ColumnType<Date | string, string, string>;
  valid_until: ColumnType<Date | string, string, string>;
  exclusive: boolean;
  application_id: string;
  ledger_index: ColumnType<number | null, number | null | undefined, number | null>;
  created_at: CreatedAt;
}

export interface RegistryEventsTable {
  id: Generated<number>;
  application_id: string | null;
  certificate_id: string | null;
  action: string;
  actor_id: string | null;
  actor_name: string | null;
  org_id: string | null;
  reason: string | null;
  details: NullableJson<Record<string, unknown>>;
  ledger_index: ColumnType<number | null, number | null | undefined, number | null>;
  version: number | null;
  at: ColumnType<Date, Date | undefined, never>;
}

export interface RegistryTables {
  registry_settings: RegistrySettingsTable;
  registry_applications: RegistryApplicationsTable;
  registry_objections: RegistryObjectionsTable;
  registry_files: RegistryFilesTable;
  registry_counters: RegistryCountersTable;
  registry_certificates: RegistryCertificatesTable;
  registry_certificate_versions: RegistryCertificateVersionsTable;
  registry_licenses: RegistryLicensesTable;
  registry_events: RegistryEventsTable;
}
