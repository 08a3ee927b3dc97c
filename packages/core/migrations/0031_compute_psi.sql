-- two kinds of job that pass between agents.
--
-- private set intersection (隐私集合求交): a job that passes between two agents. The consumer's agent sends its
-- blinded identifiers (phase 1), the dataset's agent answers with them blinded again and its own blinded
-- (phase 2), the consumer's agent compares and returns the signed result (phase 3). The platform relays the
-- lists through the blob store; it sees only points. `agent_id` is the agent whose turn it is. It spends no
-- privacy budget.

alter table compute_jobs drop constraint compute_jobs_kind_check;
alter table compute_jobs add constraint compute_jobs_kind_check
  check (kind in ('sql', 'template', 'anonymize', 'psi', 'joint'));
alter table compute_jobs drop constraint compute_jobs_epsilon_check;
alter table compute_jobs add constraint compute_jobs_epsilon_check
  check (epsilon > 0 or kind in ('anonymize', 'psi'));

-- the columns, the consumer's own dataset, the normalization and what is revealed
alter table compute_jobs add column psi_spec jsonb;
alter table compute_jobs add column psi_phase smallint check (psi_phase between 1 and 3);
-- the list the next phase reads (phase 1's request, phase 2's response), encrypted in the blob store
alter table compute_jobs add column psi_blob text;

-- joint statistics (联合统计): a count, sum or mean over several agents' datasets. Each agent in turn computes
-- its exact local aggregate and signs it; the platform keeps the parts, adds them up and adds the noise once.
-- `joint_step` indexes the datasets (the job's, then the spec's `with`), `agent_id` is that dataset's agent.
-- Every dataset's budget pays ε, reserved at submission.
alter table compute_jobs add column joint_spec jsonb;
alter table compute_jobs add column joint_step smallint check (joint_step between 0 and 8);
alter table compute_jobs add column joint_parts jsonb;

alter table compute_jobs drop constraint compute_jobs_body_check;
alter table compute_jobs add constraint compute_jobs_body_check check (
  (kind = 'sql') = (sql is not null)
  and (kind = 'template') = (template is not null)
  and (kind = 'anonymize') = (export_spec is not null)
  and (kind = 'psi') = (psi_spec is not null and psi_phase is not null)
  and (kind = 'joint') = (joint_spec is not null and joint_step is not null)
);

-- on another org's personal data a job computes only on persons with live consent to the consumer's scenario
-- version (一场景一授权): which version, checked when the job is queued and again each time an agent leases it
alter table compute_jobs add column consent_version_id text;
