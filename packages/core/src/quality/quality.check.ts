import type { TabularSource } from '../tabular/index.js';
import {
  asReadFailure,
  evaluateQuality,
  unreadableReport,
  type EvaluateOptions,
} from './quality.evaluate.js';
import { completeRules, type Rule } from './quality.schema.js';
import { profileForRules, suggestRules } from './quality.suggest.js';
import type { QualityReport } from './quality.types.js';

export interface CheckOptions extends EvaluateOptions {
  /** The rules to score by; without them, rules are suggested from a first pass over the table. */
  rules?: readonly Rule[];
}

/**
 * Scores a table by its rules, or — when none are given — by the rules `suggestRules` finds in a first pass,
 * returned as `suggested`. A source is read once, so `open` is called once per pass. A file that does not open
 * as a table (its format, its encoding, a bad record in its first chunk) is reported, not thrown: nothing is
 * checked and `readable` fails, the only rule suggested for it.
 */
export async function checkQuality(
  open: () => Promise<TabularSource>,
  opts: CheckOptions = {},
): Promise<QualityReport> {
  let source: TabularSource;
  try {
    source = await open();
  } catch (e) {
    const failure = asReadFailure(e);
    if (opts.rules) return unreadableReport(opts.rules, failure, opts.weights);
    const suggested = completeRules([{ kind: 'readable' }]);
    return { ...unreadableReport(suggested, failure, opts.weights), suggested };
  }
  if (opts.rules) return evaluateQuality(source, opts.rules, opts);
  const suggested = suggestRules(await profileForRules(source, opts.onBatch));
  return { ...(await evaluateQuality(await open(), suggested, opts)), suggested };
}
