import type { Cell } from '../tabular/index.js';
import type { Rule, RuleKind } from './quality.schema.js';

/** GB/T 36344-2018: the six data-quality indicators, in the standard's order. */
export const INDICATORS = [
  'conformance',
  'completeness',
  'accuracy',
  'consistency',
  'timeliness',
  'accessibility',
] as const;
export type Indicator = (typeof INDICATORS)[number];

/** The standard's own names, for reports read in Chinese. */
export const INDICATOR_LABELS: Record<Indicator, string> = {
  conformance: '规范性',
  completeness: '完整性',
  accuracy: '准确性',
  consistency: '一致性',
  timeliness: '时效性',
  accessibility: '可访问性',
};

/** One violation as a report shows it: the row (1 = first data row; null for the table's own) and its cells, masked. */
export interface QualityExample {
  row: number | null;
  values: Record<string, Cell>;
  /** Why, where the cells alone do not say (a stale newest date, a file that stopped parsing). */
  note?: string;
}

export interface RuleResult {
  id: string;
  indicator: Indicator;
  kind: RuleKind;
  columns: string[];
  /** B of X = A/B: the values, rows or pairs the rule looked at. */
  checked: number;
  failed: number;
  /** 100 × (checked − failed) / checked, one decimal; null when the rule had nothing to check. */
  score: number | null;
  /** At most five violations, masked. */
  examples: QualityExample[];
}

export type IndicatorScores = Record<Indicator, number | null>;

export interface QualityReport {
  rows: number;
  /** Weighted mean of the indicators that are not null, one decimal; null when none is. */
  overall: number | null;
  indicators: IndicatorScores;
  rules: RuleResult[];
  /** The rules suggested from the data when none were given (they are the ones evaluated). */
  suggested?: Rule[];
}
