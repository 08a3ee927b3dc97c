import { z } from 'zod';
import { IdParams, paged } from './common.js';
import {
  Agent,
  AgentQuery,
  CreateAgentBody,
  CreatedAgent,
  Dataset,
  DatasetQuery,
  EnrolBody,
  ReportDatasetsBody,
  SetPolicyBody,
} from './compute.js';
import {
  Job,
  JobFailureBody,
  JobQuery,
  JobResultBody,
  JointPartBody,
  LeasedJob,
  ReviewJobBody,
  SubmitJobBody,
} from './compute-jobs.js';
import { agentSigned, defineRoute, publicAccess, roles } from './route.js';

const tags = ['compute'];
const agent = IdParams('agt');
const dataset = IdParams('cds');
const job = IdParams('cjb');
/** Who reads agents: their org's administrator, and the operator and regulator who watch every domain. */
const agentReaders = roles('org_admin', 'operator', 'regulator');
/** Who reads datasets: the business roles of holders and consumers, and the overseers. */
const datasetReaders = roles(
  'merchant',
  'buyer',
  'provider',
  'authority',
  'org_admin',
  'operator',
  'regulator',
);

/**
 * 域内计算节点: the agents an org runs where its raw data lives, enrolled with an SM2 machine identity, and the
 * datasets they hold. Calls under /api/compute/agent/ are the agent's own, each signed with its SM2 key.
 */
