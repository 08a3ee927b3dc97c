import { describe, expect, it } from 'vitest';
import { boundDetails, MAX_DETAILS_BYTES } from './audit.bounds.js';

describe('audit details are bounded (security issue 14.7)', () => {
  it('keeps small details as they are', () => {
    const d = { resourceId: 'res_1', changes: { roles: ['merchant', 'org_admin'], note: '说明' } };
    expect(boundDetails(d)).toEqual(d);
  });

  it('summarizes a 90,000-item array and a megabyte string, with their sizes and the digest of the whole', () => {
    const d = {
      changes: { roles: Array.from({ length: 90_000 }, () => 'merchant'), note: 'x'.repeat(1_000_000) },
    };
    const b = boundDetails(d) as { changes: { roles: unknown[]; note: string }; summarized: { sm3: string } };
    expect(JSON.stringify(b).length).toBeLessThanOrEqual(MAX_DETAILS_BYTES);
    expect(b.changes.roles).toHaveLength(21);
    expect(b.changes.roles.at(-1)).toBe('… 89980 more items');
    expect(b.changes.note).toMatch(/^x{200}… \(1000000 characters\)$/);
    expect(b.summarized.sm3).toMatch(/^[0-9a-f]{64}$/);
  });

  it('stays under the cap however wide or deep the details are', () => {
    const wide = Object.fromEntries(Array.from({ length: 5000 }, (_, i) => [`k${i}`, 'v'.repeat(150)]));
    let deep: Record<string, unknown> = { leaf: 1 };
    for (let i = 0; i < 500; i++) deep = { d: deep };
    for (const d of [wide, deep, { wide, deep }])
      expect(JSON.stringify(boundDetails(d)).length).toBeLessThanOrEqual(MAX_DETAILS_BYTES);
  });
});
