-- 数据质量 (GB/T 36344-2018): a resource's quality rules, and the runs that score its data files by them.
--
-- One rule set per resource, edited by its owner; `version` counts its saves. `weights` overrides the
-- operator's indicator weights for this resource (null: the operator's).
create table quality_rule_sets (
  resource_id text primary key,
  rules jsonb not null,
  weights jsonb,
  version integer not null default 1 check (version >= 1),
  updated_by text not null,
  updated_at timestamptz not null default now()
);

-- A run scores one data file. The six indicator scores are columns beside the report, so the trend of a
-- resource is read without opening the reports; null where no rule applied. At most one run per resource is
-- queued or running at a time (the partial unique index).
create table quality_runs (
  id text primary key,
  resource_id text not null,
  file_id text,
  trigger text not null check (trigger in ('upload', 'schedule', 'manual')),
  status text not null default 'queued' check (status in ('queued', 'running', 'done', 'failed')),
  rules_version integer,
  rows_read bigint not null default 0 check (rows_read >= 0),
  progress real not null default 0 check (progress >= 0 and progress <= 1),
  report jsonb,
  overall real,
  conformance real,
  completeness real,
  accuracy real,
  consistency real,
  timeliness real,
  accessibility real,
  error text,
  created_by text not null,
  created_at timestamptz not null default now(),
  started_at timestamptz,
  finished_at timestamptz,
  updated_at timestamptz not null default now()
);
create unique index quality_runs_one_active on quality_runs (resource_id) where status in ('queued', 'running');
create index quality_runs_resource on quality_runs (resource_id, created_at desc);

-- The operator's quality settings, one row: the indicator weights of the overall score and the minimum overall
-- score a product's resources need to be listed (null: no gate).
create table quality_settings (
  id text primary key default 'quality' check (id = 'quality'),
  weights jsonb not null default '{}',
  min_listing_score real check (min_listing_score is null or (min_listing_score >= 0 and min_listing_score <= 100)),
  updated_by text not null,
  updated_at timestamptz not null default now()
);
