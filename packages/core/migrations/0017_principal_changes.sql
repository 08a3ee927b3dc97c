-- A cached principal (session or API token, its user and org) must not outlive a change to any of them:
-- every update or delete of those rows is announced on the channel the server processes listen to, after
-- commit (NOTIFY is transactional). Payload: 'c:<session or token id>', 'u:<user id>' or 'o:<org id>'.
create or replace function shuliu_principal_changed() returns trigger language plpgsql as $$
begin
  perform pg_notify(
    'shuliu_principal',
    case tg_table_name when 'users' then 'u:' when 'orgs' then 'o:' else 'c:' end || old.id
  );
  return null;
end
$$;

create trigger sessions_principal_changed after update or delete on sessions
  for each row execute function shuliu_principal_changed();
create trigger api_tokens_principal_changed after update or delete on api_tokens
  for each row execute function shuliu_principal_changed();
create trigger users_principal_changed after update or delete on users
  for each row execute function shuliu_principal_changed();
create trigger orgs_principal_changed after update or delete on orgs
  for each row execute function shuliu_principal_changed();
