import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { OrderDetail } from '@shuliu/contracts';
import { fingerprint } from '@shuliu/core/trade';
import { startTestServer, type TestServer } from '@shuliu/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { marketClient } from '../../../server/src/routes/market.fixtures.js';
import { TradeClient } from '../../../server/src/routes/trade.fixtures.js';
import {
  deliveredOrder,
  enterprisesCsv,
  fileProduct,
} from '../../../server/src/routes/trade-delivery.fixtures.js';

const BIN = join(import.meta.dirname, '../../bin/shuliu.mjs');
const run = (...args: string[]) =>
  promisify(execFile)(process.execPath, [BIN, ...args], { encoding: 'utf8', timeout: 90_000 }).then(
    (r) => ({ ...r, code: 0 }),
    (e: { code: number; stdout: string; stderr: string }) => e,
  );

let t: TestServer;
let order: OrderDetail;
let dir: string;
const token = async (as: string) => {
  const path = join(dir, `${as}.token`);
  writeFileSync(path, await t.login(as));
  return path;
};

beforeAll(async () => {
  t = await startTestServer({ listen: true });
  const m = marketClient(t);
  const { product } = await fileProduct(t, m);
  order = await deliveredOrder(new TradeClient(t, m), product.id, 'quancheng', { maxUses: 1 });
  dir = mkdtempSync(join(tmpdir(), 'shuliu-cli-delivery-'));
}, 240_000);
afterAll(async () => {
  await t.close();
  await rm(dir, { recursive: true, force: true });
});

describe('shuliu trade download and shuliu trace', () => {
  it('downloads the buyer’s copy as XLSX once, refuses a second download, and traces the copy to its order', async () => {
    const out = join(dir, 'copy.xlsx');
    const buyer = await token('quancheng');
    const got = await run(
      'trade',
      'download',
      order.id,
      '--format',
      'xlsx',
      '-o',
      out,
      '-s',
      t.url,
      '--token-file',
      buyer,
    );
    expect(got.code, got.stderr).toBe(0);
    expect(got.stdout).toContain(`saved ${out}`);
    expect(got.stdout).toContain('downloads left: 0');
    expect(readFileSync(out).subarray(0, 2).toString()).toBe('PK');
    const again = await run('trade', 'download', order.id, '-s', t.url, '--token-file', buyer);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('allows 1 download');

    const operator = await token('operator');
    const traced = await run('trace', out, '-s', t.url, '--token-file', operator);
    expect(traced.code, traced.stderr).toBe(0);
    expect(traced.stdout).toContain(`MATCH: order ${order.id} (contract ${order.contractNo})`);
    expect(traced.stdout).toContain(order.buyerOrgId);
    expect(traced.stdout).toMatch(/\d+\/\d+ marks matched, p = [\d.]+e-\d+/);
    const json = await run('trace', out, '--json', '-s', t.url, '--token-file', operator);
    expect(JSON.parse(json.stdout)).toMatchObject({ matched: true, match: { orderId: order.id } });
  }, 180_000);

  it('exits 1 naming no match for a foreign file, and refuses a buyer’s token', async () => {
    const foreign = join(dir, 'foreign.csv');
    writeFileSync(foreign, enterprisesCsv(300, 5).csv);
    const operator = await token('operator');
    const r = await run('trace', foreign, '-s', t.url, '--token-file', operator);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('NO MATCH');
    const table = await fingerprint.readTable(foreign);
    expect(r.stdout).toContain(`${table.rows.length} rows`);
    const buyer = await run('trace', foreign, '-s', t.url, '--token-file', await token('quancheng'));
    expect(buyer.code).toBe(1);
    expect(buyer.stderr).toContain('operator');
  }, 180_000);
});
