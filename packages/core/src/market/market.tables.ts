import type { ColumnType } from 'kysely';

type CreatedAt = ColumnType<Date, Date | undefined, never>;
type UpdatedAt = ColumnType<Date, Date | undefined, Date>;
type Json<T> = ColumnType<T, string, string>;
/** A bigint column: pg reads it as a string, PGlite as a number. */
type BigInt = ColumnType<string | number, number, number>;

export interface MarketBoardsTable {
  code: string;
  name: string;
  name_en: string | null;
  description: string | null;
  rules: Json<Record<string, unknown>>;
  /** The board's bit in a listing's board_bits, given by the database when the board is made. */
  bit: ColumnType<number, never, never>;
  created_by: string;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
}

export interface MarketBoardReviewersTable {
  board_code: string;
  user_id: string;
  assigned_by: string;
  assigned_at: CreatedAt;
}

export interface MarketNegativeEntriesTable {
  id: string;
  kind: 'sector' | 'keyword' | 'org' | 'resource';
  value: string;
  reason: string;
  added_by: string;
  added_at: CreatedAt;
  removed_at: Date | null;
  removed_by: string | null;
  remove_reason: string | null;
}

export interface MarketProductsTable {
  id: string;
  org_id: string;
  title: string;
  summary: string;
  description: string;
  sector_code: string;
  region: string;
  delivery_modes: string[];
  board_codes: string[];
  /** board_codes and delivery_modes as bits, kept by the database for the facet counts (0027). */
  board_bits: ColumnType<string | number, never, never>;
  mode_bits: ColumnType<number, never, never>;
  price_model: Json<Record<string, unknown> | null> | null;
  price_kind: string | null;
  price_fen: BigInt | null;
  policy: Json<Record<string, unknown> | null> | null;
  scenarios: Json<{ title: string; description: string }[]>;
  seats: number | null;
  exclusive: ColumnType<boolean, boolean | undefined, boolean>;
  declaration: Json<Record<string, unknown>>;
  declaration_hash: string;
  signature: Json<DeclarationSignatureRow | null> | null;
  certificate_nos: ColumnType<string[], string[] | undefined, string[]>;
  grade: string;
  status: 'draft' | 'in_review' | 'rejected' | 'published' | 'suspended' | 'withdrawn';
  version: ColumnType<number, number | undefined, number>;
  rejection_reason: string | null;
  suspension_reason: string | null;
  withdrawal_reason: string | null;
  listing_hash: string | null;
  ledger_index: BigInt | null;
  search_vector: ColumnType<unknown, unknown, unknown>;
  created_by: string;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
  submitted_at: Date | null;
  published_at: Date | null;
  suspended_at: Date | null;
  withdrawn_at: Date | null;
}

export interface MarketProductResourcesTable {
  product_id: string;
  resource_id: string;
  basis: 'owner' | 'org_grant' | 'operation';
  grant_id: string | null;
  cert_no: string | null;
  right_via: 'holder' | 'license' | null;
}

export interface MarketProductBoardsTable {
  product_id: string;
  board_code: string;
}

export interface MarketReviewsTable {
  id: string;
  product_id: string;
  product_version: number;
  reviewer_id: string;
  reviewer_org_id: string | null;
  decision: 'approve' | 'reject';
  checklist: Json<Record<string, { passed: boolean; note?: string }>>;
  reason: string | null;
  created_at: CreatedAt;
}

export interface MarketTables {
  market_boards: MarketBoardsTable;
  market_board_reviewers: MarketBoardReviewersTable;
  market_negative_entries: MarketNegativeEntriesTable;
  market_products: MarketProductsTable;
  market_product_resources: MarketProductResourcesTable;
  market_product_boards: MarketProductBoardsTable;
  market_reviews: MarketReviewsTable;
}

/** The org's signature over a product's declaration document, as stored. */
export interface DeclarationSignatureRow {
  keyId: string;
  algorithm: 'sm2-sm3';
  signature: string;
  signedAt: string;
}
