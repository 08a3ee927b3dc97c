-- trade: contract negotiations (交易磋商) between a buyer and a seller on a listed product, in the Dataspace
-- Protocol's states, with every step kept in a timeline both sides see; the seller's automatic agreement.

create table trade_negotiations (
  id                  text primary key,
  product_id          text not null references market_products (id),
  seller_org_id       text not null,
  buyer_org_id        text not null,
  state               text not null
                      check (state in ('requested', 'offered', 'accepted', 'agreed', 'verified', 'finalized', 'terminated')),
  -- how many sets of terms were put on the table
  round               integer not null default 1,
  -- the terms on the table: the agreed ones once agreed
  terms               jsonb not null,
  termination_reason  text,
  -- the buyer's key that started it: the same request again finds this negotiation
  idempotency_key     text not null,
  request_hash        text not null,
  version             integer not null default 1,
  created_by          text not null,
  created_at          timestamptz not null default now(),
  updated_at          timestamptz not null default now(),
  unique (buyer_org_id, idempotency_key)
);
create index trade_negotiations_buyer_idx on trade_negotiations (buyer_org_id, updated_at desc);
create index trade_negotiations_seller_idx on trade_negotiations (seller_org_id, updated_at desc);
create index trade_negotiations_product_idx on trade_negotiations (product_id);

create table trade_negotiation_events (
  negotiation_id   text not null references trade_negotiations (id),
  seq              integer not null,
  kind             text not null check (kind in ('request', 'offer', 'accept', 'agree', 'terminate')),
  side             text not null check (side in ('buyer', 'seller', 'platform')),
  actor_user_id    text,
  state            text not null,
  terms            jsonb,
  changed          text[] not null default '{}',
  message          text,
  -- a step repeated with the same key changes nothing: (negotiation, side, key) is one step
  idempotency_key  text,
  request_hash     text,
  created_at       timestamptz not null default now(),
  primary key (negotiation_id, seq),
  unique (negotiation_id, side, idempotency_key)
);

-- a seller's standing choice per product: agree at once to a request on the listed price within the policy
create table trade_auto_accept (
  product_id  text primary key references market_products (id),
  enabled     boolean not null,
  set_by      text not null,
  set_at      timestamptz not null default now()
);
