export * from './protect.types.js';
export * from './protect.settings.js';
export * from './protect.errors.js';
export { DEFAULT_NAME_HINTS, nameHints, type NameHint } from './protect.hints.js';
export {
  isIdCardNumber,
  isUscc,
  isBankCard,
  luhnValid,
  isMobile,
  isEmail,
  isIpAddress,
  isPlate,
  isChineseName,
  isAddress,
  isHealthValue,
  looksMasked,
} from './protect.rules.js';
export { detectColumn, ColumnSampler } from './protect.detect.js';
export {
  gradeByImpact,
  gradeField,
  gradeDataset,
  isSensitive,
  applyManualGrade,
  mayPublish,
  assertPublishable,
  regradeDerived,
  type DerivedGrade,
} from './protect.grade.js';
export * from './protect.mask-formats.js';
export { maskerFor, hmacSm3Hex, type Masker } from './protect.mask.js';
export {
  ColumnRuleSchema,
  MaskRulesSchema,
  parseMaskRules,
  type ColumnRule,
  type MaskRules,
  type MaskFormat,
} from './protect.schema.js';
export { buildMaskPlan, maskBatch, maskedKinds, type MaskPlan, type PlannedColumn } from './protect.plan.js';
export {
  scanTabular,
  TableSampler,
  type ScanReport,
  type ScanOptions,
  type ColumnScan,
} from './protect.scan.js';
export { maskTabular, type MaskOptions } from './protect.run.js';
export { SyntheticPeople } from './protect.fixtures.js';
