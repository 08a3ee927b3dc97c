import type { AssetChecklist } from '@shuliu/contracts';
import { describe, expect, it } from 'vitest';
import { addMonths, amortizationSchedule, classify, disclosureTable } from './assets.rules.js';

const yes: AssetChecklist = {
  heldForSale: false,
  probableBenefits: true,
  reliablyMeasurable: true,
  stage: 'development',
  technicallyFeasible: true,
  intentionToComplete: true,
  benefitsDemonstrable: true,
  resourcesAvailable: true,
};

describe('classification (财会〔2023〕11号, CAS 6 Art. 4/8/9, CAS 1)', () => {
  it('held for sale → 存货', () => {
    expect(classify('purchased', { ...yes, heldForSale: true }).classification).toBe('inventory');
  });
  it('bought data used in operations with probable benefits and measurable cost → 无形资产', () => {
    expect(classify('purchased', { ...yes, stage: null }).classification).toBe('intangible');
  });
  it('development spend is capitalised only when all five Art. 9 conditions hold, naming the failed ones', () => {
    expect(classify('self_developed', yes).classification).toBe('intangible');
    const r = classify('self_developed', { ...yes, technicallyFeasible: false, resourcesAvailable: false });
    expect(r).toEqual({ classification: 'expensed', reasons: ['technicallyFeasible', 'resourcesAvailable'] });
  });
  it('research spend is expensed (CAS 6 Art. 8)', () => {
    expect(classify('self_developed', { ...yes, stage: 'research' })).toEqual({
      classification: 'expensed',
      reasons: ['researchStage'],
    });
  });
  it('unmeasurable cost is expensed even when held for sale', () => {
    expect(classify('other', { ...yes, heldForSale: true, reliablyMeasurable: false }).classification).toBe(
      'expensed',
    );
  });
});

describe('amortization schedules', () => {
  it('months wrap the year', () => {
    expect(addMonths('2026-11', 3)).toBe('2027-02');
    expect(addMonths('2026-01', 0)).toBe('2026-01');
  });

  it('straight line: what is left over the months left, floored; the rows sum to cost − residual', () => {
    // base = 100,000 − 0 = 100,000 over 3 months: ⌊100,000/3⌋ = 33,333; ⌊66,667/2⌋ = 33,333; last 33,334
    const rows = amortizationSchedule({
      method: 'straight_line',
      costFen: 100_000,
      residualFen: 0,
      startPeriod: '2026-11',
      months: 3,
      units: [],
    });
    expect(rows.map((r) => [r.period, r.amortizationFen])).toEqual([
      ['2026-11', 33_333],
      ['2026-12', 33_333],
      ['2027-01', 33_334],
    ]);
    expect(rows.at(-1)!.carryingFen).toBe(0);
  });

  it('straight line over 36 months with a residual sums exactly', () => {
    const rows = amortizationSchedule({
      method: 'straight_line',
      costFen: 1_234_567,
      residualFen: 100_000,
      startPeriod: '2026-01',
      months: 36,
      units: [],
    });
    expect(rows).toHaveLength(36);
    expect(rows.reduce((s, r) => s + r.amortizationFen, 0)).toBe(1_134_567);
    expect(rows.at(-1)!.carryingFen).toBe(100_000);
  });

  it('units of use: left × this month’s units / units left, rounded; the last month takes the rest', () => {
    // base 10,000; units 3, 3, 4 (total 10): 10,000×3/10 = 3,000; 7,000×3/7 = 3,000; last 4,000
    // base 1,000;  units 1, 1, 1: 1,000/3 = 333.3 → 333; 667×1/2 = 333.5 → 334; last 333
    const a = amortizationSchedule({
      method: 'units_of_use',
      costFen: 10_000,
      residualFen: 0,
      startPeriod: '2026-01',
      months: 0,
      units: [3, 3, 4],
    });
    expect(a.map((r) => r.amortizationFen)).toEqual([3_000, 3_000, 4_000]);
    const b = amortizationSchedule({
      method: 'units_of_use',
      costFen: 1_000,
      residualFen: 0,
      startPeriod: '2026-01',
      months: 0,
      units: [1, 1, 1],
    });
    expect(b.map((r) => r.amortizationFen)).toEqual([333, 334, 333]);
    expect(b.reduce((s, r) => s + r.amortizationFen, 0)).toBe(1_000);
  });

  it('an impairment lowers the carrying amount and the months after amortize what is left (CAS 8)', () => {
    // 120,000 over 4 months: 30,000 in Jan; impairment 30,000 at the end of Jan → 60,000 left over 3 months
    // Feb 20,000, Mar 20,000, Apr 20,000; total amortization 90,000 + impairment 30,000 = cost
    const rows = amortizationSchedule(
      {
        method: 'straight_line',
        costFen: 120_000,
        residualFen: 0,
        startPeriod: '2026-01',
        months: 4,
        units: [],
      },
      [{ period: '2026-01', amountFen: 30_000 }],
    );
    expect(rows.map((r) => r.amortizationFen)).toEqual([30_000, 20_000, 20_000, 20_000]);
    expect(rows[0]).toMatchObject({ impairmentFen: 30_000, carryingFen: 60_000 });
    expect(rows.at(-1)).toMatchObject({
      accumulatedFen: 90_000,
      accumulatedImpairmentFen: 30_000,
      carryingFen: 0,
    });
  });
});

describe('disclosure table by source (财会〔2023〕11号 §四)', () => {
  const schedule = amortizationSchedule({
    method: 'straight_line',
    costFen: 120_000,
    residualFen: 0,
    startPeriod: '2025-07',
    months: 12,
    units: [],
  }); // 10,000 a month, Jul 2025 … Jun 2026
  it('opening + additions − amortization − impairment = closing, per classification and source', () => {
    const rows = disclosureTable(
      [
        {
          classification: 'intangible',
          source: 'purchased',
          recognizedPeriod: '2025-07',
          costFen: 120_000,
          schedule,
          impairments: [],
        },
        {
          classification: 'intangible',
          source: 'self_developed',
          recognizedPeriod: '2026-03',
          costFen: 50_000,
          schedule: [],
          impairments: [],
        },
        {
          classification: 'inventory',
          source: 'other',
          recognizedPeriod: '2025-01',
          costFen: 8_000,
          schedule: [],
          impairments: [{ period: '2026-02', amountFen: 500 }],
        },
        {
          classification: 'expensed',
          source: 'other',
          recognizedPeriod: '2026-01',
          costFen: 9_999,
          schedule: [],
          impairments: [],
        },
        {
          classification: 'intangible',
          source: 'other',
          recognizedPeriod: '2027-01',
          costFen: 1,
          schedule: [],
          impairments: [],
        },
      ],
      '2026-01',
      '2026-12',
    );
    // purchased: opening = 120,000 − 6 × 10,000 = 60,000; amortization Jan–Jun 60,000; closing 0
    expect(rows).toEqual([
      {
        classification: 'intangible',
        source: 'purchased',
        openingFen: 60_000,
        additionsFen: 0,
        amortizationFen: 60_000,
        impairmentFen: 0,
        closingFen: 0,
      },
      {
        classification: 'intangible',
        source: 'self_developed',
        openingFen: 0,
        additionsFen: 50_000,
        amortizationFen: 0,
        impairmentFen: 0,
        closingFen: 50_000,
      },
      {
        classification: 'inventory',
        source: 'other',
        openingFen: 8_000,
        additionsFen: 0,
        amortizationFen: 0,
        impairmentFen: 500,
        closingFen: 7_500,
      },
    ]);
  });
});
