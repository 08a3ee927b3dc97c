import type { ColumnType } from 'kysely';

type CreatedAt = ColumnType<Date, Date | undefined, never>;
type UpdatedAt = ColumnType<Date, Date | undefined, Date>;
type Json<T> = ColumnType<T, string, string>;

/** The terms on the table, as stored (the contracts' DealTerms, defaults applied). */
export interface TermsRow {
  template: string;
  deliveryMode: string;
  purpose: string;
  region: string;
  scope: string;
  startsOn: string;
  endsOn: string;
  priceFen: number;
  maxUses: number | null;
  scenarioVersionId: string | null;
}

export interface TradeNegotiationsTable {
  id: string;
  product_id: string;
  seller_org_id: string;
  buyer_org_id: string;
  state: 'requested' | 'offered' | 'accepted' | 'agreed' | 'verified' | 'finalized' | 'terminated';
  round: ColumnType<number, number | undefined, number>;
  terms: Json<TermsRow>;
  termination_reason: string | null;
  idempotency_key: string;
  request_hash: string;
  version: ColumnType<number, number | undefined, number>;
  created_by: string;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
}

export interface TradeNegotiationEventsTable {
  negotiation_id: string;
  seq: number;
  kind: 'request' | 'offer' | 'accept' | 'agree' | 'terminate' | 'sign';
  side: 'buyer' | 'seller' | 'platform';
  actor_user_id: string | null;
  state: string;
  terms: Json<TermsRow | null> | null;
  changed: ColumnType<string[], string[] | undefined, string[]>;
  message: string | null;
  idempotency_key: string | null;
  request_hash: string | null;
  created_at: CreatedAt;
}

export interface TradeAutoAcceptTable {
  product_id: string;
  enabled: boolean;
  set_by: string;
  set_at: CreatedAt;
}

/** A party's signature as kept on the contract (the contracts' ContractSignature). */
export interface ContractSignatureRow {
  party: 'buyer' | 'seller';
  orgId: string;
  keyId: string;
  algorithm: 'sm2-sm3';
  signature: string;
  custody: 'platform' | 'org';
  signedAt: string;
  ledgerIndex: number;
}

export interface TradeContractsTable {
  contract_no: string;
  negotiation_id: string;
  template: string;
  seller_org_id: string;
  buyer_org_id: string;
  state: 'drafted' | 'buyer_signed' | 'concluded';
  document: Json<Record<string, unknown>>;
  canonical: string;
  contract_hash: string;
  signatures: ColumnType<ContractSignatureRow[], string | undefined, string>;
  concluded_ledger_index: ColumnType<string | null, number | null | undefined, number | null>;
  drafted_at: CreatedAt;
  concluded_at: ColumnType<Date | null, Date | null | undefined, Date | null>;
  version: ColumnType<number, number | undefined, number>;
}

export interface TradeContractCountersTable {
  year: number;
  last: number;
}

type Stamp = ColumnType<Date | null, Date | null | undefined, Date | null>;
type Fen = ColumnType<string, number | bigint, number | bigint>;

export type OrderStateRow =
  'awaiting_payment' | 'paid' | 'delivered' | 'accepted' | 'disputed' | 'cancelled' | 'refunded';

export interface TradeOrdersTable {
  id: string;
  contract_no: string;
  product_id: string;
  seller_org_id: string;
  buyer_org_id: string;
  delivery_mode: 'file' | 'api' | 'compute' | 'report';
  state: OrderStateRow;
  billing: 'fixed' | 'per_call';
  unit_fen: ColumnType<string | null, number | null | undefined, number | null>;
  quota: number | null;
  amount_fen: Fen;
  starts_on: ColumnType<string, string, string>;
  ends_on: ColumnType<string, string, string>;
  acceptance_days: number;
  pay_by: Date;
  payment_ref: string | null;
  paid_at: Stamp;
  delivered_at: Stamp;
  accept_by: Stamp;
  accepted_at: Stamp;
  accepted_how: 'buyer' | 'lapsed' | 'operator' | null;
  dispute_reason: string | null;
  disputed_at: Stamp;
  closed_reason: string | null;
  closed_at: Stamp;
  refund_ref: string | null;
  idempotency_key: string;
  request_hash: string;
  version: ColumnType<number, number | undefined, number>;
  created_by: string;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
}

export interface TradeOrderEventsTable {
  order_id: string;
  seq: number;
  kind: 'place' | 'pay' | 'deliver' | 'accept' | 'dispute' | 'resolve' | 'cancel' | 'refund' | 'lapse';
  side: 'buyer' | 'seller' | 'platform';
  actor_user_id: string | null;
  state: OrderStateRow;
  message: string | null;
  reference: string | null;
  created_at: CreatedAt;
}

