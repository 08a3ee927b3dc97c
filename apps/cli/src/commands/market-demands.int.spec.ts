import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { todayInChina, type Demand, type Product } from '@shuliu/contracts';
import { startTestServer, type TestServer } from '@shuliu/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
// the server's own market fixtures: a product registered, reviewed and listed through the API
import { marketClient, productBody } from '../../../server/src/routes/market.fixtures.js';
import { budgetLine } from './market-demands.js';

const BIN = join(import.meta.dirname, '../../bin/shuliu.mjs');
// the server runs in this process, so the CLI must run asynchronously beside it
const run = (...args: string[]) =>
  promisify(execFile)(process.execPath, [BIN, ...args], { encoding: 'utf8', timeout: 90_000 }).catch(
    (e: { code: number; stdout: string; stderr: string }) => ({ ...e, failed: true }),
  );

let t: TestServer;
let listed: Product;
let demand: Demand;
beforeAll(async () => {
  t = await startTestServer({ listen: true });
  const m = marketClient(t);
  const { resource } = await m.listable('merchant', '命令行需求测试数据');
  listed = await m.listed('merchant', productBody([resource]));
  demand = await m.ok<Demand>('POST', '/api/market/my/demands', 'buyer', {
    title: '求购企业经营景气指数',
    description: '小微企业授信前的区域景气研判。',
    purpose: '普惠金融授信 景气指数',
    sector: 'commerce',
    region: '370100',
    grades: ['general_1'],
    budgetMaxFen: 1_000_00,
    deadline: todayInChina(new Date(Date.now() + 20 * 86_400_000)),
  });
}, 240_000);
afterAll(() => t.close());

describe('shuliu market demands', () => {
  it('lists the open demands anonymously, with facets', async () => {
    const out = await run('market', 'demands', '景气指数', '-s', t.url);
    expect(out.stdout).toContain('1 open demands matching "景气指数"');
    expect(out.stdout).toContain(demand.id);
    expect(out.stdout).toContain('up to ¥1000.00');
    expect(out.stdout).toMatch(/sectors: 商贸流通 1/);
  });

  it('shows a demand, and with the buyer’s token its matches and each part of the score', async () => {
    const anon = await run('market', 'demand', demand.id, '-s', t.url);
    expect(anon.stdout).toContain('求购企业经营景气指数');
    expect(anon.stdout).not.toContain('matches (');
    const token = await t.login('buyer');
    const out = await run('market', 'demand', demand.id, '-s', t.url, '--token', token);
    expect(out.stdout).toContain(listed.id);
    expect(out.stdout).toContain('credit not yet rated');
    expect(out.stdout).toMatch(/sector 20\/20/);
  });

  it('states a budget as the buyer did', () => {
    expect(budgetLine({ budgetMinFen: null, budgetMaxFen: null })).toBe('budget open (面议)');
    expect(budgetLine({ budgetMinFen: 100, budgetMaxFen: 250_00 })).toBe('¥1.00–¥250.00');
    expect(budgetLine({ budgetMinFen: 5_00, budgetMaxFen: null })).toBe('from ¥5.00');
  });
});
