import {
  todayInChina,
  type Demand,
  type DemandAnswer,
  type DemandMatchesReply,
  type DemandSearchReply,
  type DemandStats,
  type MyDemand,
  type Paged,
} from '@shuliu/contracts';
import { demo } from '@shuliu/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../testing.js';
import { marketClient, productBody, type Err } from './market.fixtures.js';

// 数据需求: buyers post demands, the matcher ranks listed products with the score's parts, sellers answer.
let t: TestServer;
let m: ReturnType<typeof marketClient>;
let listed: { id: string };

const inDays = (n: number) => todayInChina(new Date(Date.now() + n * 86_400_000));
const demandBody = (over: Record<string, unknown> = {}) => ({
  title: '求购企业经营景气指数数据',
  description: '用于小微企业授信前的区域景气研判，按月更新，覆盖济南市各区县。',
  purpose: '普惠金融授信 景气指数',
  sector: 'commerce',
  region: '370100',
  grades: ['general_1', 'general_2'],
  budgetMinFen: 100_00,
  budgetMaxFen: 2_000_00,
  deadline: inDays(30),
  ...over,
});
const post = (body: Record<string, unknown>, as = 'buyer') =>
  m.ok<Demand>('POST', '/api/market/my/demands', as, body);
const matchesOf = (id: string, as = 'buyer') =>
  m.ok<DemandMatchesReply>('GET', `/api/market/my/demands/${id}/matches`, as);
const notifications = async (as: string) =>
  (
    await m.ok<{ items: { kind: string; params: Record<string, unknown> }[] }>(
      'GET',
      '/api/notifications',
      as,
    )
  ).items;

beforeAll(async () => {
  t = await startTestServer();
  m = marketClient(t);
  const good = await m.listable('merchant', '企业经营景气基础数据');
  listed = await m.listed('merchant', productBody([good.resource]));
});
afterAll(() => t.close());

describe('posting a demand and its matches', () => {
  it('ranks the listed product with each part of the score, and tells both sides of a good match', async () => {
    const d = await post(demandBody());
    expect(d).toMatchObject({
      state: 'open',
      version: 1,
      sectorName: '商贸流通',
      matchCount: 1,
      answerCount: 0,
    });
    const r = await matchesOf(d.id);
    expect(r.items).toHaveLength(1);
    const [x] = r.items;
    expect(x).toMatchObject({ productId: listed.id, good: true, orgName: '齐鲁数据科技有限公司' });
    const part = (k: string) => x!.parts.find((p) => p.key === k)!;
    expect(part('sector')).toMatchObject({ value: 1, reason: 'same_sector', points: 20 });
    expect(part('grade')).toMatchObject({ value: 1, reason: 'grade_accepted' });
    expect(part('region')).toMatchObject({ value: 1, reason: 'region_within' });
    expect(part('price')).toMatchObject({ value: 1, reason: 'price_within', detail: { priceFen: 500_00 } });
    expect(part('credit')).toMatchObject({ weight: 0, value: null, reason: 'credit_not_rated' });
    expect(part('text').value).toBeGreaterThan(0);
    expect(x!.score).toBe(x!.parts.reduce((s, p) => s + p.points, 0));
    expect(r.merchants).toEqual([expect.objectContaining({ orgName: '齐鲁数据科技有限公司', products: 1 })]);
    expect(x!.notifiedAt).not.toBeNull();
    expect((await notifications('buyer')).some((n) => n.kind === 'market.demand.matched')).toBe(true);
    expect(
      (await notifications('merchant')).some(
        (n) => n.kind === 'market.demand.match' && n.params.demandId === d.id,
      ),
    ).toBe(true);
    // the list of mine carries the best matches
    const mine = await m.ok<Paged<MyDemand>>('GET', '/api/market/my/demands', 'buyer');
    expect(mine.items.find((i) => i.id === d.id)?.matches[0]?.productId).toBe(listed.id);
  });

  it('scores a grade the buyer cannot accept and a budget below the price, and keeps it from being good', async () => {
    const d = await post(demandBody({ grades: ['general_3'], budgetMinFen: null, budgetMaxFen: 100_00 }));
    const [x] = (await matchesOf(d.id)).items;
    expect(x!.parts.find((p) => p.key === 'grade')).toMatchObject({ value: 0, reason: 'grade_not_accepted' });
    expect(x!.parts.find((p) => p.key === 'price')).toMatchObject({ value: 0, reason: 'price_over' });
    expect(x).toMatchObject({ good: false, notifiedAt: null });
  });

  it('matches a product listed after the demand, as it is listed', async () => {
    const d = await post(
      demandBody({ title: '港口集装箱吞吐量数据', purpose: '航运物流 集装箱 吞吐量', sector: 'transport' }),
      'huanghe',
    );
    expect((await matchesOf(d.id, 'huanghe')).items).toEqual([]);
    const res = await m.listable('merchant', '港口集装箱吞吐量统计');
    const p = await m.listed(
      'merchant',
      productBody([res.resource], {
        title: '港口集装箱吞吐量月度数据',
        summary: '山东港口集装箱吞吐量',
        description: '按港区统计的集装箱吞吐量，服务航运物流研判。',
        sector: 'transport',
        boards: ['transport'],
        scenarios: [{ title: '航运物流', description: '集装箱运力调度' }],
      }),
    );
    const r = await matchesOf(d.id, 'huanghe');
    expect(r.items.map((i) => i.productId)).toContain(p.id);
    expect(r.items.find((i) => i.productId === p.id)?.good).toBe(true);
  });
});

