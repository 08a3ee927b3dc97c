import type { Usage } from '@shuliu/contracts';
import { describe, expect, it } from 'vitest';
import { usageTable } from './trade.js';

const usage: Usage = {
  orderId: 'ord_01m976kcabr7mc8bw3aewdg459',
  billing: 'per_call',
  unitFen: 10,
  quota: 100,
  used: 3,
  left: 97,
  from: '2026-12-06',
  to: '2026-12-07',
  granularity: 'day',
  totals: {
    calls: 5,
    billable: 3,
    refused: 1,
    p50Ms: 2.5,
    p99Ms: 9,
    byReason: { policy: 1, rate_limited: 0, quota_exhausted: 0, not_serving: 0 },
    chargeFen: 30,
  },
  buckets: [{ at: '2026-12-05T16:00:00.000Z', calls: 5, billable: 3, refused: 1, p50Ms: 2.5, p99Ms: 9 }],
};

describe('shuliu trade usage', () => {
  it('prints a row per Beijing day, the totals, the refusals by reason and the per-call charge', () => {
    const out = usageTable(usage).split('\n');
    expect(out[0]).toBe('order ord_01m976kcabr7mc8bw3aewdg459  2026-12-06 … 2026-12-07 (Beijing days)');
    expect(out[1]).toBe('quota 100, used 3, left 97');
    expect(out).toContain('2026-12-06      5         3        1  2.5 ms  9 ms');
    expect(out).toContain('total           5         3        1  2.5 ms  9 ms');
    expect(out).toContain('refused: policy 1');
    expect(out.at(-1)).toBe('charge: 3 billable × ¥0.10 = ¥0.30');
  });
});
