import {
  verifyValuationBundle,
  type AssetDetail,
  type Contribution,
  type Disclosure,
  type LedgerEntryReply,
  type Valuation,
  type ValuationBundle,
} from '@shuliu/contracts';
import { demo } from '@shuliu/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../testing.js';
import { marketClient, type Err } from './market.fixtures.js';

// 数据资产: the ledger with its classification, costs, amortization and disclosure; a valuation signed by the
// valuer org and proven offline; 出资入股 only on a signed valuation; the pledge read from the registry.
let t: TestServer;
let m: ReturnType<typeof marketClient>;
let certNo: string;
let certId: string;
let resourceId: string;
let valuerOrgId: string;

const CHECKLIST = demo.ASSET_CHECKLIST_MET;
const INCOME = {
  method: 'income',
  incomeKind: 'share',
  discountRate: 0.1,
  incomesFen: [1_000_000, 1_200_000, 1_500_000],
};
const call = <T>(method: string, url: string, as: string, body?: unknown) =>
  t.call<T & Err>(method, url, as, body);
const orgOf = async (as: string) => (await t.call<{ org: { id: string } }>('GET', '/api/me', as)).body.org.id;

async function newAsset(name: string, over: Record<string, unknown> = {}) {
  const r = await call<AssetDetail>('POST', '/api/assets', 'merchant', {
    name,
    source: 'purchased',
    recognizedPeriod: '2026-01',
    checklist: CHECKLIST,
    ...over,
  });
  expect(r.status, JSON.stringify(r.body)).toBe(201);
  return r.body;
}

beforeAll(async () => {
  t = await startTestServer();
  m = marketClient(t);
  const l = await m.listable('merchant', '资产台账测试数据');
  ({ certNo, certId } = l);
  resourceId = l.resource;
  valuerOrgId = await orgOf('certifier');
}, 240_000);
afterAll(() => t.close());

