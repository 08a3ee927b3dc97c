-- assets: the data asset ledger (资产台账) of each org, accounting per 财会〔2023〕11号 (classification, costs,
-- amortization plan, impairments), valuation reports signed by a valuer org, and 出资入股 records.
-- Certificates and resources are another domain's: their numbers and ids are plain text (the registry holds
-- the pledge state, read through its helpers — this domain keeps no pledge flag of its own).

create table asset_items (
  id                     text primary key,
  org_id                 text not null references orgs (id),
  name                   text not null,
  description            text,
  source                 text not null check (source in ('purchased', 'self_developed', 'other')),
  classification         text not null check (classification in ('intangible', 'inventory', 'expensed')),
  classification_reasons jsonb not null,
  checklist              jsonb not null,
  recognized_period      text not null,
  certificate_nos        jsonb not null default '[]',
  resource_ids           jsonb not null default '[]',
  status                 text not null default 'active' check (status in ('active', 'disposed')),
  version                integer not null default 1,
  created_by             text not null,
  created_at             timestamptz not null default now(),
  updated_at             timestamptz not null default now()
);
create index asset_items_org_idx on asset_items (org_id, created_at desc);

create table asset_costs (
  id           text primary key,
  asset_id     text not null references asset_items (id),
  category     text not null,
  amount_fen   bigint not null check (amount_fen > 0),
  incurred_on  date not null,
  note         text,
  created_by   text not null,
  created_at   timestamptz not null default now()
);
create index asset_costs_asset_idx on asset_costs (asset_id, incurred_on);

create table asset_amortization_plans (
  asset_id      text primary key references asset_items (id),
  method        text not null check (method in ('straight_line', 'units_of_use')),
  residual_fen  bigint not null check (residual_fen >= 0),
  start_period  text not null,
  months        integer,
  units         jsonb,
  created_by    text not null,
  created_at    timestamptz not null default now()
);

create table asset_impairments (
  id          text primary key,
  asset_id    text not null references asset_items (id),
  period      text not null,
  amount_fen  bigint not null check (amount_fen > 0),
  reason      text not null,
  created_by  text not null,
  created_at  timestamptz not null default now()
);
create index asset_impairments_asset_idx on asset_impairments (asset_id, period);

create table asset_valuations (
  id              text primary key,
  asset_id        text not null references asset_items (id),
  owner_org_id    text not null references orgs (id),
  valuer_org_id   text not null references orgs (id),
  method          text not null check (method in ('cost', 'income', 'market')),
  inputs          jsonb not null,
  figures         jsonb not null,
  value_fen       bigint not null,
  valuation_date  date not null,
  status          text not null default 'draft' check (status in ('draft', 'signed')),
  report          text,
  report_sm3      text,
  key_id          text,
  signature       text,
  ledger_index    bigint,
  signed_by       text,
  signed_at       timestamptz,
  created_by      text not null,
  created_at      timestamptz not null default now()
);
create index asset_valuations_asset_idx on asset_valuations (asset_id, created_at desc);
create index asset_valuations_valuer_idx on asset_valuations (valuer_org_id, status);

create table asset_contributions (
  id              text primary key,
  asset_id        text not null references asset_items (id),
  investee_name   text not null,
  investee_uscc   text not null,
  share_bp        integer not null check (share_bp > 0 and share_bp <= 10000),
  amount_fen      bigint not null check (amount_fen > 0),
  contributed_on  date not null,
  valuation_id    text not null references asset_valuations (id),
  created_by      text not null,
  created_at      timestamptz not null default now()
);
create index asset_contributions_asset_idx on asset_contributions (asset_id);
