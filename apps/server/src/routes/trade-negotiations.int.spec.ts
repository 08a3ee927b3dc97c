import type { Negotiation, Notification, Paged, Product } from '@shuliu/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../testing.js';
import { marketClient, productBody, type Err } from './market.fixtures.js';

// 交易磋商: the Dataspace Protocol's negotiation states, counter-offers, idempotent steps, the offer's policy.
let t: TestServer;
let m: ReturnType<typeof marketClient>;
let listed: Product;
let key = 0;
const k = () => `key-${Date.now()}-${++key}`;

/** Terms within the fixtures' policy (use for 风控), on the product's report delivery. */
const TERMS = {
  template: 'provision',
  deliveryMode: 'report',
  purpose: '风控',
  region: '370200',
  scope: '用于授信审批前的区域景气研判，不得对外提供',
  startsOn: '2027-01-01',
  endsOn: '2027-12-31',
  priceFen: 500_00,
};

const call = (method: string, url: string, as?: string, body?: unknown) =>
  t.call<Negotiation & Err>(method, url, as, body);
const start = (over: Record<string, unknown> = {}, as = 'buyer') =>
  call('POST', '/api/trade/negotiations', as, {
    productId: listed.id,
    terms: TERMS,
    message: '请报价',
    idempotencyKey: k(),
    ...over,
  });
const step = (id: string, what: string, as: string, body: Record<string, unknown> = {}) =>
  call('POST', `/api/trade/negotiations/${id}/${what}`, as, { idempotencyKey: k(), ...body });

beforeAll(async () => {
  t = await startTestServer();
  m = marketClient(t);
  const { resource } = await m.listable('merchant', '磋商测试数据');
  listed = await m.listed('merchant', productBody([resource], { title: '港航景气指数（磋商）' }));
}, 240_000);
afterAll(() => t.close());

describe('a negotiation through its states', () => {
  it('requests, counters, offers, accepts and agrees, with every round in the timeline and the diff shown', async () => {
    const r = await start();
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    const n = r.body;
    expect(n).toMatchObject({ state: 'requested', round: 1, awaiting: 'seller', productId: listed.id });
    // the seller counters on price and term
    const offered = await step(n.id, 'counter', 'merchant', {
      terms: { ...TERMS, priceFen: 800_00, endsOn: '2027-06-30' },
      message: '半年期，价格 800 元',
    });
    expect(offered.body).toMatchObject({ state: 'offered', round: 2, awaiting: 'buyer' });
    // the buyer counters back; the seller may not accept its own offer, the buyer may not agree
    expect((await step(n.id, 'agree', 'buyer')).status).toBe(403);
    const countered = await step(n.id, 'counter', 'buyer', { terms: { ...TERMS, priceFen: 650_00 } });
    expect(countered.body).toMatchObject({ state: 'requested', round: 3 });
    const again = await step(n.id, 'counter', 'merchant', { terms: { ...TERMS, priceFen: 700_00 } });
    expect(again.body.state).toBe('offered');
    const accepted = await step(n.id, 'accept', 'buyer', { message: '同意 700 元' });
    expect(accepted.body).toMatchObject({ state: 'accepted', awaiting: 'seller' });
    const agreed = await step(n.id, 'agree', 'merchant');
    // agreed: the contract is drafted, and the buyer signs first
    expect(agreed.body).toMatchObject({
      state: 'agreed',
      awaiting: 'buyer',
      terms: { priceFen: 700_00 },
      contractNo: expect.stringMatching(/^HT-/),
    });
    expect(agreed.body.timeline.map((e) => [e.kind, e.side, e.state])).toEqual([
      ['request', 'buyer', 'requested'],
      ['offer', 'seller', 'offered'],
      ['request', 'buyer', 'requested'],
      ['offer', 'seller', 'offered'],
      ['accept', 'buyer', 'accepted'],
      ['agree', 'seller', 'agreed'],
    ]);
    expect(agreed.body.timeline[1]!.changed.sort()).toEqual(['endsOn', 'priceFen']);
    // the seller was told of the request, the buyer of the agreement
    const toSeller = (await t.call<Paged<Notification>>('GET', '/api/notifications', 'merchant')).body;
    expect(toSeller.items.some((x) => x.kind === 'trade.negotiation.request')).toBe(true);
    const toBuyer = (await t.call<Paged<Notification>>('GET', '/api/notifications', 'buyer')).body;
    expect(toBuyer.items.some((x) => x.kind === 'trade.negotiation.agree')).toBe(true);
    // both sides list it; an agreed negotiation takes no more steps
    const mine = await t.call<Paged<Negotiation>>('GET', '/api/trade/negotiations?side=seller', 'merchant');
    expect(mine.body.items.map((x) => x.id)).toContain(n.id);
    const closed = await step(n.id, 'terminate', 'buyer', { reason: '改变主意' });
    expect(closed.status).toBe(409);
    expect(closed.body.error).toMatchObject({
      code: 'TRADE_NEGOTIATION_CLOSED',
      details: { state: 'agreed' },
    });
  });

  it('refuses steps out of order, naming the state, and lets either side terminate with a reason', async () => {
    const n = (await start()).body;
    const early = await step(n.id, 'accept', 'buyer');
    expect(early.status).toBe(409);
    expect(early.body.error).toMatchObject({
      code: 'TRADE_NOT_YOUR_MOVE',
      details: { state: 'requested', step: 'accept' },
    });
    // a seller's counter is a new offer, never an acceptance of the buyer's own request by the buyer
    expect((await step(n.id, 'counter', 'buyer', { terms: TERMS })).body.error.code).toBe(
      'TRADE_NOT_YOUR_MOVE',
    );
    expect((await step(n.id, 'terminate', 'merchant', {})).status).toBe(400);
    const ended = await step(n.id, 'terminate', 'merchant', { reason: '暂不对外供应' });
    expect(ended.body).toMatchObject({
      state: 'terminated',
      terminationReason: '暂不对外供应',
      awaiting: null,
    });
  });
});

