-- trade: file delivery. A delivered 'file' order gets, for each resource of its product, a copy of that
-- resource's de-identified (masked) derivative made for its buyer alone: fingerprinted with a code of its own,
-- so that a leaked copy is traced back to the order. Every download is logged and counted against the
-- contract's use limit. Resource and user ids are plain text: the catalog and identity own those.

create table trade_delivered_files (
  id                  text primary key,
  order_id            text not null references trade_orders (id),
  -- the product's resource, and the masked derivative (resource and data file) the copy is made from
  resource_id         text not null,
  source_resource_id  text not null,
  source_file_id      text not null,
  name                text not null,
  -- HMAC-SM3 of this row's id under the platform's fingerprint key: the 256-bit code the copy carries
  fingerprint_code    text not null check (fingerprint_code ~ '^[0-9a-f]{64}$'),
  -- the stored copy's format; a download may convert it (CSV ↔ XLSX), which the marks survive
  format              text not null default 'csv' check (format in ('csv')),
  -- filled once the copy is made (on its first download): the derivative's plan (where the marks go, no
  -- secret), SM3 and size of the stored copy, and what the marks cost
  plan                jsonb,
  sm3                 text,
  size_bytes          bigint,
  row_count           integer,
  cells_changed       integer,
  bits_covered        integer,
  prepared_at         timestamptz,
  created_at          timestamptz not null default now(),
  unique (order_id, resource_id)
);
-- a trace reads every prepared copy, grouped by the derivative file it was made from
create index trade_delivered_files_source_idx on trade_delivered_files (source_file_id)
  where prepared_at is not null;

create table trade_downloads (
  id          bigint generated always as identity primary key,
  order_id    text not null references trade_orders (id),
  file_id     text not null references trade_delivered_files (id),
  user_id     text not null,
  format      text not null check (format in ('csv', 'xlsx')),
  bytes       bigint not null check (bytes >= 0),
  -- SM3 of the bytes sent (an XLSX is made per download, so it differs from the stored copy's)
  sm3         text not null,
  ip          text,
  request_id  text,
  at          timestamptz not null default now()
);
create index trade_downloads_file_idx on trade_downloads (file_id, at);
