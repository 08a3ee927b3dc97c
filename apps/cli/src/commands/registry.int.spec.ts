import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Certificate, LedgerKey } from '@shuliu/contracts';
import { demo } from '@shuliu/core';
import { startTestServer, type TestServer } from '@shuliu/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const BIN = join(import.meta.dirname, '../../bin/shuliu.mjs');
const dataDir = mkdtempSync(join(tmpdir(), 'shuliu-registry-cli-'));
// the local commands run on an embedded database of their own, whichever database the suite uses
const env = {
  ...process.env,
  DATABASE_URL: '',
  SHULIU_DATA_DIR: dataDir,
  SHULIU_MASTER_KEY: '5e'.repeat(32),
};
const SLOW = 120_000;
const run = (...args: string[]) =>
  spawnSync(process.execPath, [BIN, ...args], { env, encoding: 'utf8', timeout: 60_000 });
/** Async, so the in-process test server keeps answering while the command asks it. */
const runAsync = (...args: string[]) =>
  new Promise<{ status: number | null; stdout: string; stderr: string }>((resolve) => {
    const child = spawn(process.execPath, [BIN, ...args], { env, timeout: 60_000 });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d));
    child.stderr.on('data', (d: Buffer) => (stderr += d));
    child.on('close', (status) => resolve({ status, stdout, stderr }));
  });

let t: TestServer;
let certNo: string;
let key: string;

beforeAll(async () => {
  t = await startTestServer({ listen: true });
  await demo.seedRegistryDemo(t.services);
  const token = await t.login('merchant');
  const list = await fetch(`${t.url}/api/registry/certificates?box=held&status=licensed`, {
    headers: { authorization: `Bearer ${token}` },
  });
  certNo = ((await list.json()) as { items: Certificate[] }).items[0]!.certNo;
  key = ((await (await fetch(`${t.url}/api/ledger/keys`)).json()) as { items: LedgerKey[] }).items[0]!
    .publicKey;
}, 240_000);
afterAll(async () => {
  await t?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('shuliu registry and shuliu verify', () => {
  it(
    'exports a certificate bundle from a server and checks it offline; a tampered copy fails naming the check',
    async () => {
      const out = join(dataDir, 'cert.json');
      const exported = await runAsync('registry', 'export', certNo, '--server', t.url, '-o', out);
      expect(exported.stderr).toMatch(/wrote .*cert\.json/);
      expect(exported.status).toBe(0);
      const ok = run('verify', out, '--public-key', key);
      expect(ok.stdout).toMatch(new RegExp(`VALID: certificate ${certNo}`));
      expect(ok.status).toBe(0);
      const bundle = JSON.parse(readFileSync(out, 'utf8')) as { status: string; ledgerEntry: string };
      expect(bundle.status).toBe('licensed');
      writeFileSync(
        out,
        JSON.stringify({ ...bundle, ledgerEntry: bundle.ledgerEntry.replace(certNo, 'SD-DR-2026-999999') }),
      );
      const bad = run('verify', out);
      expect(bad.status).toBe(1);
      expect(bad.stderr).toMatch(/INVALID \(ledgerEntry\)/);
      expect(run('verify', join(dataDir, 'missing.json')).status).toBe(1);
    },
    SLOW,
  );

  it(
    'imports the holiday calendar, lists it, prints the node key and sweeps expiry on the local database',
    () => {
      const file = join(dataDir, 'holidays.csv');
      writeFileSync(file, '# 示例\n2031-10-01,holiday,国庆节\n2031-10-11,workday,调休上班\n');
      expect(run('calendar', 'import', file).stdout).toMatch(/imported 2 days/);
      expect(run('calendar', 'list', '--year', '2031').stdout).toBe(
        '2031-10-01,holiday,国庆节\n2031-10-11,workday,调休上班\n',
      );
      // the older spelling of the same commands still works
      expect(run('registry', 'holidays', 'list', '--year', '2031').stdout).toMatch(/^2031-10-01,holiday/);
      expect(run('calendar', 'list', '--year', '2026').stdout).toMatch(/^2026-01-01,holiday,元旦\n/);
      writeFileSync(file, '2031-10-01,vacation,x\n');
      const bad = run('calendar', 'import', file);
      expect(bad.status).toBe(1);
      expect(bad.stderr).toMatch(/line 1: expected/);
      expect(run('registry', 'key').stdout).toMatch(/^key_\w+\n04[0-9a-f]{128}\n-----BEGIN PUBLIC KEY-----/);
      expect(run('registry', 'expire').stdout).toMatch(/no certificate is past its end/);
    },
    SLOW,
  );
});
