import { rollup, type ClassSet } from './anonymize.classes.js';
import { judge, type Criteria, type Verdict } from './anonymize.criteria.js';
import type { Encoded } from './anonymize.encode.js';
import type { InformationLoss, LossMetric } from './anonymize.types.js';

/** What the search keeps of a checked node. */
export interface NodeEval {
  anonymous: boolean;
  monotoneFail: boolean;
  suppressed: number;
  classes: number;
  /** The exact value of the chosen metric, suppressed rows counted as fully generalized. */
  loss: number;
}

/** Recently computed class sets kept for rollup; a few suffice since Flash climbs paths. */
const CACHE_SIZE = 32;

/**
 * The metric's lower bound at a node: the cost of generalizing every row, with none suppressed. A suppressed
 * row costs 1 ≥ its generalization cost, so the exact metric is never below it, and it rises with the levels.
 */
export function lowerBound(d: Encoded, metric: LossMetric, levels: number[]): number {
  const avg = d.avg[metric];
  let sum = 0;
  levels.forEach((l, j) => (sum += avg[j]![l]!));
  return sum / levels.length;
}

/** The bound plus, for each suppressed row, what its cells cost beyond their generalization. */
export function exactMetric(
  d: Encoded,
  metric: LossMetric,
  levels: number[],
  set: ClassSet,
  v: Verdict,
): number {
  const cost = d.cost[metric];
  const q = levels.length;
  let extra = 0;
  for (let c = 0; c < set.size; c++) {
    if (!v.failed[c]) continue;
    const r = set.rep[c]!;
    let cells = 0;
    for (let j = 0; j < q; j++) cells += 1 - cost[j]![levels[j]!]![d.codes[j]![r]!]!;
    extra += set.count[c]! * cells;
  }
  return lowerBound(d, metric, levels) + extra / (d.n * q);
}

/** Every metric of the chosen node, for the report. */
export function measure(
  d: Encoded,
  metric: LossMetric,
  levels: number[],
  set: ClassSet,
  v: Verdict,
): InformationLoss {
  let discernibility = v.suppressed * d.n;
  for (let c = 0; c < set.size; c++) if (!v.failed[c]) discernibility += set.count[c]! ** 2;
  const kept = set.size - v.failed.reduce((a, b) => a + b, 0);
  return {
    metric,
    loss: exactMetric(d, 'loss', levels, set, v),
    precision: exactMetric(d, 'precision', levels, set, v),
    discernibility,
    avgClassSize: kept === 0 ? 0 : (d.n - v.suppressed) / kept,
  };
}

/** Checks nodes, rolling each up from the smallest cached class set below it (or from the distinct tuples). */
export class Evaluator {
  private readonly cache: { levels: number[]; set: ClassSet }[] = [];

  constructor(
    private readonly d: Encoded,
    private readonly criteria: Criteria,
    private readonly metric: LossMetric,
    private readonly useRollup: boolean,
  ) {}

  classesAt(levels: number[]): ClassSet {
    let base = this.d.bottom;
    if (this.useRollup)
      for (const e of this.cache)
        if (e.set.size < base.size && e.levels.every((l, j) => l <= levels[j]!)) base = e.set;
    const { set } = rollup(base, levels, this.d);
    if (this.useRollup) {
      this.cache.push({ levels, set });
      if (this.cache.length > CACHE_SIZE) this.cache.shift();
    }
    return set;
  }

  evaluate(levels: number[]): NodeEval {
    const set = this.classesAt(levels);
    const v = judge(set, this.criteria);
    const loss = exactMetric(this.d, this.metric, levels, set, v);
    return {
      anonymous: v.anonymous,
      monotoneFail: v.monotoneFail,
      suppressed: v.suppressed,
      classes: set.size,
      loss,
    };
  }
}
