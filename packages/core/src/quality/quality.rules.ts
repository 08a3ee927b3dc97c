import type { Weights } from './quality.schema.js';
import { INDICATORS, type Indicator, type IndicatorScores } from './quality.types.js';

/**
 * GB/T 36344-2018: X = A/B — the share of what a rule checked that passed, 0–100; null when it checked nothing.
 * For the rate measures (重复率, 脏数据出现率) this is 1 − A/B with A the failures: the same number.
 */
export const ruleScore = (checked: number, failed: number): number | null =>
  checked === 0 ? null : (100 * (checked - failed)) / checked;

/**
 * An indicator's score is the plain mean of its rules' scores, not weighted by what each checked: each rule is
 * one requirement someone set, and a rule on a sparse column must not count for less. Null when none of its
 * rules checked anything.
 */
export function indicatorScores(
  rules: readonly { indicator: Indicator; score: number | null }[],
): IndicatorScores {
  const out = {} as IndicatorScores;
  for (const k of INDICATORS) {
    const scores = rules.flatMap((r) => (r.indicator === k && r.score !== null ? [r.score] : []));
    out[k] = scores.length ? scores.reduce((a, b) => a + b, 0) / scores.length : null;
  }
  return out;
}

/**
 * GB/T 36344-2018 (RULES.md Quality): overall = Σ wᵢ·Xᵢ / Σ wᵢ over the indicators that have a score, so the
 * weights are renormalised over them; an indicator the weights leave out weighs 1. Null when no indicator has
 * a score, or all of those that do weigh 0.
 */
export function overallScore(indicators: IndicatorScores, weights: Weights = {}): number | null {
  let sum = 0;
  let total = 0;
  for (const k of INDICATORS) {
    const x = indicators[k];
    const w = weights[k] ?? 1;
    if (x === null || w === 0) continue;
    sum += w * x;
    total += w;
  }
  return total ? sum / total : null;
}

/** Scores as reports show them: one decimal. */
export const round1 = (x: number | null): number | null => (x === null ? null : Math.round(x * 10) / 10);
