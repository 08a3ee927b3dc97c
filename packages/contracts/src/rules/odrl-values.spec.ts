import { describe, expect, it } from 'vitest';
import { addDuration, parseDuration, parseInstant, readRightOperand } from './odrl-values.js';
import { actionIncludes } from './odrl-vocab.js';

describe('ISO 8601 values', () => {
  it('a date is a day in Beijing; a date-time an instant, with or without seconds', () => {
    const day = parseInstant('2027-12-31');
    expect(
      'value' in day && [new Date(day.value.from).toISOString(), new Date(day.value.to).toISOString()],
    ).toEqual(['2027-12-30T16:00:00.000Z', '2027-12-31T16:00:00.000Z']);
    const t = parseInstant('2023-12-31T06:00Z');
    expect('value' in t && new Date(t.value.from).toISOString()).toBe('2023-12-31T06:00:00.000Z');
    expect(parseInstant('2024-02-29')).toHaveProperty('value');
    expect(parseInstant('2023-02-29')).toEqual({ problem: '2023-02-29 is not a real date' });
  });

  it('a month after 31 January is the last day of February, as in XSD', () => {
    const month = parseDuration('P1M');
    if (!('value' in month)) throw new Error(month.problem);
    const at = (iso: string) => new Date(addDuration(Date.parse(iso), month.value)).toISOString();
    expect(at('2026-01-30T16:00:00Z')).toBe('2026-02-27T16:00:00.000Z');
    expect(at('2028-01-30T16:00:00Z')).toBe('2028-02-28T16:00:00.000Z');
    expect(parseDuration('P1Y2M3W4DT5H6M7S')).toEqual({
      value: { years: 1, months: 2, days: 25, ms: (5 * 3600 + 6 * 60 + 7) * 1000 },
    });
  });
});

describe('right operands', () => {
  it('unwraps typed literals and references, and names the bad item of a list', () => {
    expect(readRightOperand('elapsedTime', 'lteq', { '@value': 'P30D', '@type': 'xsd:duration' })).toEqual({
      value: 'P30D',
    });
    expect(readRightOperand('spatial', 'isAnyOf', [{ '@id': '370000' }, '37'])).toEqual({
      issues: [{ path: [1], message: '"37" must be a 6-digit GB/T 2260 division code' }],
    });
    expect(readRightOperand('payAmount', 'eq', '0500.5')).toEqual({ value: '500.50' });
    expect(readRightOperand('payAmount', 'eq', 0.001)).toHaveProperty('issues');
  });
});

describe('ODRL action hierarchy', () => {
  it('use includes the usage actions, not transfer or the duty actions', () => {
    expect(actionIncludes('use', 'read')).toBe(true);
    expect(actionIncludes('use', 'distribute')).toBe(true);
    expect(actionIncludes('use', 'use')).toBe(true);
    expect(actionIncludes('use', 'transfer')).toBe(false);
    expect(actionIncludes('use', 'compensate')).toBe(false);
    expect(actionIncludes('read', 'use')).toBe(false);
  });
});
