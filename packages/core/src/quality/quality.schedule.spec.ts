import { describe, expect, it } from 'vitest';
import { dueForRerun } from './quality.schedule.js';

describe('GB/T 36344 时效性: re-runs by the declared update frequency', () => {
  const last = new Date('2026-03-01T00:00:00Z');
  it('a daily resource is due a day after its last run, not before', () => {
    expect(dueForRerun('daily', last, new Date('2026-03-01T23:59:59Z'))).toBe(false);
    expect(dueForRerun('daily', last, new Date('2026-03-02T00:00:00Z'))).toBe(true);
  });
  it('weekly and monthly wait their period', () => {
    expect(dueForRerun('weekly', last, new Date('2026-03-07T00:00:00Z'))).toBe(false);
    expect(dueForRerun('weekly', last, new Date('2026-03-08T00:00:00Z'))).toBe(true);
    expect(dueForRerun('monthly', last, new Date('2026-03-30T00:00:00Z'))).toBe(false);
    expect(dueForRerun('monthly', last, new Date('2026-03-31T00:00:00Z'))).toBe(true);
  });
  it('irregular, one-off and unknown frequencies are never re-run by the schedule', () => {
    const later = new Date('2030-01-01T00:00:00Z');
    expect(dueForRerun('irregular', last, later)).toBe(false);
    expect(dueForRerun('once', last, later)).toBe(false);
    expect(dueForRerun('fortnightly', last, later)).toBe(false);
  });
});
