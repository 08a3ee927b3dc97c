import type { computeApiErrorsZhCN, computeZhCN } from './compute.zh-CN';

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

/** English — compute-to-data: the workbench, jobs and receipts, agents. */
// prettier-ignore
export const computeEnUS: typeof computeZhCN = {
  compute: {
    menu: 'Compute-to-data', workbench: 'Compute workbench', agents: 'Compute agents', jobs: 'Compute jobs',
    intro: 'Raw data stays in its domain: a query runs on the holder’s agent and only aggregates that pass the release policy (minimum group size k, differential-privacy noise) come back, with the agent’s signed receipt.',
    dataset: 'Dataset', pickDataset: 'Pick a dataset you may compute on', noDatasets: 'No dataset to compute on yet', table: 'Table name in SQL', columns: 'Columns', rows: 'Rows',
    holder: 'Holder', k: 'Minimum group size k', epsilonLeft: 'ε left for your organization', perQuery: 'ε per query at most', noPolicy: 'The holder has set no release policy yet',
    sql: 'SQL', sqlHelp: 'One SELECT of aggregates (count, sum, avg, var, stddev), grouped by columns if you like; no row-level output.',
    epsilon: 'ε to spend', epsilonHelp: 'Empty: the policy’s per-query ε', contract: 'Contract number', contractHelp: 'On another organization’s dataset you compute under a concluded compute-delivery contract',
    purpose: 'Purpose', submit: 'Submit', submitted: (id: string) => `Job ${id} submitted`,
    history: 'Jobs', statusTitle: 'Status', side: { consumer: 'Submitted by us', owner: 'Run on our data' }, allStatuses: 'Every status',
    status: { queued: 'Queued', running: 'Running', review: 'Awaiting release', done: 'Done', refused: 'Refused', failed: 'Failed', withheld: 'Withheld' },
    basis: { owner: 'Holder’s own analysis', contract: 'Under contract' },
    id: 'Job', submittedAt: 'Submitted', finishedAt: 'Finished', consumer: 'Submitted by', attempts: 'Attempts', queryHash: 'Query hash (SM3)',
    reason: 'Reason', rule: 'Rule', result: 'Result', suppressed: (n: number) => `${n} group(s) with fewer than k privacy units not shown`, mechanism: 'Noise',
    privacySpent: 'Privacy spent', receipt: 'Signed receipt', ledgerIndex: 'Ledger index', resultHash: 'Result hash (SM3)', signature: 'Agent signature', keyId: 'Agent key id',
    receiptVerified: 'Receipt signature verified in your browser', receiptUnverified: 'The receipt signature does not verify', resultPending: 'The result shows here once released', resultHidden: 'The result waits for the holder’s release',
    release: 'Release', withhold: 'Withhold', withholdReason: 'Why it is withheld', reviewHelp: 'Results of important data reach the consumer only after the holder’s review.', reviewed: 'Done',
    agent: 'Agent', health: { never_seen: 'Never seen', healthy: 'Online', silent: 'Silent', revoked: 'Revoked' }, lastSeen: 'Last seen', datasets: 'Datasets',
    agentStatus: { pending: 'Awaiting enrolment', active: 'Enrolled', revoked: 'Revoked' }, newAgent: 'Register an agent', agentName: 'Agent name', agentNameHelp: 'Starts with a lower-case letter; a–z, 0–9 and _ only',
    description: 'Description', created: 'Registered', enrolmentCode: 'One-time enrolment code', enrolmentOnce: 'The code shows this once and holds 24 hours: run this on the agent’s machine to enrol it.',
    revoke: 'Revoke', revokeConfirm: 'Revoking stops the agent’s signature at once and withdraws its datasets. Revoke?', reenrol: 'Re-enrol', agentsIntro: 'Agents run inside the data holder’s domain, only call out and open no port; each request is signed with the agent’s SM2 key.',
    policy: {
      title: 'Release policy', edit: 'Set the release policy', help: 'What may leave the agent: the rows one privacy unit contributes at most, the minimum group size k, the declared range of numeric columns (values are clamped to it), and the differential-privacy budget (ε, δ) with each consumer’s share.',
      privacyUnit: 'Privacy unit column', privacyUnitHelp: 'The column naming the person or firm protected, e.g. a patient or enterprise id', maxContributions: 'Rows per unit at most',
      epsilonTotal: 'Total ε', deltaTotal: 'Total δ', consumerShare: 'One consumer’s share', consumerShareHelp: 'A fraction of the total, 0–1',
      mechanism: 'Noise mechanism', joinKeys: 'Columns joins may use', manualRelease: 'Results released by hand', bounds: 'Declared ranges of numeric columns', boundsHelp: 'Sums, means and variances are open only on columns with a declared range; values are clamped to it before aggregating.',
      lower: 'Lower', upper: 'Upper',
    },
    org: 'Organization', software: 'Software', noAgents: 'No agents yet', noJobs: 'No jobs yet', viewJob: 'Open',
  },
};
