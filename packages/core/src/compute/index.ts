export { createCompute, type ComputeServices } from './compute.factory.js';
export { AgentsService, requireAgent, type AgentRequest } from './agents.service.js';
export { DatasetsService } from './datasets.service.js';
export { JobsService, jobReceipt, queryHash, LEASE_MS, MAX_ATTEMPTS } from './jobs.service.js';
export { checkExport, checkTemplate, exportColumns, templateColumns } from './jobs.rules.js';
export { quoteIdent } from './sql/sql-scope.js';
export { policyProblem } from './compute.rules.js';
export { AgentSignatureInvalid } from './compute.errors.js';
export { agentHeaders, agentHeadersFor } from './agent-signing.js';
export { analyzeQuery, MAX_LIMIT } from './sql/sql-guard.js';
export { QueryRefused, REFUSAL_RULES, type RefusalRule } from './sql/sql-refusal.js';
export { boundedSql, preparedBoundedSql, type BoundingOptions } from './sql/rewrite.js';
export { WarmTable, WarmTables } from './sql/warm.js';
export {
  openSandbox,
  SandboxLimit,
  LOCK_STATEMENTS,
  type Sandbox,
  type SandboxLimitKind,
  type SandboxOptions,
  type SandboxRow,
  type TableSource,
} from './sql/sandbox.js';
export type * from './sql/sql-types.js';
export * from './dp/index.js';
export * from './anonymize/index.js';
export * from './psi/psi.js';
export {
  checkJoint,
  combineJoint,
  jointLocal,
  jointLocalSql,
  JOINT_MAX_LOCAL_GROUPS,
} from './joint/joint.js';
export { consentDigest, withPersonalKinds } from './personal-data.js';
export { heldDatasetOf, activeDatasetOfAgent, agentVerifyKey, type HeldDataset } from './compute.reads.js';
