import { describe, expect, it } from 'vitest';
import { headlineFen, tiersProblem } from './market-price.js';

describe('tiered pricing (阶梯定价)', () => {
  it('takes ascending tiers, the last one open-ended or not', () => {
    expect(
      tiersProblem([
        { upTo: 1000, unitFen: 50 },
        { upTo: 10000, unitFen: 40 },
        { upTo: null, unitFen: 30 },
      ]),
    ).toBeNull();
    expect(tiersProblem([{ upTo: 1000, unitFen: 50 }])).toBeNull();
  });

  it('refuses tiers out of order, repeated ends, and an open tier before the last', () => {
    expect(
      tiersProblem([
        { upTo: 1000, unitFen: 50 },
        { upTo: 1000, unitFen: 40 },
      ]),
    ).toMatch(/tier 2/);
    expect(
      tiersProblem([
        { upTo: 5000, unitFen: 50 },
        { upTo: 100, unitFen: 40 },
      ]),
    ).toMatch(/above 5000/);
    expect(
      tiersProblem([
        { upTo: null, unitFen: 50 },
        { upTo: 100, unitFen: 40 },
      ]),
    ).toMatch(/not the last/);
  });
});

describe('the price a listing is sorted by', () => {
  it('is the amount, the unit price or the first tier', () => {
    expect(headlineFen({ kind: 'fixed', amountFen: 100 })).toBe(100);
    expect(headlineFen({ kind: 'per_call', unitFen: 5 })).toBe(5);
    expect(headlineFen({ kind: 'tiered', tiers: [{ upTo: 10, unitFen: 7 }] })).toBe(7);
    expect(headlineFen({ kind: 'government_guided', amountFen: 9 })).toBe(9);
  });
});
