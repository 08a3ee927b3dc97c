import { describe, expect, it } from 'vitest';
import { belowMinimum } from './quality.gate.js';

describe('the listing gate on data quality', () => {
  it('passes a score at or above the minimum', () => {
    expect(belowMinimum('res_a', 80, 80)).toBeNull();
    expect(belowMinimum('res_a', 95.5, 80)).toBeNull();
  });
  it('names the score and the minimum when below', () => {
    expect(belowMinimum('res_a', 79.9, 80)).toBe(
      'resource res_a scores 79.9 in data quality, below the listing minimum of 80',
    );
  });
  it('refuses a resource never scored, or without an overall score', () => {
    expect(belowMinimum('res_a', undefined, 60)).toMatch(/no quality report yet.*minimum is 60/);
    expect(belowMinimum('res_a', null, 60)).toMatch(/no overall quality score.*minimum is 60/);
  });
});
