import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AuditEvent, DeliveredFile, OrderDetail, Paged, TraceResult } from '@shuliu/contracts';
import { fingerprint } from '@shuliu/core/trade';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../testing.js';
import { marketClient, productBody, POLICY, type Err, type MarketClient } from './market.fixtures.js';
import { TradeClient } from './trade.fixtures.js';
import { deliveredOrder, enterprisesCsv, fileProduct } from './trade-delivery.fixtures.js';

// 文件交付: a delivered file order gives its buyer a copy of the de-identified derivative fingerprinted for it
// alone; a leaked copy — re-sorted, cut down to some columns, turned into a workbook — is traced to its order,
// a foreign file to nothing; downloads are counted against the contract's use limit and audited.
let t: TestServer;
let m: MarketClient;
let trade: TradeClient;
let dir: string;
let made: Awaited<ReturnType<typeof fileProduct>>;
let a: OrderDetail;
let b: OrderDetail;

beforeAll(async () => {
  t = await startTestServer();
  m = marketClient(t);
  trade = new TradeClient(t, m);
  dir = await mkdtemp(join(tmpdir(), 'shuliu-delivery-'));
  made = await fileProduct(t, m);
  a = await deliveredOrder(trade, made.product.id, 'quancheng', { maxUses: 2 });
  b = await deliveredOrder(trade, made.product.id, 'huanghe');
}, 240_000);
afterAll(async () => {
  await t.close();
  await rm(dir, { recursive: true, force: true });
});

const files = async (orderId: string, as: string) =>
  (await m.ok<{ items: DeliveredFile[] }>('GET', `/api/trade/orders/${orderId}/files`, as)).items;

const download = (orderId: string, fileId: string, as?: string, format = 'csv') =>
  t.call<string & Err>('GET', `/api/trade/orders/${orderId}/files/${fileId}/download?format=${format}`, as);

async function trace(bytes: Buffer, name: string, as = 'operator') {
  const res = await t.app.inject({
    method: 'POST',
    url: `/api/trade/trace?name=${encodeURIComponent(name)}`,
    payload: bytes,
    headers: { authorization: `Bearer ${await t.login(as)}`, 'content-type': 'application/octet-stream' },
  });
  return { status: res.statusCode, body: res.json() as TraceResult & Err };
}

/** A copy as a leaker might pass it on: rows re-sorted, some columns only, as a workbook. */
async function leaked(csv: string, name: string, kept: string[]) {
  const path = join(dir, `${name}.csv`);
  await writeFile(path, csv);
  const copy = await fingerprint.readTable(path);
  const at = kept.map((c) => copy.columns.indexOf(c));
  const rows = copy.rows
    .map((r) => at.map((i) => r[i] ?? null))
    .sort((x, y) => String(x[0]).localeCompare(String(y[0])) || String(x[1]).localeCompare(String(y[1])))
    // as a spreadsheet reads the CSV: text that is a number becomes one
    .map((r) => r.map((c) => (typeof c === 'string' && /^\d+(\.\d+)?$/.test(c) ? Number(c) : c)));
  const out = join(dir, `${name}.xlsx`);
  await fingerprint.writeTable(out, { columns: kept, rows }, 'xlsx');
  return readFile(out);
}

describe('delivering a file order', () => {
  it('refuses (409) a resource with no de-identified derivative, and the order stays paid', async () => {
    const { resource } = await m.listable('merchant', '未脱敏的企业名录');
    const p = await m.listed('merchant', productBody([resource], { deliveryModes: ['file'] }));
    const paid = await trade.paidOrder(p.id, 'quancheng', 'merchant', { deliveryMode: 'file' });
    const r = await trade.step(paid.id, 'deliver', 'merchant', {});
    expect(r.status).toBe(409);
    expect(r.body.error).toMatchObject({
      code: 'TRADE_DEIDENTIFIED_FILE_MISSING',
      details: { resourceId: resource },
    });
    expect((await m.ok<OrderDetail>('GET', `/api/trade/orders/${paid.id}`, 'quancheng')).state).toBe('paid');
  });

  it('lists one copy per resource to the parties and overseers, with the downloads the contract allows', async () => {
    const [fa] = await files(a.id, 'quancheng');
    expect(fa).toMatchObject({
      orderId: a.id,
      resourceId: made.derivative,
      prepared: false,
      downloads: 0,
      maxDownloads: 2,
      downloadsLeft: 2,
    });
    expect(fa!.name).toMatch(/\.csv$/);
    expect((await files(a.id, 'merchant')).map((f) => f.id)).toEqual([fa!.id]);
    expect((await files(a.id, 'regulator')).map((f) => f.id)).toEqual([fa!.id]);
    const [fb] = await files(b.id, 'huanghe');
    expect(fb).toMatchObject({ maxDownloads: null, downloadsLeft: null });
  });
});

