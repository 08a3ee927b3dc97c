-- trade: metered API delivery. A seller puts its upstream endpoint behind the platform's gateway (the
-- credential the gateway adds sealed under the platform's data key); a buyer calls it with a key of its
-- order (only the key's hash is kept). One meter row per API order holds the calls taken against the
-- prepaid quota: server processes lease calls from it in small blocks under its row lock (one call at a time
-- near the end), so every process together never lets more than the quota through. The usage log is
-- append-only, written in batches, and read by order and time.

create table trade_api_upstreams (
  product_id          text primary key references market_products (id),
  url                 text not null check (length(url) <= 2000),
  credential_header   text check (length(credential_header) <= 100),
  -- SM4 envelope under the platform's data-encryption key, bound to the product (never returned)
  credential_sealed   text,
  rate_per_second     integer not null check (rate_per_second between 1 and 100000),
  timeout_ms          integer not null check (timeout_ms between 100 and 120000),
  updated_by          text not null,
  updated_at          timestamptz not null default now()
);

create table trade_api_keys (
  id          text primary key,
  order_id    text not null references trade_orders (id),
  -- SM3 of the whole key; the key itself is shown once, when issued
  key_hash    text not null unique,
  -- the first characters, to tell keys apart in a list
  prefix      text not null,
  created_by  text not null,
  created_at  timestamptz not null default now(),
  revoked_at  timestamptz,
  revoked_by  text
);
-- at most one live key per order: issuing a new one revokes the old in the same transaction
create unique index trade_api_keys_live_idx on trade_api_keys (order_id) where revoked_at is null;

create table trade_api_meters (
  order_id   text primary key references trade_orders (id),
  -- calls prepaid (the terms' maxUses); null: not limited by count
  quota      integer check (quota >= 0),
  -- calls made, and leased to a server process and not yet made (given back when it idles or closes)
  used       integer not null default 0 check (used >= 0)
);

create table trade_api_usage (
  order_id    text not null,
  at          timestamptz not null,
  method      text not null,
  path        text not null check (length(path) <= 500),
  status      smallint not null,
  latency_ms  integer not null,
  billable    boolean not null,
  -- why the gateway refused the call itself (null: it went upstream)
  refused     text check (refused in ('policy', 'rate_limited', 'quota_exhausted', 'not_serving'))
);
create index trade_api_usage_order_at_idx on trade_api_usage (order_id, at);
