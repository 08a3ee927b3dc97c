import { HQD_CRITERIA } from '@shuliu/contracts';
import { describe, expect, it } from 'vitest';
import { hqdMay, meetsPassScore, weightedScore } from './designations.rules.js';

const all = (score: number) => HQD_CRITERIA.map((c) => ({ criterion: c.key, score }));

describe('高质量数据集 published criteria', () => {
  it('has six criteria whose weights sum to 100', () => {
    expect(HQD_CRITERIA.map((c) => c.zh)).toEqual([
      '数据质量',
      '规模与覆盖',
      '更新时效',
      '应用价值',
      '合规与安全',
      '标注与文档',
    ]);
    expect(HQD_CRITERIA.reduce((s, c) => s + c.weight, 0)).toBe(100);
  });

  it('weights each score: equal scores give that score', () => {
    expect(weightedScore(all(80))).toBe(80);
  });

  it('weights each score by its criterion: 数据质量 (25) counts 2.5× 标注与文档 (10)', () => {
    const scores = all(60).map((s) => (s.criterion === 'quality' ? { ...s, score: 100 } : s));
    // (25 × 100 + 75 × 60) / 100 = 70
    expect(weightedScore(scores)).toBe(70);
    const docs = all(60).map((s) => (s.criterion === 'documentation' ? { ...s, score: 100 } : s));
    // (10 × 100 + 90 × 60) / 100 = 64
    expect(weightedScore(docs)).toBe(64);
  });

  it('rounds to two decimals', () => {
    const scores = all(0).map((s) => (s.criterion === 'scale' ? { ...s, score: 33 } : s));
    // 15 × 33 / 100 = 4.95
    expect(weightedScore(scores)).toBe(4.95);
  });

  it('designates at or above the pass score only', () => {
    expect(meetsPassScore(75, 75)).toBe(true);
    expect(meetsPassScore(74.99, 75)).toBe(false);
  });

  it('takes its steps in order: review only once assigned, designation only once reviewed', () => {
    expect(hqdMay('review', 'submitted')).toBe(false);
    expect(hqdMay('review', 'in_review')).toBe(true);
    expect(hqdMay('designate', 'in_review')).toBe(false);
    expect(hqdMay('designate', 'reviewed')).toBe(true);
    expect(hqdMay('reject', 'designated')).toBe(false);
    expect(hqdMay('assign', 'in_review')).toBe(true);
  });
});