describe('the buyer’s copy', () => {
  let csvA: string;
  let csvB: string;

  it('is the de-identified derivative, marked for its buyer: two buyers’ copies differ, no raw value is in either', async () => {
    const [fa] = await files(a.id, 'quancheng');
    const [fb] = await files(b.id, 'huanghe');
    const ra = await download(a.id, fa!.id, 'quancheng');
    expect(ra.status, JSON.stringify(ra.body)).toBe(200);
    expect(ra.raw.headers['content-disposition']).toContain("filename*=UTF-8''");
    expect(ra.raw.headers['content-type']).toContain('text/csv');
    const rb = await download(b.id, fb!.id, 'huanghe');
    expect(rb.status).toBe(200);
    csvA = ra.raw.body;
    csvB = rb.raw.body;
    expect(csvA.split('\n')[0]).toBe('联系人,联系电话,所在区县,行业,规模,营业收入,从业人数');
    expect(csvA.split('\n').length).toBe(csvB.split('\n').length);
    expect(csvA).not.toBe(csvB);
    for (const raw of [...made.raw.mobiles, ...made.raw.names]) {
      expect(csvA).not.toContain(raw);
      expect(csvB).not.toContain(raw);
    }
    const listed = (await files(a.id, 'quancheng'))[0]!;
    expect(listed).toMatchObject({ prepared: true, downloads: 1, downloadsLeft: 1, rows: 400 });
    expect(listed.sm3).toMatch(/^[0-9a-f]{64}$/);
  });

  it('traces to its own order even re-sorted, cut to some columns and turned into a workbook', async () => {
    const leakA = await leaked(csvA, 'a', ['行业', '营业收入', '所在区县', '从业人数']);
    const ta = await trace(leakA, 'a.xlsx');
    expect(ta.status, JSON.stringify(ta.body)).toBe(200);
    expect(ta.body).toMatchObject({
      matched: true,
      rows: 400,
      match: {
        orderId: a.id,
        contractNo: a.contractNo,
        buyerOrgId: a.buyerOrgId,
        productId: made.product.id,
      },
    });
    expect(ta.body.match!.buyerName).toBeTruthy();
    expect(ta.body.statistics!.pValue).toBeLessThan(1e-6);
    expect(ta.body.statistics!.matches).toBeGreaterThan(20);
    const leakB = await leaked(csvB, 'b', ['营业收入', '规模', '行业', '联系电话']);
    const tb = await trace(leakB, 'b.xlsx', 'regulator');
    expect(tb.body).toMatchObject({ matched: true, match: { orderId: b.id, buyerOrgId: b.buyerOrgId } });
  });

  it('traces a foreign file of the same shape to nothing, and is not the buyer’s to run', async () => {
    const foreign = await trace(Buffer.from(enterprisesCsv(300, 99).csv), 'other.csv');
    expect(foreign.status).toBe(200);
    expect(foreign.body).toMatchObject({ matched: false, match: null });
    const unmarked = await trace(Buffer.from(made.raw.csv), 'raw.csv');
    expect(unmarked.body.matched).toBe(false);
    expect((await trace(Buffer.from(csvA), 'a.csv', 'quancheng')).status).toBe(403);
    const audit = await m.ok<Paged<AuditEvent>>('GET', '/api/audit/events?action=trade.trace', 'regulator');
    expect(audit.items.filter((e) => e.objectId === a.id).length).toBeGreaterThan(0);
  });
});

describe('downloads', () => {
  it('stop at the contract’s use limit (409 naming it) and each is audited, refused ones too', async () => {
    const [fa] = await files(a.id, 'quancheng');
    const xlsx = await download(a.id, fa!.id, 'quancheng', 'xlsx');
    expect(xlsx.status).toBe(200);
    expect(xlsx.raw.headers['content-disposition']).toMatch(/\.xlsx/);
    expect(xlsx.raw.rawPayload.subarray(0, 2).toString()).toBe('PK');
    const over = await download(a.id, fa!.id, 'quancheng');
    expect(over.status).toBe(409);
    expect(over.body.error).toMatchObject({
      code: 'TRADE_DOWNLOADS_EXHAUSTED',
      details: { limit: 2, used: 2 },
    });
    expect((await files(a.id, 'quancheng'))[0]).toMatchObject({ downloads: 2, downloadsLeft: 0 });
    const audit = await m.ok<Paged<AuditEvent>>(
      'GET',
      `/api/audit/events?action=trade.file.download&pageSize=50`,
      'regulator',
    );
    const mine = audit.items.filter((e) => e.objectId === a.id || String(e.details?.path).includes(a.id));
    expect(mine.filter((e) => e.outcome === 'success')).toHaveLength(2);
    expect(mine.filter((e) => e.outcome === 'failure')).toHaveLength(1);
  });

  it('follow the policy’s count constraint when the contract sets no limit', async () => {
    const counted = {
      ...POLICY,
      permission: [
        {
          action: 'use',
          constraint: [
            { leftOperand: 'purpose', operator: 'eq', rightOperand: '风控' },
            { leftOperand: 'count', operator: 'lteq', rightOperand: 1 },
          ],
        },
      ],
    };
    const p = await m.listed(
      'merchant',
      productBody([made.derivative], {
        title: '小微企业经营明细（限一次）',
        deliveryModes: ['file'],
        policy: counted,
      }),
    );
    const o = await deliveredOrder(trade, p.id, 'quancheng');
    const [f] = await files(o.id, 'quancheng');
    expect(f).toMatchObject({ maxDownloads: 1, downloadsLeft: 1 });
    expect((await download(o.id, f!.id, 'quancheng')).status).toBe(200);
    const again = await download(o.id, f!.id, 'quancheng');
    expect(again.body.error).toMatchObject({ code: 'TRADE_DOWNLOADS_EXHAUSTED', details: { limit: 1 } });
  });

  it('are the buyer’s only: another org gets 404, the seller 403, nobody anonymous', async () => {
    const [fb] = await files(b.id, 'huanghe');
    expect((await t.call('GET', `/api/trade/orders/${b.id}/files`, 'quancheng')).status).toBe(404);
    expect((await download(b.id, fb!.id, 'quancheng')).status).toBe(404);
    expect((await download(b.id, fb!.id, 'merchant')).status).toBe(403);
    expect((await download(b.id, fb!.id, 'operator')).status).toBe(403);
    expect((await download(b.id, fb!.id)).status).toBe(401);
    expect((await download(a.id, fb!.id, 'quancheng')).status).toBe(404);
  });
});
