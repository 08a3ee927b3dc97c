-- the gateway's rate limit across processes: each order's calls of the current second (by the database's
-- clock), leased by the processes in small blocks, so that every process together admits at most the rate.
-- One row per order, reset as the second turns; `granted` is what the last lease got.
create table trade_api_rates (
  order_id text primary key,
  second bigint not null,
  used integer not null check (used >= 0),
  granted integer not null check (granted >= 0)
);