export const computeRoutes = {
  agents: defineRoute({
    method: 'GET',
    path: '/api/compute/agents',
    summary: 'The agents of the caller’s org (every org’s for the operator and regulator), with their health',
    tags,
    access: agentReaders,
    query: AgentQuery,
    response: paged(Agent),
  }),
  agent: defineRoute({
    method: 'GET',
    path: '/api/compute/agents/:id',
    summary: 'One agent, to its org’s administrator, the operator and the regulator',
    tags,
    access: agentReaders,
    params: agent,
    response: Agent,
  }),
  createAgent: defineRoute({
    method: 'POST',
    path: '/api/compute/agents',
    summary: 'The org administrator registers an agent and receives its one-time enrolment code',
    tags,
    access: roles('org_admin'),
    body: CreateAgentBody,
    response: CreatedAgent,
    status: 201,
    audit: 'compute.agent.create',
  }),
  reenrol: defineRoute({
    method: 'POST',
    path: '/api/compute/agents/:id/enrolment',
    summary:
      'A new one-time enrolment code for the agent (a lost or replaced machine): its key stops working at once',
    tags,
    access: roles('org_admin'),
    params: agent,
    response: CreatedAgent,
    audit: 'compute.agent.reenrol',
  }),
  revokeAgent: defineRoute({
    method: 'POST',
    path: '/api/compute/agents/:id/revoke',
    summary: 'Revokes the agent: its key is refused from now on, its datasets are withdrawn',
    tags,
    access: roles('org_admin', 'operator'),
    params: agent,
    response: Agent,
    audit: 'compute.agent.revoke',
  }),
  enrol: defineRoute({
    method: 'POST',
    path: '/api/compute/agent/enrol',
    summary:
      'The agent enrols its SM2 public key with the one-time code its administrator gave it (the code is the credential)',
    tags,
    access: publicAccess,
    body: EnrolBody,
    response: Agent,
    audit: 'compute.agent.enrol',
  }),
  heartbeat: defineRoute({
    method: 'POST',
    path: '/api/compute/agent/heartbeat',
    summary: 'The agent says it is alive (signed with its key)',
    tags,
    access: agentSigned,
    response: z.object({ agentId: z.string(), now: z.string() }),
    audit: 'compute.agent.heartbeat',
  }),
  reportDatasets: defineRoute({
    method: 'PUT',
    path: '/api/compute/agent/datasets',
    summary:
      'The agent reports the datasets it holds — their schema and size, never their rows; one no longer reported is withdrawn',
    tags,
    access: agentSigned,
    body: ReportDatasetsBody,
    response: z.object({ items: z.array(Dataset) }),
    audit: 'compute.dataset.report',
  }),
  datasets: defineRoute({
    method: 'GET',
    path: '/api/compute/datasets',
    summary:
      'Datasets the caller may compute on or holds, with the name to use in SQL, the columns, k and the budget left',
    tags,
    access: datasetReaders,
    query: DatasetQuery,
    response: paged(Dataset),
  }),
  dataset: defineRoute({
    method: 'GET',
    path: '/api/compute/datasets/:id',
    summary: 'One dataset with its release policy',
    tags,
    access: datasetReaders,
    params: dataset,
    response: Dataset,
  }),
  setPolicy: defineRoute({
    method: 'PUT',
    path: '/api/compute/datasets/:id/policy',
    summary:
      'The holder sets the dataset’s release policy: privacy unit, contribution bound, k, bounds, join keys, ε/δ budget and each consumer’s share',
    tags,
    access: roles('org_admin', 'merchant', 'provider', 'authority'),
    params: dataset,
    body: SetPolicyBody,
    response: Dataset,
    audit: 'compute.dataset.policy',
  }),
  submitJob: defineRoute({
    method: 'POST',
    path: '/api/compute/jobs',
    summary:
      'Submits SQL on a dataset: checked against the allow-list (422 naming the rule), the basis (the holder, or a concluded compute contract) and the privacy budget, which is reserved; the dataset’s agent runs it',
    tags,
    access: roles('merchant', 'buyer', 'provider', 'authority', 'org_admin'),
    body: SubmitJobBody,
    response: Job,
    status: 202,
    audit: 'compute.job.submit',
  }),
  jobs: defineRoute({
    method: 'GET',
    path: '/api/compute/jobs',
    summary: 'Jobs the caller’s org submitted or ran on its data (every job for the operator and regulator)',
    tags,
    access: datasetReaders,
    query: JobQuery,
    response: paged(Job),
  }),
  job: defineRoute({
    method: 'GET',
    path: '/api/compute/jobs/:id',
    summary: 'One job: status, reason, the released result, the privacy spent and the signed receipt',
    tags,
    access: datasetReaders,
    params: job,
    response: Job,
  }),
  jobDownload: defineRoute({
    method: 'GET',
    path: '/api/compute/jobs/:id/output',
    summary:
      'An anonymized export’s file (CSV): for the holder, and for the consumer once the holder released it',
    tags,
    access: datasetReaders,
    params: job,
    response: z.unknown(),
    download: true,
  }),
  reviewJob: defineRoute({
    method: 'POST',
    path: '/api/compute/jobs/:id/review',
    summary:
      'The holder’s reviewer releases a result of important data to the consumer, or withholds it with a reason',
    tags,
    access: roles('org_admin', 'merchant', 'provider', 'authority'),
    params: job,
    body: ReviewJobBody,
    response: Job,
    audit: 'compute.job.review',
  }),
  leaseJob: defineRoute({
    method: 'POST',
    path: '/api/compute/agent/jobs/lease',
    summary: 'The agent takes its next job (signed); a lease that lapses offers the job again',
    tags,
    access: agentSigned,
    response: z.object({ job: LeasedJob.nullable() }),
    audit: 'compute.job.lease',
  }),
  jobResult: defineRoute({
    method: 'POST',
    path: '/api/compute/agent/jobs/:id/result',
    summary:
      'The agent returns the released result and its SM2-signed receipt; the receipt becomes a compute.job.completed ledger entry',
    tags,
    access: agentSigned,
    params: job,
    body: JobResultBody,
    response: Job,
    audit: 'compute.job.complete',
  }),
  jobOutput: defineRoute({
    method: 'PUT',
    path: '/api/compute/agent/jobs/:id/output',
    summary:
      'The agent uploads an anonymized export’s file (application/octet-stream, its SM3 in x-content-sm3) before its result',
    tags,
    access: agentSigned,
    params: job,
    response: z.strictObject({ size: z.number().int(), sm3: z.string() }),
    upload: true,
    audit: 'compute.job.output',
  }),
  jointPart: defineRoute({
    method: 'POST',
    path: '/api/compute/agent/jobs/:id/part',
    summary:
      'The agent returns its part of a joint statistic: its exact local aggregate, its SM3 and the SM2 signature over the part’s receipt; after the last part the platform adds them up and adds the noise once',
    tags,
    access: agentSigned,
    params: job,
    body: JointPartBody,
    response: Job,
    audit: 'compute.job.joint_part',
  }),
  psiStep: defineRoute({
    method: 'PUT',
    path: '/api/compute/agent/jobs/:id/psi',
    summary:
      'The agent sends its step of a PSI job (phase 1: its blinded identifiers; phase 2: those blinded again and its own), application/octet-stream signed by SM3 in x-content-sm3; the job passes to the next phase’s agent',
    tags,
    access: agentSigned,
    params: job,
    response: z.strictObject({ size: z.number().int(), sm3: z.string() }),
    upload: true,
    audit: 'compute.job.psi_step',
  }),
  psiInput: defineRoute({
    method: 'GET',
    path: '/api/compute/agent/jobs/:id/psi',
    summary: 'The list a running PSI job’s phase reads: the request in phase 2, the response in phase 3',
    tags,
    access: agentSigned,
    params: job,
    response: z.unknown(),
    download: true,
  }),
  jobFailure: defineRoute({
    method: 'POST',
    path: '/api/compute/agent/jobs/:id/failure',
    summary:
      'The agent refuses or fails a job: nothing was released, so its privacy reservation is given back',
    tags,
    access: agentSigned,
    params: job,
    body: JobFailureBody,
    response: Job,
    audit: 'compute.job.fail',
  }),
};
