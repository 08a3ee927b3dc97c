export { openTabular, createTabularWriter, detectFormat } from './tabular.open.js';
export {
  profileColumns,
  ColumnProfiler,
  TableProfiler,
  type ColumnProfile,
  type ValueType,
} from './tabular.profile.js';
export { HyperLogLog } from './tabular.hll.js';
export { toRecord, detach } from './tabular.source.js';
export * from './tabular.errors.js';
export type * from './tabular.types.js';
export { DEFAULT_ZIP_LIMITS, type ZipLimits } from './tabular.zip.js';
