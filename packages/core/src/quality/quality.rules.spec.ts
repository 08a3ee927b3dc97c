import { describe, expect, it } from 'vitest';
import { indicatorScores, overallScore, ruleScore } from './quality.rules.js';

describe('scores (GB/T 36344-2018, X = A/B)', () => {
  it('a rule scores the share of what it checked that passed; nothing checked is no score', () => {
    expect(ruleScore(20, 3)).toBe(85);
    expect(ruleScore(0, 0)).toBeNull();
  });

  it('an indicator is the mean of its rules that checked something', () => {
    const s = indicatorScores([
      { indicator: 'accuracy', score: 90 },
      { indicator: 'accuracy', score: 100 },
      { indicator: 'accuracy', score: null },
      { indicator: 'timeliness', score: 0 },
    ]);
    expect(s).toEqual({
      conformance: null,
      completeness: null,
      accuracy: 95,
      consistency: null,
      timeliness: 0,
      accessibility: null,
    });
    // equal weights over the two that have a score: (95 + 0) / 2; accuracy ×3: (3 × 95 + 0) / 4
    expect(overallScore(s)).toBe(47.5);
    expect(overallScore(s, { accuracy: 3 })).toBe(71.25);
    expect(overallScore(s, { accuracy: 0, timeliness: 0 })).toBeNull();
  });
});
