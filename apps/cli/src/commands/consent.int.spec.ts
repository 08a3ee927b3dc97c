import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { idCardCheckChar, type ConsentGrant, type Person, type Scenario } from '@shuliu/contracts';
import { demo } from '@shuliu/core';
import { startTestServer, type TestServer } from '@shuliu/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const BIN = join(import.meta.dirname, '../../bin/shuliu.mjs');
const dir = mkdtempSync(join(tmpdir(), 'shuliu-consent-cli-'));
const SLOW = 120_000;
// the server runs in this process, so the CLI must run asynchronously beside it
const run = (...args: string[]) =>
  promisify(execFile)(process.execPath, [BIN, ...args], { encoding: 'utf8', timeout: 90_000 })
    .then((r) => ({ ...r, code: 0 }))
    .catch((e: { code: number; stdout: string; stderr: string }) => e);

let t: TestServer;
const tokens: Record<string, string> = {};
let person: Person;
let versionId: string;
let grant: ConsentGrant;

const remote = (who: string) => ['--server', t.url, '--token-file', tokens[who]!];

beforeAll(async () => {
  t = await startTestServer({ listen: true });
  const first = '37010219880808123';
  const signed = await t.call<Person>('POST', '/api/consent/persons', undefined, {
    username: 'cli-person',
    password: demo.DEMO_PASSWORD,
    displayName: '命令行用户',
    idCard: first + idCardCheckChar(first),
    phone: '13800138000',
  });
  person = signed.body;
  const sc = await t.call<Scenario>('POST', '/api/consent/scenarios', 'merchant', {
    title: '会员积分兑换',
    purpose: '为会员兑换积分礼品并配送',
    legalBasis: '取得个人同意',
    recipient: '齐鲁数据科技有限公司',
    processingMethod: '人工处理',
    retentionDays: 90,
    crossBorder: false,
    automatedDecision: false,
    fields: [
      { name: 'name', label: '姓名', category: 'basic', required: true, justification: '配送收件人' },
      { name: 'mobile', label: '手机号', category: 'contact', required: true, justification: '配送联系' },
      { name: 'email', label: '电子邮箱', category: 'contact', required: false, justification: '电子兑换券' },
    ],
  });
  expect(sc.status).toBe(201);
  versionId = sc.body.versions[0]!.id;
  const reviewed = await t.call('POST', `/api/consent/scenarios/${sc.body.id}/review`, 'operator', {
    versionId,
    approve: true,
  });
  expect(reviewed.status).toBe(200);
  for (const who of ['cli-person', 'merchant']) {
    tokens[who] = join(dir, `${who}.token`);
    writeFileSync(tokens[who], await t.login(who));
  }
  const given = await t.call<ConsentGrant>('POST', '/api/consent/grants', 'cli-person', {
    versionId,
    fields: ['name', 'mobile'],
    expiresAt: new Date(Date.now() + 30 * 86_400_000).toISOString(),
  });
  expect(given.status).toBe(201);
  grant = given.body;
}, SLOW);
afterAll(async () => {
  await t?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('shuliu consent', () => {
  it(
    'lists grants, checks them (exit 0 allowed, 3 denied), exports a receipt that verifies offline, revokes',
    async () => {
      const mine = await run('consent', 'grants', ...remote('cli-person'));
      expect(mine.stdout).toContain(grant.id);
      expect(mine.stdout).toContain('会员积分兑换 v1');
      const received = await run('consent', 'grants', '--received', '--json', ...remote('merchant'));
      expect((JSON.parse(received.stdout) as { items: { id: string }[] }).items.map((g) => g.id)).toContain(
        grant.id,
      );

      const check = (fields: string) =>
        run(
          'consent',
          'check',
          '--subject',
          person.userId,
          '--version-id',
          versionId,
          '--fields',
          fields,
          ...remote('merchant'),
        );
      const allowed = await check('name,mobile');
      expect(allowed.code).toBe(0);
      expect(allowed.stdout).toContain(`ALLOW (granted) under ${grant.id}`);
      const outside = await check('name,email');
      expect(outside.code).toBe(3);
      expect(outside.stdout).toContain('DENY (field_not_granted): not granted email');

      const out = join(dir, 'receipt.json');
      const exported = await run(
        'consent',
        'receipt',
        grant.receipts[0]!.id,
        '-o',
        out,
        ...remote('cli-person'),
      );
      expect(exported.stderr).toContain(`shuliu verify-consent ${out}`);
      const verified = await run('verify-consent', out);
      expect(verified.code).toBe(0);
      expect(verified.stdout).toContain('VALID');
      const bundle = JSON.parse(readFileSync(out, 'utf8')) as { receipt: { services: unknown[] } };
      writeFileSync(out, JSON.stringify({ ...bundle, receipt: { ...bundle.receipt, services: [] } }));
      expect((await run('verify-consent', out)).code).toBe(1);

      expect((await run('consent', 'revoke', grant.id, ...remote('merchant'))).code).toBe(1);
      const revoked = await run('consent', 'revoke', grant.id, ...remote('cli-person'));
      expect(revoked.stdout).toContain('revoked');
      expect((await check('name')).stdout).toContain('DENY (revoked)');
      const used = await run('consent', 'uses', '--grant', grant.id, ...remote('cli-person'));
      expect(used.code).toBe(0);
      expect(used.stdout).toMatch(/DENY\s+revoked/);
      expect(used.stdout).toMatch(/ALLOW\s+granted/);
      const byStatus = async (status: string) =>
        (
          JSON.parse(
            (await run('consent', 'grants', '--status', status, '--json', ...remote('cli-person'))).stdout,
          ) as {
            items: { id: string }[];
          }
        ).items.map((g) => g.id);
      expect(await byStatus('revoked')).toContain(grant.id);
      expect(await byStatus('active')).not.toContain(grant.id);
      expect((await run('consent', 'grants', '--status', 'gone', ...remote('cli-person'))).code).not.toBe(0);
    },
    SLOW,
  );

  it(
    'prints the public list of authorized operators, and a clear error without a server',
    async () => {
      const none = await run('consent', 'operators', '--server', t.url);
      expect(none.stdout).toContain('no organization is authorized');
      const down = await run('consent', 'operators', '--server', 'http://127.0.0.1:9');
      expect(down.code).toBe(1);
      expect(down.stderr).toMatch(/^shuliu: /);
    },
    SLOW,
  );
});
