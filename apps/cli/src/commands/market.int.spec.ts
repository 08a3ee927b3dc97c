import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { Product } from '@shuliu/contracts';
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
