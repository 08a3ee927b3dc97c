-- trade: settlement and revenue sharing (结算与收益分配). Monthly periods in Beijing time, closed once by the
-- operator; each order settled in a period split into statement lines per party that sum exactly to its gross
-- (platform fee, the public-data authority's share, the seller or authorized operator, and the contributors of
-- a revenue-share declaration by Shapley value); the declarations and every Shapley computation with its inputs.

-- the operator's trade settings (the platform fee) join the rule sections
alter table platform_settings drop constraint platform_settings_section_check;
alter table platform_settings add constraint platform_settings_section_check
  check (section in ('grading', 'sharing', 'trade'));

-- 授权运营: the authority's share of each sale's gross, in basis points, set by the grant
alter table consent_operation_grants add column authority_share_bp integer not null default 0
  check (authority_share_bp between 0 and 7000);

create table trade_settlement_periods (
  period           text primary key check (period ~ '^\d{4}-(0[1-9]|1[0-2])$'),
  state            text not null check (state in ('open', 'closed')),
  starts_at        timestamptz not null,
  ends_at          timestamptz not null,
  platform_fee_bp  integer check (platform_fee_bp between 0 and 10000),
  remainder_rule   text,
  gross_fen        bigint not null default 0 check (gross_fen >= 0),
  orders           integer not null default 0,
  closed_by        text,
  closed_at        timestamptz,
  created_at       timestamptz not null default now()
);

-- one settled order (or one period's metered usage of a per-call order) and how its split was reached
create table trade_settlement_orders (
  period           text not null references trade_settlement_periods (period),
  order_id         text not null references trade_orders (id),
  product_id       text not null,
  billing          text not null check (billing in ('fixed', 'per_call')),
  calls            bigint,
  gross_fen        bigint not null check (gross_fen >= 0),
  computation_id   text,
  explain          jsonb not null,
  primary key (period, order_id)
);
create index trade_settlement_orders_order_idx on trade_settlement_orders (order_id);

create table trade_statement_lines (
  period    text not null,
  order_id  text not null,
  seq       integer not null,
  org_id    text not null,
  role      text not null check (role in ('seller', 'operator', 'authority', 'processor', 'platform', 'contributor')),
  fen       bigint not null check (fen >= 0),
  primary key (period, order_id, seq),
  foreign key (period, order_id) references trade_settlement_orders (period, order_id)
);
create index trade_statement_lines_org_idx on trade_statement_lines (org_id, period);

-- 按贡献分配: who contributed to a product and the utility each subset of them reaches
create table trade_revenue_shares (
  product_id     text primary key references market_products (id),
  seller_org_id  text not null,
  contributors   text[] not null check (cardinality(contributors) between 1 and 200),
  utility        jsonb not null,
  utility_label  text not null,
  method         text not null check (method in ('exact', 'sampled')),
  seed           text,
  samples        integer check (samples between 2 and 1000000),
  version        integer not null default 1,
  updated_by     text not null,
  updated_at     timestamptz not null default now()
);
create index trade_revenue_shares_contributors_idx on trade_revenue_shares using gin (contributors);

-- every Shapley computation: its inputs (and their SM3 in RFC 8785 form), the result, who ran it
create table trade_shapley_computations (
  id                   text primary key,
  product_id           text not null references market_products (id),
  declaration_version  integer not null,
  inputs               jsonb not null,
  inputs_hash          text not null,
  result               jsonb not null,
  max_error_bound      double precision,
  run_by               text not null,
  created_at           timestamptz not null default now()
);
create index trade_shapley_computations_product_idx on trade_shapley_computations (product_id, created_at desc);
