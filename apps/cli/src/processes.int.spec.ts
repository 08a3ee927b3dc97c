import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { createTestDatabase, testDbKind } from '@shuliu/core/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const BIN = join(import.meta.dirname, '../bin/shuliu.mjs');

async function serve(url: string, demo: boolean): Promise<{ child: ChildProcess; base: string }> {
  const args = ['serve', '--port', '0', '--host', '127.0.0.1', ...(demo ? ['--demo'] : [])];
  const child = spawn(process.execPath, [BIN, ...args], {
    // with PostgreSQL the master key must be given: both processes share the one their sealed keys need
    env: { ...process.env, DATABASE_URL: url, SHULIU_LOG_LEVEL: 'warn', SHULIU_MASTER_KEY: '9e'.repeat(32) },
  });
  const base = await new Promise<string>((resolve, reject) => {
    createInterface({ input: child.stdout! }).on('line', (l) => {
      const m = /serving on (http:\/\/\S+)/.exec(l);
      if (m) resolve(m[1]!);
    });
    child.once('exit', (c) => reject(new Error(`server exited ${c}`)));
  });
  return { child, base };
}

const json = (token?: string) => ({
  'content-type': 'application/json',
  ...(token && { authorization: `Bearer ${token}` }),
});

// Two processes on one database need PostgreSQL: PGlite is one process by design.
describe.runIf(testDbKind() === 'postgres')('two server processes on one PostgreSQL', () => {
  let database: Awaited<ReturnType<typeof createTestDatabase>>;
  let a: Awaited<ReturnType<typeof serve>>;
  let b: Awaited<ReturnType<typeof serve>>;

  beforeAll(async () => {
    database = await createTestDatabase();
    a = await serve(database.url!, true);
    b = await serve(database.url!, false);
  }, 120_000);
  afterAll(async () => {
    for (const p of [a, b]) p?.child.kill('SIGTERM');
    await database?.close();
  });

  const login = async (base: string, username: string) => {
    const r = await fetch(`${base}/api/auth/login`, {
      method: 'POST',
      headers: json(),
      body: JSON.stringify({ username, password: 'Shuliu2026!' }),
    });
    return ((await r.json()) as { token: string }).token;
  };

  it('a session made on one process works on the other, and logout on either ends it everywhere', async () => {
    const token = await login(a.base, 'operator');
    expect((await fetch(`${b.base}/api/me`, { headers: json(token) })).status).toBe(200);
    expect(
      (await fetch(`${b.base}/api/auth/logout`, { method: 'POST', headers: json(token), body: '{}' })).status,
    ).toBe(200);
    expect((await fetch(`${a.base}/api/me`, { headers: json(token) })).status).toBe(401);
  });

  it('writes from both processes form one unbroken audit chain', async () => {
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
