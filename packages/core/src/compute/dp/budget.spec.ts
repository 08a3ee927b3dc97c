import { describe, expect, it } from 'vitest';
import {
  charge,
  checkBudget,
  compose,
  quantizeCost,
  releaseCost,
  remainingBudget,
  type BudgetState,
} from './budget.js';

const state = (over: Partial<BudgetState> = {}): BudgetState => ({
  datasetTotal: { epsilon: 1, delta: 1e-6 },
  datasetSpent: { epsilon: 0, delta: 0 },
  consumerShare: { epsilon: 0.5, delta: 5e-7 },
  consumerSpent: { epsilon: 0, delta: 0 },
  ...over,
});

describe('DP budget rules', () => {
  it('composes ε and δ by sums (basic sequential composition)', () => {
    expect(
      compose([
        { epsilon: 0.1, delta: 1e-7 },
        { epsilon: 0.25, delta: 0 },
      ]),
    ).toEqual({
      epsilon: 0.35,
      delta: 1e-7,
    });
    expect(releaseCost([{ epsilon: 1e-10, delta: 0 }]).epsilon).toBe(1e-9);
    expect(quantizeCost({ epsilon: 0.1, delta: 0 }).epsilon).toBeCloseTo(0.1, 15);
  });

  it('spends a share exactly to its end in ten tenths, and refuses the eleventh', () => {
    let s = state({ consumerShare: { epsilon: 1, delta: 1e-6 } });
    for (let i = 0; i < 10; i++) s = charge(s, { epsilon: 0.1, delta: 1e-7 });
    expect(remainingBudget(s)).toEqual({ epsilon: 0, delta: 0 });
    expect(checkBudget(s, { epsilon: 0.1, delta: 0 })).toBe('dataset_budget_exhausted');
    expect(() => charge(s, { epsilon: 1e-9, delta: 0 })).toThrow(/dataset_budget_exhausted/);
  });

  it('refuses a consumer past its share while the dataset still has budget', () => {
    const s = state({
      consumerSpent: { epsilon: 0.45, delta: 0 },
      datasetSpent: { epsilon: 0.45, delta: 0 },
    });
    expect(checkBudget(s, { epsilon: 0.05, delta: 0 })).toBeNull();
    expect(checkBudget(s, { epsilon: 0.06, delta: 0 })).toBe('consumer_share_exhausted');
    expect(checkBudget(s, { epsilon: 0.01, delta: 6e-7 })).toBe('consumer_share_exhausted');
    expect(remainingBudget(s).epsilon).toBeCloseTo(0.05, 12);
  });

  it('refuses on the dataset first when other consumers have spent it', () => {
    const s = state({ datasetSpent: { epsilon: 0.9, delta: 0 } });
    expect(checkBudget(s, { epsilon: 0.2, delta: 0 })).toBe('dataset_budget_exhausted');
    expect(checkBudget(s, { epsilon: 0.1, delta: 0 })).toBeNull();
    expect(checkBudget(s, { epsilon: 0, delta: 2e-6 })).toBe('dataset_budget_exhausted');
  });

  it('validates costs', () => {
    expect(() => checkBudget(state(), { epsilon: -1, delta: 0 })).toThrow(/cost.epsilon must be ≥ 0/);
    expect(() => checkBudget(state(), { epsilon: 1, delta: 1 })).toThrow(/cost.delta must be in \[0, 1\)/);
  });
});
