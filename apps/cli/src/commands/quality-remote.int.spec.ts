import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { QualityRun, Resource } from '@shuliu/contracts';
import { startTestServer, type TestServer } from '@shuliu/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const BIN = join(import.meta.dirname, '../../bin/shuliu.mjs');
const DATA = join(import.meta.dirname, '../../../../testdata/quality');
// the server runs in this process, so the CLI must run asynchronously beside it
const run = (...args: string[]) =>
  promisify(execFile)(process.execPath, [BIN, 'quality', ...args], {
    encoding: 'utf8',
    timeout: 90_000,
  }).then(
    (r) => ({ ...r, failed: false }),
    (e: { stdout: string; stderr: string }) => ({ ...e, failed: true }),
  );

let t: TestServer & { url: string };
let res: Resource;
const dir = mkdtempSync(join(tmpdir(), 'shuliu-quality-remote-'));
const tokenFile = join(dir, 'token');
const as = () => ['-s', t.url, '--token-file', tokenFile];

beforeAll(async () => {
  t = (await startTestServer({ listen: true })) as TestServer & { url: string };
  writeFileSync(tokenFile, await t.login('merchant'));
  res = await t.resource('merchant', '客户名单（命令行质量）');
  const up = await t.upload(res.id, 'customers.csv', readFileSync(join(DATA, 'customers.csv')), 'merchant');
  expect(up.statusCode).toBe(202);
  await t.services.catalog.files.idle();
  await t.services.quality.reports.idle();
}, 120_000);
afterAll(async () => {
  rmSync(dir, { recursive: true, force: true });
  await t.close();
});

describe('shuliu quality on a server', { timeout: 240_000 }, () => {
  it('saves a resource’s rules, runs it to the end and prints the report, the trend and the latest report', async () => {
    const saved = await run('rules', res.id, '--save', join(DATA, 'rules.json'), ...as());
    expect(saved.stderr).toBe('');
    expect(saved.stdout).toMatch(new RegExp(`^${res.id}: \\d+ rule\\(s\\), version 1, saved by merchant`));

    const done = await run('run', res.id, '--wait', '--json', ...as());
    expect(done.failed).toBe(false);
    const r = JSON.parse(done.stdout) as QualityRun;
    expect(r).toMatchObject({
      resourceId: res.id,
      status: 'done',
      trigger: 'manual',
      rows: 20,
      rulesVersion: 1,
    });
    expect(r.report!.rules.find((x) => x.id === 'id-card-check')).toMatchObject({ checked: 20, failed: 2 });

    const runs = await run('runs', res.id, ...as());
    expect(runs.stdout).toContain(`2 run(s) of ${res.id}`);
    expect(runs.stdout).toMatch(new RegExp(`${r.id} .* manual +done +overall +${r.overall!.toFixed(1)}`));
    expect(runs.stdout).toMatch(/ upload +done /);

    const latest = await run('report', res.id, ...as());
    expect(latest.stdout).toContain(`${res.id} (run ${r.id}): 20 rows, overall ${r.overall!.toFixed(1)}`);
    expect(latest.stdout).toMatch(/id-card-check +conformance +20 +2 /);
  });

  it('says why it cannot: a bad rules file names the field; an unknown resource does not exist; no token is refused', async () => {
    const bad = join(dir, 'bad-rules.json');
    writeFileSync(bad, JSON.stringify([{ kind: 'check_digit', standard: 'iban', columns: ['id_card'] }]));
    const refused = await run('rules', res.id, '--save', bad, ...as());
    expect(refused.failed).toBe(true);
    expect(refused.stderr).toContain('rules[0].standard');
    const missing = await run('report', 'res_00000000000000000000000000', ...as());
    expect(missing.failed).toBe(true);
    expect(missing.stderr).toContain('res_00000000000000000000000000 does not exist');
    const anonymous = await run('runs', res.id, '-s', t.url);
    expect(anonymous.failed).toBe(true);
    expect(anonymous.stderr).toContain('log in first');
  });
});
