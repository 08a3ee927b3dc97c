import { describe, expect, it } from 'vitest';
import { divisionCodeProblem, divisionCovers, divisionLevel, isDivisionCode } from './division.js';

describe('GB/T 2260 division codes', () => {
  it('accepts provinces, cities, counties and province-administered counties', () => {
    for (const code of ['370000', '370100', '370112', '110000', '110105', '500101', '419001', '810000'])
      expect(divisionCodeProblem(code), code).toBeNull();
  });

  it('refuses what is not a division code, and says why', () => {
    expect(divisionCodeProblem('37000')).toMatch(/6-digit/);
    expect(divisionCodeProblem('37A100')).toMatch(/6-digit/);
    expect(divisionCodeProblem('990000')).toMatch(/prefix 99/);
    expect(divisionCodeProblem('000000')).toMatch(/prefix 00/);
    expect(divisionCodeProblem('370012')).toMatch(/city part/);
    expect(isDivisionCode('_:EU')).toBe(false);
  });

  it('reads the level from the trailing zeros', () => {
    expect(divisionLevel('370000')).toBe('province');
    expect(divisionLevel('370100')).toBe('city');
    expect(divisionLevel('370112')).toBe('county');
  });

  it('a province covers its cities and counties, a city its counties, each itself, nothing outside', () => {
    expect(divisionCovers('110000', '110105')).toBe(true);
    expect(divisionCovers('370000', '370100')).toBe(true);
    expect(divisionCovers('370100', '370112')).toBe(true);
    expect(divisionCovers('370112', '370112')).toBe(true);
    expect(divisionCovers('370100', '370200')).toBe(false);
    expect(divisionCovers('370112', '370100')).toBe(false);
    expect(divisionCovers('370000', '130100')).toBe(false);
  });
});

describe('GB/T 2260 division codes, as the market checks a product region', () => {
  it('takes six digits under a province of the code table', () => {
    for (const c of ['370000', '370100', '370102', '110000', '820000']) expect(isDivisionCode(c)).toBe(true);
  });

  it('refuses other shapes, unknown provinces and a county without its city', () => {
    for (const c of ['37010', '3701022', '990000', '000000', '160000', '370012', 'abcdef', ' 37000'])
      expect(isDivisionCode(c)).toBe(false);
  });

  it('places a county in its city and province, not in another', () => {
    expect(divisionCovers('370000', '370102')).toBe(true);
    expect(divisionCovers('370100', '370102')).toBe(true);
    expect(divisionCovers('370102', '370102')).toBe(true);
    expect(divisionCovers('370100', '370202')).toBe(false);
    expect(divisionCovers('370000', '110101')).toBe(false);
  });
});
