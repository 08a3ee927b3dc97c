-- 一场景一授权 in file delivery: a delivered copy of data about persons holds only the persons whose consent to
-- the buyer's scenario is live when it is downloaded.
--
-- A masked derivative of a table with ID card numbers keeps, beside its file, which person each row is about:
-- the consent hub's HMAC of the row's ID card number (the one persons are known by), encrypted in the blob store
-- under `<file's blob key>_subjects`, one 32-byte entry per row in the file's order. `subject_column` is the
-- source column the entries come from; null when the source held no ID card numbers.
alter table catalog_files add column subject_column text;

-- the consent the copy was last made under: the buyer's scenario version and an SM3 of the rows it kept; a copy
-- made under another set of live consents is made again. `copy_key` is where that copy is stored (null: under
-- the file's own id, as before consent filtering).
alter table trade_delivered_files add column consent_version_id text;
alter table trade_delivered_files add column consent_digest text;
alter table trade_delivered_files add column rows_withheld integer check (rows_withheld >= 0);
alter table trade_delivered_files add column copy_key text;
