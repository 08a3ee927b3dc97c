import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { startTestServer, type TestServer } from '@shuliu/server';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { marketClient, productBody } from '../../../server/src/routes/market.fixtures.js';
import { TradeClient } from '../../../server/src/routes/trade.fixtures.js';

const BIN = join(import.meta.dirname, '../../bin/shuliu.mjs');
const run = (...args: string[]) =>
  promisify(execFile)(process.execPath, [BIN, ...args], { encoding: 'utf8', timeout: 90_000 }).catch(
    (e: { code: number; stdout: string; stderr: string }) => ({ ...e, failed: true }),
  );

let t: TestServer;
const dir = mkdtempSync(join(tmpdir(), 'shuliu-statements-'));
const tokenOf = async (user: string) => {
  const file = join(dir, user);
  writeFileSync(file, await t.login(user));
  return file;
};

beforeAll(async () => {
  t = await startTestServer({ listen: true });
  const m = marketClient(t);
  const trade = new TradeClient(t, m);
  const { resource } = await m.listable('merchant', '命令行结算测试数据');
  const p = await m.listed(
    'merchant',
    productBody([resource], { licence: { seats: null, exclusive: false } }),
  );
  const order = await trade.paidOrder(p.id, 'quancheng', 'merchant', { priceFen: 100_01 });
  await trade.step(order.id, 'deliver', 'merchant');
  await trade.step(order.id, 'accept', 'quancheng');
  await sql`update trade_orders set accepted_at = '2025-02-10T02:00:00Z' where id = ${order.id}`.execute(
    t.services.db,
  );
  await m.ok('PUT', '/api/settings/trade', 'operator', { platformFeeBp: 300 });
  expect((await t.call('POST', '/api/trade/settlement/periods/2025-02/close', 'operator')).status).toBe(200);
}, 240_000);
afterAll(() => t.close());

describe('shuliu trade statements', () => {
  it('prints the caller’s own statement, and every party’s to the regulator', async () => {
    const mine = await run(
      'trade',
      'statements',
      '2025-02',
      '-s',
      t.url,
      '--token-file',
      await tokenOf('merchant'),
    );
    expect('failed' in mine, mine.stderr).toBe(false);
    // 10,001 fen × 3 % = 300.03: the platform 300, the seller 9,701
    expect(mine.stdout).toContain('seller 97.01');
    expect(mine.stdout).not.toContain('platform 3.00');
    const all = await run(
      'trade',
      'statements',
      '2025-02',
      '-s',
      t.url,
      '--token-file',
      await tokenOf('regulator'),
    );
    expect(all.stdout).toContain('parties together 100.01');
    expect(all.stdout).toContain('platform 3.00');
  });

  it('prints the CSV export with its byte-order mark, and names the API’s refusal', async () => {
    const csv = await run(
      'trade',
      'statements',
      '2025-02',
      '--csv',
      '-s',
      t.url,
      '--token-file',
      await tokenOf('regulator'),
    );
    expect(csv.stdout.startsWith('\uFEFF')).toBe(true);
    const rows = csv.stdout.trim().split('\r\n');
    expect(rows).toHaveLength(3);
    expect(rows.slice(1).reduce((n, r) => n + Number(r.split(',')[9]), 0)).toBe(100_01);
    const refused = await run(
      'trade',
      'statements',
      '2025-02',
      '--csv',
      '--org',
      'org_01jzzzzzzzzzzzzzzzzzzzzzzz',
      '-s',
      t.url,
      '--token-file',
      await tokenOf('merchant'),
    );
    expect('failed' in refused).toBe(true);
    expect(refused.stderr).toContain('FORBIDDEN');
  });
});
