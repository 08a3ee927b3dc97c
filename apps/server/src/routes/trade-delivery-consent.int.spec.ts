import { idCardCheckChar, type DeliveredFile, type Resource, type Scenario } from '@shuliu/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../testing.js';
import { marketClient, productBody, type Err, type MarketClient } from './market.fixtures.js';
import { dealTerms, TradeClient } from './trade.fixtures.js';
import { enterprisesCsv, settle, uploadData } from './trade-delivery.fixtures.js';

// 一场景一授权 in file delivery: a copy of data about persons holds only the persons whose consent to the buyer's
// scenario is live at the download — decided by the ID card numbers the data holds, whatever its label says.
let t: TestServer;
let m: MarketClient;
let trade: TradeClient;

const idCard = (i: number) => {
  const first17 = `37010219850101${String(100 + i)}`;
  return first17 + idCardCheckChar(first17);
};
const BORROWERS = 120;
/** Borrowers with ID card numbers and distinct amounts: row i lends 10,000 + 37·i yuan. */
const borrowersCsv = () =>
  [
    '身份证号,所在区县,授信额度,贷款余额',
    ...Array.from(
      { length: BORROWERS },
      (_, i) =>
        `${idCard(i)},${i % 2 ? '历下区' : '市中区'},${10_000 + 37 * i},${(5_000 + 13.5 * i).toFixed(2)}`,
    ),
  ].join('\n') + '\n';
const inDays = (d: number) => new Date(Date.now() + d * 86_400_000).toISOString();

beforeAll(async () => {
  t = await startTestServer();
  m = marketClient(t);
  trade = new TradeClient(t, m);
}, 120_000);
afterAll(() => t.close());

/** A file product of `merchant`'s on a masked derivative of `csv`, its resource labelled as `subjectType`. */
async function product(title: string, csv: string, subjectType: string) {
  const source = await m.registry.resource('merchant', `${title}（原始）`, { subjectType });
  await uploadData(t, source, `${title}.csv`, csv, 'merchant');
  const d = await m.ok<Resource>('POST', `/api/catalog/resources/${source}/derive`, 'merchant', {
    title,
    columns: {},
  });
  await settle(t);
  await m.ok('POST', `/api/catalog/resources/${d.id}/publish`, 'merchant');
  await m.registry.register('merchant', d.id, { rights: ['holding', 'operating'] });
  return m.listed('merchant', productBody([d.id], { title, deliveryModes: ['file'] }));
}

/** ID number (optional) and balance: what 泉城数智's scenario for checking borrowers asks for by default. */
const FIELDS = [
  {
    name: 'id_number',
    label: '身份证号',
    category: 'identity',
    required: false,
    justification: '核对申请人',
  },
  { name: 'balance', label: '贷款余额', category: 'financial', required: true, justification: '评估负债' },
];

/** 泉城数智's approved scenario for checking borrowers before lending, asking for `fields`. */
async function buyerScenario(fields = FIELDS) {
  const s = await m.ok<Scenario>('POST', '/api/consent/scenarios', 'quancheng', {
    title: `授信前核验借款余额（${fields.map((f) => f.label).join('、')}）`,
    purpose: '核验申请人在其他机构的授信与贷款余额以决定授信',
    legalBasis: '取得个人同意',
    recipient: '泉城数智信息服务有限公司',
    processingMethod: '授信审查人员查看，审批后 90 天删除',
    retentionDays: 90,
    crossBorder: false,
    automatedDecision: false,
    fields,
  });
  const versionId = s.versions[0]!.id;
  await m.ok('POST', `/api/consent/scenarios/${s.id}/review`, 'operator', {
    versionId,
    approve: true,
    pipiaRef: 'PIPIA-2026-DLV',
    strike: [],
  });
  return versionId;
}

const download = (orderId: string, fileId: string) =>
  t.call<string & Err>(
    'GET',
    `/api/trade/orders/${orderId}/files/${fileId}/download?format=csv`,
    'quancheng',
  );
const filesOf = async (orderId: string) =>
  (await m.ok<{ items: DeliveredFile[] }>('GET', `/api/trade/orders/${orderId}/files`, 'quancheng')).items;
/** The 授信额度 of each row of a downloaded copy: which borrowers it holds (row i lends 10,000 + 37·i). */
const borrowersIn = (csv: string) =>
  csv
    .trim()
    .split('\n')
    .slice(1)
    .map((line) => (Number(line.split(',')[2]) - 10_000) / 37)
    .map((i) => Math.round(i))
    .sort((a, b) => a - b);

