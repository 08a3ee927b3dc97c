-- catalog: data resources (数据资源) with their versions, files and source evidence; the sector tree; requests
-- for conditionally open data; government sharing between departments and the provincial return flow; the
-- resource-survey history. Org ids are plain text (identity owns orgs; domains do not share foreign keys).

create table catalog_sectors (
  code         text primary key,
  parent_code  text references catalog_sectors (code),
  name         text not null,
  name_en      text,
  sort         integer not null default 0,
  created_at   timestamptz not null default now(),
  updated_at   timestamptz not null default now()
);
create index catalog_sectors_parent_idx on catalog_sectors (parent_code);

create table catalog_resources (
  id                text primary key,
  owner_org_id      text not null,
  title             text not null,
  title_en          text,
  description       text not null,
  description_en    text,
  sector_code       text not null references catalog_sectors (code),
  subject_type      text not null check (subject_type in ('public', 'organization', 'personal')),
  source_kind       text not null check (source_kind in ('collected', 'authorized', 'purchased')),
  source_method     text,
  update_frequency  text not null,
  format            text,
  spatial_coverage  text,
  temporal_from     date,
  temporal_to       date,
  keywords          text[] not null default '{}',
  -- columns of the current file: name, type, pii, computed and manual grade per field
  schema            jsonb not null default '[]',
  computed_grade    text not null default 'general_1',
  manual_grade      text,
  -- the effective grade: the higher of the computed and the manual one (就高从严)
  grade             text not null default 'general_1',
  open_class        text check (open_class in ('unconditional', 'conditional', 'closed')),
  status            text not null check (status in ('draft', 'published', 'retired')),
  version           integer not null default 1,
  derived_from      text references catalog_resources (id),
  processing        text not null default 'raw'
                    check (processing in ('raw', 'masked', 'labelled', 'statistical', 'fused')),
  doc_score         real not null default 0,
  -- words of the titles, description and keywords, segmented for Chinese (catalog.search.ts)
  search_vector     tsvector not null default ''::tsvector,
  created_by        text not null,
  created_at        timestamptz not null default now(),
  updated_at        timestamptz not null default now(),
  published_at      timestamptz,
  retired_at        timestamptz
);
create index catalog_resources_search_idx on catalog_resources using gin (search_vector);
create index catalog_resources_owner_idx on catalog_resources (owner_org_id);
-- what visibility and the facets read, so that browsing without a query counts from the index alone
create index catalog_resources_facets_idx on catalog_resources
  (status, grade, sector_code, open_class, owner_org_id, format, subject_type);
-- the newest first: browsing without a query reads this index from the top
create index catalog_resources_updated_idx on catalog_resources (updated_at desc, id);
create index catalog_resources_derived_idx on catalog_resources (derived_from) where derived_from is not null;

create table catalog_resource_versions (
  resource_id  text not null references catalog_resources (id),
  version      integer not null,
  snapshot     jsonb not null,
  note         text,
  changed_by   text not null,
  changed_at   timestamptz not null default now(),
  primary key (resource_id, version)
);

create table catalog_files (
  id           text primary key,
  resource_id  text not null references catalog_resources (id),
  role         text not null check (role in ('data', 'evidence')),
  name         text not null,
  format       text not null,
  size_bytes   bigint not null default 0,
  sm3          text,
  blob_key     text not null,
  status       text not null check (status in ('uploading', 'profiling', 'ready', 'failed')),
  -- profiling progress 0..1 and what the profile found
  progress     real not null default 0,
  row_count    bigint,
  profile      jsonb,
  error        text,
  created_by   text not null,
  created_at   timestamptz not null default now(),
  updated_at   timestamptz not null default now()
);
create index catalog_files_resource_idx on catalog_files (resource_id, created_at);
create index catalog_files_pending_idx on catalog_files (status) where status in ('uploading', 'profiling');

create table catalog_open_requests (
  id                  text primary key,
  resource_id         text not null references catalog_resources (id),
  applicant_org_id    text not null,
  applicant_user_id   text not null,
  purpose             text not null,
  status              text not null check (status in ('pending', 'approved', 'rejected')),
  reason              text,
  decided_by          text,
  decided_at          timestamptz,
  created_at          timestamptz not null default now()
);
create index catalog_open_requests_resource_idx on catalog_open_requests (resource_id, status);
create index catalog_open_requests_applicant_idx on catalog_open_requests (applicant_org_id);

