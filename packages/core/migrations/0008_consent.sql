-- consent: the authorization hub — persons, scenarios and their versions, one-scenario personal consent
-- grants with signed receipts, enterprise authorizations and public-data authorized operation (授权运营)

create table consent_persons (
  user_id           text primary key references users (id),
  id_card_enc       text not null,
  id_card_masked    text not null,
  id_card_hmac      text not null unique,
  birth_date        date not null,
  guardian_user_id  text references users (id),
  guardian_status   text check (guardian_status in ('pending', 'confirmed')),
  guardian_confirmed_at timestamptz,
  created_at        timestamptz not null default now()
);
create index consent_persons_guardian_idx on consent_persons (guardian_user_id);

create table consent_scenarios (
  id                  text primary key,
  org_id              text not null references orgs (id),
  title               text not null,
  current_version_id  text,
  latest_version      integer not null default 1,
  created_by          text not null,
  created_at          timestamptz not null default now(),
  updated_at          timestamptz not null default now()
);
create index consent_scenarios_org_idx on consent_scenarios (org_id);

create table consent_scenario_versions (
  id                  text primary key,
  scenario_id         text not null references consent_scenarios (id),
  version             integer not null,
  purpose             text not null,
  legal_basis         text not null,
  recipient           text not null,
  processing_method   text not null,
  retention_days      integer not null,
  cross_border        boolean not null,
  automated_decision  boolean not null,
  fields              jsonb not null,
  status              text not null check (status in ('in_review', 'approved', 'rejected', 'superseded')),
  separate_consent    boolean not null default false,
  biometric_approved  boolean not null default false,
  pipia_ref           text,
  review_note         text,
  reviewed_by         text,
  reviewed_at         timestamptz,
  created_by          text not null,
  created_at          timestamptz not null default now(),
  unique (scenario_id, version)
);
create index consent_versions_status_idx on consent_scenario_versions (status, created_at);

create table consent_grants (
  id                text primary key,
  subject_user_id   text not null references users (id),
  scenario_id       text not null references consent_scenarios (id),
  version_id        text not null references consent_scenario_versions (id),
  fields            text[] not null,
  expires_at        timestamptz not null,
  granted_by        text not null,
  granted_at        timestamptz not null default now(),
  revoked_at        timestamptz,
  revoked_by        text
);
-- consent.check: one live grant of a subject for a scenario version
create index consent_grants_check_idx on consent_grants (subject_user_id, version_id, granted_at desc);
create unique index consent_grants_live_idx on consent_grants (subject_user_id, scenario_id) where revoked_at is null;
create index consent_grants_scenario_idx on consent_grants (scenario_id, granted_at desc);

create table consent_receipts (
  id            text primary key,
  grant_id      text not null references consent_grants (id),
  event         text not null check (event in ('granted', 'revoked')),
  receipt       text not null,
  signature     text not null,
  key_id        text not null,
  ledger_index  bigint not null,
  created_at    timestamptz not null default now()
);
create index consent_receipts_grant_idx on consent_receipts (grant_id, created_at);

create table consent_refusals (
  subject_user_id  text not null references users (id),
  scenario_id      text not null references consent_scenarios (id),
  refused_at       timestamptz not null default now(),
  primary key (subject_user_id, scenario_id)
);

-- every consent.check decision, allow or deny (the hash-chained audit also records the API's checks)
create table consent_checks (
  id               bigint generated always as identity primary key,
  at               timestamptz not null default now(),
  subject_user_id  text not null,
  version_id       text not null,
  grant_id         text,
  fields           text[] not null,
  allowed          boolean not null,
  reason           text not null,
  caller_org_id    text
);

create table consent_org_grants (
  id              text primary key,
  grantor_org_id  text not null references orgs (id),
  grantee_org_id  text not null references orgs (id),
  resource_ids    text[] not null,
  max_grade       text not null,
  purpose         text not null,
  expires_at      timestamptz not null,
  status          text not null check (status in ('active', 'revoked')),
  revoke_reason   text,
  revoked_at      timestamptz,
  created_by      text not null,
  created_at      timestamptz not null default now()
);
create index consent_org_grants_grantor_idx on consent_org_grants (grantor_org_id, created_at desc);
create index consent_org_grants_grantee_idx on consent_org_grants (grantee_org_id, created_at desc);

create table consent_operation_grants (
  id                  text primary key,
  authority_org_id    text not null references orgs (id),
  operator_org_id     text not null references orgs (id),
  scope               text not null check (scope in ('comprehensive', 'sectoral')),
  sectors             text[] not null default '{}',
  delivery            text not null check (delivery in ('compute_to_data')),
  max_grade           text not null,
  starts_at           timestamptz not null,
  ends_at             timestamptz not null,
  price_guidance_fen  bigint not null,
  price_note          text,
  status              text not null check (status in ('active', 'suspended', 'revoked')),
  status_reason       text,
  created_by          text not null,
  created_at          timestamptz not null default now(),
  updated_at          timestamptz not null default now()
);
create index consent_operation_grants_operator_idx on consent_operation_grants (operator_org_id);

create table consent_operation_evaluations (
  id          text primary key,
  grant_id    text not null references consent_operation_grants (id),
  year        integer not null,
  score       integer not null,
  conclusion  text not null,
  evaluated_by text not null,
  created_at  timestamptz not null default now(),
  unique (grant_id, year)
);