describe('the asset ledger and its accounting', () => {
  it('classifies from the checklist, links the org’s own certificate and resource, and refuses another’s', async () => {
    const a = await newAsset('企业经营数据集', { certificateNos: [certNo], resourceIds: [resourceId] });
    expect(a).toMatchObject({ classification: 'intangible', certificateNos: [certNo], costFen: 0 });
    expect(a.certificates).toEqual([expect.objectContaining({ certNo, pledged: false })]);
    expect(a.resources[0]!.title).toBe('资产台账测试数据');
    const dev = await newAsset('自研标签库', {
      source: 'self_developed',
      checklist: { ...CHECKLIST, stage: 'development', resourcesAvailable: false },
    });
    expect(dev).toMatchObject({ classification: 'expensed', classificationReasons: ['resourcesAvailable'] });
    const foreign = await call<AssetDetail>('POST', '/api/assets', 'quancheng', {
      name: '别人的证书',
      source: 'purchased',
      recognizedPeriod: '2026-01',
      checklist: CHECKLIST,
      certificateNos: [certNo],
    });
    expect(foreign.status).toBe(409);
    expect(foreign.body.error.code).toBe('ASSET_CERTIFICATE_NOT_HELD');
  });

  it('records costs, amortizes them on a schedule summing to cost − residual, impairs, and discloses by source', async () => {
    const a = await newAsset('物流轨迹数据');
    const cost = (category: string, amountFen: number) =>
      call<AssetDetail>('POST', `/api/assets/${a.id}/costs`, 'merchant', {
        category,
        amountFen,
        incurredOn: '2026-01-10',
      });
    expect((await cost('purchase', 100_000_00)).status).toBe(201);
    const withCosts = (await cost('cleansing', 20_000_00)).body;
    expect(withCosts.costFen).toBe(120_000_00);
    const planned = await call<AssetDetail>('PUT', `/api/assets/${a.id}/amortization`, 'merchant', {
      method: 'straight_line',
      residualFen: 0,
      startPeriod: '2026-01',
      months: 12,
    });
    expect(planned.status, JSON.stringify(planned.body)).toBe(200);
    const rows = planned.body.amortization!.schedule;
    expect(rows).toHaveLength(12);
    expect(rows.reduce((s, r) => s + r.amortizationFen, 0)).toBe(120_000_00);
    const tooBig = await call<AssetDetail>('POST', `/api/assets/${a.id}/impairments`, 'merchant', {
      period: '2026-06',
      amountFen: 70_000_00,
      reason: '市场需求下降',
    });
    expect(tooBig.body.error.code).toBe('ASSET_IMPAIRMENT_TOO_LARGE');
    const impaired = await call<AssetDetail>('POST', `/api/assets/${a.id}/impairments`, 'merchant', {
      period: '2026-06',
      amountFen: 30_000_00,
      reason: '市场需求下降',
    });
    expect(impaired.status).toBe(201);
    const s = impaired.body.amortization!.schedule;
    expect(s[5]).toMatchObject({ period: '2026-06', impairmentFen: 30_000_00, carryingFen: 30_000_00 });
    expect(s.reduce((x, r) => x + r.amortizationFen, 0)).toBe(90_000_00);
    const d = (await call<Disclosure>('GET', '/api/assets/disclosure?year=2026', 'merchant')).body;
    const purchased = d.rows.find((r) => r.classification === 'intangible' && r.source === 'purchased')!;
    expect(purchased).toMatchObject({ openingFen: 0, additionsFen: 120_000_00, impairmentFen: 30_000_00 });
    expect(purchased.closingFen).toBe(
      purchased.additionsFen - purchased.amortizationFen - purchased.impairmentFen,
    );
    const xlsx = await t.app.inject({
      method: 'GET',
      url: '/api/assets/disclosure.xlsx?year=2026',
      headers: { authorization: `Bearer ${await t.login('merchant')}` },
    });
    expect(xlsx.statusCode).toBe(200);
    expect(xlsx.rawPayload.subarray(0, 2).toString()).toBe('PK');
  });

  it('lets the org’s editors write, its members and oversight read, and nobody else see it', async () => {
    const a = await newAsset('权限测试资产');
    expect((await call('GET', `/api/assets/${a.id}`, 'regulator')).status).toBe(200);
    expect((await call('GET', `/api/assets/${a.id}`, 'quancheng')).status).toBe(404);
    expect((await call('GET', `/api/assets/${a.id}`, 'merchant2')).status).toBe(200);
    const byOther = await call('POST', `/api/assets/${a.id}/costs`, 'quancheng', {
      category: 'purchase',
      amountFen: 100,
      incurredOn: '2026-01-01',
    });
    expect(byOther.status).toBe(404);
    // a buyer-only member reads its org's ledger but does not keep it
    const body = { name: '买方资产', source: 'purchased', recognizedPeriod: '2026-01', checklist: CHECKLIST };
    expect((await call('POST', '/api/assets', 'buyer2', body)).status).toBe(403);
    expect((await call('GET', '/api/assets', 'buyer2')).status).toBe(200);
    const list = await call<{ items: { id: string }[] }>('GET', '/api/assets?pageSize=100', 'quancheng');
    expect(list.body.items.some((i) => i.id === a.id)).toBe(false);
  });
});

