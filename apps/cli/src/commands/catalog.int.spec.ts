import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { idCardCheckChar, type CatalogFile, type Resource } from '@shuliu/contracts';
import { startTestServer, type TestServer } from '@shuliu/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const BIN = join(import.meta.dirname, '../../bin/shuliu.mjs');
const dir = mkdtempSync(join(tmpdir(), 'shuliu-catalog-cli-'));
const SLOW = 120_000;
// the server runs in this process, so the CLI must run asynchronously beside it
const run = (...args: string[]) =>
  promisify(execFile)(process.execPath, [BIN, ...args], { encoding: 'utf8', timeout: 90_000 }).catch(
    (e: { code: number; stdout: string; stderr: string }) => ({ ...e, failed: true }),
  );

let t: TestServer;
let tokenFile: string;
let resource: Resource;
beforeAll(async () => {
  t = await startTestServer({ listen: true });
  tokenFile = join(dir, 'token');
  writeFileSync(tokenFile, await t.login('merchant'));
  const res = await t.app.inject({
    method: 'POST',
    url: '/api/catalog/resources',
    headers: { authorization: `Bearer ${await t.login('merchant')}` },
    payload: {
      title: '命令行上传测试',
      description: '从命令行上传的客户名单',
      sectorCode: 'finance',
      subjectType: 'personal',
      sourceKind: 'collected',
      sourceMethod: '业务系统导出',
      updateFrequency: 'monthly',
    },
  });
  resource = res.json() as Resource;
}, SLOW);
afterAll(async () => {
  await t.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('shuliu catalog', () => {
  it(
    'uploads a file, waits for its profile and prints what was detected',
    async () => {
      const ids = Array.from({ length: 30 }, (_, i) => {
        const first17 = `37010219880101${String(100 + i)}`;
        return first17 + idCardCheckChar(first17);
      });
      const file = join(dir, '客户.csv');
      writeFileSync(file, ['姓名,身份证号', ...ids.map((id, i) => `张${'伟芳敏'[i % 3]},${id}`)].join('\n'));
      const out = await run(
        'catalog',
        'upload',
        resource.id,
        file,
        '--server',
        t.url,
        '--token-file',
        tokenFile,
        '--json',
      );
      expect('failed' in out, out.stderr).toBe(false);
      const f = JSON.parse(out.stdout) as CatalogFile;
      expect(f).toMatchObject({ status: 'ready', rowCount: 30, name: '客户.csv' });
      expect(f.profile!.columns.find((c) => c.name === '身份证号')!.pii?.kind).toBe('idCard');
      const text = await run(
        'catalog',
        'upload',
        resource.id,
        file,
        '--server',
        t.url,
        '--token-file',
        tokenFile,
      );
      expect(text.stdout).toMatch(/30 rows, dataset grade general_4/);
      expect(text.stdout).toMatch(/身份证号.*idCard/);
    },
    SLOW,
  );

  it(
    'fails clearly: a missing file, a bad token, an unknown resource',
    async () => {
      const missing = await run(
        'catalog',
        'upload',
        resource.id,
        join(dir, 'nope.csv'),
        '--server',
        t.url,
        '--token-file',
        tokenFile,
      );
      expect(missing).toMatchObject({ failed: true, code: 1 });
      expect(missing.stderr).toMatch(/no such file/);
      const file = join(dir, 'a.csv');
      writeFileSync(file, 'a\n1\n');
      const anon = await run(
        'catalog',
        'upload',
        resource.id,
        file,
        '--server',
        t.url,
        '--token',
        'nonsense',
      );
      expect(anon.stderr).toMatch(/log in first|UNAUTHENTICATED/);
      const unknown = await run(
        'catalog',
        'upload',
        'res_00000000000000000000000000',
        file,
        '--server',
        t.url,
        '--token-file',
        tokenFile,
      );
      expect(unknown.stderr).toMatch(/does not exist/);
    },
    SLOW,
  );

  it(
    'searches the catalog',
    async () => {
      const out = await run('catalog', 'search', '普惠金融', '--server', t.url, '--token-file', tokenFile);
      expect(out.stdout).toMatch(/普惠金融客户名单/);
    },
    SLOW,
  );
});
