import type { ColumnType, Generated, RawBuilder } from 'kysely';

type CreatedAt = ColumnType<Date, Date | undefined, never>;
type UpdatedAt = ColumnType<Date, Date | undefined, Date>;
type Json<T> = ColumnType<T, string, string>;
type DateOnly = ColumnType<string | null, string | null | undefined, string | null>;

export interface CatalogSectorsTable {
  code: string;
  parent_code: string | null;
  name: string;
  name_en: string | null;
  sort: Generated<number>;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
}

export interface StoredColumn {
  name: string;
  type: string;
  pii: { kind: string; confidence: number } | null;
  computedGrade: string;
  grade: string;
}

export interface CatalogResourcesTable {
  id: string;
  owner_org_id: string;
  title: string;
  title_en: string | null;
  description: string;
  description_en: string | null;
  sector_code: string;
  subject_type: string;
  source_kind: string;
  source_method: string | null;
  update_frequency: string;
  format: string | null;
  spatial_coverage: string | null;
  temporal_from: DateOnly;
  temporal_to: DateOnly;
  keywords: string[];
  schema: ColumnType<StoredColumn[], string | undefined, string>;
  computed_grade: string;
  manual_grade: ColumnType<string | null, string | null | undefined, string | null>;
  grade: string;
  open_class: string | null;
  status: string;
  version: number;
  derived_from: ColumnType<string | null, string | null | undefined, string | null>;
  processing: ColumnType<string, string | undefined, string>;
  doc_score: number;
  search_vector: ColumnType<string, RawBuilder<unknown>, RawBuilder<unknown>>;
  created_by: string;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
  published_at: ColumnType<Date | null, Date | null | undefined, Date | null>;
  retired_at: ColumnType<Date | null, Date | null | undefined, Date | null>;
}

export interface CatalogResourceVersionsTable {
  resource_id: string;
  version: number;
  snapshot: Json<Record<string, unknown>>;
  note: string | null;
  changed_by: string;
  changed_at: CreatedAt;
}

export interface CatalogFilesTable {
  id: string;
  resource_id: string;
  role: 'data' | 'evidence';
  name: string;
  format: string;
  size_bytes: Generated<number>;
  sm3: ColumnType<string | null, string | null | undefined, string | null>;
  blob_key: string;
  status: 'uploading' | 'profiling' | 'ready' | 'failed';
  progress: Generated<number>;
  row_count: ColumnType<number | null, number | null | undefined, number | null>;
  profile: ColumnType<unknown, string | null | undefined, string | null>;
  error: ColumnType<string | null, string | null | undefined, string | null>;
  error_code: ColumnType<string | null, string | null | undefined, string | null>;
  /** The source's ID card column a masked file's per-row subject map comes from (see deidentified files). */
  subject_column: ColumnType<string | null, string | null | undefined, string | null>;
  created_by: string;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
}

export interface CatalogOpenRequestsTable {
  id: string;
  resource_id: string;
  applicant_org_id: string;
  applicant_user_id: string;
  purpose: string;
  status: 'pending' | 'approved' | 'rejected';
  reason: string | null;
  decided_by: string | null;
  decided_at: Date | null;
  created_at: CreatedAt;
}

export interface CatalogTables {
  catalog_sectors: CatalogSectorsTable;
  catalog_resources: CatalogResourcesTable;
  catalog_resource_versions: CatalogResourceVersionsTable;
  catalog_files: CatalogFilesTable;
  catalog_open_requests: CatalogOpenRequestsTable;
}