describe('refusals', () => {
  it('answers bad input with a 400 naming the field', async () => {
    const field = async (body: Record<string, unknown>) => {
      const r = await m.call<Err>('POST', '/api/market/my/demands', 'buyer', body);
      expect(r.status, JSON.stringify(r.body)).toBe(400);
      return (r.body.error.details as { path: string }[]).map((x) => x.path);
    };
    expect(await field(demandBody({ region: '990100' }))).toContain('body.region');
    expect(await field(demandBody({ region: '370012' }))).toContain('body.region');
    expect(await field(demandBody({ budgetMinFen: 500, budgetMaxFen: 100 }))).toContain('body.budgetMinFen');
    expect(await field(demandBody({ deadline: inDays(-1) }))).toContain('body.deadline');
    expect(await field(demandBody({ deadline: '2026-02-30' }))).toContain('body.deadline');
    expect(await field(demandBody({ title: '需'.repeat(101) }))).toContain('body.title');
    expect(await field(demandBody({ grades: [] }))).toContain('body.grades');
    expect(await field(demandBody({ budgetMaxFen: 1.5 }))).toContain('body.budgetMaxFen');
    const r = await m.call<Err>('POST', '/api/market/my/demands', 'buyer', demandBody({ sector: 'no_such' }));
    expect(r.body.error.code).toBe('MARKET_SECTOR_UNKNOWN');
  });

  it('refuses anonymous posting (401) and users without the buyer role (403)', async () => {
    expect(await m.refused(401, 'POST', '/api/market/my/demands', undefined, demandBody())).toBe(
      'UNAUTHENTICATED',
    );
    expect(await m.refused(403, 'POST', '/api/market/my/demands', 'merchant', demandBody())).toBe(
      'FORBIDDEN',
    );
    expect(await m.refused(401, 'GET', '/api/market/my/demands')).toBe('UNAUTHENTICATED');
  });

  it('lets only the posting org edit, close or read the matches and answers of a demand', async () => {
    const d = await post(demandBody());
    const url = `/api/market/my/demands/${d.id}`;
    expect(await m.refused(403, 'PATCH', url, 'huanghe', { title: '改', version: 1 })).toBe(
      'MARKET_DEMAND_NOT_YOURS',
    );
    expect(await m.refused(403, 'POST', `${url}/close`, 'huanghe', {})).toBe('MARKET_DEMAND_NOT_YOURS');
    expect(await m.refused(403, 'GET', `${url}/matches`, 'huanghe')).toBe('MARKET_DEMAND_NOT_YOURS');
    expect(await m.refused(403, 'GET', `${url}/answers`, 'huanghe')).toBe('MARKET_DEMAND_NOT_YOURS');
    // a colleague in the same org may edit; the version is optimistic
    const e = await m.ok<Demand>('PATCH', url, 'buyer2', { budgetMaxFen: 300_00, version: 1 });
    expect(e).toMatchObject({ version: 2, budgetMaxFen: 300_00 });
    expect(await m.refused(409, 'PATCH', url, 'buyer', { title: '旧版本', version: 1 })).toBe(
      'MARKET_VERSION_CONFLICT',
    );
    expect(await m.refused(400, 'PATCH', url, 'buyer', { budgetMinFen: 400_00, version: 2 })).toBe(
      'MARKET_DEMAND_BUDGET_INVALID',
    );
    // re-matched on edit: the price is now above the budget
    const [x] = (await matchesOf(d.id)).items;
    expect(x!.parts.find((p) => p.key === 'price')?.reason).toBe('price_over');
  });
});

