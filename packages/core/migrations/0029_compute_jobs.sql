-- compute jobs: a consumer's query on a dataset held by an agent. The platform checks the query against the
-- allow-list and the basis it runs under (the holder itself, or a concluded compute-delivery contract naming
-- the dataset's resource), reserves the privacy budget before anything runs, and queues it; the dataset's agent
-- leases it (a lease that lapses makes the job leasable again, so an agent lost mid-job never half-releases),
-- computes inside its domain and returns only the released result, signed with its SM2 key. The receipt is a
-- `compute.job.completed` ledger entry.

create table compute_jobs (
  id                 text primary key,
  dataset_id         text not null references compute_datasets (id),
  agent_id           text not null references compute_agents (id),
  owner_org_id       text not null,
  consumer_org_id    text not null,
  submitted_by       text not null,
  kind               text not null check (kind in ('sql', 'template')),
  sql                text check (length(sql) <= 8000),
  -- an approved algorithm and its parameters (histogram, quantiles, sum, mean, correlation, regressions)
  template           jsonb,
  -- SM3 of the SQL text, or of the template's RFC 8785 form, as submitted: the receipt names it
  query_hash         text not null check (query_hash ~ '^[0-9a-f]{64}$'),
  purpose            text not null check (length(purpose) <= 500),
  basis              text not null check (basis in ('owner', 'contract')),
  contract_no        text,
  epsilon            double precision not null check (epsilon > 0),
  delta              double precision not null check (delta >= 0),
  status             text not null default 'queued'
                     check (status in ('queued', 'running', 'review', 'done', 'refused', 'failed', 'withheld')),
  reason             text check (length(reason) <= 1000),
  rule               text check (length(rule) <= 60),
  attempts           integer not null default 0,
  lease_expires_at   timestamptz,
  -- the released result (columns, rows, suppressed groups, mechanism), its SM3 and the agent's signature
  result             jsonb,
  result_hash        text,
  epsilon_spent      double precision,
  delta_spent        double precision,
  agent_key_id       text,
  agent_public_key   text,
  signature          text,
  ledger_index       bigint,
  reviewed_by        text,
  created_at         timestamptz not null default now(),
  started_at         timestamptz,
  finished_at        timestamptz,
  updated_at         timestamptz not null default now(),
  check (basis <> 'contract' or contract_no is not null),
  check ((kind = 'sql') = (sql is not null) and (kind = 'template') = (template is not null))
);
create index compute_jobs_queue_idx on compute_jobs (agent_id, created_at) where status in ('queued', 'running');
create index compute_jobs_consumer_idx on compute_jobs (consumer_org_id, created_at desc);
create index compute_jobs_owner_idx on compute_jobs (owner_org_id, created_at desc);
create index compute_jobs_dataset_idx on compute_jobs (dataset_id, created_at desc);
