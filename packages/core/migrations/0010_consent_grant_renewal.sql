-- A person may consent again to a scenario whose grant has expired or whose version was superseded
-- (PIPL Art. 14: a changed purpose or method needs new consent). The old grant keeps its history and
-- points at the grant that replaced it; only one grant per person and scenario is ever open.
alter table consent_grants add column replaced_by text;
drop index consent_grants_live_idx;
create unique index consent_grants_live_idx on consent_grants (subject_user_id, scenario_id)
  where revoked_at is null and replaced_by is null;
