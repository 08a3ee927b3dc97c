-- trade: the contract (合同示范文本 filled from the agreed terms) drafted when a negotiation is agreed, signed by
-- the buyer (negotiation VERIFIED) and then the seller (FINALIZED: concluded), each signature a ledger entry.

-- contract numbers: a counter per year (HT-2026-000001); the row lock held to commit makes them gapless
create table trade_contract_counters (
  year  integer primary key,
  last  integer not null
);

create table trade_contracts (
  contract_no          text primary key,
  negotiation_id       text not null unique references trade_negotiations (id),
  template             text not null,
  seller_org_id        text not null,
  buyer_org_id         text not null,
  state                text not null check (state in ('drafted', 'buyer_signed', 'concluded')),
  -- the document exactly as signed: its RFC 8785 form and the SM3 of that form
  document             jsonb not null,
  canonical            text not null,
  contract_hash        text not null,
  -- ContractSignature objects, the buyer's first; their ledger entries' indexes inside
  signatures           jsonb not null default '[]',
  concluded_ledger_index bigint,
  drafted_at           timestamptz not null default now(),
  concluded_at         timestamptz,
  version              integer not null default 1
);
create index trade_contracts_buyer_idx on trade_contracts (buyer_org_id);
create index trade_contracts_seller_idx on trade_contracts (seller_org_id);

-- a party's signature of the contract is a step of the negotiation's timeline too
alter table trade_negotiation_events drop constraint trade_negotiation_events_kind_check;
alter table trade_negotiation_events add constraint trade_negotiation_events_kind_check
  check (kind in ('request', 'offer', 'accept', 'agree', 'terminate', 'sign'));
