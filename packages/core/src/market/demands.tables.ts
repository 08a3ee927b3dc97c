import type { ColumnType } from 'kysely';

type CreatedAt = ColumnType<Date, Date | undefined, never>;
type UpdatedAt = ColumnType<Date, Date | undefined, Date>;
type Json<T> = ColumnType<T, string, string>;
/** A bigint column: pg reads it as a string, PGlite as a number. */
type BigInt = ColumnType<string | number, number | null, number | null>;

export type DemandState = 'open' | 'closed' | 'expired';

export interface MarketDemandsTable {
  id: string;
  org_id: string;
  author_id: string;
  title: string;
  description: string;
  purpose: string;
  sector_code: string;
  region: string | null;
  grades: string[];
  budget_min_fen: BigInt | null;
  budget_max_fen: BigInt | null;
  /** A date (YYYY-MM-DD), kept as text in and out. */
  deadline: ColumnType<string, string, string>;
  state: DemandState;
  close_reason: string | null;
  version: ColumnType<number, number | undefined, number>;
  search_vector: ColumnType<unknown, unknown, unknown>;
  match_terms: ColumnType<string[], string[] | undefined, string[]>;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
  closed_at: Date | null;
}

export interface MarketDemandMatchesTable {
  demand_id: string;
  product_id: string;
  product_org: string;
  score: number;
  parts: Json<unknown[]>;
  matched_at: ColumnType<Date, Date | undefined, Date>;
  notified_at: Date | null;
}

export interface MarketDemandAnswersTable {
  id: string;
  demand_id: string;
  org_id: string;
  product_id: string;
  message: string;
  price_fen: BigInt | null;
  state: 'open' | 'withdrawn';
  created_by: string;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
}

export interface DemandTables {
  market_demands: MarketDemandsTable;
  market_demand_matches: MarketDemandMatchesTable;
  market_demand_answers: MarketDemandAnswersTable;
}
