import { describe, expect, it } from 'vitest';
import { KeySet } from './quality.keyset.js';

describe('KeySet', () => {
  it('tells a new key from one seen before, across many growths', () => {
    const set = new KeySet();
    const n = 200_000;
    let added = 0;
    for (let i = 0; i < n; i++) if (set.add(`C${i}`)) added++;
    expect(added).toBe(n);
    let again = 0;
    for (let i = 0; i < n; i++) if (set.add(`C${i}`)) again++;
    expect(again).toBe(0);
    expect(set.has('C199999')).toBe(true);
    expect(set.has('C200000')).toBe(false);
    expect(set.size).toBe(n);
  });

  it('keeps the empty string and keys that differ in one character apart', () => {
    const set = new KeySet();
    expect(['', 'a', 'b', 'ab', 'ba', '1\u00002', '1\u00003'].map((k) => set.add(k))).toEqual(
      Array(7).fill(true),
    );
    expect(set.add('')).toBe(false);
  });
});
