-- A person reads who checked their consent, newest first (PIPL Art. 45): the check log by subject and time.
create index consent_checks_subject_idx on consent_checks (subject_user_id, at desc);
