import { describe, expect, it } from 'vitest';
import { orgCodeCheckChar, usccCheckChar, validateIdCard, validateUscc } from './check-digits.js';

describe('GB 32100 unified social credit code', () => {
  // published codes of well-known registrants, with correct check characters
  const valid = ['91350100M000100Y43', '91110000600037341L', '9144030071526726XG'];

  it.each(valid)('accepts %s', (code) => {
    expect(validateUscc(code)).toEqual({ valid: true });
  });

  it('computes the 18th character from the first 17 (weights 1,3,9,27,…; (31 − Σ mod 31) mod 31)', () => {
    expect(usccCheckChar('91350100M000100Y4')).toBe('3');
    expect(usccCheckChar('91110000600037341')).toBe('L');
  });

  it('computes the GB 11714 organization code check (weights 3,7,9,10,5,8,4,2; 10 → X, 11 → 0)', () => {
    expect(orgCodeCheckChar('M000100Y')).toBe('4');
    expect(orgCodeCheckChar('71526726')).toBe('X');
  });

  it('rejects a wrong length', () => {
    expect(validateUscc('91350100M000100Y4')).toMatchObject({ valid: false, problem: 'length' });
    expect(validateUscc('91350100M000100Y433')).toMatchObject({ valid: false, problem: 'length' });
  });

  it.each(['I', 'O', 'S', 'V', 'Z', 'a', '-'])(
    'rejects the character %s, which GB 32100 never uses',
    (ch) => {
      expect(validateUscc(`91350100M000100Y4${ch}`)).toMatchObject({ valid: false, problem: 'charset' });
    },
  );

  it('rejects a code whose embedded organization code fails its own check', () => {
    // change the organization code's check character (position 17) and fix up the USCC check so only GB 11714 fails
    const first17 = '91350100M000100Y5';
    expect(validateUscc(first17 + usccCheckChar(first17))).toMatchObject({
      valid: false,
      problem: 'orgCodeCheck',
    });
  });

  it('rejects a wrong 18th check character', () => {
    expect(validateUscc('91350100M000100Y44')).toMatchObject({ valid: false, problem: 'checkDigit' });
  });
});

describe('GB 11643 citizen ID number', () => {
  it('accepts the standard example 11010519491231002X', () => {
    expect(validateIdCard('11010519491231002X')).toBe(true);
  });
  it('rejects a wrong check character', () => {
    expect(validateIdCard('110105194912310021')).toBe(false);
  });
  it('rejects an impossible birth date even with a matching check', () => {
    expect(validateIdCard('110105194902300027')).toBe(false);
  });
  it('rejects a malformed number', () => {
    expect(validateIdCard('11010519491231002x')).toBe(false);
    expect(validateIdCard('1101051949123100')).toBe(false);
  });
});
