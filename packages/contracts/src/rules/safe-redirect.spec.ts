import { describe, expect, it } from 'vitest';
import { safeRedirect } from './safe-redirect.js';

describe('safeRedirect (issue 14: the login page follows only same-site paths)', () => {
  it.each([
    ['/review/applications?status=pending', '/review/applications?status=pending'],
    ['/account?tab=tokens#x', '/account?tab=tokens#x'],
  ])('keeps the same-site path %s', (target, expected) => {
    expect(safeRedirect(target)).toBe(expected);
  });

  it.each([
    ['/\\evil.example'],
    ['/%5Cevil.example'.replace('%5C', '\\')],
    ['//evil.example'],
    ['/\\/evil.example'],
    ['https://evil.example/'],
    ['javascript:alert(1)'],
    ['/\tevil'],
    ['evil'],
    [''],
    [null],
  ])('sends %s to the home page', (target) => {
    expect(safeRedirect(target)).toBe('/');
  });
});
