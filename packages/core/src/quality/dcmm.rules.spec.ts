import { DCMM_AREAS, DCMM_QUESTIONNAIRE, type DcmmAnswerValue } from '@shuliu/contracts';
import { describe, expect, it } from 'vitest';
import {
  areaLevel,
  compareResults,
  distribution,
  scoreAssessment,
  suggestionsFor,
  unanswered,
} from './dcmm.rules.js';

type Answers = Map<string, DcmmAnswerValue>;
/** Every statement answered `yes` up to level `upTo` of each area (per area, or one level for all). */
const upTo = (levels: Partial<Record<string, number>> | number): Answers =>
  new Map(
    DCMM_QUESTIONNAIRE.map((s) => {
      const top = typeof levels === 'number' ? levels : (levels[s.area] ?? 1);
      return [s.id, s.level <= top ? 'yes' : 'no'] as const;
    }),
  );

describe('the DCMM questionnaire', () => {
  it('covers the eight GB/T 36073 areas with 4–6 statements each, every level 2–5 evidenced', () => {
    expect(DCMM_AREAS).toHaveLength(8);
    for (const area of DCMM_AREAS) {
      const of = DCMM_QUESTIONNAIRE.filter((s) => s.area === area);
      expect(of.length).toBeGreaterThanOrEqual(4);
      expect(of.length).toBeLessThanOrEqual(6);
      expect(new Set(of.map((s) => s.level))).toEqual(new Set([2, 3, 4, 5]));
    }
    expect(new Set(DCMM_QUESTIONNAIRE.map((s) => s.id)).size).toBe(DCMM_QUESTIONNAIRE.length);
  });
});

describe('GB/T 36073 §5: an area reaches a level only when that level and every one below are met', () => {
  it('nothing answered is 初始级 (1)', () => {
    expect(areaLevel('strategy', new Map())).toBe(1);
  });

  it('all of level 2 and 3 met gives 稳健级 (3)', () => {
    expect(areaLevel('quality', upTo(3))).toBe(3);
  });

  it('one level-3 statement only partly met stops at 受管理级 (2)', () => {
    const a = upTo(5);
    a.set('quality.l3b', 'partly');
    expect(areaLevel('quality', a)).toBe(2);
  });

  it('a level-4 statement met without level 2 counts for nothing', () => {
    const a: Answers = new Map([
      ['security.l3a', 'yes'],
      ['security.l3b', 'yes'],
      ['security.l4', 'yes'],
      ['security.l5', 'yes'],
      ['security.l2', 'no'],
    ]);
    expect(areaLevel('security', a)).toBe(1);
  });

  it('everything met is 优化级 (5), with nothing left to suggest', () => {
    expect(areaLevel('lifecycle', upTo(5))).toBe(5);
    expect(suggestionsFor('lifecycle', 5, upTo(5))).toEqual([]);
  });
});

describe('improvement suggestions are the unmet statements of the next level', () => {
  it('at level 2 with one of the two level-3 statements met, the other is suggested', () => {
    const a = upTo({ governance: 2 });
    a.set('governance.l3a', 'yes');
    expect(areaLevel('governance', a)).toBe(2);
    expect(suggestionsFor('governance', 2, a)).toEqual(['governance.l3b']);
  });
});

describe('the overall score is the mean of the area levels (RULES.md), the level its floor', () => {
  it('levels 1,2,3,4,5,3,2,2 → 2.75, level 2', () => {
    const r = scoreAssessment(
      upTo({
        strategy: 1,
        governance: 2,
        architecture: 3,
        application: 4,
        security: 5,
        quality: 3,
        standards: 2,
        lifecycle: 2,
      }),
    );
    expect(r.areas.map((a) => a.level)).toEqual([1, 2, 3, 4, 5, 3, 2, 2]);
    expect(r.score).toBe(2.75);
    expect(r.level).toBe(2);
    expect(r.answered).toBe(40);
    expect(r.total).toBe(40);
  });

  it('all at level 3 scores exactly 3', () => {
    const r = scoreAssessment(upTo(3));
    expect(r.score).toBe(3);
    expect(r.level).toBe(3);
  });

  it('a submission must answer every statement', () => {
    const a = upTo(3);
    a.delete('security.l4');
    expect(unanswered(a)).toEqual(['security.l4']);
    expect(unanswered(upTo(1))).toEqual([]);
  });
});

describe('comparison and the operator’s distribution', () => {
  it('gives the per-area delta and the score delta', () => {
    const before = scoreAssessment(upTo(2));
    const after = scoreAssessment(upTo({ ...Object.fromEntries(DCMM_AREAS.map((a) => [a, 2])), quality: 4 }));
    const c = compareResults(before, after);
    expect(c.areas.find((a) => a.area === 'quality')).toEqual({ area: 'quality', from: 2, to: 4, delta: 2 });
    expect(c.areas.filter((a) => a.delta !== 0)).toHaveLength(1);
    expect(c.scoreDelta).toBe(0.25);
  });

  it('counts orgs per overall level and means each area', () => {
    const d = distribution([scoreAssessment(upTo(2)), scoreAssessment(upTo(3)), scoreAssessment(upTo(3))]);
    expect(d.orgs).toBe(3);
    expect(d.byLevel).toEqual([
      { level: 1, orgs: 0 },
      { level: 2, orgs: 1 },
      { level: 3, orgs: 2 },
      { level: 4, orgs: 0 },
      { level: 5, orgs: 0 },
    ]);
    expect(d.areaMeans[0]).toEqual({ area: 'strategy', mean: 2.67 });
    expect(d.scoreMean).toBe(2.67);
    expect(distribution([]).scoreMean).toBeNull();
  });
});
