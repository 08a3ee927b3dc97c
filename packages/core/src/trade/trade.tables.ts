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

export interface TradeTables {
  trade_negotiations: TradeNegotiationsTable;
  trade_negotiation_events: TradeNegotiationEventsTable;
  trade_auto_accept: TradeAutoAcceptTable;
  trade_contracts: TradeContractsTable;
  trade_contract_counters: TradeContractCountersTable;
}
