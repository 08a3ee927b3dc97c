-- market: demands (数据需求) posted by buyers, the listed products matched to them with the score's parts, and
-- the sellers' answers (应答) offering one of their published products. Org, user and product ids of other
-- rows are plain text, as in 0019: identity owns orgs and users, and a demand outlives a withdrawn product.

create table market_demands (
  id                text primary key,
  org_id            text not null,
  author_id         text not null,
  title             text not null,
  description       text not null,
  -- the purpose or application scenario the data is wanted for (应用场景)
  purpose           text not null,
  sector_code       text not null,
  -- GB/T 2260 division code the data should cover; null: any region
  region            text,
  -- the grades (GB/T 43697-2024) the buyer can accept
  grades            text[] not null,
  -- budget in integer fen; either end may be open
  budget_min_fen    bigint,
  budget_max_fen    bigint,
  -- the last day (Asia/Shanghai) the demand is open
  deadline          date not null,
  -- a demand past its deadline reads as expired at once; the market.expire-demands job records it
  state             text not null check (state in ('open', 'closed', 'expired')),
  close_reason      text,
  version           integer not null default 1,
  -- words of the title, description and purpose, segmented for Chinese (catalog.search.ts), for the board
  search_vector     tsvector not null default ''::tsvector,
  -- the words a product's text is matched against: the title's and the purpose's tokens
  match_terms       text[] not null default '{}',
  created_at        timestamptz not null default now(),
  updated_at        timestamptz not null default now(),
  closed_at         timestamptz,
  check (budget_min_fen is null or budget_max_fen is null or budget_min_fen <= budget_max_fen)
);
create index market_demands_search_idx on market_demands using gin (search_vector);
create index market_demands_open_idx on market_demands (deadline, id) where state = 'open';
create index market_demands_board_idx on market_demands (created_at desc, id) where state = 'open';
create index market_demands_org_idx on market_demands (org_id, updated_at desc);

-- the matcher's ranking: one row per demand and product, replaced whenever either side changes
create table market_demand_matches (
  demand_id     text not null references market_demands (id),
  product_id    text not null,
  product_org   text not null,
  score         integer not null check (score between 0 and 100),
  -- each part's weight, value and what it rests on (MatchPart in the contracts)
  parts         jsonb not null,
  matched_at    timestamptz not null default now(),
  -- both sides told of a good match, once
  notified_at   timestamptz,
  primary key (demand_id, product_id)
);
create index market_demand_matches_product_idx on market_demand_matches (product_id);
create index market_demand_matches_rank_idx on market_demand_matches (demand_id, score desc);

-- a seller's answer to a demand: one of its published products, a message and optionally a price; the
-- negotiation (issue 17) will start from it
create table market_demand_answers (
  id            text primary key,
  demand_id     text not null references market_demands (id),
  org_id        text not null,
  product_id    text not null,
  message       text not null,
  price_fen     bigint,
  state         text not null check (state in ('open', 'withdrawn')),
  created_by    text not null,
  created_at    timestamptz not null default now(),
  updated_at    timestamptz not null default now(),
  unique (demand_id, product_id)
);
create index market_demand_answers_org_idx on market_demand_answers (org_id, created_at desc);