describe('answers (应答)', () => {
  it('takes an answer with the seller’s own listed product and shows it to the buyer and the seller', async () => {
    const d = await post(demandBody());
    const url = `/api/market/demands/${d.id}/answers`;
    const a = await m.ok<DemandAnswer>('POST', url, 'merchant', {
      productId: listed.id,
      message: '我方产品按月更新，可提供样例。',
      priceFen: 450_00,
    });
    expect(a).toMatchObject({ demandId: d.id, productId: listed.id, priceFen: 450_00, state: 'open' });
    expect(await m.refused(409, 'POST', url, 'merchant', { productId: listed.id, message: '再次' })).toBe(
      'MARKET_ANSWER_EXISTS',
    );
    const seen = await m.ok<{ items: DemandAnswer[] }>(
      'GET',
      `/api/market/my/demands/${d.id}/answers`,
      'buyer',
    );
    expect(seen.items.map((x) => x.id)).toEqual([a.id]);
    expect(seen.items[0]).toMatchObject({
      orgName: '齐鲁数据科技有限公司',
      productTitle: '企业经营景气指数数据产品',
    });
    const mine = await m.ok<Paged<DemandAnswer>>('GET', '/api/market/my/answers', 'merchant');
    expect(mine.items[0]).toMatchObject({ id: a.id, demandTitle: d.title });
    expect((await m.ok<Demand>('GET', `/api/market/demands/${d.id}`)).answerCount).toBe(1);
    expect((await notifications('buyer')).some((n) => n.kind === 'market.demand.answered')).toBe(true);
  });

  it('refuses another org’s product (403), a product not listed, anonymous and non-seller callers', async () => {
    const d = await post(demandBody());
    const url = `/api/market/demands/${d.id}/answers`;
    const body = { productId: listed.id, message: '应答' };
    expect(await m.refused(403, 'POST', url, 'quancheng', body)).toBe('MARKET_ANSWER_NOT_OWN_PRODUCT');
    const res = await m.listable('merchant', '未挂牌产品的数据');
    const draft = await m.draft('merchant', productBody([res.resource]));
    expect(await m.refused(409, 'POST', url, 'merchant', { ...body, productId: draft.id })).toBe(
      'MARKET_ANSWER_PRODUCT_NOT_LISTED',
    );
    expect(await m.refused(401, 'POST', url, undefined, body)).toBe('UNAUTHENTICATED');
    expect(await m.refused(403, 'POST', url, 'buyer', body)).toBe('FORBIDDEN');
    expect(await m.refused(400, 'POST', url, 'merchant', { ...body, message: '长'.repeat(2001) })).toBe(
      'VALIDATION_FAILED',
    );
  });
});

