-- Login throttling that holds across server processes: one row per key ("login-ip:…", "login-user:…",
-- "write-ip:…"), a fixed one-minute window counted by one atomic upsert.
create table auth_throttle (
  key text primary key,
  window_start timestamptz not null,
  hits integer not null
);
create index auth_throttle_window_idx on auth_throttle (window_start);

-- Failed logins of usernames that do not exist, counted like real accounts' so that the answers
-- (401, then 423 while "locked") do not tell which usernames exist.
create table login_failures (
  username text primary key,
  failed_logins integer not null default 0,
  locked_until timestamptz
);

-- A password set by an administrator is a temporary one: the person must choose their own at next login.
alter table users add column must_change_password boolean not null default false;
