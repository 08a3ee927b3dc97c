import { describe, expect, it } from 'vitest';
import { divisionWithin, isDivisionCode } from './division.js';

describe('GB/T 2260 division codes', () => {
  it('takes six digits under a province of the code table', () => {
    for (const c of ['370000', '370100', '370102', '110000', '820000']) expect(isDivisionCode(c)).toBe(true);
  });

  it('refuses other shapes, unknown provinces and a county without its city', () => {
    for (const c of ['37010', '3701022', '990000', '000000', '160000', '370012', 'abcdef', ' 37000'])
      expect(isDivisionCode(c)).toBe(false);
  });

  it('places a county in its city and province, not in another', () => {
    expect(divisionWithin('370102', '370000')).toBe(true);
    expect(divisionWithin('370102', '370100')).toBe(true);
    expect(divisionWithin('370102', '370102')).toBe(true);
    expect(divisionWithin('370202', '370100')).toBe(false);
    expect(divisionWithin('110101', '370000')).toBe(false);
  });
});
