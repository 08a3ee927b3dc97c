import { describe, expect, it } from 'vitest';
import { ErrorBody } from './common.js';
import { CLIENT_ERROR_CODES, ERROR_CODES, isKnownErrorCode } from './errors.js';

const duplicates = (xs: readonly string[]) => xs.filter((x, i) => xs.indexOf(x) !== i);

describe('error codes (DESIGN.md §4: one code per rule)', () => {
  it('lists each code once, and no client code is also an API code', () => {
    expect(duplicates(ERROR_CODES)).toEqual([]);
    expect(duplicates([...ERROR_CODES, ...CLIENT_ERROR_CODES])).toEqual([]);
  });

  it('spells every code in upper snake case', () => {
    const bad = [...ERROR_CODES, ...CLIENT_ERROR_CODES].filter((c) => !/^[A-Z][A-Z0-9_]+$/.test(c));
    expect(bad).toEqual([]);
  });

  it('has one code for each grading rule, whichever domain enforces it', () => {
    const codes: readonly string[] = ERROR_CODES;
    expect(codes).toContain('CATALOG_GRADE_BELOW_COMPUTED');
    expect(codes).toContain('CATALOG_CORE_NOT_PUBLISHABLE');
    expect(codes.filter((c) => /GRADE_BELOW_COMPUTED|CORE_(DATA|NOT)/.test(c))).toEqual([
      'CATALOG_GRADE_BELOW_COMPUTED',
      'CATALOG_CORE_NOT_PUBLISHABLE',
    ]);
  });

  it('knows the listed codes only, not an object’s inherited keys', () => {
    expect(isKnownErrorCode('CATALOG_GRADE_BELOW_COMPUTED')).toBe(true);
    expect(isKnownErrorCode('NETWORK_ERROR')).toBe(true);
    expect(isKnownErrorCode('SOMETHING_NEWER')).toBe(false);
    expect(isKnownErrorCode('constructor')).toBe(false);
  });

  it('the error shape accepts a listed code and refuses any other', () => {
    const body = (code: string) => ({ error: { code, message: 'm' } });
    expect(ErrorBody.safeParse(body('NOT_FOUND')).success).toBe(true);
    expect(ErrorBody.safeParse(body('NO_SUCH_CODE')).success).toBe(false);
    expect(ErrorBody.safeParse(body('NETWORK_ERROR')).success).toBe(false);
  });
});