describe('the board, closing and expiry', () => {
  it('shows open demands to anyone with text search and facets, and hides a closed one', async () => {
    const d = await post(
      demandBody({
        title: '农产品批发价格监测数据',
        purpose: '农产品 价格监测',
        sector: 'agriculture',
        region: '370700',
      }),
      'huanghe',
    );
    const board = (qs: string) => m.ok<DemandSearchReply>('GET', `/api/market/demands?${qs}`);
    const hit = await board(`q=${encodeURIComponent('批发价格')}`);
    expect(hit.items.map((i) => i.id)).toEqual([d.id]);
    expect(hit.facets.sector).toEqual([{ value: 'agriculture', label: expect.any(String), count: 1 }]);
    expect(hit.facets.region).toEqual([{ value: '370000', label: null, count: 1 }]);
    expect((await board('region=370700')).items.map((i) => i.id)).toEqual([d.id]);
    expect((await board('region=370100')).items.map((i) => i.id)).not.toContain(d.id);
    expect(await m.refused(400, 'GET', '/api/market/demands?region=37')).toBe('VALIDATION_FAILED');

    const closed = await m.ok<Demand>('POST', `/api/market/my/demands/${d.id}/close`, 'huanghe', {
      reason: '已采购',
    });
    expect(closed).toMatchObject({ state: 'closed', closeReason: '已采购' });
    expect((await board(`q=${encodeURIComponent('批发价格')}`)).total).toBe(0);
    expect(await m.refused(404, 'GET', `/api/market/demands/${d.id}`)).toBe('NOT_FOUND');
    expect((await m.ok<Demand>('GET', `/api/market/demands/${d.id}`, 'huanghe')).state).toBe('closed');
    expect(
      await m.refused(409, 'PATCH', `/api/market/my/demands/${d.id}`, 'huanghe', { title: 'x', version: 2 }),
    ).toBe('MARKET_DEMAND_NOT_OPEN');
    expect(
      await m.refused(409, 'POST', `/api/market/demands/${d.id}/answers`, 'merchant', {
        productId: listed.id,
        message: '应答',
      }),
    ).toBe('MARKET_DEMAND_NOT_OPEN');
  });

  it('reads a demand past its deadline as expired at once, and the job records it', async () => {
    const d = await post(demandBody());
    await t.services.db
      .updateTable('market_demands')
      .set({ deadline: inDays(-2) })
      .where('id', '=', d.id)
      .execute();
    expect((await m.ok<Demand>('GET', `/api/market/demands/${d.id}`, 'buyer')).state).toBe('expired');
    expect(await m.refused(404, 'GET', `/api/market/demands/${d.id}`)).toBe('NOT_FOUND');
    expect(await t.services.market.demands.expireDue()).toBeGreaterThanOrEqual(1);
    const row = await t.services.db
      .selectFrom('market_demands')
      .select('state')
      .where('id', '=', d.id)
      .executeTakeFirst();
    expect(row?.state).toBe('expired');
    expect(await t.services.market.demands.expireDue()).toBe(0);
    const audit = await t.services.db
      .selectFrom('audit_events')
      .select('action')
      .where('object_id', '=', d.id)
      .orderBy('seq')
      .execute();
    expect(audit.map((a) => a.action)).toEqual(['market.demand.create', 'market.demand.expire']);
    const mine = await m.ok<Paged<MyDemand>>('GET', '/api/market/my/demands?state=expired', 'buyer');
    expect(mine.items.map((i) => i.id)).toContain(d.id);
  });
});

describe('市场需求调查 (demand statistics)', () => {
  it('counts demands by sector, province, month and budget band', async () => {
    const s = await m.ok<DemandStats>('GET', '/api/market/demands/stats?months=3');
    const total = (
      await t.services.db
        .selectFrom('market_demands')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow()
    ).n;
    expect(s.total).toBe(Number(total));
    expect(s.bySector.reduce((a, b) => a + b.count, 0)).toBe(s.total);
    expect(s.bySector.find((b) => b.value === 'commerce')).toMatchObject({ label: '商贸流通' });
    expect(s.byRegion.find((b) => b.value === '370000')!.count).toBe(s.total);
    expect(s.byMonth).toHaveLength(3);
    expect(s.byMonth.at(-1)).toMatchObject({ value: todayInChina().slice(0, 7), count: s.total });
    expect(s.byBudgetBand.map((b) => b.value)).toEqual([
      'none',
      'lt_10k',
      '10k_100k',
      '100k_500k',
      '500k_1m',
      'ge_1m',
    ]);
    expect(s.byBudgetBand.find((b) => b.value === 'lt_10k')!.count).toBe(s.total);
    expect(s.matched).toBeGreaterThanOrEqual(2);
    expect(s.answered).toBeGreaterThanOrEqual(1);
    expect(await m.refused(400, 'GET', '/api/market/demands/stats?months=99')).toBe('VALIDATION_FAILED');
  });
});

describe('the demo’s demands', () => {
  it('are posted through the service and matched against what is listed', async () => {
    expect(await demo.seedMarketDemandsDemo(t.services)).toBe(5);
    const mine = await m.ok<Paged<MyDemand>>('GET', '/api/market/my/demands?state=open', 'buyer2');
    const jingqi = mine.items.find((d) => d.title === '企业经营景气指数与网络舆情监测数据');
    expect(jingqi?.matches[0]).toMatchObject({ productId: listed.id, good: true });
    const closed = await m.ok<Paged<MyDemand>>('GET', '/api/market/my/demands?state=closed', 'huanghe');
    expect(closed.items.map((d) => d.title)).toContain('2025年农产品批发价格数据');
  });
});
