import type { Complaint, HqdApplication, HqdDesignated, HqdProgress, Me, Paged } from '@shuliu/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../testing.js';
import { marketClient, productBody, type Err, type MarketClient } from './market.fixtures.js';
import { TradeClient } from './trade.fixtures.js';

// 高质量数据集 designation (application → review by the assigned provider org → decision → public list) and
// product quality supervision (complaint → investigation → rectification or dismissal), out-of-order steps
// refused with 409 naming the state, every step audited.
let t: TestServer;
let m: MarketClient;
let certifierOrg: string;
const call = <T>(method: string, url: string, as?: string, payload?: unknown) =>
  t.call<T & Err>(method, url, as, payload);

const SCORES = (score: number) => ({
  scores: ['quality', 'scale', 'timeliness', 'value', 'compliance', 'documentation'].map((criterion) => ({
    criterion,
    score,
  })),
  opinion: '数据完整、更新及时，应用价值突出',
});

beforeAll(async () => {
  t = await startTestServer();
  m = marketClient(t);
  certifierOrg = (await call<Me>('GET', '/api/me', 'certifier')).body.org!.id;
});
afterAll(() => t.close());

async function applied(title: string, level = 'provincial') {
  const resourceId = await m.registry.resource('merchant', title);
  const r = await call<HqdApplication>('POST', '/api/quality/hqd-applications', 'merchant', {
    resourceId,
    level,
    qualityReportRef: 'QR-2026-0001',
    updateRecord: '2025 年起每月 5 日前更新，近 12 期无缺期',
    useCases: '支撑普惠金融授信与区域经济监测',
  });
  expect(r.status, JSON.stringify(r.body)).toBe(201);
  return r.body;
}
const hqd = (id: string, step: string, as: string, body: unknown) =>
  call<HqdApplication>('POST', `/api/quality/hqd-applications/${id}/${step}`, as, body);

describe('高质量数据集 designation', () => {
  it('goes application → assigned review → weighted score → designation → the public list', async () => {
    const a = await applied('高质量企业经营数据集');
    expect(a.status).toBe('submitted');
    expect(a.year).toBeGreaterThanOrEqual(2026);

    const early = await hqd(a.id, 'review', 'certifier', SCORES(90));
    expect(early.status).toBe(409);
    expect(early.body.error).toMatchObject({ code: 'HQD_STATE_CONFLICT', details: { status: 'submitted' } });
    expect(early.body.error.message).toContain('submitted');

    const self = await hqd(a.id, 'assign', 'operator', { reviewerOrgId: a.orgId });
    expect(self.body.error.code).toBe('HQD_REVIEWER_INVALID');
    const assigned = await hqd(a.id, 'assign', 'operator', { reviewerOrgId: certifierOrg });
    expect(assigned.body.status).toBe('in_review');
    expect(assigned.body.reviewerOrgName).toBe('山东衡信数据资产评估有限公司');

    expect((await hqd(a.id, 'review', 'quancheng', SCORES(90))).status).toBe(403);
    const partial = await hqd(a.id, 'review', 'certifier', {
      ...SCORES(90),
      scores: SCORES(90).scores.slice(1),
    });
    expect(partial.status).toBe(400);
    const scores = SCORES(80).scores.map((s) => (s.criterion === 'quality' ? { ...s, score: 100 } : s));
    const reviewed = await hqd(a.id, 'review', 'certifier', { ...SCORES(0), scores });
    expect(reviewed.body.status).toBe('reviewed');
    // 25 × 100 + 75 × 80 = 8500 → 85
    expect(reviewed.body.weightedScore).toBe(85);

    const designated = await hqd(a.id, 'designate', 'operator', { note: '符合省级高质量数据集标准' });
    expect(designated.body.status).toBe('designated');
    const list = await call<Paged<HqdDesignated>>(
      'GET',
      `/api/quality/high-quality-datasets?level=provincial`,
    );
    expect(list.status).toBe(200);
    expect(list.body.items.map((i) => i.id)).toContain(a.id);
    expect((await hqd(a.id, 'reject', 'operator', { note: '迟到的驳回' })).status).toBe(409);

    const audit = await call<Paged<{ action: string }>>(
      'GET',
      `/api/audit/events?objectId=${a.id}`,
      'operator',
    );
    expect(audit.body.items.map((e) => e.action).sort()).toEqual([
      'quality.hqd.apply',
      'quality.hqd.assign',
      'quality.hqd.designate',
      'quality.hqd.review',
    ]);
  });

  it('refuses a designation below the pass score, and a second application for the same resource', async () => {
    const a = await applied('评分不足的数据集', 'municipal');
    const again = await call('POST', '/api/quality/hqd-applications', 'merchant', {
      resourceId: a.resourceId,
      level: 'municipal',
      updateRecord: '每月更新',
      useCases: '区域研判',
    });
    expect(again.body).toMatchObject({ error: { code: 'HQD_ALREADY_APPLIED' } });
    await hqd(a.id, 'assign', 'operator', { reviewerOrgId: certifierOrg });
    await hqd(a.id, 'review', 'certifier', SCORES(60));
    const low = await hqd(a.id, 'designate', 'operator', { note: '认定' });
    expect(low.status).toBe(409);
    expect(low.body.error.code).toBe('HQD_BELOW_PASS_SCORE');
    expect((await hqd(a.id, 'reject', 'operator', { note: '加权得分 60，低于 75 分' })).body.status).toBe(
      'rejected',
    );
  });

  it('only the holder applies, only the operator decides; the target tracks this year', async () => {
    const resourceId = await m.registry.resource('merchant', '他人的资源');
    const other = await call('POST', '/api/quality/hqd-applications', 'quancheng', {
      resourceId,
      level: 'provincial',
      updateRecord: '每月更新',
      useCases: '区域研判',
    });
    expect(other.body.error.code).toBe('HQD_NOT_YOUR_RESOURCE');
    const a = await applied('越权测试数据集');
    expect((await hqd(a.id, 'assign', 'merchant', { reviewerOrgId: certifierOrg })).status).toBe(403);
    expect((await call('GET', `/api/quality/hqd-applications/${a.id}`, 'quancheng')).status).toBe(404);
    const set = await call('PUT', '/api/quality/high-quality-datasets/settings', 'operator', {
      yearlyTarget: 12,
      passScore: 75,
    });
    expect(set.status).toBe(200);
    const p = await call<HqdProgress>('GET', '/api/quality/high-quality-datasets/progress', 'operator');
    expect(p.body).toMatchObject({ target: 12 });
    expect(p.body.provincial).toBeGreaterThanOrEqual(1);
    expect((await call('GET', '/api/quality/high-quality-datasets/progress', 'merchant')).status).toBe(403);
  });
});

