import { demo, loadConfig } from '@shuliu/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../testing.js';

// Issue 14, points 1, 2, 6 and 9: password guessing against logins and change-password.
type Err = { error: { code: string; message: string; details?: Record<string, unknown> } };

const PASSWORD = 'Lockout-test-2026';
const DEFAULTS = loadConfig({});
let t: TestServer;
let n = 0;

/** A fresh account in 齐鲁数据, created by its org_admin. */
async function newUser(): Promise<string> {
  const username = `guess-target-${++n}`;
  const res = await t.call('POST', '/api/users', 'merchant', {
    username,
    displayName: `目标${n}`,
    password: PASSWORD,
    roles: ['merchant'],
  });
  expect(res.status).toBe(201);
  return username;
}

const login = (username: string, password: string, headers: Record<string, string> = {}, ip = '10.0.0.1') =>
  t.app.inject({
    method: 'POST',
    url: '/api/auth/login',
    payload: { username, password },
    headers,
    remoteAddress: ip,
  });

const tally = (statuses: number[]) =>
  statuses.reduce<Record<number, number>>((m, s) => ({ ...m, [s]: (m[s] ?? 0) + 1 }), {});

beforeAll(async () => {
  t = await startTestServer({ demo: true });
});
afterAll(() => t.close());

describe('lockout under parallel guesses (issue 14.1)', () => {
  it('39 wrong passwords and the right one at once: at most maxFailures−1 are checked, no session', async () => {
    const victim = await newUser();
    const attempts = [...Array.from({ length: 39 }, (_, i) => `Wrong-guess-${i}x`), PASSWORD];
    const replies = await Promise.all(attempts.map((p) => login(victim, p)));
    const counts = tally(replies.map((r) => r.statusCode));
    expect(counts[200]).toBeUndefined();
    expect(counts[401]).toBe(DEFAULTS.loginMaxFailures - 1);
    expect(counts[423]).toBe(40 - (DEFAULTS.loginMaxFailures - 1));
    // the lock those failures earned holds, whatever the password
    expect((await login(victim, PASSWORD)).statusCode).toBe(423);
  });

  it('the right password, even twice at once, is refused while the account is locked', async () => {
    const victim = await newUser();
    for (let i = 0; i < DEFAULTS.loginMaxFailures; i++) await login(victim, `Wrong-guess-${i}x`);
    const replies = await Promise.all([login(victim, PASSWORD), login(victim, PASSWORD)]);
    expect(replies.map((r) => r.statusCode)).toEqual([423, 423]);
  });
});

describe('lockout tells nothing about which usernames exist (issue 14.9)', () => {
  it('an unknown username is answered exactly like a known one, 401 then 423', async () => {
    const known = await newUser();
    const answers = async (username: string) => {
      const out: string[] = [];
      for (let i = 0; i <= DEFAULTS.loginMaxFailures; i++) {
        const r = await login(username, `Wrong-guess-${i}x`);
        out.push(`${r.statusCode} ${r.json<Err>().error.code}`);
      }
      return out;
    };
    const a = await answers(known);
    const b = await answers('nobody-by-this-name');
    expect(b).toEqual(a);
    expect(a.at(-1)).toBe('423 IDENTITY_ACCOUNT_LOCKED');
  });

  it('the owner is told in a notification when their account is locked', async () => {
    const victim = await newUser();
    for (let i = 0; i < DEFAULTS.loginMaxFailures; i++) await login(victim, `Wrong-guess-${i}x`);
    const row = await t.database.db
      .selectFrom('notifications as n')
      .innerJoin('users as u', 'u.id', 'n.user_id')
      .select('n.kind')
      .where('u.username', '=', victim)
      .execute();
    expect(row.map((r) => r.kind)).toContain('identity.account_locked');
  });
});

describe('change-password is no guessing oracle (issue 14.6)', () => {
  it('wrong current passwords are counted like logins and lock the account', async () => {
    const victim = await newUser();
    const token = (await login(victim, PASSWORD)).json<{ token: string }>().token;
    const change = (current: string) =>
      t.app.inject({
        method: 'POST',
        url: '/api/me/password',
        headers: { authorization: `Bearer ${token}` },
        payload: { currentPassword: current, newPassword: 'Another-pass-2027' },
      });
    const statuses: number[] = [];
    for (let i = 0; i < DEFAULTS.loginMaxFailures + 2; i++)
      statuses.push((await change(`Wrong-guess-${i}x`)).statusCode);
    expect(statuses.slice(0, DEFAULTS.loginMaxFailures - 1).every((s) => s === 400)).toBe(true);
    expect(statuses.slice(DEFAULTS.loginMaxFailures - 1).every((s) => s === 423)).toBe(true);
    // locked: even the right current password is refused, and so is a login
    expect((await change(PASSWORD)).statusCode).toBe(423);
    expect((await login(victim, PASSWORD)).statusCode).toBe(423);
  });
});

describe('login rate limits with the real defaults (issue 14.2)', () => {
  let limited: TestServer;
  beforeAll(async () => {
    limited = await startTestServer({
      demo: true,
      config: {
        loginRateLimitPerMinute: DEFAULTS.loginRateLimitPerMinute,
        publicWriteRateLimitPerMinute: DEFAULTS.publicWriteRateLimitPerMinute,
      },
    });
  });
  afterAll(() => limited.close());

  it('limits logins per IP even when each carries a valid Bearer token', async () => {
    const token = await limited.login('buyer');
    const statuses: number[] = [];
    for (let i = 0; i < DEFAULTS.loginRateLimitPerMinute + 10; i++) {
      const r = await limited.app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { username: `someone-${i}`, password: 'Wrong-guess-1x' },
        headers: { authorization: `Bearer ${token}` },
        remoteAddress: '10.9.9.9',
      });
      statuses.push(r.statusCode);
    }
    expect(statuses.slice(0, DEFAULTS.loginRateLimitPerMinute).includes(429)).toBe(false);
    expect(statuses.slice(DEFAULTS.loginRateLimitPerMinute).every((s) => s === 429)).toBe(true);
    const last = await limited.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'operator', password: demo.DEMO_PASSWORD },
      remoteAddress: '10.9.9.9',
    });
    expect(last.statusCode).toBe(429);
    expect(last.json<Err>().error.code).toBe('RATE_LIMITED');
    expect(Number(last.headers['retry-after'])).toBeGreaterThan(0);
  });

  it('limits logins per username across many IPs', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < DEFAULTS.loginRateLimitPerMinute + 5; i++) {
      const r = await limited.app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { username: 'spread-target', password: 'Wrong-guess-1x' },
        remoteAddress: `10.1.${Math.floor(i / 250)}.${i % 250}`,
      });
      statuses.push(r.statusCode);
    }
    expect(statuses.at(-1)).toBe(429);
    expect(statuses.filter((s) => s === 429)).toHaveLength(5);
  });

  it('limits sign-ups and onboarding applications per IP', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < DEFAULTS.publicWriteRateLimitPerMinute + 3; i++) {
      const r = await limited.app.inject({
        method: 'POST',
        url: i % 2 ? '/api/consent/persons' : '/api/onboarding/applications',
        payload: {},
        remoteAddress: '10.7.7.7',
      });
      statuses.push(r.statusCode);
    }
    expect(statuses.slice(0, DEFAULTS.publicWriteRateLimitPerMinute).every((s) => s === 400)).toBe(true);
    expect(statuses.slice(DEFAULTS.publicWriteRateLimitPerMinute).every((s) => s === 429)).toBe(true);
  });
});