describe('every step is idempotent on its key', () => {
  it('answers a repeated request as the first time, and refuses the key for another request', async () => {
    const idempotencyKey = k();
    const [a, b] = await Promise.all([start({ idempotencyKey }), start({ idempotencyKey })]);
    expect([a.status, b.status]).toEqual([201, 201]);
    expect(a.body.id).toBe(b.body.id);
    const third = await start({ idempotencyKey });
    expect(third.body.id).toBe(a.body.id);
    expect(third.body.timeline).toHaveLength(1);
    const other = await start({ idempotencyKey, terms: { ...TERMS, priceFen: 1 } });
    expect(other.status).toBe(409);
    expect(other.body.error.code).toBe('TRADE_IDEMPOTENCY_MISMATCH');
    // a step too: the same offer twice is one round
    const offer = { terms: { ...TERMS, priceFen: 900_00 }, idempotencyKey: k() };
    await call('POST', `/api/trade/negotiations/${a.body.id}/counter`, 'merchant', offer);
    const twice = await call('POST', `/api/trade/negotiations/${a.body.id}/counter`, 'merchant', offer);
    expect(twice.status).toBe(200);
    expect(twice.body).toMatchObject({ state: 'offered', round: 2 });
    expect(twice.body.timeline).toHaveLength(2);
  });
});

describe('terms checked against the offer and the product', () => {
  it('refuses a purpose the policy does not permit, naming the constraint in both languages', async () => {
    const r = await start({ terms: { ...TERMS, purpose: '精准营销' } });
    expect(r.status).toBe(409);
    expect(r.body.error).toMatchObject({
      code: 'TRADE_POLICY_REFUSED',
      details: {
        path: 'permission[0].constraint[0]',
        leftOperand: 'purpose',
        message: { 'zh-CN': expect.stringContaining('精准营销'), 'en-US': expect.any(String) },
      },
    });
    // a counter-offer outside the policy is refused the same way
    const n = (await start()).body;
    const out = await step(n.id, 'counter', 'merchant', { terms: { ...TERMS, purpose: '精准营销' } });
    expect(out.body.error.code).toBe('TRADE_POLICY_REFUSED');
    expect((await t.call<Negotiation>('GET', `/api/trade/negotiations/${n.id}`, 'buyer')).body.round).toBe(1);
  });

  it('refuses a delivery mode the product lacks, malformed terms, one’s own product and an unlisted one', async () => {
    const api = await start({ terms: { ...TERMS, deliveryMode: 'api' } });
    expect(api.body.error).toMatchObject({
      code: 'TRADE_TERMS_INVALID',
      details: { field: 'terms.deliveryMode' },
    });
    const backwards = await start({ terms: { ...TERMS, endsOn: '2026-01-01' } });
    expect(backwards.status).toBe(400);
    expect(backwards.body.error.message).toContain('terms.endsOn');
    expect((await start({ terms: { ...TERMS, region: '999999' } })).status).toBe(400);
    expect((await start({ terms: { ...TERMS, priceFen: -1 } })).status).toBe(400);
    expect((await start({ idempotencyKey: 'short' })).status).toBe(400);
    expect((await start({}, 'merchant')).status).toBe(403);
    const { resource } = await m.listable('merchant', '未挂牌数据');
    const draft = await m.draft('merchant', productBody([resource], { title: '未挂牌产品' }));
    expect((await start({ productId: draft.id })).body.error.code).toBe('TRADE_PRODUCT_NOT_OFFERED');
    expect((await start({ productId: `prd_${'0'.repeat(26)}` })).status).toBe(404);
  });
});

describe('who sees a negotiation', () => {
  it('shows it to its two sides and the overseers only', async () => {
    const n = (await start()).body;
    expect((await call('GET', `/api/trade/negotiations/${n.id}`, 'merchant')).status).toBe(200);
    expect((await call('GET', `/api/trade/negotiations/${n.id}`, 'regulator')).status).toBe(200);
    expect((await call('GET', `/api/trade/negotiations/${n.id}`, 'huanghe')).status).toBe(404);
    expect((await call('GET', `/api/trade/negotiations/${n.id}`)).status).toBe(401);
    expect((await step(n.id, 'counter', 'huanghe', { terms: TERMS })).status).toBe(404);
  });
});

describe('automatic agreement', () => {
  it('agrees at once, where the seller turned it on, to a request on the listed price within the policy', async () => {
    const url = `/api/trade/products/${listed.id}/auto-accept`;
    expect((await t.call('PUT', url, 'quancheng', { enabled: true })).status).toBe(404);
    expect((await t.call('GET', url, 'merchant')).body).toEqual({ productId: listed.id, enabled: false });
    expect((await t.call('PUT', url, 'merchant', { enabled: true })).status).toBe(200);
    expect((await t.call('GET', url, 'merchant')).body).toMatchObject({ enabled: true });
    expect((await t.call('GET', url, 'quancheng')).status).toBe(404);
    const cheap = (await start({ terms: { ...TERMS, priceFen: 100_00 } })).body;
    expect(cheap.state).toBe('requested');
    const full = (await start({ terms: { ...TERMS, priceFen: 500_00 } })).body;
    expect(full).toMatchObject({ state: 'agreed' });
    expect(full.timeline.map((e) => [e.kind, e.side])).toEqual([
      ['request', 'buyer'],
      ['agree', 'platform'],
    ]);
    await t.call('PUT', url, 'merchant', { enabled: false });
    expect((await start()).body.state).toBe('requested');
  });
});
