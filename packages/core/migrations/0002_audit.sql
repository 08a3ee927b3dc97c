-- audit: an append-only, hash-chained event table. Each row stores the hash of the row before it;
-- audit_head holds the last sequence number and hash so that deleting the newest rows is detected too.

create table audit_events (
  seq          bigint primary key,
  id           text not null unique,
  at           timestamptz not null,
  actor_id     text,
  actor_name   text,
  org_id       text,
  action       text not null,
  object_type  text,
  object_id    text,
  outcome      text not null check (outcome in ('success', 'failure', 'denied')),
  request_id   text,
  ip           text,
  details      jsonb,
  hash_alg     text not null,
  prev_hash    text not null,
  hash         text not null
);
create index audit_events_at_idx on audit_events (at);
create index audit_events_actor_idx on audit_events (actor_id, seq);
create index audit_events_org_idx on audit_events (org_id, seq);
create index audit_events_action_idx on audit_events (action text_pattern_ops);
create index audit_events_object_idx on audit_events (object_id);
create index audit_events_request_idx on audit_events (request_id);

create table audit_head (
  id          integer primary key check (id = 1),
  seq         bigint not null,
  hash        text not null,
  updated_at  timestamptz not null default now()
);
insert into audit_head (id, seq, hash) values (1, 0, repeat('0', 64));
