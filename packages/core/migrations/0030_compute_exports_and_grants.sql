-- anonymized export (匿名化导出): a job that generalizes a dataset inside its domain until it is k-anonymous
-- (l-diverse, t-close when asked) and uploads the file; the file waits, encrypted in the blob store, for the
-- holder's reviewer, whose release makes it a derived catalog resource (re-graded by what it holds). It spends
-- no privacy budget.

alter table compute_jobs drop constraint compute_jobs_kind_check;
alter table compute_jobs add constraint compute_jobs_kind_check
  check (kind in ('sql', 'template', 'anonymize'));
alter table compute_jobs drop constraint compute_jobs_epsilon_check;
alter table compute_jobs add constraint compute_jobs_epsilon_check check (epsilon > 0 or kind = 'anonymize');

-- the export's quasi-identifiers, hierarchies and criteria
alter table compute_jobs add column export_spec jsonb;
alter table compute_jobs drop constraint compute_jobs_check1;
alter table compute_jobs add constraint compute_jobs_body_check check (
  (kind = 'sql') = (sql is not null)
  and (kind = 'template') = (template is not null)
  and (kind = 'anonymize') = (export_spec is not null)
);

-- the uploaded file: its blob key, size and SM3 (the result's summary names the same SM3)
alter table compute_jobs add column output_blob text;
alter table compute_jobs add column output_size bigint;
alter table compute_jobs add column output_sm3 text check (output_sm3 ~ '^[0-9a-f]{64}$');
-- the derived catalog resource the released file became
alter table compute_jobs add column derived_resource_id text;

-- a job of another org runs under a concluded contract, an enterprise authorization (企业授权) or an
-- authorized-operation grant (公共数据授权运营) naming the dataset's resource; the grant it ran under is kept
alter table compute_jobs drop constraint compute_jobs_basis_check;
alter table compute_jobs add constraint compute_jobs_basis_check
  check (basis in ('owner', 'contract', 'org_grant', 'operation_grant'));
alter table compute_jobs add column grant_id text;
alter table compute_jobs add constraint compute_jobs_grant_check
  check ((basis in ('org_grant', 'operation_grant')) = (grant_id is not null));
