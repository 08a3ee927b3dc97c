-- a resource whose data is held in a domain (a compute agent's dataset linked to it, no data file on the platform)
-- is checked by that agent: the run names the dataset and the agent, and keeps the SM3 of the report the agent
-- returned with the agent's SM2 signature over its receipt. Only the report leaves the domain.
alter table quality_runs add column dataset_id text;
alter table quality_runs add column agent_id text;
alter table quality_runs add column report_hash text;
alter table quality_runs add column signature text;
create index quality_runs_agent_queue on quality_runs (agent_id, created_at) where status = 'queued' and agent_id is not null;
