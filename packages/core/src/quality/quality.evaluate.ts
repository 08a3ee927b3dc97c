import { todayInChina } from '@shuliu/contracts';
import { DEFAULT_DETECTION_SETTINGS, TableSampler } from '../protect/index.js';
import { DomainError, Invalid } from '../shared/errors.js';
import type { RowValues, TabularSource } from '../tabular/index.js';
import { checkFor } from './quality.checks.js';
import { BatchColumns } from './quality.columns.js';
import { RulesInvalid } from './quality.errors.js';
import { exampleMaskers, maskExample } from './quality.mask.js';
import { namedColumns, ruleColumnIndexes, type Rule, type Weights } from './quality.schema.js';
import { indicatorScores, overallScore, round1, ruleScore } from './quality.rules.js';
import { Tally, type CheckContext, type ReadFailure } from './quality.tally.js';
import {
  INDICATORS,
  type IndicatorScores,
  type QualityExample,
  type QualityReport,
  type RuleResult,
} from './quality.types.js';
import { isIsoDay } from './quality.values.js';

export interface EvaluateOptions {
  /** The day `freshness` is measured at, `YYYY-MM-DD` (default: today in Beijing). */
  asOf?: string;
  /** Indicator weights of the overall score (default: equal). */
  weights?: Weights;
  /**
   * The values of each `reference` rule that names a file or another resource, by rule id: this library reads
   * neither.
   */
  references?: Record<string, readonly string[]>;
  /** Called after each batch, e.g. to report progress. */
  onBatch?: (progress: TabularSource['progress']) => void;
}

/**
 * A record the reader cannot parse (or a file that is no table at all) is a finding of `readable`, not an
 * error; a file that is not there is the caller's mistake, and any other error is not the data's either.
 */
export function asReadFailure(e: unknown): ReadFailure {
  if (!(e instanceof DomainError) || !e.code.startsWith('TABULAR_') || e.code === 'TABULAR_FILE_UNREADABLE')
    throw e;
  // a JSON parser's message quotes the record it choked on; the line number is enough
  return { note: e.code === 'TABULAR_BAD_RECORD' ? e.message.replace(/ \(.*\)$/s, '') : e.message };
}

/**
 * Reads a table to its end, batch by batch. A record the reader cannot parse ends the read but not the
 * evaluation: what was read is scored, and the failure is what `readable` reports.
 */
export async function readThrough(
  source: TabularSource,
  each: (batch: RowValues[]) => void,
  onBatch?: EvaluateOptions['onBatch'],
): Promise<ReadFailure | null> {
  try {
    for await (const batch of source.batches()) {
      each(batch);
      onBatch?.(source.progress);
    }
    return null;
  } catch (e) {
    return asReadFailure(e);
  }
}

/** A `reference` rule naming a file or a resource whose values the caller did not give (this library reads neither). */
export function referenceMissing(rule: Extract<Rule, { kind: 'reference' }>, i: number) {
  return rule.file
    ? RulesInvalid(`rules[${i}].file: the values of ${rule.file} were not given`, { index: i })
    : RulesInvalid(
        `rules[${i}].resource: the values of column ${rule.column} of resource ${rule.resource} were not given`,
        { index: i },
      );
}

/** Resolves a rule's columns against the table; a name the table lacks is refused with the rule's place. */
function contextFor(
  rule: Rule,
  i: number,
  columns: readonly string[],
  asOf: string,
  references: EvaluateOptions['references'],
): CheckContext {
  const at = ruleColumnIndexes(rule, i, columns);
  const reference = references?.[rule.id];
  if (rule.kind === 'reference' && !rule.values && !reference) throw referenceMissing(rule, i);
  return { at, names: at.map((k) => columns[k]!), asOf, reference };
}

function resultOf(rule: Rule, names: string[], tally: Tally, examples: QualityExample[]): RuleResult {
  const { checked, failed } = tally;
  const { id, indicator, kind } = rule;
  return {
    id,
    indicator,
    kind,
    columns: names,
    checked,
    failed,
    score: ruleScore(checked, failed),
    examples,
  };
}

