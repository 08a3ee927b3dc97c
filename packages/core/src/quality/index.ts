export * from './quality.types.js';
export * from './quality.errors.js';
export {
  RuleSchema,
  WeightsSchema,
  KIND_INDICATOR,
  parseQualityRules,
  parseQualityWeights,
  type Rule,
  type RuleInput,
  type RuleKind,
  type Weights,
} from './quality.schema.js';
export { evaluateQuality, type EvaluateOptions } from './quality.evaluate.js';
export { checkQuality, type CheckOptions } from './quality.check.js';
export { profileForRules, suggestRules, type ColumnFacts, type TableFacts } from './quality.suggest.js';
export { ruleScore, indicatorScores, overallScore } from './quality.rules.js';
export type { ComplaintDeps } from './complaints.service.js';
export { createQuality, type QualityServices } from './quality.factory.js';
export { RuleSetsService } from './rule-sets.service.js';
export { ReportsService } from './reports.service.js';
export { QualitySettingsService } from './quality-settings.service.js';
export { latestQualityOf, minListingScore } from './quality.reads.js';
export { dueForRerun } from './quality.schedule.js';
export {
  checkQualityInDomain,
  type DomainCheck,
  type DomainCheckOptions,
  type DomainTable,
} from './quality.duckdb.js';
