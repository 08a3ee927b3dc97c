import { describe, expect, it } from 'vitest';
import {
  costValue,
  incomeValue,
  marketValue,
  roundFen,
  ValuationInputs,
  valuationFigures,
  valuationProblem,
} from './valuation.js';

const parts = {
  preliminaryFen: 10_000_00, // 前期费用 ¥10,000
  directFen: 50_000_00, // 直接成本 ¥50,000
  indirectFen: 8_000_00, // 间接成本 ¥8,000
  opportunityFen: 2_000_00, // 机会成本 ¥2,000
  taxesFen: 1_234_56, // 相关税费 ¥1,234.56
};

describe('roundFen: half away from zero, binary noise settled', () => {
  it('rounds .5 up, −.5 down, and 0.1+0.2 style noise to the intended figure', () => {
    expect(roundFen(2.5)).toBe(3);
    expect(roundFen(-2.5)).toBe(-3);
    expect(roundFen(2.4999999999)).toBe(3); // settles to 2.500000 first
    expect(roundFen(1.005 * 1000)).toBe(1005); // 1004.9999999999999 in binary
    expect(roundFen(-0.2)).toBe(0);
  });
});

describe('成本法: replacement cost × adjustment factor', () => {
  it('sums the five parts and applies quality × remaining / total life', () => {
    // replacement = 1,000,000 + 5,000,000 + 800,000 + 200,000 + 123,456 = 7,123,456 fen
    // factor = 0.9 × 3 / 5 = 0.54; value = 7,123,456 × 0.54 = 3,846,666.24 → 3,846,666 fen
    const f = costValue({
      parts,
      adjustment: { kind: 'factor', qualityCoefficient: 0.9, remainingLifeYears: 3, totalLifeYears: 5 },
    });
    expect(f.replacementCostFen).toBe(7_123_456);
    expect(f.factor).toBeCloseTo(0.54, 12);
    expect(f.valueFen).toBe(3_846_666);
  });

  it('or × (1 − depreciation rate)', () => {
    // 7,123,456 × (1 − 0.35) = 7,123,456 × 0.65 = 4,630,246.4 → 4,630,246 fen
    const f = costValue({ parts, adjustment: { kind: 'depreciation', depreciationRate: 0.35 } });
    expect(f.factor).toBeCloseTo(0.65, 12);
    expect(f.valueFen).toBe(4_630_246);
  });

  it('refuses a remaining life longer than the total, naming the field', () => {
    const inputs = ValuationInputs.parse({
      method: 'cost',
      parts,
      adjustment: { kind: 'factor', qualityCoefficient: 1, remainingLifeYears: 6, totalLifeYears: 5 },
    });
    expect(valuationProblem(inputs)?.field).toBe('adjustment.remainingLifeYears');
    expect(() => valuationFigures(inputs)).toThrow(/remaining economic life/);
  });
});

describe('收益法: P = Σ Fₜ / (1 + i)ᵗ', () => {
  it('discounts each year and sums the rounded present values', () => {
    // i = 10 %: F = 1,000,000 / 1,200,000 / 1,500,000 fen
    // t=1: 1,000,000 / 1.1   =   909,090.909… →   909,091
    // t=2: 1,200,000 / 1.21  =   991,735.537… →   991,736
    // t=3: 1,500,000 / 1.331 = 1,126,972.201… → 1,126,972
    // P = 909,091 + 991,736 + 1,126,972 = 3,027,799 fen
    const f = incomeValue({
      incomeKind: 'share',
      discountRate: 0.1,
      incomesFen: [1_000_000, 1_200_000, 1_500_000],
    });
    expect(f.years.map((y) => y.presentValueFen)).toEqual([909_091, 991_736, 1_126_972]);
    expect(f.years[1]!.discountFactor).toBeCloseTo(1 / 1.21, 12);
    expect(f.valueFen).toBe(3_027_799);
    expect(f.incomeKind).toBe('share');
  });

  it('counts a year of loss against the value', () => {
    // i = 8 %: −100,000 / 1.08 = −92,592.59… → −92,593; 500,000 / 1.1664 = 428,669.41… → 428,669
    const f = incomeValue({ incomeKind: 'direct', discountRate: 0.08, incomesFen: [-100_000, 500_000] });
    expect(f.years.map((y) => y.presentValueFen)).toEqual([-92_593, 428_669]);
    expect(f.valueFen).toBe(336_076);
  });
});

describe('市场法: comparable × the five corrections, mean over comparables', () => {
  it('adjusts each comparable and takes the mean', () => {
    // A: 2,000,000 × 1.1 × 0.95 × 1.02 × 0.9 × 1 = 2,000,000 × 0.959310 = 1,918,620
    // B: 2,600,000 × 0.9 × 1.05 × 1 × 1.1 × 0.98 = 2,600,000 × 1.018710 = 2,648,646
    // mean = (1,918,620 + 2,648,646) / 2 = 2,283,633
    const f = marketValue({
      comparables: [
        {
          label: 'A',
          valueFen: 2_000_000,
          technical: 1.1,
          valueDensity: 0.95,
          date: 1.02,
          capacity: 0.9,
          other: 1,
        },
        {
          label: 'B',
          valueFen: 2_600_000,
          technical: 0.9,
          valueDensity: 1.05,
          date: 1,
          capacity: 1.1,
          other: 0.98,
        },
      ],
    });
    expect(f.comparables.map((c) => c.adjustedFen)).toEqual([1_918_620, 2_648_646]);
    expect(f.comparables[0]!.product).toBeCloseTo(0.95931, 12);
    expect(f.valueFen).toBe(2_283_633);
  });

  it('rounds an odd mean half up: (101 + 102) / 2 = 101.5 → 102', () => {
    const one = { technical: 1, valueDensity: 1, date: 1, capacity: 1, other: 1 };
    const f = marketValue({
      comparables: [
        { label: 'x', valueFen: 101, ...one },
        { label: 'y', valueFen: 102, ...one },
      ],
    });
    expect(f.valueFen).toBe(102);
  });
});

describe('inputs are bounded', () => {
  it('refuses a correction of zero, a rate above 100 % and fractional fen, naming the path', () => {
    const bad = ValuationInputs.safeParse({
      method: 'market',
      comparables: [
        { label: 'A', valueFen: 1.5, technical: 0, valueDensity: 1, date: 1, capacity: 1, other: 1 },
      ],
    });
    expect(bad.success).toBe(false);
    const paths = bad.error!.issues.map((i) => i.path.join('.'));
    expect(paths).toEqual(expect.arrayContaining(['comparables.0.valueFen', 'comparables.0.technical']));
    const rate = ValuationInputs.safeParse({
      method: 'income',
      incomeKind: 'excess',
      discountRate: 1.5,
      incomesFen: [1],
    });
    expect(rate.error!.issues[0]!.path).toEqual(['discountRate']);
  });
});
