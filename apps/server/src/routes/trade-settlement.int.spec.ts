import {
  todayInChina,
  shapleySampled,
  type AuditEvent,
  type Paged,
  type PeriodSummary,
  type RevenueShare,
  type Statement,
} from '@shuliu/contracts';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../testing.js';
import { marketClient, productBody, type Err, type MarketClient } from './market.fixtures.js';
import { TradeClient } from './trade.fixtures.js';

// 结算与收益分配: a month closed once into statement lines summing exactly to each order's gross, the platform fee
// from the operator's setting, the authority's share from its grant, each party seeing only its own lines (and
// the CSV the same lines), and the seller's part split among contributors by Shapley value, audited.
let t: TestServer;
let m: MarketClient;
let trade: TradeClient;
let resourceId: string;
const org: Record<string, string> = {};

beforeAll(async () => {
  t = await startTestServer();
  m = marketClient(t);
  trade = new TradeClient(t, m);
  resourceId = (await m.listable('merchant', '企业经营景气基础数据')).resource;
  for (const u of ['merchant', 'quancheng', 'huanghe', 'buyer', 'certifier', 'authority', 'operator'])
    org[u] = await m.registry.orgOf(u);
});
afterAll(() => t.close());

const listed = (title: string) =>
  m.listed('merchant', productBody([resourceId], { title, licence: { seats: null, exclusive: false } }));

/** An order taken to acceptance, its acceptance then dated into `period` (a month already over). */
async function acceptedIn(
  productId: string,
  period: string,
  priceFen: number,
  seller = 'merchant',
  over = {},
) {
  const paid = await trade.paidOrder(productId, 'quancheng', seller, { priceFen, ...over });
  expect((await trade.step(paid.id, 'deliver', seller)).status).toBe(200);
  expect((await trade.step(paid.id, 'accept', 'quancheng')).status).toBe(200);
  await sql`update trade_orders set accepted_at = ${`${period}-15T04:00:00Z`} where id = ${paid.id}`.execute(
    t.services.db,
  );
  return paid.id;
}

const close = (period: string, as = 'operator') =>
  t.call<PeriodSummary & Err>('POST', `/api/trade/settlement/periods/${period}/close`, as);
const statement = (period: string, as: string, q = '') =>
  m.ok<Statement>('GET', `/api/trade/settlement/periods/${period}/statements?pageSize=500${q}`, as);
const setFee = (platformFeeBp: number) => m.ok('PUT', '/api/settings/trade', 'operator', { platformFeeBp });
const audits = (action: string, objectId: string) =>
  m.ok<Paged<AuditEvent>>('GET', `/api/audit/events?action=${action}&objectId=${objectId}`, 'regulator');

