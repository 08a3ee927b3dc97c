-- trade: orders placed on concluded contracts, in escrow-style payment states (the platform holds the money
-- from payment to acceptance), and the licence a product is sold under: at most `seats` live orders, or one
-- when exclusive — counted under the product's row lock, so two processes never oversell it.

alter table market_products add column seats integer check (seats between 1 and 1000000);
alter table market_products add column exclusive boolean not null default false;

create table trade_orders (
  id               text primary key,
  contract_no      text not null references trade_contracts (contract_no),
  product_id       text not null references market_products (id),
  seller_org_id    text not null,
  buyer_org_id     text not null,
  delivery_mode    text not null check (delivery_mode in ('file', 'api', 'compute', 'report')),
  state            text not null check (state in
                   ('awaiting_payment', 'paid', 'delivered', 'accepted', 'disputed', 'cancelled', 'refunded')),
  -- fixed: the agreed price; per_call: the agreed price per call, prepaid for maxUses calls
  billing          text not null check (billing in ('fixed', 'per_call')),
  unit_fen         bigint,
  quota            integer,
  amount_fen       bigint not null check (amount_fen >= 0),
  -- the contract's term as YYYY-MM-DD (Beijing days), which sort as text
  starts_on        text not null check (starts_on ~ '^\d{4}-\d{2}-\d{2}$'),
  ends_on          text not null check (ends_on ~ '^\d{4}-\d{2}-\d{2}$'),
  acceptance_days  integer not null,
  pay_by           timestamptz not null,
  payment_ref      text,
  paid_at          timestamptz,
  delivered_at     timestamptz,
  accept_by        timestamptz,
  accepted_at      timestamptz,
  accepted_how     text check (accepted_how in ('buyer', 'lapsed', 'operator')),
  dispute_reason   text,
  disputed_at      timestamptz,
  closed_reason    text,
  closed_at        timestamptz,
  refund_ref       text,
  idempotency_key  text not null,
  request_hash     text not null,
  version          integer not null default 1,
  created_by       text not null,
  created_at       timestamptz not null default now(),
  updated_at       timestamptz not null default now(),
  unique (buyer_org_id, idempotency_key)
);
-- one live order per contract
create unique index trade_orders_contract_live_idx on trade_orders (contract_no)
  where state not in ('cancelled', 'refunded');
create index trade_orders_buyer_idx on trade_orders (buyer_org_id, updated_at desc);
create index trade_orders_seller_idx on trade_orders (seller_org_id, updated_at desc);
create index trade_orders_product_live_idx on trade_orders (product_id, ends_on)
  where state not in ('cancelled', 'refunded');
create index trade_orders_lapse_idx on trade_orders (accept_by) where state = 'delivered';

create table trade_order_events (
  order_id       text not null references trade_orders (id),
  seq            integer not null,
  kind           text not null check (kind in
                 ('place', 'pay', 'deliver', 'accept', 'dispute', 'resolve', 'cancel', 'refund', 'lapse')),
  side           text not null check (side in ('buyer', 'seller', 'platform')),
  actor_user_id  text,
  state          text not null,
  message        text,
  reference      text,
  created_at     timestamptz not null default now(),
  primary key (order_id, seq)
);
