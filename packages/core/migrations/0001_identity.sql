-- identity: organizations, users, sessions, API tokens, onboarding applications

create table orgs (
  id              text primary key,
  name            text not null,
  name_en         text,
  uscc            text not null unique,
  types           text[] not null,
  merchant_kinds  text[] not null default '{}',
  provider_kinds  text[] not null default '{}',
  region          text,
  contact_name    text not null,
  contact_phone   text not null,
  contact_email   text,
  status          text not null check (status in ('pending', 'active', 'rejected', 'suspended')),
  created_at      timestamptz not null default now(),
  updated_at      timestamptz not null default now()
);
create index orgs_status_idx on orgs (status);

create table users (
  id                   text primary key,
  username             text not null unique,
  display_name         text not null,
  email                text,
  phone                text,
  org_id               text references orgs (id),
  roles                text[] not null default '{}',
  status               text not null check (status in ('pending', 'active', 'disabled')),
  password_hash        text not null,
  failed_logins        integer not null default 0,
  locked_until         timestamptz,
  last_login_at        timestamptz,
  password_changed_at  timestamptz not null default now(),
  created_at           timestamptz not null default now(),
  updated_at           timestamptz not null default now()
);
create index users_org_idx on users (org_id);

create table sessions (
  id            text primary key,
  user_id       text not null references users (id),
  token_hash    text not null unique,
  created_at    timestamptz not null default now(),
  last_seen_at  timestamptz not null default now(),
  expires_at    timestamptz not null,
  revoked_at    timestamptz,
  ip            text,
  user_agent    text
);
create index sessions_user_idx on sessions (user_id) where revoked_at is null;

create table api_tokens (
  id            text primary key,
  user_id       text not null references users (id),
  name          text not null,
  token_hash    text not null unique,
  prefix        text not null,
  roles         text[] not null,
  read_only     boolean not null default false,
  expires_at    timestamptz,
  last_used_at  timestamptz,
  revoked_at    timestamptz,
  created_at    timestamptz not null default now()
);
create index api_tokens_user_idx on api_tokens (user_id);

create table org_applications (
  id             text primary key,
  org_id         text not null unique references orgs (id),
  admin_user_id  text not null references users (id),
  status         text not null check (status in ('pending', 'approved', 'rejected')),
  declarations   text[] not null,
  submitted_at   timestamptz not null default now(),
  decided_at     timestamptz,
  decided_by     text,
  reason         text,
  history        jsonb not null default '[]'
);
create index org_applications_status_idx on org_applications (status, submitted_at);
