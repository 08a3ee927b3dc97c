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

  it('keeps keys added by hash across a reservation made ahead, and tells them apart by either lane', () => {
    const set = new KeySet();
    expect(set.addHash(1, 2)).toBe(true);
    expect(set.addHash(0, 0)).toBe(true);
    set.reserve(100_000);
    const hi = Uint32Array.from({ length: 50_000 }, (_, i) => i * 2654435761);
    set.prefetch(hi, hi.length);
    expect([...hi].every((h, i) => set.addHash(h, i + 3))).toBe(true);
    expect(set.addHash(1, 2)).toBe(false);
    expect(set.addHash(0, 0)).toBe(false);
    expect(set.addHash(1, 3)).toBe(true);
    expect(set.addHash(hi[7]!, 10)).toBe(false);
    expect(set.size).toBe(50_003);
  });
});
