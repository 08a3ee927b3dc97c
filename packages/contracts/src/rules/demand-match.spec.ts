import { describe, expect, it } from 'vitest';
import {
  budgetBand,
  GOOD_MATCH_SCORE,
  MATCH_WEIGHTS,
  scoreMatch,
  type DemandFacts,
  type ProductFacts,
} from './demand-match.js';

const demand: DemandFacts = {
  sector: 'transport',
  region: '370100',
  grades: ['general_1', 'general_2'],
  budgetMaxFen: 10_000_00,
  termCount: 10,
};
const product: ProductFacts = {
  sector: 'transport',
  region: '370102',
  grade: 'general_2',
  priceModel: { kind: 'fixed', amountFen: 8_000_00 },
  matchedTerms: 8,
};
const score = (d: Partial<DemandFacts> = {}, p: Partial<ProductFacts> = {}) =>
  scoreMatch({ ...demand, ...d }, { ...product, ...p });
const partOf = (r: ReturnType<typeof scoreMatch>, key: string) => r.parts.find((x) => x.key === key)!;

describe('the demand matcher’s score (需求匹配)', () => {
  it('gives full marks to a product that fits every part, credit shown as not yet rated', () => {
    const r = score();
    expect(r.score).toBe(100);
    expect(r.good).toBe(true);
    expect(r.parts.map((x) => [x.key, x.points])).toEqual([
      ['text', 35],
      ['sector', 20],
      ['grade', 15],
      ['region', 10],
      ['price', 20],
      ['credit', 0],
    ]);
    expect(partOf(r, 'credit')).toMatchObject({ value: null, reason: 'credit_not_rated', weight: 0 });
    expect(Object.values(MATCH_WEIGHTS).reduce((a: number, b) => a + b, 0)).toBe(100);
  });

  it('scores text by the share of the demand’s words found, full at eight', () => {
    expect(partOf(score({}, { matchedTerms: 4 }), 'text')).toMatchObject({ value: 0.5, points: 18 });
    expect(partOf(score({ termCount: 3 }, { matchedTerms: 3 }), 'text').value).toBe(1);
    expect(partOf(score({ termCount: 0 }, { matchedTerms: 0 }), 'text').value).toBe(0);
  });

  it('counts a sector below the wanted one in full, one under the same top level by half', () => {
    expect(partOf(score({}, { sector: 'transport.road' }), 'sector')).toMatchObject({
      value: 1,
      reason: 'sub_sector',
    });
    expect(
      partOf(score({ sector: 'transport.road' }, { sector: 'transport.water' }), 'sector'),
    ).toMatchObject({
      value: 0.5,
      reason: 'related_sector',
    });
    expect(partOf(score({}, { sector: 'finance' }), 'sector').value).toBe(0);
  });

  it('never calls a match good on a grade the buyer does not accept', () => {
    const r = score({}, { grade: 'general_3' });
    expect(partOf(r, 'grade')).toMatchObject({ value: 0, reason: 'grade_not_accepted' });
    expect(r.score).toBe(85);
    expect(r.good).toBe(false);
  });

  it('reads regions by GB/T 2260: inside, a wider area, the same province, elsewhere, any', () => {
    const region = (d: string | null, p: string) => partOf(score({ region: d }, { region: p }), 'region');
    expect(region('370100', '370102')).toMatchObject({ value: 1, reason: 'region_within' });
    expect(region('370102', '370000')).toMatchObject({ value: 0.7, reason: 'region_covers' });
    expect(region('370100', '370200')).toMatchObject({ value: 0.4, reason: 'region_same_province' });
    expect(region('370100', '110000')).toMatchObject({ value: 0, reason: 'region_elsewhere' });
    expect(region(null, '110000')).toMatchObject({ value: 1, reason: 'region_any' });
  });

  it('compares the price with the budget’s upper end; metered prices count half, a month as a year', () => {
    const price = (p: ProductFacts['priceModel'], budgetMaxFen: number | null = demand.budgetMaxFen) =>
      partOf(score({ budgetMaxFen }, { priceModel: p }), 'price');
    expect(price({ kind: 'fixed', amountFen: 10_000_00 })).toMatchObject({
      value: 1,
      reason: 'price_within',
    });
    expect(price({ kind: 'fixed', amountFen: 11_000_00 })).toMatchObject({
      value: 0.5,
      reason: 'price_near',
    });
    expect(price({ kind: 'fixed', amountFen: 13_000_00 })).toMatchObject({ value: 0, reason: 'price_over' });
    expect(price({ kind: 'subscription', period: 'monthly', amountFen: 1_100_00 })).toMatchObject({
      reason: 'price_over',
      detail: { priceFen: 13_200_00 },
    });
    expect(price({ kind: 'subscription', period: 'yearly', amountFen: 9_000_00 }).reason).toBe(
      'price_within',
    );
    expect(price({ kind: 'per_call', unitFen: 5 })).toMatchObject({ value: 0.5, reason: 'price_metered' });
    expect(price({ kind: 'tiered', tiers: [{ upTo: null, unitFen: 3 }] }).reason).toBe('price_metered');
    expect(price({ kind: 'fixed', amountFen: 99_000_00 }, null)).toMatchObject({
      value: 1,
      reason: 'no_budget',
    });
    expect(price(null)).toMatchObject({ value: 0, reason: 'no_price' });
  });

  it('keeps a match off-topic (neither words nor a near sector) from counting at all', () => {
    const r = score({}, { sector: 'finance', matchedTerms: 1 });
    expect(r.relevant).toBe(false);
    expect(r.good).toBe(false);
    expect(score({}, { sector: 'finance', matchedTerms: 2 }).relevant).toBe(true);
    expect(score({}, { matchedTerms: 0 }).relevant).toBe(true);
  });

  it('calls a match good from the good-match line up', () => {
    // sector, grade, region and price: 65 without a word in common
    expect(score({}, { matchedTerms: 0 }).score).toBe(65);
    expect(GOOD_MATCH_SCORE).toBeLessThanOrEqual(65);
    expect(score({}, { matchedTerms: 0, region: '110000' }).good).toBe(false);
  });
});

describe('budget bands of the demand survey', () => {
  it('bands by the upper end, else the lower, in yuan', () => {
    expect(budgetBand(null, null)).toBe('none');
    expect(budgetBand(null, 9_999_99)).toBe('lt_10k');
    expect(budgetBand(0, 10_000_00)).toBe('10k_100k');
    expect(budgetBand(200_000_00, null)).toBe('100k_500k');
    expect(budgetBand(null, 500_000_00)).toBe('500k_1m');
    expect(budgetBand(null, 1_000_000_00)).toBe('ge_1m');
  });
});
