import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../testing/index.js';
import { RateLeases } from './gateway.leases.js';

// The rate limit holds across processes: two gateways (each its own RateLeases, as two server processes have)
// on one database admit, together, at most the order's rate in each of the database's seconds.
let database: Awaited<ReturnType<typeof createTestDatabase>>;
beforeAll(async () => {
  database = await createTestDatabase();
}, 60_000);
afterAll(() => database.close());

describe('an order’s rate across two gateways', () => {
  it('admits at most the rate per second between them, and the next second again', async () => {
    const [a, b] = [new RateLeases(database.db), new RateLeases(database.db)];
    const rate = 20;
    /** 60 calls at once, half through each gateway, just after a second of the database's turns. */
    const burst = async (order: string) => {
      await new Promise((r) => setTimeout(r, 1000 - (Date.now() % 1000) + 20));
      const started = Date.now();
      const calls = await Promise.all(
        Array.from({ length: 60 }, (_, i) => (i % 2 ? a : b).take(order, rate)),
      );
      return { calls, elapsed: Date.now() - started };
    };
    // a machine busy enough to stretch the burst over two seconds admits two seconds' calls: measured again
    let run = await burst('ord_rate_limit_test_0000000001');
    for (let i = 2; run.elapsed >= 900 && i <= 3; i++) run = await burst(`ord_rate_limit_test_000000000${i}`);
    const { calls, elapsed } = run;
    const admitted = calls.filter((c) => c === null).length;
    expect(elapsed).toBeLessThan(900);
    expect(admitted).toBeLessThanOrEqual(rate);
    // a block left unused in one gateway is lost to the other: at least the rate less one block per gateway
    expect(admitted).toBeGreaterThanOrEqual(rate - 2 * Math.ceil(rate / 16));
    expect(calls.filter((c) => c !== null).every((c) => c === 1)).toBe(true);
    await new Promise((r) => setTimeout(r, 1000 - (Date.now() % 1000) + 20));
    expect(await a.take('ord_rate_limit_test_0000000001', rate)).toBeNull();
  });
});