describe('a file of data about persons', () => {
  it('is agreed only under a consent scenario of the buyer’s: its ID card numbers decide, not its label', async () => {
    const p = await product('借款人授信余额明细（标为机构）', borrowersCsv(), 'organization');
    const r = await t.call<Err>('POST', '/api/trade/negotiations', 'quancheng', {
      productId: p.id,
      terms: dealTerms({ deliveryMode: 'file' }),
      idempotencyKey: `dlv-consent-${Date.now()}`,
    });
    expect(r.status).toBe(409);
    expect(r.body.error.code).toBe('TRADE_CONSENT_SCENARIO_REQUIRED');
  });

  it('is agreed only under a scenario that asks for every category of information it holds', async () => {
    const p = await product('借款人授信余额明细（核验）', borrowersCsv(), 'personal');
    const versionId = await buyerScenario(FIELDS.slice(1));
    const r = await t.call<Err>('POST', '/api/trade/negotiations', 'quancheng', {
      productId: p.id,
      terms: dealTerms({ deliveryMode: 'file', scenarioVersionId: versionId }),
      idempotencyKey: `dlv-fields-${Date.now()}`,
    });
    expect(r.status).toBe(409);
    expect(r.body.error).toMatchObject({
      code: 'TRADE_CONSENT_SCENARIO_REQUIRED',
      details: { field: 'terms.scenarioVersionId', categories: ['identity'] },
    });
  });

  it('holds, at each download, only the persons whose live consent reaches what it holds', async () => {
    const p = await product('借款人授信余额明细', borrowersCsv(), 'personal');
    const versionId = await buyerScenario();
    // five borrowers have accounts; three consent to 泉城数智's scenario, one more without the ID number
    for (const i of [0, 1, 2, 3, 4]) {
      const made = await t.call('POST', '/api/consent/persons', undefined, {
        username: `dlv-person-${i}`,
        password: 'Shuliu2026!',
        displayName: `借款人${i}`,
        idCard: idCard(i),
        phone: '13800138000',
      });
      expect(made.status, JSON.stringify(made.body)).toBe(201);
    }
    const grants: string[] = [];
    for (const i of [0, 1, 2])
      grants.push(
        (
          await m.ok<{ id: string }>('POST', '/api/consent/grants', `dlv-person-${i}`, {
            versionId,
            fields: ['id_number', 'balance'],
            separateConsent: true,
            expiresAt: inDays(30),
          })
        ).id,
      );

    await m.ok('POST', '/api/consent/grants', 'dlv-person-4', {
      versionId,
      fields: ['balance'],
      separateConsent: true,
      expiresAt: inDays(30),
    });
    const paid = await trade.paidOrder(p.id, 'quancheng', 'merchant', {
      deliveryMode: 'file',
      scenarioVersionId: versionId,
    });
    const delivered = await trade.step(paid.id, 'deliver', 'merchant', { note: '交付脱敏明细' });
    expect(delivered.status, JSON.stringify(delivered.body)).toBe(200);
    const [file] = await filesOf(paid.id);
    expect(file!.consent).toEqual({ scenarioVersionId: versionId, rowsWithheld: null });

    const first = await download(paid.id, file!.id);
    expect(first.status, JSON.stringify(first.body)).toBe(200);
    expect(borrowersIn(first.raw.body)).toEqual([0, 1, 2]);
    for (let i = 0; i < BORROWERS; i++) expect(first.raw.body).not.toContain(idCard(i));
    expect((await filesOf(paid.id))[0]).toMatchObject({
      rows: 3,
      consent: { scenarioVersionId: versionId, rowsWithheld: BORROWERS - 3 },
    });

    // a withdrawal counts from the next download; the same consents give the same copy
    expect((await download(paid.id, file!.id)).raw.body).toBe(first.raw.body);
    await m.ok('POST', `/api/consent/grants/${grants[1]}/revoke`, 'dlv-person-1');
    const second = await download(paid.id, file!.id);
    expect(second.status).toBe(200);
    expect(borrowersIn(second.raw.body)).toEqual([0, 2]);
    expect((await filesOf(paid.id))[0]).toMatchObject({
      rows: 2,
      downloads: 3,
      consent: { rowsWithheld: BORROWERS - 2 },
    });
    const audit = await m.ok<{ items: { details: Record<string, unknown> }[] }>(
      'GET',
      `/api/audit/events?action=trade.file.download&objectId=${paid.id}`,
      'regulator',
    );
    expect(audit.items.map((e) => e.details.rowsWithheld).sort()).toEqual([
      BORROWERS - 3,
      BORROWERS - 3,
      BORROWERS - 2,
    ]);
  });

  it('is not delivered when its rows cannot be matched to persons (no ID card column)', async () => {
    const p = await product('小微企业联系人明细（个人）', enterprisesCsv(60).csv, 'personal');
    const versionId = await buyerScenario([
      { name: 'name', label: '姓名', category: 'basic', required: true, justification: '识别联系人' },
      { name: 'mobile', label: '手机号', category: 'contact', required: true, justification: '联系企业' },
    ]);
    const paid = await trade.paidOrder(p.id, 'quancheng', 'merchant', {
      deliveryMode: 'file',
      scenarioVersionId: versionId,
    });
    const r = await trade.step(paid.id, 'deliver', 'merchant', {});
    expect(r.status).toBe(409);
    expect(r.body.error.code).toBe('TRADE_CONSENT_UNMATCHED');
  });
});
