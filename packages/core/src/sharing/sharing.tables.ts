import type { ColumnType } from 'kysely';

type CreatedAt = ColumnType<Date, Date | undefined, never>;
type Json<T> = ColumnType<T, string, string>;

export interface SharingRequestsTable {
  id: string;
  resource_id: string;
  provider_org_id: string;
  requester_org_id: string;
  provider_level: string;
  requester_level: string;
  purpose: string;
  status: 'pending' | 'approved' | 'rejected' | 'delivered' | 'withdrawn';
  reason: string | null;
  note: string | null;
  due_at: Date;
  decided_by: string | null;
  decided_at: Date | null;
  delivered_at: Date | null;
  withdrawn_at: Date | null;
  created_by: string;
  created_at: CreatedAt;
}

export interface ReturnFlowsTable {
  id: string;
  resource_id: string;
  from_org_id: string;
  to_org_id: string;
  to_level: string;
  status: 'pending' | 'delivered';
  due_at: Date;
  delivered_at: Date | null;
  note: string | null;
  created_by: string;
  created_at: CreatedAt;
}

export interface CatalogSurveySnapshotsTable {
  id: string;
  taken_at: CreatedAt;
  totals: Json<unknown>;
}

export interface SharingTables {
  sharing_requests: SharingRequestsTable;
  return_flows: ReturnFlowsTable;
  catalog_survey_snapshots: CatalogSurveySnapshotsTable;
}