describe('product quality supervision', () => {
  let orderId: string;
  let productId: string;
  let resourceId: string;
  beforeAll(async () => {
    resourceId = (await m.listable('merchant', '被投诉的景气数据')).resource;
    const p = await m.listed('merchant', productBody([resourceId], { title: '区域景气月报' }));
    productId = p.id;
    orderId = (await new TradeClient(t, m).paidOrder(p.id, 'quancheng', 'merchant')).id;
  });
  const step = (id: string, s: string, as: string, note = '记录') =>
    call<Complaint>('POST', `/api/quality/complaints/${id}/${s}`, as, { note });
  const file = () =>
    call<Complaint>('POST', '/api/quality/complaints', 'quancheng', {
      orderId,
      category: 'quality',
      description: '3 月数据缺少济南市历下区的记录',
      evidenceNote: '附抽样核对表',
    });

  it('goes complaint → investigation → rectification → confirmation, visible on the resource', async () => {
    const c = await file();
    expect(c.status, JSON.stringify(c.body)).toBe(201);
    expect(c.body).toMatchObject({ status: 'filed', productId, resourceIds: [resourceId] });
    expect((await step(c.body.id, 'response', 'merchant', '已补齐')).body.error.code).toBe(
      'COMPLAINT_STATE_CONFLICT',
    );
    expect((await step(c.body.id, 'investigate', 'operator', '已受理')).body.status).toBe('investigating');
    expect((await step(c.body.id, 'rectification', 'operator', '投诉属实')).body.status).toBe('rectifying');
    expect((await step(c.body.id, 'response', 'quancheng', '不是我')).body.error.code).toBe(
      'COMPLAINT_NOT_SELLER',
    );
    expect((await step(c.body.id, 'response', 'merchant', '已补齐历下区记录并重新交付')).body.status).toBe(
      'responded',
    );
    const done = await step(c.body.id, 'confirm', 'operator', '核实整改到位');
    expect(done.body.status).toBe('rectified');
    expect(done.body.closedAt).toBeTruthy();
    expect(done.body.history.map((h) => h.action)).toEqual([
      'file',
      'investigate',
      'requireRectification',
      'respond',
      'confirm',
    ]);
    // the resource page's history: every signed-in user sees the outline, the parties the content
    const outsider = await call<Paged<Complaint>>(
      'GET',
      `/api/quality/complaints?resourceId=${resourceId}`,
      'huanghe',
    );
    expect(outsider.body.items[0]).toMatchObject({ id: c.body.id, status: 'rectified', description: null });
    const seller = await call<Paged<Complaint>>(
      'GET',
      `/api/quality/complaints?productId=${productId}`,
      'merchant',
    );
    expect(seller.body.items[0]!.description).toContain('历下区');
    const notices = await call<Paged<{ kind: string }>>('GET', '/api/notifications', 'merchant');
    expect(notices.body.items.map((n) => n.kind)).toContain('quality.complaint.confirm');
  });

  it('is dismissed with a reason, and only a buyer with a paid order complains', async () => {
    const c = await file();
    expect((await step(c.body.id, 'dismiss', 'operator', '理由')).status).toBe(409);
    await step(c.body.id, 'investigate', 'operator');
    const d = await step(c.body.id, 'dismiss', 'operator', '数据与合同约定范围一致，投诉不成立');
    expect(d.body.status).toBe('dismissed');
    expect((await step(c.body.id, 'confirm', 'operator')).status).toBe(409);
    const stranger = await call('POST', '/api/quality/complaints', 'buyer', {
      orderId,
      category: 'quality',
      description: '不是我的订单',
    });
    expect(stranger.body.error.code).toBe('COMPLAINT_NOT_YOUR_ORDER');
    expect((await step(c.body.id, 'investigate', 'merchant')).status).toBe(403);
  });
});
