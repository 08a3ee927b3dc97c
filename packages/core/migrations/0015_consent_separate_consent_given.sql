-- What the person (or the guardian) actually gave with a grant: separate consent (单独同意, PIPL Art. 29, 23,
-- 31, 39) or explicit consent alone. The receipt records this, not what the version asked for.
alter table consent_grants add column separate_consent boolean not null default false;
-- Grants given before: separate consent was required, hence given, where the version needed it or a guardian
-- consented for a ward; any other grant is recorded as the explicit consent it was known to be.
update consent_grants g set separate_consent = true
  from consent_scenario_versions v
  where v.id = g.version_id and (v.separate_consent or g.granted_by <> g.subject_user_id);
