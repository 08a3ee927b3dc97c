import { testDbKind } from '@shuliu/core/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from './testing.js';
import { useTwoServers } from './testing-hooks.js';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Polls until `ok` holds or a second has passed; returns how long it took. */
async function withinASecond(ok: () => Promise<boolean>): Promise<number> {
  const t0 = Date.now();
  while (!(await ok())) {
    if (Date.now() - t0 > 1000) throw new Error('still not refused after one second');
    await sleep(20);
  }
  return Date.now() - t0;
}

describe('the principal cache of one server', () => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer();
  }, 120_000);
  afterAll(() => t?.close());

  const me = (token: string) =>
    t.app.inject({ method: 'GET', url: '/api/me', headers: { authorization: `Bearer ${token}` } });

  it('answers an authenticated read from memory, and a logout ends it at once', async () => {
    const token = await t.login('merchant');
    expect((await me(token)).statusCode).toBe(200);
    expect(t.services.identity.auth.principals.enabled).toBe(true);
    expect(t.services.identity.auth.principals.size).toBeGreaterThan(0);
    const out = await t.app.inject({
      method: 'POST',
      url: '/api/auth/logout',
      headers: { authorization: `Bearer ${token}` },
    });
    expect(out.statusCode).toBeLessThan(300);
    expect((await me(token)).statusCode).toBe(401);
  });

  it('drops a principal whose session, user or org changes in the database, whoever changes it', async () => {
    const token = await t.login('buyer');
    expect((await me(token)).statusCode).toBe(200);
    const db = t.services.db;
    // a change made outside this process's API (the CLI, another process, plain SQL)
    const user = await db
      .selectFrom('users')
      .select(['id', 'org_id'])
      .where('username', '=', 'buyer')
      .executeTakeFirstOrThrow();
    await db.updateTable('orgs').set({ status: 'suspended' }).where('id', '=', user.org_id!).execute();
    await withinASecond(async () => (await me(token)).statusCode === 401);
    await db.updateTable('orgs').set({ status: 'active' }).where('id', '=', user.org_id!).execute();
    await withinASecond(async () => (await me(token)).statusCode === 200);
    await db.updateTable('sessions').set({ revoked_at: new Date() }).where('user_id', '=', user.id).execute();
    await withinASecond(async () => (await me(token)).statusCode === 401);
  });
});

// Two processes on one database need PostgreSQL: PGlite is one process by design.
describe.runIf(testDbKind() === 'postgres')('the principal cache across two server processes', () => {
  const servers = useTwoServers();

  it('refuses a credential revoked in one process in the other within a second', async () => {
    const { a, b } = servers();
    const login = await fetch(`${a.base}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'merchant', password: 'Shuliu2026!' }),
    });
    const { token } = (await login.json()) as { token: string };
    const meOn = (base: string) =>
      fetch(`${base}/api/me`, { headers: { authorization: `Bearer ${token}` } }).then((r) => r.status);
    // B reads the principal once and then answers from memory
    expect(await meOn(b.base)).toBe(200);
    expect(await meOn(b.base)).toBe(200);
    const out = await fetch(`${a.base}/api/auth/logout`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}` },
    });
    expect(out.status).toBeLessThan(300);
    expect(await meOn(a.base)).toBe(401);
    const took = await withinASecond(async () => (await meOn(b.base)) === 401);
    expect(took).toBeLessThan(1000);
  });
});
