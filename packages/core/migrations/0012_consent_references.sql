-- The pointers between consent rows are references the database keeps: a scenario's version in force
-- exists, a renewed grant points at a grant that exists. The renewal closes the old grant
-- before it inserts the new one, so that reference is checked at commit.
alter table consent_scenarios
  add constraint consent_scenarios_current_version_fk
  foreign key (current_version_id) references consent_scenario_versions (id);
alter table consent_grants
  add constraint consent_grants_replaced_by_fk
  foreign key (replaced_by) references consent_grants (id) deferrable initially deferred;