describe('valuation: drafted by the owner, signed by the valuer, proven offline', () => {
  it('signs with the valuer’s org key, puts the SM3 in the ledger, and a changed byte fails verification', async () => {
    const a = await newAsset('评估测试资产', { certificateNos: [certNo] });
    const badValuer = await call('POST', `/api/assets/${a.id}/valuations`, 'merchant', {
      valuerOrgId: await orgOf('buyer'),
      valuationDate: '2026-06-30',
      inputs: INCOME,
    });
    expect((badValuer.body as Err).error.code).toBe('ASSET_VALUER_INVALID');
    const draft = await call<Valuation>('POST', `/api/assets/${a.id}/valuations`, 'merchant', {
      valuerOrgId,
      valuationDate: '2026-06-30',
      inputs: INCOME,
    });
    expect(draft.status, JSON.stringify(draft.body)).toBe(201);
    expect(draft.body).toMatchObject({ status: 'draft', valueFen: 3_027_799, incomeKind: 'share' });

    // 出资入股 on a draft is refused
    const early = await call<Contribution>('POST', `/api/assets/${a.id}/contributions`, 'merchant', {
      investeeName: '山东数据融合科技有限公司',
      investeeUscc: demo.makeUscc('91', '370100', 'MA3C5R7X'),
      sharePercent: 12.5,
      amountFen: 3_000_000,
      contributedOn: '2026-07-15',
      valuationId: draft.body.id,
    });
    expect(early.status).toBe(409);
    expect(early.body.error.code).toBe('ASSET_VALUATION_NOT_SIGNED');

    const sign = (as: string) =>
      call<Valuation>('POST', `/api/assets/valuations/${draft.body.id}/sign`, as, {
        custody: 'platform',
        password: demo.DEMO_PASSWORD,
      });
    expect((await sign('merchant')).body.error.code).toBe('ASSET_NOT_THE_VALUER');
    const signed = await sign('certifier');
    expect(signed.status, JSON.stringify(signed.body)).toBe(200);
    expect(signed.body).toMatchObject({
      status: 'signed',
      reportSm3: expect.stringMatching(/^[0-9a-f]{64}$/),
    });
    expect((await sign('certifier')).body.error.code).toBe('ASSET_VALUATION_ALREADY_SIGNED');

    const bundle = (
      await call<ValuationBundle>('GET', `/api/assets/valuations/${draft.body.id}/verify`, 'merchant')
    ).body;
    expect(bundle.report).toMatchObject({
      valuationId: draft.body.id,
      owner: { name: '齐鲁数据科技有限公司' },
      valuer: { name: '山东衡信数据资产评估有限公司' },
      valueFen: 3_027_799,
      asset: { certificateNos: [certNo] },
    });
    const ok = verifyValuationBundle(bundle, { trustedKeys: [bundle.checkpoint.publicKey] });
    expect(ok.failure).toBeNull();
    expect(ok.reportHash).toBe(signed.body.reportSm3);
    const entry = await call<LedgerEntryReply>(
      'GET',
      `/api/ledger/entries/${signed.body.ledgerIndex}`,
      'merchant',
    );
    expect(entry.body.entry).toContain('"asset.valuation.signed"');
    const tampered = JSON.parse(JSON.stringify(bundle).replace('"valueFen":3027799', '"valueFen":3027798'));
    expect(verifyValuationBundle(tampered).failure?.check).toBe('signature');

    const contributed = await call<Contribution>('POST', `/api/assets/${a.id}/contributions`, 'merchant', {
      investeeName: '山东数据融合科技有限公司',
      investeeUscc: demo.makeUscc('91', '370100', 'MA3C5R7X'),
      sharePercent: 12.5,
      amountFen: 3_000_000,
      contributedOn: '2026-07-15',
      valuationId: draft.body.id,
    });
    expect(contributed.status, JSON.stringify(contributed.body)).toBe(201);
    expect(contributed.body).toMatchObject({ sharePercent: 12.5, valuationId: draft.body.id });
    expect((await call('GET', `/api/assets/valuations/${draft.body.id}`, 'quancheng')).status).toBe(404);
  });
});

describe('pledge: one source of truth', () => {
  it('shows the certificate pledged once the registry records the pledge', async () => {
    const a = await newAsset('质押测试资产', { certificateNos: [certNo] });
    expect(a.certificates[0]!.pledged).toBe(false);
    await m.registry.deal(
      'merchant',
      {
        type: 'pledge',
        certificateId: certId,
        pledgeeOrgId: await orgOf('buyer'),
        securedAmountFen: 500_000_00,
      },
      'pledge_contract',
    );
    const after = (await call<AssetDetail>('GET', `/api/assets/${a.id}`, 'merchant')).body;
    expect(after.certificates[0]).toMatchObject({
      pledged: true,
      pledgeeOrgName: '鲁信普惠金融科技有限公司',
    });
  });
});
