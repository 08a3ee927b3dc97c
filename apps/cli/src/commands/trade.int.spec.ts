import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { Contract, ContractBundle, Me, Negotiation, OrgSigningKey } from '@shuliu/contracts';
import { demo } from '@shuliu/core';
import { startTestServer, type TestServer } from '@shuliu/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { marketClient, productBody } from '../../../server/src/routes/market.fixtures.js';
import { TradeClient } from '../../../server/src/routes/trade.fixtures.js';

const BIN = join(import.meta.dirname, '../../bin/shuliu.mjs');
const run = (...args: string[]) =>
  promisify(execFile)(process.execPath, [BIN, ...args], { encoding: 'utf8', timeout: 90_000 }).catch(
    (e: { code: number; stdout: string; stderr: string }) => ({ ...e, failed: true }),
  );

let t: TestServer;
let productId: string;
beforeAll(async () => {
  t = await startTestServer({ listen: true });
  const m = marketClient(t);
  const { resource } = await m.listable('merchant', '命令行合同测试数据');
  productId = (await m.listed('merchant', productBody([resource]))).id;
}, 240_000);
afterAll(() => t.close());

describe('shuliu trade sign-contract and shuliu verify-contract', () => {
  it('signs a contract offline with the buyer’s own key, and checks the bundle offline (a changed byte fails)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'shuliu-contract-'));
    const keyFile = join(dir, 'key.pem');
    const made = await run('keygen', '--out', keyFile);
    const publicKeyPem = /-----BEGIN PUBLIC KEY-----[\s\S]+-----END PUBLIC KEY-----\n/.exec(made.stdout)![0];
    const org = (await t.call<Me>('GET', '/api/me', 'huanghe')).body.org!.id;
    const key = await t.call<OrgSigningKey>('POST', `/api/orgs/${org}/signing-keys`, 'huanghe', {
      custody: 'org',
      publicKey: publicKeyPem,
      password: demo.DEMO_PASSWORD,
    });
    expect(key.status).toBe(201);
    const n = await t.call<Negotiation>('POST', '/api/trade/negotiations', 'huanghe', {
      productId,
      terms: {
        template: 'provision',
        deliveryMode: 'report',
        purpose: '风控',
        region: '370100',
        scope: '物流客户授信研判',
        startsOn: '2026-07-01',
        endsOn: '2026-12-31',
        priceFen: 500_00,
      },
      idempotencyKey: 'cli-contract-1',
    });
    const agreed = await t.call<Negotiation>(
      'POST',
      `/api/trade/negotiations/${n.body.id}/agree`,
      'merchant',
      {
        idempotencyKey: 'cli-agree-1',
      },
    );
    const no = agreed.body.contractNo!;
    const tokenFile = join(dir, 'token');
    writeFileSync(tokenFile, await t.login('huanghe'));
    const out = await run(
      'trade',
      'sign-contract',
      no,
      '--key',
      keyFile,
      '-s',
      t.url,
      '--token-file',
      tokenFile,
    );
    expect('failed' in out, out.stderr).toBe(false);
    expect(out.stdout).toContain(`signed contract ${no} (buyer_signed, negotiation verified)`);
    expect(out.stdout).toContain(`key ${key.body.id}`);
    const sellerSigned = await t.call<Contract>('POST', `/api/trade/contracts/${no}/sign`, 'merchant', {
      custody: 'platform',
      password: demo.DEMO_PASSWORD,
    });
    expect(sellerSigned.body.state).toBe('concluded');

    const bundle = (await t.call<ContractBundle>('GET', `/api/trade/contracts/${no}/verify`, 'huanghe')).body;
    const file = join(dir, 'bundle.json');
    writeFileSync(file, JSON.stringify(bundle, null, 2));
    const ok = await run('verify-contract', file, '--public-key', bundle.checkpoint.publicKey);
    expect('failed' in ok, ok.stderr).toBe(false);
    expect(ok.stdout).toContain(`VALID: contract ${no}`);
    expect(ok.stdout).toContain('concluded, signed by both parties');

    const tampered = join(dir, 'tampered.json');
    writeFileSync(tampered, JSON.stringify(bundle).replace('"endsOn":"2026-12-31"', '"endsOn":"2026-12-30"'));
    const bad = await run('verify-contract', tampered);
    expect(bad).toMatchObject({ failed: true, code: 1 });
    expect(bad.stderr).toContain('INVALID (signatures)');
    // a checkpoint key other than the one you trust is refused
    const other = await run('verify-contract', file, '--public-key', `04${'1'.repeat(128)}`);
    expect(other.stderr).toContain('INVALID (checkpointKey)');
  }, 120_000);
});

describe('shuliu trade negotiations, orders and the escrow’s steps', () => {
  it('lists negotiations, places and pays an order, and shows it with its history', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'shuliu-orders-'));
    const buyerToken = join(dir, 'buyer');
    const sellerToken = join(dir, 'seller');
    writeFileSync(buyerToken, await t.login('quancheng'));
    writeFileSync(sellerToken, await t.login('merchant'));
    const no = await new TradeClient(t, marketClient(t)).concluded(productId, 'quancheng', 'merchant');
    const as = (file: string) => ['-s', t.url, '--token-file', file];

    const ngts = await run(
      'trade',
      'negotiations',
      '--side',
      'buyer',
      '--state',
      'finalized',
      ...as(buyerToken),
    );
    expect('failed' in ngts, ngts.stderr).toBe(false);
    expect(ngts.stdout).toMatch(/ngt_\S+\s+finalized/);

    const placed = await run(
      'trade',
      'place-order',
      no,
      '--key',
      `cli-order-${Date.now()}`,
      ...as(buyerToken),
    );
    expect('failed' in placed, placed.stderr).toBe(false);
    const id = /^(ord_\S+)/.exec(placed.stdout)![1]!;
    expect(placed.stdout).toContain('awaiting_payment');
    const early = await run('trade', 'deliver-order', id, ...as(sellerToken));
    expect(early).toMatchObject({ failed: true, code: 1 });
    expect(early.stderr).toContain('awaiting_payment');
    const paid = await run('trade', 'pay-order', id, '--reference', 'CLI-PAY-0001', ...as(buyerToken));
    expect(paid.stdout).toMatch(/\s+paid\s/);
    expect(paid.stdout).toContain('(CLI-PAY-0001)');

    const sold = await run('trade', 'orders', '--side', 'seller', '-q', no, ...as(sellerToken));
    expect(sold.stdout).toContain(`${id}  ${no}  paid`);
    expect(sold.stdout).toContain('1 of 1');
    const shown = await run('trade', 'order', id, ...as(sellerToken));
    expect(shown.stdout).toMatch(/1\. .+buyer\s+place/);
    expect(shown.stdout).toMatch(/2\. .+buyer\s+pay/);
  }, 120_000);
});
