import { testDbKind } from '@shuliu/core/testing';
import { describe, expect, it } from 'vitest';
import { useTwoServers } from '@shuliu/server/testing-hooks';

const json = (token?: string) => ({
  'content-type': 'application/json',
  ...(token && { authorization: `Bearer ${token}` }),
});

// Two processes on one database need PostgreSQL: PGlite is one process by design.
describe.runIf(testDbKind() === 'postgres')('two server processes on one PostgreSQL', () => {
  const servers = useTwoServers();

  const login = async (base: string, username: string) => {
    const r = await fetch(`${base}/api/auth/login`, {
      method: 'POST',
      headers: json(),
      body: JSON.stringify({ username, password: 'Shuliu2026!' }),
    });
    return ((await r.json()) as { token: string }).token;
  };

  it('a session made on one process works on the other, and logout on either ends it everywhere', async () => {
    const { a, b } = servers();
    const token = await login(a.base, 'operator');
    expect((await fetch(`${b.base}/api/me`, { headers: json(token) })).status).toBe(200);
    expect(
      (await fetch(`${b.base}/api/auth/logout`, { method: 'POST', headers: json(token), body: '{}' })).status,
    ).toBe(200);
    expect((await fetch(`${a.base}/api/me`, { headers: json(token) })).status).toBe(401);
  });

  it('writes from both processes form one unbroken audit chain', async () => {
    const { a, b } = servers();
    const [ta, tb] = await Promise.all([login(a.base, 'operator'), login(b.base, 'reviewer')]);
    await Promise.all(
      Array.from({ length: 30 }, (_, i) =>
        fetch(`${(i % 2 ? a : b).base}/api/notifications/read-all`, {
          method: 'POST',
          headers: json(i % 2 ? ta : tb),
          body: '{}',
        }),
      ),
    );
    const verify = (await (await fetch(`${b.base}/api/audit/verify`, { headers: json(ta) })).json()) as {
      ok: boolean;
      checked: number;
    };
    expect(verify.ok).toBe(true);
    expect(verify.checked).toBeGreaterThan(30);
  });
});
