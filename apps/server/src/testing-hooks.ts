import { afterAll, beforeAll } from 'vitest';
import { twoServers } from './testing.js';

export type TwoServers = Awaited<ReturnType<typeof twoServers>>;

/**
 * Two `shuliu serve` processes on one fresh PostgreSQL database for the enclosing `describe`: started
 * before its tests, stopped after them. Returns the accessor to call inside a test. Kept apart from
 * `testing.ts`, which the server's package exports, so that only tests load vitest.
 */
export function useTwoServers(): () => TwoServers {
  let servers: TwoServers | undefined;
  beforeAll(async () => {
    servers = await twoServers();
  }, 120_000);
  afterAll(() => servers?.close());
  return () => {
    if (!servers) throw new Error('the two servers did not start');
    return servers;
  };
}
