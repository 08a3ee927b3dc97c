import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { openDatabase } from '@shuliu/core';
import { sql } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';

const BIN = join(import.meta.dirname, '../bin/shuliu.mjs');
const dataDir = mkdtempSync(join(tmpdir(), 'shuliu-cli-'));
// the command line is tested on its own embedded database, whichever database the rest of the suite uses
const env = { ...process.env, DATABASE_URL: '', SHULIU_DATA_DIR: dataDir, SHULIU_LOG_LEVEL: 'warn' };
const run = (...args: string[]) =>
  spawnSync(process.execPath, [BIN, ...args], { env, encoding: 'utf8', timeout: 60_000 });

afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

// each call is a fresh process that opens the embedded database, which takes seconds on a busy machine
describe('shuliu command line', { timeout: 240_000 }, () => {
  it('prints help for every command', () => {
    for (const args of [
      ['--help'],
      ['serve', '--help'],
      ['admin', 'create-user', '--help'],
      ['audit', 'verify', '--help'],
    ]) {
      const r = run(...args);
      expect(r.status, args.join(' ')).toBe(0);
      expect(r.stdout).toContain('Usage: shuliu');
    }
  });

  it('exits non-zero with a clear message on an unknown command or bad config', () => {
    const r = run('frobnicate');
    expect(r.status).not.toBe(0);
    expect(r.stderr).toMatch(/unknown command/);
    const bad = spawnSync(process.execPath, [BIN, 'migrate'], {
      env: { ...env, PORT: 'abc' },
      encoding: 'utf8',
    });
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/invalid configuration[\s\S]*PORT/);
  });

  it('migrates, creates the first operator with its organization, and verifies the audit chain', () => {
    expect(run('migrate').stdout).toMatch(/applied on pglite: 0001_identity/);
    expect(run('migrate').stdout).toMatch(/up to date/);
    const pw = join(dataDir, 'pw.txt');
    writeFileSync(pw, 'First-operator-1\n');
    const noOrg = run('admin', 'create-user', '-u', 'root', '--password-file', pw);
    expect(noOrg.status).toBe(1);
    expect(noOrg.stderr).toMatch(/--operator-org-name/);
    const badUscc = run(
      'admin',
      'create-user',
      '-u',
      'root',
      '--password-file',
      pw,
      '--operator-org-name',
      '某局',
      '--operator-uscc',
      '11370200MB1Q88351X',
    );
    expect(badUscc.status).toBe(1);
    expect(badUscc.stderr).toMatch(/check character/);
    const ok = run(
      'admin',
      'create-user',
      '-u',
      'root',
      '--password-file',
      pw,
      '--operator-org-name',
      '青岛市大数据局',
      '--operator-uscc',
      '11370200MB1Q88351H',
    );
    expect(ok.stderr).toBe('');
    expect(ok.stdout).toMatch(/created user root .* operator, org_admin/);
    const verify = run('audit', 'verify');
    expect(verify.status).toBe(0);
    expect(verify.stdout).toMatch(/audit chain intact: 2 events/);
  });

  it('audit verify exits 1 and names the event when a row was edited', async () => {
    const database = await openDatabase({ dataDir });
    await sql`update audit_events set actor_name = 'someone-else' where seq = 1`.execute(database.db);
    await database.close();
    const r = run('audit', 'verify');
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/BROKEN at event 1/);
  });

  it('keeps every committed change when the server is killed with SIGKILL', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'shuliu-kill-'));
    const start = async () => {
      const child = spawn(process.execPath, [BIN, 'serve', '--demo', '--port', '0', '--host', '127.0.0.1'], {
        env: { ...env, SHULIU_DATA_DIR: dir },
      });
      const url = await new Promise<string>((resolve, reject) => {
        createInterface({ input: child.stdout! }).on('line', (l) => {
          const m = /serving on (http:\/\/\S+)/.exec(l);
          if (m) resolve(m[1]!);
        });
        child.once('exit', (c) => reject(new Error(`server exited ${c}`)));
      });
      return { child, url };
    };
    const first = await start();
    const login = await fetch(`${first.url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'operator', password: 'Shuliu2026!' }),
    });
    const { token } = (await login.json()) as { token: string };
    const created = await fetch(`${first.url}/api/users`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({
        username: 'durable',
        displayName: 'D',
        password: 'Kept-after-kill-9',
        roles: ['operator'],
      }),
    });
    expect(created.status).toBe(201);
    first.child.kill('SIGKILL');
    await new Promise((r) => first.child.once('exit', r));

    const second = await start();
    try {
      const again = await fetch(`${second.url}/api/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username: 'durable', password: 'Kept-after-kill-9' }),
      });
      expect(again.status).toBe(200);
    } finally {
      second.child.kill('SIGTERM');
      await new Promise((r) => second.child.once('exit', r));
      rmSync(dir, { recursive: true, force: true });
    }
  }, 120_000);
});
