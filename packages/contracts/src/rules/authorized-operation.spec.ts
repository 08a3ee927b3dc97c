import { describe, expect, it } from 'vitest';
import { evaluationYears, yearInChina } from './authorized-operation.js';

describe('authorized operation', () => {
  it('reads the year by the date in China', () => {
    expect(yearInChina('2026-12-31T15:59:59Z')).toBe(2026);
    expect(yearInChina('2026-12-31T16:00:00Z')).toBe(2027);
  });

  it('evaluates the years of the term that have come, none before it begins', () => {
    const now = new Date('2027-06-01T00:00:00Z');
    expect(evaluationYears('2025-03-01T00:00:00Z', '2028-02-28T16:00:00Z', now)).toEqual({
      from: 2025,
      to: 2027,
    });
    expect(evaluationYears('2025-03-01T00:00:00Z', '2026-02-28T16:00:00Z', now)).toEqual({
      from: 2025,
      to: 2026,
    });
    expect(evaluationYears('2027-07-01T00:00:00Z', '2030-01-01T00:00:00Z', now)).toBe(null);
  });
});
