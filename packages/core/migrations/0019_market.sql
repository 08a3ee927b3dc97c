-- market: industry boards (行业板块) with their reviewers and listing rules, the trading negative list
-- (交易负面清单), data products (数据产品) on catalogued resources and their listing (挂牌) under declarations and
-- compliance review (合规审查). Org, user and resource ids are plain text: identity and the catalog own those
-- rows (domains do not share foreign keys).

create table market_boards (
  code         text primary key,
  name         text not null,
  name_en      text,
  description  text,
  -- the board's own listing rules over the platform's (BoardRules in the contracts)
  rules        jsonb not null default '{}',
  created_by   text not null,
  created_at   timestamptz not null default now(),
  updated_at   timestamptz not null default now()
);

create table market_board_reviewers (
  board_code   text not null references market_boards (code),
  user_id      text not null,
  assigned_by  text not null,
  assigned_at  timestamptz not null default now(),
  primary key (board_code, user_id)
);
create index market_board_reviewers_user_idx on market_board_reviewers (user_id);

create table market_negative_entries (
  id             text primary key,
  kind           text not null check (kind in ('sector', 'keyword', 'org', 'resource')),
  value          text not null,
  reason         text not null,
  added_by       text not null,
  added_at       timestamptz not null default now(),
  removed_at     timestamptz,
  removed_by     text,
  remove_reason  text
);
-- one entry in force per kind and value; removed ones stay as history
create unique index market_negative_entries_live_idx on market_negative_entries (kind, value)
  where removed_at is null;

create table market_products (
  id                 text primary key,
  org_id             text not null,
  title              text not null,
  summary            text not null,
  description        text not null,
  sector_code        text not null,
  -- GB/T 2260 division code
  region             text not null,
  delivery_modes     text[] not null,
  -- the boards of market_product_boards, kept beside the product for search and its facets
  board_codes        text[] not null,
  price_model        jsonb,
  price_kind         text,
  -- the amount a listing sorts by (rules/market-price headlineFen)
  price_fen          bigint,
  policy             jsonb,
  scenarios          jsonb not null default '[]',
  -- 声明承诺: the declaration as hashed (SM3 over its RFC 8785 form) and, once the org signs, its signature
  declaration        jsonb not null,
  declaration_hash   text not null,
  signature          jsonb,
  certificate_nos    text[] not null default '{}',
  -- the highest grade of its resources (就高从严)
  grade              text not null,
  status             text not null
                     check (status in ('draft', 'in_review', 'rejected', 'published', 'suspended', 'withdrawn')),
  -- optimistic concurrency: every change increments it
  version            integer not null default 1,
  rejection_reason   text,
  suspension_reason  text,
  withdrawal_reason  text,
  -- the listing.published ledger entry
  listing_hash       text,
  ledger_index       bigint,
  -- words of the title, summary, description and scenarios, segmented for Chinese (catalog.search.ts)
  search_vector      tsvector not null default ''::tsvector,
  created_by         text not null,
  created_at         timestamptz not null default now(),
  updated_at         timestamptz not null default now(),
  submitted_at       timestamptz,
  published_at       timestamptz,
  suspended_at       timestamptz,
  withdrawn_at       timestamptz
);
create index market_products_search_idx on market_products using gin (search_vector);
-- the marketplace reads published listings only: newest first, by price, and the facets from the index alone
-- (an index-only scan: every column the facet counts read is in it, so a browse never reads the listings)
create index market_products_published_idx on market_products (published_at desc, id)
  where status = 'published';
create index market_products_price_idx on market_products (price_fen, id) where status = 'published';
create index market_products_facets_idx on market_products (status, sector_code, grade, price_kind)
  include (board_codes, delivery_modes, region, org_id);
create index market_products_boards_idx on market_products using gin (board_codes);
create index market_products_modes_idx on market_products using gin (delivery_modes);
create index market_products_org_idx on market_products (org_id, updated_at desc);
create index market_products_review_idx on market_products (status, submitted_at) where status = 'in_review';
-- the suspension sweep and a frozen certificate find their listings by certificate number
create index market_products_certs_idx on market_products using gin (certificate_nos);

create table market_product_resources (
  product_id   text not null references market_products (id),
  resource_id  text not null,
  -- why the seller may list it: its own, an enterprise authorization (企业授权), an authorized operation
  basis        text not null check (basis in ('owner', 'org_grant', 'operation')),
  grant_id     text,
  -- the 数据产品经营权 certificate the listing stands on for it, held or licensed, as the last check found it
  cert_no      text,
  right_via    text check (right_via in ('holder', 'license')),
  primary key (product_id, resource_id)
);
create index market_product_resources_resource_idx on market_product_resources (resource_id);

create table market_product_boards (
  product_id  text not null references market_products (id),
  board_code  text not null references market_boards (code),
  primary key (product_id, board_code)
);
create index market_product_boards_board_idx on market_product_boards (board_code);

create table market_reviews (
  id               text primary key,
  product_id       text not null references market_products (id),
  -- the version decided: one decision per submitted version, however many reviewers press at once
  product_version  integer not null,
  reviewer_id      text not null,
  reviewer_org_id  text,
  decision         text not null check (decision in ('approve', 'reject')),
  checklist        jsonb not null,
  reason           text,
  created_at       timestamptz not null default now(),
  unique (product_id, product_version)
);

-- the platform's boards (platform configuration, so seeded here rather than by the demo); rules per
-- board: 医疗健康 takes health data only as a compute service (原始数据不出域)
insert into market_boards (code, name, name_en, description, rules, created_by) values
  ('ocean', '海洋', 'Marine',
   '海洋经济、海洋观测、港航与渔业数据产品', '{}', 'system'),
  ('health', '医疗健康', 'Health care',
   '医疗服务、公共卫生与健康管理数据产品；健康医疗数据仅以计算服务方式提供', '{"computeOnlySectors": ["health"]}',
   'system'),
  ('transport', '交通', 'Transport',
   '道路、水路、铁路运输与出行数据产品', '{}', 'system'),
  ('finance', '金融', 'Finance',
   '普惠金融、信贷风控、保险精算数据产品', '{}', 'system'),
  ('government', '政务', 'Government',
   '公共数据授权运营与政务服务数据产品', '{}', 'system');
