import type { computeApiErrorsZhCN } from './compute.zh-CN';

/** English — errors of compute-to-data (agents, datasets and release policies). */
export const computeApiErrorsEnUS: Record<keyof typeof computeApiErrorsZhCN, string> = {
  COMPUTE_AGENT_EXISTS: 'Your organization already has an agent of this name',
  COMPUTE_AGENT_KEY_TAKEN: 'This public key is enrolled for another agent: each agent makes its own key pair',
  COMPUTE_AGENT_REVOKED: 'The agent is revoked',
  COMPUTE_AGENT_SIGNATURE_INVALID:
    'The agent’s request signature does not verify, is stale or repeats a nonce',
  COMPUTE_AGENT_SIGNATURE_REQUIRED:
    'This is an agent’s own call: sign it with the agent’s enrolled SM2 key (a login or API token is not taken)',
  COMPUTE_DATASET_WITHDRAWN: 'The dataset is withdrawn: its agent no longer reports it',
  COMPUTE_ENROLMENT_INVALID:
    'The enrolment code is wrong, used or expired: ask your org administrator for a new one',
  COMPUTE_POLICY_INVALID: 'The release policy does not fit the dataset’s columns',
  COMPUTE_BASIS_MISSING:
    'No contract or authorization lets your organization compute on this dataset: it needs a concluded compute-delivery contract naming the dataset’s resource',
  COMPUTE_BUDGET_EXHAUSTED: 'The privacy budget cannot pay for this query',
  COMPUTE_JOB_NOT_IN_REVIEW: 'The job’s result is not waiting for review',
  COMPUTE_JOB_NOT_RUNNING: 'The job is not running',
  COMPUTE_POLICY_MISSING: 'The dataset’s release policy does not allow this job yet',
  COMPUTE_QUERY_REFUSED: 'The query is outside what may be computed on the dataset',
  COMPUTE_RESULT_INVALID: 'The agent’s result does not check: its hash, its privacy spent or its signature',
};
