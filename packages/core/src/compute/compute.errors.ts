import { createError } from '../shared/errors.js';

export const AgentExists = createError(
  'COMPUTE_AGENT_EXISTS',
  'the organization already has an agent of this name',
  409,
);
export const EnrolmentInvalid = createError(
  'COMPUTE_ENROLMENT_INVALID',
  'the enrolment code is wrong, used or expired: ask the org administrator for a new one',
  401,
);
export const AgentKeyTaken = createError(
  'COMPUTE_AGENT_KEY_TAKEN',
  'this public key is enrolled for another agent: each agent makes its own key pair',
  409,
);
export const AgentSignatureInvalid = createError(
  'COMPUTE_AGENT_SIGNATURE_INVALID',
  'the agent’s request signature does not verify, is stale, or repeats a nonce',
  401,
);
export const AgentSignatureRequired = createError(
  'COMPUTE_AGENT_SIGNATURE_REQUIRED',
  'this is an agent’s own call: sign it with the agent’s enrolled SM2 key (a login or API token is not taken)',
  403,
);
export const AgentRevoked = createError('COMPUTE_AGENT_REVOKED', 'the agent is revoked', 409);
export const ComputePolicyInvalid = createError(
  'COMPUTE_POLICY_INVALID',
  'the release policy does not fit the dataset’s columns',
  400,
);
export const DatasetWithdrawn = createError(
  'COMPUTE_DATASET_WITHDRAWN',
  'the dataset is withdrawn: its agent no longer reports it',
  409,
);
export const PolicyMissing = createError(
  'COMPUTE_POLICY_MISSING',
  'the dataset’s release policy does not allow this job yet',
  409,
);
export const BasisMissing = createError(
  'COMPUTE_BASIS_MISSING',
  'no contract or authorization lets your organization compute on this dataset',
  403,
);
export const QueryRefusedError = createError(
  'COMPUTE_QUERY_REFUSED',
  'the query is outside what may be computed on the dataset',
  422,
);
export const BudgetExhausted = createError(
  'COMPUTE_BUDGET_EXHAUSTED',
  'the privacy budget cannot pay for this query',
  409,
);
export const JobNotRunning = createError('COMPUTE_JOB_NOT_RUNNING', 'the job is not running', 409);
export const JobNotInReview = createError(
  'COMPUTE_JOB_NOT_IN_REVIEW',
  'the job’s result is not waiting for review',
  409,
);
export const ResultInvalid = createError(
  'COMPUTE_RESULT_INVALID',
  'the agent’s result does not check: its hash, its privacy spent or its signature',
  400,
);
export const ConsentRequired = createError(
  'COMPUTE_CONSENT_REQUIRED',
  'the dataset holds personal data: a job of another organization names its consent scenario version',
  403,
);