describe('closing a period', () => {
  it('splits each order by the fee in the setting, the remainder to the largest fraction, once', async () => {
    await setFee(250);
    const p = await listed('结算测试产品');
    const a = await acceptedIn(p.id, '2025-03', 123_45);
    const b = await acceptedIn(p.id, '2025-03', 999_99);
    const closed = await close('2025-03');
    expect(closed.status, JSON.stringify(closed.body)).toBe(200);
    expect(closed.body).toMatchObject({ period: '2025-03', state: 'closed', platformFeeBp: 250 });
    expect(closed.body).toMatchObject({ grossFen: 123_45 + 999_99, orders: 2 });

    const s = await statement('2025-03', 'operator');
    expect(s.fen).toBe(s.grossFen);
    expect(s.remainderRule).toContain('largest remainder');
    // 12,345 × 2.5 % = 308.625 and 12,036.375: the one fen left goes to the larger fraction, the platform's
    const lines = (id: string) => s.lines.filter((l) => l.orderId === id).map((l) => [l.role, l.fen]);
    expect(lines(a)).toEqual([
      ['seller', 12_036],
      ['platform', 309],
    ]);
    // 99,999 × 2.5 % = 2,499.975 and 97,499.025
    expect(lines(b)).toEqual([
      ['seller', 97_499],
      ['platform', 2_500],
    ]);
    expect(s.parties.find((x) => x.orgId === org.operator)).toMatchObject({ fen: 2_809, orders: 2 });
    expect(s.parties.find((x) => x.orgId === org.merchant)).toMatchObject({
      fen: 109_535,
      byRole: { seller: 109_535 },
    });

    const why = await m.ok<{ explain: { 'zh-CN': string; 'en-US': string }[]; remainderRule: string }>(
      'GET',
      `/api/trade/settlement/periods/2025-03/orders/${a}`,
      'merchant',
    );
    expect(why.remainderRule).toContain('largest remainder');
    expect(why.explain.map((w) => w['en-US']).join('\n')).toContain('12,345 × 250 ÷ 10,000 = 308.625');
    // the parties by name, as people read them
    expect(why.explain.map((w) => w['zh-CN']).join('\n')).toContain('卖方（齐鲁数据科技有限公司）');
    expect((await t.call('GET', `/api/trade/settlement/periods/2025-03/orders/${a}`, 'huanghe')).status).toBe(
      404,
    );

    const again = await close('2025-03');
    expect(again.status).toBe(409);
    expect(again.body.error).toMatchObject({
      code: 'TRADE_SETTLEMENT_PERIOD_CLOSED',
      details: { period: '2025-03' },
    });
    expect(again.body.error.message).toContain('2025-03');
    const now = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 7);
    expect((await close(now)).body.error.code).toBe('TRADE_SETTLEMENT_PERIOD_OPEN');
    expect((await close('2025-04', 'merchant')).status).toBe(403);
    expect((await audits('trade.settlement.close', '2025-03')).items[0]?.details).toMatchObject({
      orders: 2,
      grossFen: 123_45 + 999_99,
      platformFeeBp: 250,
    });
    const periods = await m.ok<{ items: PeriodSummary[] }>(
      'GET',
      '/api/trade/settlement/periods',
      'merchant',
    );
    expect(periods.items.find((x) => x.period === '2025-03')).toMatchObject({
      state: 'closed',
      ownFen: 109_535,
      grossFen: null,
    });
  });

  it('shows each party only its own lines, and the CSV carries the same lines', async () => {
    await setFee(300);
    const p = await listed('对账可见性产品');
    await acceptedIn(p.id, '2025-05', 777_77);
    expect((await close('2025-05')).status).toBe(200);

    const all = await statement('2025-05', 'regulator');
    expect(all.parties.map((x) => x.orgId).sort()).toEqual([org.merchant, org.operator].sort());
    const mine = await statement('2025-05', 'merchant');
    expect(mine.lines.every((l) => l.orgId === org.merchant)).toBe(true);
    expect(mine.parties).toHaveLength(1);
    expect(mine.fen).toBe(all.parties.find((x) => x.orgId === org.merchant)!.fen);
    const third = await statement('2025-05', 'huanghe');
    expect(third).toMatchObject({ parties: [], lines: [], totalLines: 0, fen: 0, grossFen: 0 });
    const asking = await t.call(
      'GET',
      `/api/trade/settlement/periods/2025-05/statements?org=${org.merchant}`,
      'huanghe',
    );
    expect(asking.status).toBe(403);
    expect((await t.call('GET', '/api/trade/settlement/periods/2025-05/statements')).status).toBe(401);

    const csv = await t.call<string>(
      'GET',
      '/api/trade/settlement/periods/2025-05/statements.csv',
      'operator',
    );
    expect(csv.status).toBe(200);
    expect(csv.raw.headers['content-type']).toContain('text/csv');
    expect(csv.raw.rawPayload.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    const rows = csv.body
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n')
      .slice(1);
    expect(rows).toHaveLength(all.totalLines);
    const fenOf = (r: string) => Number(r.split(',')[9]);
    expect(rows.reduce((n, r) => n + fenOf(r), 0)).toBe(all.grossFen);
    expect(rows.map((r) => r.split(',')[8])).toEqual(all.lines.map((l) => l.role));
    const own = await t.call<string>(
      'GET',
      '/api/trade/settlement/periods/2025-05/statements.csv',
      'huanghe',
    );
    expect(
      own.body
        .replace(/^\uFEFF/, '')
        .trim()
        .split('\r\n'),
    ).toHaveLength(1);
  });
});

describe('closing at once', () => {
  it('lets one of two concurrent closes through and refuses the other naming the period', async () => {
    const [a, b] = await Promise.all([close('2025-08'), close('2025-08')]);
    expect([a.status, b.status].sort()).toEqual([200, 409]);
    expect((a.status === 409 ? a : b).body.error).toMatchObject({
      code: 'TRADE_SETTLEMENT_PERIOD_CLOSED',
      details: { period: '2025-08' },
    });
    const s = await statement('2025-08', 'operator');
    expect(s).toMatchObject({ state: 'closed', grossFen: 0, orders: 0, parties: [] });
  });
});

