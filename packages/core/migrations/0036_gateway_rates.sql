-- the gateway's rate limit across processes: a token bucket per order, one second of calls deep, refilled at the
-- order's rate by the database's clock. Each process leases calls from it in small blocks ahead of need, so that
-- every process together admits at most the rate (beyond a burst of the bucket and the blocks in hand).
-- `granted` is what the last lease got.
create table trade_api_rates (
  order_id text primary key,
  tokens double precision not null check (tokens >= 0),
  at timestamptz not null,
  granted integer not null check (granted >= 0)
);