-- 政务共享: a department asks another for a resource; levels come from the orgs' administrative division
create table sharing_requests (
  id                 text primary key,
  resource_id        text not null references catalog_resources (id),
  provider_org_id    text not null,
  requester_org_id   text not null,
  provider_level     text not null check (provider_level in ('province', 'city', 'county')),
  requester_level    text not null check (requester_level in ('province', 'city', 'county')),
  purpose            text not null,
  status             text not null
                     check (status in ('pending', 'approved', 'rejected', 'delivered', 'withdrawn')),
  reason             text,
  -- the provider's word on approval or delivery (how and where the data was handed over)
  note               text,
  due_at             timestamptz not null,
  decided_by         text,
  decided_at         timestamptz,
  delivered_at       timestamptz,
  withdrawn_at       timestamptz,
  created_by         text not null,
  created_at         timestamptz not null default now()
);
create index sharing_requests_provider_idx on sharing_requests (provider_org_id, status);
create index sharing_requests_requester_idx on sharing_requests (requester_org_id, status);

-- 省级数据回流 (应返尽返): data a provincial department holds about a city or county, owed back to it
create table return_flows (
  id             text primary key,
  resource_id    text not null references catalog_resources (id),
  from_org_id    text not null,
  to_org_id      text not null,
  to_level       text not null check (to_level in ('city', 'county')),
  status         text not null check (status in ('pending', 'delivered')),
  due_at         timestamptz not null,
  delivered_at   timestamptz,
  note           text,
  created_by     text not null,
  created_at     timestamptz not null default now()
);
create index return_flows_to_idx on return_flows (to_org_id, status);
create index return_flows_from_idx on return_flows (from_org_id, status);

create table catalog_survey_snapshots (
  id        text primary key,
  taken_at  timestamptz not null default now(),
  totals    jsonb not null
);
create index catalog_survey_snapshots_taken_idx on catalog_survey_snapshots (taken_at);

-- GB/T 43697-2024 Annex A sectors as the editable starting point (门类 letters of GB/T 4754 where they exist)
insert into catalog_sectors (code, parent_code, name, name_en, sort) values
  ('industry', null, '工业', 'Industry', 10),
  ('telecom', null, '电信', 'Telecommunications', 20),
  ('finance', null, '金融', 'Finance', 30),
  ('energy', null, '能源', 'Energy', 40),
  ('transport', null, '交通运输', 'Transport', 50),
  ('natural_resources', null, '自然资源', 'Natural resources', 60),
  ('health', null, '卫生健康', 'Health', 70),
  ('education', null, '教育', 'Education', 80),
  ('science', null, '科学', 'Science and technology', 90),
  ('agriculture', null, '农业农村', 'Agriculture and rural affairs', 100),
  ('commerce', null, '商贸流通', 'Commerce and trade', 110),
  ('culture_tourism', null, '文化旅游', 'Culture and tourism', 120),
  ('ecology', null, '生态环境', 'Ecology and environment', 130),
  ('housing', null, '住房城乡建设', 'Housing and construction', 140),
  ('market_regulation', null, '市场监管', 'Market regulation', 150),
  ('social_security', null, '人力资源社会保障', 'Human resources and social security', 160),
  ('public_security', null, '公共安全', 'Public safety', 170),
  ('government', null, '政务服务', 'Government services', 180),
  ('meteorology', null, '气象', 'Meteorology', 190),
  ('credit', null, '信用', 'Credit', 200),
  ('transport.road', 'transport', '道路运输', 'Road transport', 10),
  ('transport.waterway', 'transport', '水路运输', 'Waterway transport', 20),
  ('transport.rail', 'transport', '铁路运输', 'Rail transport', 30),
  ('health.medical', 'health', '医疗服务', 'Medical services', 10),
  ('health.public', 'health', '公共卫生', 'Public health', 20),
  ('finance.banking', 'finance', '银行业', 'Banking', 10),
  ('finance.insurance', 'finance', '保险业', 'Insurance', 20),
  ('market_regulation.registration', 'market_regulation', '市场主体登记', 'Business registration', 10),
  ('energy.power', 'energy', '电力', 'Electric power', 10);