export interface TradeDeliveredFilesTable {
  id: string;
  order_id: string;
  resource_id: string;
  source_resource_id: string;
  source_file_id: string;
  name: string;
  fingerprint_code: string;
  format: ColumnType<'csv', 'csv' | undefined, 'csv'>;
  plan: ColumnType<unknown, string | null | undefined, string | null>;
  sm3: string | null;
  size_bytes: ColumnType<string | null, number | null | undefined, number | null>;
  row_count: number | null;
  cells_changed: number | null;
  bits_covered: number | null;
  prepared_at: Stamp;
  /** The buyer's consent scenario version a copy of data about persons is filtered by (一场景一授权). */
  consent_version_id: ColumnType<string | null, string | null | undefined, string | null>;
  /** SM3 of the version and the rows the current copy kept: a copy under other live consents is made again. */
  consent_digest: ColumnType<string | null, string | null | undefined, string | null>;
  rows_withheld: ColumnType<number | null, number | null | undefined, number | null>;
  /** Where the current copy is stored; null: under the file's id. */
  copy_key: ColumnType<string | null, string | null | undefined, string | null>;
  created_at: CreatedAt;
}

export interface TradeDownloadsTable {
  id: ColumnType<string, never, never>;
  order_id: string;
  file_id: string;
  user_id: string;
  format: 'csv' | 'xlsx';
  bytes: ColumnType<string, number, number>;
  sm3: string;
  ip: string | null;
  request_id: string | null;
  at: CreatedAt;
}

export interface TradeApiUpstreamsTable {
  product_id: string;
  url: string;
  credential_header: string | null;
  credential_sealed: string | null;
  rate_per_second: number;
  timeout_ms: number;
  updated_by: string;
  updated_at: UpdatedAt;
}

export interface TradeApiKeysTable {
  id: string;
  order_id: string;
  key_hash: string;
  prefix: string;
  created_by: string;
  created_at: CreatedAt;
  revoked_at: Stamp;
  revoked_by: string | null;
}

export interface TradeApiMetersTable {
  order_id: string;
  quota: number | null;
  used: ColumnType<number, number | undefined, number>;
}

/** Each order's token bucket, across processes (the gateway's rate limit). */
export interface TradeApiRatesTable {
  order_id: string;
  tokens: number;
  at: Date;
  granted: number;
}

export interface TradeApiUsageTable {
  order_id: string;
  at: Date;
  method: string;
  path: string;
  status: number;
  latency_ms: number;
  billable: boolean;
  refused: 'policy' | 'rate_limited' | 'quota_exhausted' | 'not_serving' | null;
}

export type StatementRoleRow = 'seller' | 'operator' | 'authority' | 'processor' | 'platform' | 'contributor';

export interface TradeSettlementPeriodsTable {
  period: string;
  state: 'open' | 'closed';
  starts_at: Date;
  ends_at: Date;
  platform_fee_bp: number | null;
  remainder_rule: string | null;
  gross_fen: ColumnType<number | string, number | undefined, number>;
  orders: ColumnType<number, number | undefined, number>;
  closed_by: string | null;
  closed_at: Date | null;
  created_at: CreatedAt;
}

/** The words of one order's split, zh-CN and en-US (the rules module's explanation). */
export type ExplainRow = { 'zh-CN': string; 'en-US': string }[];

export interface TradeSettlementOrdersTable {
  period: string;
  order_id: string;
  product_id: string;
  billing: 'fixed' | 'per_call';
  calls: ColumnType<number | string | null, number | null, never>;
  gross_fen: ColumnType<number | string, number, never>;
  computation_id: string | null;
  explain: Json<ExplainRow>;
}

export interface TradeStatementLinesTable {
  period: string;
  order_id: string;
  seq: number;
  org_id: string;
  role: StatementRoleRow;
  fen: ColumnType<number | string, number, never>;
}

export interface TradeRevenueSharesTable {
  product_id: string;
  seller_org_id: string;
  contributors: string[];
  utility: Json<unknown>;
  utility_label: string;
  method: 'exact' | 'sampled';
  seed: string | null;
  samples: number | null;
  version: ColumnType<number, number | undefined, number>;
  updated_by: string;
  updated_at: UpdatedAt;
}

export interface TradeShapleyComputationsTable {
  id: string;
  product_id: string;
  declaration_version: number;
  inputs: Json<unknown>;
  inputs_hash: string;
  result: Json<unknown>;
  max_error_bound: number | null;
  run_by: string;
  created_at: CreatedAt;
}

export interface TradeTables {
  trade_negotiations: TradeNegotiationsTable;
  trade_negotiation_events: TradeNegotiationEventsTable;
  trade_auto_accept: TradeAutoAcceptTable;
  trade_contracts: TradeContractsTable;
  trade_contract_counters: TradeContractCountersTable;
  trade_orders: TradeOrdersTable;
  trade_order_events: TradeOrderEventsTable;
  trade_delivered_files: TradeDeliveredFilesTable;
  trade_downloads: TradeDownloadsTable;
  trade_api_upstreams: TradeApiUpstreamsTable;
  trade_api_keys: TradeApiKeysTable;
  trade_api_meters: TradeApiMetersTable;
  trade_api_rates: TradeApiRatesTable;
  trade_api_usage: TradeApiUsageTable;
  trade_settlement_periods: TradeSettlementPeriodsTable;
  trade_settlement_orders: TradeSettlementOrdersTable;
  trade_statement_lines: TradeStatementLinesTable;
  trade_revenue_shares: TradeRevenueSharesTable;
  trade_shapley_computations: TradeShapleyComputationsTable;
}