describe('public data under authorized operation', () => {
  it('pays the authority the share its grant sets, the seller as the authorized operator', async () => {
    await setFee(200);
    const pub = await m.listable('authority', '济南市公交客流统计(结算)', {
      subjectType: 'public',
      sectorCode: 'transport.road',
    });
    // licence terms are Beijing days, as the certificate's are (a UTC date is a day behind from 16:00 UTC)
    const inDays = (d: number) => todayInChina(new Date(Date.now() + d * 86_400_000));
    await m.registry.deal(
      'authority',
      {
        type: 'license',
        certificateId: pub.certId,
        licenseeOrgId: org.merchant,
        rights: ['operating'],
        scope: '公共数据授权运营',
        validFrom: inDays(0),
        validUntil: inDays(300),
      },
      'license_agreement',
    );
    const grant = await m.ok<{ id: string; authorityShareBp: number }>(
      'POST',
      '/api/consent/operation-grants',
      'authority',
      {
        operatorOrgId: org.merchant,
        scope: 'comprehensive',
        maxGrade: 'general_4',
        startsAt: new Date(Date.now() - 60_000).toISOString(),
        endsAt: new Date(Date.now() + 200 * 86_400_000).toISOString(),
        priceGuidanceFen: 900_00,
        authorityShareBp: 1500,
      },
    );
    expect(grant.authorityShareBp).toBe(1500);
    const tooMuch = await t.call<Err>('POST', '/api/consent/operation-grants', 'authority', {
      operatorOrgId: org.huanghe,
      scope: 'comprehensive',
      maxGrade: 'general_4',
      startsAt: new Date().toISOString(),
      endsAt: new Date(Date.now() + 86_400_000).toISOString(),
      priceGuidanceFen: 1,
      authorityShareBp: 7001,
    });
    expect(tooMuch.status).toBe(400);
    expect(JSON.stringify(tooMuch.body.error)).toContain('authorityShareBp');
    const p = await m.listed(
      'merchant',
      productBody([pub.resource], {
        title: '公交客流分析报告',
        sector: 'transport.road',
        boards: ['government'],
        priceModel: { kind: 'government_guided', basis: 'fixed', amountFen: 800_00 },
        licence: { seats: null, exclusive: false },
      }),
    );
    await acceptedIn(p.id, '2025-06', 800_00);
    expect((await close('2025-06')).status).toBe(200);
    const s = await statement('2025-06', 'operator');
    expect(s.lines.map((l) => [l.role, l.orgId, l.fen])).toEqual([
      ['operator', org.merchant, 664_00],
      ['authority', org.authority, 120_00],
      ['platform', org.operator, 16_00],
    ]);
    const auth = await statement('2025-06', 'authority');
    expect(auth.parties).toEqual([expect.objectContaining({ orgId: org.authority, fen: 120_00 })]);
  });
});

const TABLE = { '': 0, a: 10, b: 20, c: 30, 'a,b': 40, 'a,c': 50, 'b,c': 60, 'a,b,c': 90 };
const tableOf = (ids: [string, string, string]) =>
  Object.fromEntries(
    Object.entries(TABLE).map(([k, v]) => [
      k
        .split(',')
        .filter(Boolean)
        .map((x) => ids['abc'.indexOf(x)])
        .join(','),
      v,
    ]),
  );

