import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../testing/index.js';
import { RateLeases } from './gateway.leases.js';

// The rate limit holds across processes: two gateways (each its own RateLeases, as two server processes have)
// on one database admit, together, what the order's bucket holds — its one second of calls and what refills
// while they call — and again once it has refilled.
let database: Awaited<ReturnType<typeof createTestDatabase>>;
beforeAll(async () => {
  database = await createTestDatabase();
}, 60_000);
afterAll(() => database.close());

describe('an order’s rate across two gateways', () => {
  it('admits at most the bucket between them, refuses the rest with a wait, and admits again once refilled', async () => {
    const [a, b] = [new RateLeases(database.db), new RateLeases(database.db)];
    const order = 'ord_rate_limit_test_0000000001';
    const rate = 20;
    const started = Date.now();
    const calls = await Promise.all(Array.from({ length: 60 }, (_, i) => (i % 2 ? a : b).take(order, rate)));
    const elapsed = (Date.now() - started) / 1000;
    const admitted = calls.filter((c) => c === null).length;
    expect(admitted).toBeLessThanOrEqual(rate + Math.ceil(elapsed * rate));
    // a block leased and not yet used by its gateway is the most the two may leave unused
    expect(admitted).toBeGreaterThanOrEqual(rate - 2 * Math.ceil(rate / 16));
    expect(calls.filter((c) => c !== null).every((c) => c! >= 1)).toBe(true);
    await new Promise((r) => setTimeout(r, 1100));
    expect(await a.take(order, rate)).toBeNull();
    expect(await b.take(order, rate)).toBeNull();
  });
});
