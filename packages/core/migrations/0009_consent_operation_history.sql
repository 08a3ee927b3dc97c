-- Who changed an authorized-operation grant (授权运营), when and why: its creation, every suspension,
-- reinstatement and the revocation. Existing grants get their creation from the grant row.
create table consent_operation_events (
  id          text primary key,
  grant_id    text not null references consent_operation_grants (id),
  action      text not null check (action in ('create', 'suspend', 'reinstate', 'revoke')),
  reason      text,
  actor_id    text not null,
  created_at  timestamptz not null default now()
);
create index consent_operation_events_grant_idx on consent_operation_events (grant_id, created_at);

insert into consent_operation_events (id, grant_id, action, reason, actor_id, created_at)
  select 'aoe_' || substr(id, 5), id, 'create', null, created_by, created_at from consent_operation_grants;