describe('revenue shared by contribution (Shapley value)', () => {
  it('splits the seller part among three contributors by their exact values, shown to each and audited', async () => {
    await setFee(250);
    const p = await listed('三方融合数据产品');
    const ids: [string, string, string] = [org.merchant!, org.huanghe!, org.buyer!];
    const body = {
      contributors: ids,
      utility: { kind: 'table', values: tableOf(ids) },
      utilityLabel: '模型准确率（%）',
      method: 'exact',
    };
    const declared = await m.ok<RevenueShare>(
      'PUT',
      `/api/trade/products/${p.id}/revenue-share`,
      'merchant',
      body,
    );
    const c = declared.computation!;
    // by hand: φ = Σ |S|!(n−|S|−1)!/n! · (v(S∪i) − v(S)) gives 20, 30, 40 of v(N) = 90
    expect(c.contributors.map((x) => [x.orgId, Math.round(x.value * 1e9) / 1e9])).toEqual([
      [org.merchant, 20],
      [org.huanghe, 30],
      [org.buyer, 40],
    ]);
    expect(c.contributors.map((x) => x.partsPerBillion)).toEqual([222_222_222, 333_333_333, 444_444_445]);
    expect(c).toMatchObject({ method: 'exact', subsets: 8, grand: 90, empty: 0, maxErrorBound: null });
    expect(c.inputsHash).toMatch(/^[0-9a-f]{64}$/);

    for (const who of ['huanghe', 'buyer', 'operator', 'regulator'])
      expect(
        (await m.ok<RevenueShare>('GET', `/api/trade/products/${p.id}/revenue-share`, who)).computation?.id,
      ).toBe(c.id);
    expect((await t.call('GET', `/api/trade/products/${p.id}/revenue-share`, 'certifier')).status).toBe(404);
    expect((await t.call('PUT', `/api/trade/products/${p.id}/revenue-share`, 'huanghe', body)).status).toBe(
      403,
    );
    expect((await audits('trade.shapley.compute', c.id)).items[0]?.details).toMatchObject({
      inputsHash: c.inputsHash,
      partsPerBillion: { [org.merchant!]: 222_222_222 },
    });

    const order = await acceptedIn(p.id, '2025-07', 100_00);
    expect((await close('2025-07')).status).toBe(200);
    const s = await statement('2025-07', 'operator');
    // 9,750 fen by 2/9, 3/9, 4/9: 2,166.67, 3,249.99…, 4,333.33 → the two fen left to the two largest fractions
    expect(s.lines.filter((l) => l.orderId === order).map((l) => [l.role, l.orgId, l.fen])).toEqual([
      ['contributor', org.merchant, 2_167],
      ['contributor', org.huanghe, 3_250],
      ['contributor', org.buyer, 4_333],
      ['platform', org.operator, 250],
    ]);
    const theirs = await statement('2025-07', 'huanghe');
    expect(theirs.lines.map((l) => [l.role, l.fen])).toEqual([['contributor', 3_250]]);
  });

  it('samples reproducibly from the seed, with its error bound', async () => {
    const p = await listed('多方覆盖数据产品');
    const ids = [org.merchant!, org.huanghe!, org.buyer!, org.certifier!];
    const sets = { [ids[0]!]: [1, 2, 3], [ids[1]!]: [3, 4], [ids[2]!]: [4, 5, 6, 7], [ids[3]!]: [1, 7, 8] };
    const body = (seed: string) => ({
      contributors: ids,
      utility: { kind: 'coverage', sets },
      utilityLabel: '覆盖区县数',
      method: 'sampled',
      seed,
      samples: 500,
    });
    const put = (seed: string) =>
      m.ok<RevenueShare>('PUT', `/api/trade/products/${p.id}/revenue-share`, 'merchant', body(seed));
    const one = (await put('seed-2026')).computation!;
    const two = (await put('seed-2026')).computation!;
    expect(two.id).not.toBe(one.id);
    expect(two.inputsHash).toBe(one.inputsHash);
    expect(two.contributors).toEqual(one.contributors);
    const expected = shapleySampled(ids, { kind: 'coverage', sets }, { seed: 'seed-2026', samples: 500 });
    expect(one.contributors.map((x) => x.value)).toEqual(ids.map((id) => expected.values[id]));
    expect(one).toMatchObject({ method: 'sampled', seed: 'seed-2026', samples: 500, confidence: 0.95 });
    expect(one.maxErrorBound).toBeCloseTo(expected.maxErrorBound, 12);
    const other = (await put('another-seed')).computation!;
    expect(other.inputsHash).not.toBe(one.inputsHash);
    expect(other.contributors.map((x) => x.value)).not.toEqual(one.contributors.map((x) => x.value));
  });

  it('refuses a declaration that does not fit, naming the field', async () => {
    const p = await listed('声明校验产品');
    const url = `/api/trade/products/${p.id}/revenue-share`;
    const ids = [org.merchant!, org.huanghe!, org.buyer!];
    const base = { contributors: ids, utilityLabel: '准确率', method: 'exact' };
    const missing = await t.call<Err>('PUT', url, 'merchant', {
      ...base,
      utility: { kind: 'table', values: { '': 0, [ids[0]!]: 1 } },
    });
    expect(missing.status).toBe(400);
    expect(missing.body.error.code).toBe('TRADE_REVENUE_SHARE_INVALID');
    expect(missing.body.error.message).toContain('body.utility.values');
    const unknown = await t.call<Err>('PUT', url, 'merchant', {
      ...base,
      contributors: [ids[0], 'org_01jzzzzzzzzzzzzzzzzzzzzzzz'],
      utility: { kind: 'additive', weights: { [ids[0]!]: 1, org_01jzzzzzzzzzzzzzzzzzzzzzzz: 2 } },
    });
    expect(unknown.body.error.code).toBe('TRADE_CONTRIBUTOR_UNKNOWN');
    const noSeed = await t.call<Err>('PUT', url, 'merchant', {
      ...base,
      method: 'sampled',
      utility: { kind: 'additive', weights: Object.fromEntries(ids.map((id) => [id, 1])) },
    });
    expect(noSeed.status).toBe(400);
    expect(noSeed.body.error.code).toBe('VALIDATION_FAILED');
    expect((await t.call('GET', url, 'merchant')).status).toBe(404);
  });
});
