export { analyzeQuery, MAX_LIMIT } from './sql/sql-guard.js';
export { QueryRefused, REFUSAL_RULES, type RefusalRule } from './sql/sql-refusal.js';
export { boundedSql, type BoundingOptions } from './sql/rewrite.js';
export {
  openSandbox,
  SandboxLimit,
  type Sandbox,
  type SandboxLimitKind,
  type SandboxOptions,
  type SandboxRow,
  type TableSource,
} from './sql/sandbox.js';
export type * from './sql/sql-types.js';
