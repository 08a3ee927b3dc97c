import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { HyperLogLog } from './tabular.hll.js';
import { openTabular } from './tabular.open.js';
import { ColumnProfiler, profileColumns, typesOfText } from './tabular.profile.js';
import type { Cell } from './tabular.types.js';

const ADULT = join(import.meta.dirname, '../../../../testdata/adult/adult_subset.csv');

const profile = (values: Cell[]) => {
  const p = new ColumnProfiler('c');
  for (const v of values) p.add(v);
  return p.result();
};

describe('column profiling', () => {
  it('infers the narrowest type every value fits', () => {
    expect(profile(['1', '-20', null, '300']).type).toBe('integer');
    expect(profile(['1', '2.5', '']).type).toBe('decimal');
    expect(profile(['true', 'FALSE']).type).toBe('boolean');
    expect(profile(['2024-03-01', '2024/3/5']).type).toBe('date');
    expect(profile(['2024-03-01', '2024-03-01T08:00:00Z', '2024-03-01 08:00']).type).toBe('datetime');
    expect(profile(['1', 'x']).type).toBe('string');
    expect(profile([null, null]).type).toBe('string');
  });

  it('keeps codes with leading zeros and over 15 digits as text', () => {
    expect(typesOfText('007')).toBe(0);
    expect(typesOfText('370202198001011234')).toBe(0);
    expect(typesOfText('2024-13-01')).toBe(0);
    expect(profile(['0531', '0532']).type).toBe('string');
  });

  it('counts nulls (empty text included), and min/max by the inferred type', () => {
    const p = profile(['10', '9', null, '', '100']);
    expect(p).toMatchObject({ nulls: 2, nullRate: 0.4, min: 9, max: 100, distinct: 3 });
    expect(profile(['b', 'a', 'c'])).toMatchObject({ min: 'a', max: 'c' });
  });

  it('estimates distinct counts within 3 % in 4 KiB (HyperLogLog), exactly when small', () => {
    const h = new HyperLogLog();
    for (let i = 0; i < 500; i++) h.add(`v${i % 300}`);
    expect(h.count()).toBe(300);
    for (let i = 0; i < 200_000; i++) h.add(`value-${i}`);
    expect(Math.abs(h.count() - 200_000) / 200_000).toBeLessThan(0.03);
  });

  it('profiles a UCI Adult extract (3,016 rows, `;`-separated)', async () => {
    const r = await profileColumns(await openTabular(ADULT));
    expect(r.rows).toBe(3_016);
    const age = r.columns.find((c) => c.name === 'age')!;
    expect(age).toMatchObject({ type: 'integer', min: 17, max: 90, nullRate: 0 });
    expect(r.columns.find((c) => c.name === 'sex')).toMatchObject({ type: 'string', distinct: 2 });
  });
});