/** The report of rule results: indicator and overall scores from the unrounded rule scores, then rounded. */
export function reportOf(rows: number, results: RuleResult[], weights?: Weights): QualityReport {
  const indicators = indicatorScores(results);
  return {
    rows,
    overall: round1(overallScore(indicators, weights)),
    indicators: Object.fromEntries(INDICATORS.map((k) => [k, round1(indicators[k])])) as IndicatorScores,
    rules: results.map((r) => ({ ...r, score: round1(r.score) })),
  };
}

/** What rules report on a table that could not be opened as one: nothing checked, `readable` failed. */
export function unreadableReport(
  rules: readonly Rule[],
  failure: ReadFailure,
  weights?: Weights,
): QualityReport {
  const results = rules.map((r) => {
    const tally = new Tally([], []);
    if (r.kind === 'readable') tally.failTable(failure.note);
    return resultOf(r, [...(namedColumns(r) ?? [])], tally, tally.examples);
  });
  return reportOf(0, results, weights);
}

/** Rows read before the table's size is extrapolated from them: enough for a steady bytes-per-row. */
const ROWS_TO_EXTRAPOLATE = 8192;
/** A table is not expected to have more rows than this before it shows them (sets grow past it as needed). */
const MAX_EXPECTED_ROWS = 1 << 22;

/** The rows a file of known size will have, at the bytes per row read so far; 0 while that is not known. */
function expectedRows(rows: number, progress: TabularSource['progress']): number {
  const { bytesRead, totalBytes } = progress;
  if (rows < ROWS_TO_EXTRAPOLATE || !totalBytes || !bytesRead) return 0;
  return Math.min(MAX_EXPECTED_ROWS, Math.ceil((rows * totalBytes) / bytesRead));
}

/**
 * GB/T 36344-2018: scores a table against rules in one streaming pass. Memory is bounded by the rules, not the
 * rows: per-value and per-row checks keep counters, `unique` and `duplicate_rows` a 64-bit hash per distinct
 * key (`KeySet`, ~16 bytes each; room for the rows a file's size foretells is made at once, up to
 * `MAX_EXPECTED_ROWS`), `enum` and `reference` one per listed value, every rule at most five examples, and PII
 * detection (to mask the examples) a bounded sample of each column. Each batch is read column by column
 * (`BatchColumns`): a cell is trimmed and hashed once, however many rules read it.
 */
export async function evaluateQuality(
  source: TabularSource,
  rules: readonly Rule[],
  opts: EvaluateOptions = {},
): Promise<QualityReport> {
  const asOf = opts.asOf ?? todayInChina();
  if (!isIsoDay(asOf)) throw Invalid('VALIDATION_FAILED', `asOf: "${asOf}" is not a real date, YYYY-MM-DD`);
  const contexts = rules.map((r, i) => contextFor(r, i, source.columns, asOf, opts.references));
  const checks = rules.map((r, i) => checkFor(r, contexts[i]!));
  // the examples are masked by the kind of each column, which the table's first rows tell
  const sampler = new TableSampler({ ...DEFAULT_DETECTION_SETTINGS, sampleReservoir: 0 });
  const columns = new BatchColumns();
  let rows = 0;
  const failure = await readThrough(
    source,
    (batch) => {
      if (rows < DEFAULT_DETECTION_SETTINGS.sampleHead) sampler.add(batch, source.columns.length);
      columns.load(batch);
      for (const check of checks) check.add(columns, rows + 1);
      rows += batch.length;
      columns.expectedRows ||= expectedRows(rows, source.progress);
    },
    opts.onBatch,
  );
  for (const check of checks) check.finish?.(failure);
  const maskers = exampleMaskers(source.columns, rules, sampler.detect(source.columns));
  const results = rules.map((r, i) => {
    const tally = checks[i]!.tally;
    return resultOf(
      r,
      contexts[i]!.names,
      tally,
      tally.examples.map((e) => maskExample(e, maskers)),
    );
  });
  return reportOf(rows, results, opts.weights);
}
