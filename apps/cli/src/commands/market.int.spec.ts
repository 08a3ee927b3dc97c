import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import type { ListingCheck, Me, OrgSigningKey, Product } from '@shuliu/contracts';
import { demo } from '@shuliu/core';
import { startTestServer, type TestServer } from '@shuliu/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
// the server's own market fixtures: a product registered, reviewed and listed through the API
import { marketClient, productBody } from '../../../server/src/routes/market.fixtures.js';
import { priceLine, yuan } from './market.js';

const BIN = join(import.meta.dirname, '../../bin/shuliu.mjs');
// the server runs in this process, so the CLI must run asynchronously beside it
const run = (...args: string[]) =>
  promisify(execFile)(process.execPath, [BIN, ...args], { encoding: 'utf8', timeout: 90_000 }).catch(
    (e: { code: number; stdout: string; stderr: string }) => ({ ...e, failed: true }),
  );

let t: TestServer;
let listed: Product;
beforeAll(async () => {
  t = await startTestServer({ listen: true });
  const m = marketClient(t);
  const { resource } = await m.listable('merchant', '命令行市场测试数据');
  listed = await m.listed(
    'merchant',
    productBody([resource], {
      title: '黄河口湿地观测数据服务',
      boards: ['ocean'],
      deliveryModes: ['api'],
      priceModel: {
        kind: 'tiered',
        unit: '次',
        tiers: [
          { upTo: 1000, unitFen: 50 },
          { upTo: null, unitFen: 30 },
        ],
      },
    }),
  );
}, 240_000);
afterAll(() => t.close());

describe('shuliu market', () => {
  it('searches the listed products anonymously, with facets', async () => {
    const out = await run('market', 'products', '湿地观测', '--board', 'ocean', '-s', t.url);
    expect(out.stdout).toContain('1 listed products matching "湿地观测"');
    expect(out.stdout).toContain(listed.id);
    expect(out.stdout).toContain('tiered per 次: ≤1000 ¥0.50, beyond ¥0.30');
    expect(out.stdout).toMatch(/boards: 海洋 1/);
    const json = JSON.parse((await run('market', 'products', '湿地观测', '--json', '-s', t.url)).stdout) as {
      items: Product[];
    };
    expect(json.items[0]).toMatchObject({ id: listed.id, certificateNos: listed.certificateNos });
  });

  it('shows one product with its certificates and ledger entry, and says why another cannot be shown', async () => {
    const out = await run('market', 'product', listed.id, '-s', t.url);
    expect(out.stdout).toContain('黄河口湿地观测数据服务');
    expect(out.stdout).toContain(listed.certificateNos[0]);
    expect(out.stdout).toContain(`listing.published #${listed.listing!.ledgerIndex}`);
    const missing = await run('market', 'product', `prd_${'0'.repeat(26)}`, '-s', t.url);
    expect(missing).toMatchObject({ failed: true });
    expect(missing.stderr).toContain('does not exist');
    const bad = await run('market', 'products', '--delivery', 'email', '-s', t.url);
    expect(bad.stderr).toContain('must be one of file, api, compute, report');
  });

  it('signs a draft’s declaration offline with the org’s own key, which then passes the listing check', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'shuliu-market-sign-'));
    const keyFile = join(dir, 'key.pem');
    const made = await run('keygen', '--out', keyFile);
    const publicKeyPem = /-----BEGIN PUBLIC KEY-----[\s\S]+-----END PUBLIC KEY-----\n/.exec(made.stdout)![0];
    const org = (await t.call<Me>('GET', '/api/me', 'quancheng')).body.org!.id;
    const key = await t.call<OrgSigningKey>('POST', `/api/orgs/${org}/signing-keys`, 'quancheng', {
      custody: 'org',
      publicKey: publicKeyPem,
      password: demo.DEMO_PASSWORD,
    });
    expect(key.status).toBe(201);
    const m = marketClient(t);
    const { resource } = await m.listable('quancheng', '近海水温观测数据');
    const draft = await m.draft('quancheng', productBody([resource], { boards: ['ocean'] }), false);
    const tokenFile = join(dir, 'token');
    writeFileSync(tokenFile, await t.login('quancheng'));
    const out = await run(
      'market',
      'sign',
      draft.id,
      '--key',
      keyFile,
      '-s',
      t.url,
      '--token-file',
      tokenFile,
    );
    expect('failed' in out, out.stderr).toBe(false);
    expect(out.stdout).toContain(`key ${key.body.id}`);
    const signed = (await t.call<Product>('GET', `/api/market/products/${draft.id}`, 'quancheng')).body;
    expect(signed.declaration.signature).toMatchObject({ keyId: key.body.id });
    const check = await t.call<ListingCheck>('GET', `/api/market/products/${draft.id}/check`, 'quancheng');
    expect(check.body.items.find((i) => i.key === 'declarations')?.passed).toBe(true);
    // a key the org never registered is named as such, and nothing is sent
    const stranger = join(dir, 'stranger.pem');
    await run('keygen', '--out', stranger);
    const refused = await run(
      'market',
      'sign',
      draft.id,
      '--key',
      stranger,
      '-s',
      t.url,
      '--token-file',
      tokenFile,
    );
    expect(refused.stderr).toContain('not an active signing key');
  });

  it('prints prices in yuan from integer fen', () => {
    expect(yuan(12345)).toBe('¥123.45');
    expect(yuan(5)).toBe('¥0.05');
    expect(
      priceLine({
        kind: 'government_guided',
        basis: 'per_call',
        amountFen: 800,
        capFen: 800,
        operationGrantIds: [],
      }),
    ).toBe('government-guided ¥8.00/call (cap ¥8.00)');
  });
});
