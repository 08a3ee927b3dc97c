-- compute: the agents (域内计算节点) that hold raw data inside their owners' domains, and the datasets they offer.
-- An org administrator registers an agent and hands it a one-time enrolment code (only its SM3 is kept); the
-- agent makes an SM2 key pair, keeps the private key and enrols the public key with the code. From then on every
-- call of the agent is signed with that key over its method, path, time, a nonce and its body; a nonce is
-- taken once, so a captured request cannot be replayed. Datasets are reported by their agent (schema and size,
-- never rows); their holder sets the release policy and the privacy budget, spent as results are released.

create table compute_agents (
  id                    text primary key,
  org_id                text not null,
  name                  text not null check (name ~ '^[a-z][a-z0-9_]{0,62}$'),
  description           text check (length(description) <= 500),
  status                text not null default 'pending' check (status in ('pending', 'active', 'revoked')),
  enrolment_hash        text,
  enrolment_expires_at  timestamptz,
  -- the machine identity: SM2 public key (uncompressed hex) and its SM3
  public_key            text check (public_key ~ '^04[0-9a-f]{128}$'),
  key_id                text unique,
  enrolled_at           timestamptz,
  last_seen_at          timestamptz,
  software              text check (length(software) <= 100),
  created_by            text not null,
  created_at            timestamptz not null default now(),
  updated_at            timestamptz not null default now(),
  unique (org_id, name)
);
create unique index compute_agents_enrolment_idx on compute_agents (enrolment_hash) where enrolment_hash is not null;

-- nonces of signed agent requests, kept for the window a request's time is accepted in (then swept)
create table compute_agent_nonces (
  agent_id  text not null references compute_agents (id),
  nonce     text not null check (length(nonce) between 16 and 64),
  at        timestamptz not null default now(),
  primary key (agent_id, nonce)
);
create index compute_agent_nonces_at_idx on compute_agent_nonces (at);

create table compute_datasets (
  id                 text primary key,
  agent_id           text not null references compute_agents (id),
  org_id             text not null,
  name               text not null check (name ~ '^[a-z][a-z0-9_]{0,62}$'),
  title              text not null check (length(title) <= 200),
  resource_id        text,
  columns            jsonb not null,
  rows               bigint not null check (rows >= 0),
  status             text not null default 'active' check (status in ('active', 'withdrawn')),
  -- the holder's release policy (null until set: nothing is computed on the dataset before)
  policy             jsonb,
  epsilon_total      double precision check (epsilon_total > 0),
  delta_total        double precision check (delta_total >= 0),
  epsilon_spent      double precision not null default 0 check (epsilon_spent >= 0),
  delta_spent        double precision not null default 0 check (delta_spent >= 0),
  reported_at        timestamptz not null default now(),
  updated_at         timestamptz not null default now(),
  version            integer not null default 1,
  unique (agent_id, name),
  -- the budget is never overspent: every release decrements it under this check
  check (epsilon_total is null or epsilon_spent <= epsilon_total + 1e-9),
  check (delta_total is null or delta_spent <= delta_total + 1e-15)
);
create index compute_datasets_org_idx on compute_datasets (org_id, status);

-- the ledger of privacy spending: one row per release, by the consumer org that received it; both the holder and
-- the consumer read it, and a consumer's share of the budget is checked against its sum
create table compute_budget_spends (
  dataset_id       text not null references compute_datasets (id),
  consumer_org_id  text not null,
  job_id           text not null,
  epsilon          double precision not null check (epsilon >= 0),
  delta            double precision not null check (delta >= 0),
  at               timestamptz not null default now(),
  primary key (dataset_id, job_id)
);
create index compute_budget_spends_consumer_idx on compute_budget_spends (dataset_id, consumer_org_id);
