import type { ColumnType, Generated } from 'kysely';

type CreatedAt = ColumnType<Date, Date | undefined, never>;
type Json<T> = ColumnType<T, string, string>;
/** A `date` column: read as a Date (pg) or a string (PGlite), written as YYYY-MM-DD. */
type DateOnly = ColumnType<Date | string, string, string>;
/** A `bigint` column: pg returns a string, PGlite a number; written as a number. */
type BigFen = ColumnType<string | number, number, number>;

export interface AssetItemsTable {
  id: string;
  org_id: string;
  name: string;
  description: string | null;
  source: 'purchased' | 'self_developed' | 'other';
  classification: 'intangible' | 'inventory' | 'expensed';
  classification_reasons: Json<string[]>;
  checklist: Json<Record<string, unknown>>;
  recognized_period: string;
  certificate_nos: Json<string[]>;
  resource_ids: Json<string[]>;
  status: 'active' | 'disposed';
  version: Generated<number>;
  created_by: string;
  created_at: CreatedAt;
  updated_at: ColumnType<Date, Date | undefined, Date>;
}

export interface AssetCostsTable {
  id: string;
  asset_id: string;
  category: string;
  amount_fen: BigFen;
  incurred_on: DateOnly;
  note: string | null;
  created_by: string;
  created_at: CreatedAt;
}

export interface AssetAmortizationPlansTable {
  asset_id: string;
  method: 'straight_line' | 'units_of_use';
  residual_fen: BigFen;
  start_period: string;
  months: number | null;
  units: ColumnType<number[] | null, string | null, string | null>;
  created_by: string;
  created_at: CreatedAt;
}

export interface AssetImpairmentsTable {
  id: string;
  asset_id: string;
  period: string;
  amount_fen: BigFen;
  reason: string;
  created_by: string;
  created_at: CreatedAt;
}

export interface AssetValuationsTable {
  id: string;
  asset_id: string;
  owner_org_id: string;
  valuer_org_id: string;
  method: 'cost' | 'income' | 'market';
  inputs: Json<Record<string, unknown>>;
  figures: Json<Record<string, unknown>>;
  value_fen: BigFen;
  valuation_date: DateOnly;
  status: 'draft' | 'signed';
  report: string | null;
  report_sm3: string | null;
  key_id: string | null;
  signature: string | null;
  ledger_index: ColumnType<string | number | null, number | null, number | null>;
  signed_by: string | null;
  signed_at: Date | null;
  created_by: string;
  created_at: CreatedAt;
}

export interface AssetContributionsTable {
  id: string;
  asset_id: string;
  investee_name: string;
  investee_uscc: string;
  share_bp: number;
  amount_fen: BigFen;
  contributed_on: DateOnly;
  valuation_id: string;
  created_by: string;
  created_at: CreatedAt;
}

export interface AssetTables {
  asset_items: AssetItemsTable;
  asset_costs: AssetCostsTable;
  asset_amortization_plans: AssetAmortizationPlansTable;
  asset_impairments: AssetImpairmentsTable;
  asset_valuations: AssetValuationsTable;
  asset_contributions: AssetContributionsTable;
}
