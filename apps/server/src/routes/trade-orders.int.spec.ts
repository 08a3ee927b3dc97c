import type { LicenceAvailability, OrderDetail, Paged, Order } from '@shuliu/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../testing.js';
import { marketClient, productBody, type MarketClient } from './market.fixtures.js';
import { TradeClient } from './trade.fixtures.js';

// 订单: orders on concluded contracts, the escrow's states refused out of order with the state named, the licence's
// seats never oversold, acceptance within the period (or by its lapse), disputes mediated, refunds on cancellation.
let t: TestServer;
let m: MarketClient;
let trade: TradeClient;
let resourceId: string;

beforeAll(async () => {
  t = await startTestServer();
  m = marketClient(t);
  trade = new TradeClient(t, m);
  resourceId = (await m.listable('merchant', '企业经营景气基础数据')).resource;
});
afterAll(() => t.close());

const listed = (licence: Record<string, unknown> = {}, title = '区域景气指数') =>
  m.listed(
    'merchant',
    productBody([resourceId], { title, licence: { seats: null, exclusive: false, ...licence } }),
  );

describe('placing an order', () => {
  it('needs a concluded contract of the caller’s org and is idempotent on its key', async () => {
    const p = await listed();
    const drafted = (await trade.agreed(p.id, 'quancheng', 'merchant')).contractNo!;
    const early = await trade.place(drafted, 'quancheng');
    expect(early.status).toBe(409);
    expect(early.body).toMatchObject({
      error: { code: 'TRADE_CONTRACT_NOT_CONCLUDED', details: { contractState: 'drafted' } },
    });

    const no = await trade.concluded(p.id, 'quancheng', 'merchant');
    expect((await trade.place(no, 'huanghe')).status).toBe(404);
    const placed = await trade.place(no, 'quancheng', 'order-key-once');
    expect(placed.status, JSON.stringify(placed.body)).toBe(201);
    expect(placed.body).toMatchObject({
      contractNo: no,
      productId: p.id,
      state: 'awaiting_payment',
      awaiting: 'buyer',
      billing: 'fixed',
      amountFen: 500_00,
      acceptanceDays: 5,
      timeline: [{ kind: 'place', side: 'buyer', state: 'awaiting_payment' }],
    });
    const again = await trade.place(no, 'quancheng', 'order-key-once');
    expect(again.status).toBe(201);
    expect(again.body.id).toBe(placed.body.id);
    const second = await trade.place(no, 'quancheng');
    expect(second.status).toBe(409);
    expect(second.body).toMatchObject({
      error: { code: 'TRADE_ORDER_OUT_OF_ORDER', details: { orderId: placed.body.id } },
    });
  });

  it('lists orders to each side, every order to the overseers only, and shows an order to nobody else', async () => {
    const p = await listed();
    const order = await trade.paidOrder(p.id, 'quancheng', 'merchant');
    const mine = await m.ok<Paged<Order>>('GET', '/api/trade/orders?side=buyer', 'quancheng');
    expect(mine.items.map((o) => o.id)).toContain(order.id);
    const sold = await m.ok<Paged<Order>>(
      'GET',
      `/api/trade/orders?side=seller&q=${order.contractNo}`,
      'merchant',
    );
    expect(sold.items.map((o) => o.id)).toEqual([order.id]);
    expect(
      (await m.ok<Paged<Order>>('GET', '/api/trade/orders?side=all&state=paid', 'regulator')).total,
    ).toBeGreaterThan(0);
    expect((await t.call('GET', '/api/trade/orders?side=all', 'merchant')).status).toBe(403);
    expect((await t.call('GET', `/api/trade/orders/${order.id}`, 'huanghe')).status).toBe(404);
    expect((await t.call('GET', `/api/trade/orders/${order.id}`, 'regulator')).status).toBe(200);
    expect((await t.call('GET', `/api/trade/orders/${order.id}`)).status).toBe(401);
    // the regulator reads but takes no step
    expect((await trade.step(order.id, 'deliver', 'regulator', {})).status).toBe(403);
  });
});

describe('the escrow', () => {
  it('goes paid → delivered → accepted, refusing each step out of order with the state named', async () => {
    const p = await listed();
    const no = await trade.concluded(p.id, 'quancheng', 'merchant');
    const { id } = (await trade.place(no, 'quancheng')).body;

    const early = await trade.step(id, 'deliver', 'merchant', {});
    expect(early.status).toBe(409);
    expect(early.body).toMatchObject({
      error: { code: 'TRADE_ORDER_OUT_OF_ORDER', details: { state: 'awaiting_payment' } },
    });
    expect((await trade.step(id, 'pay', 'merchant', { reference: 'PAY-0001' })).status).toBe(409);
    expect((await trade.step(id, 'pay', 'quancheng', { reference: '付款' })).status).toBe(400);

    const paid = await trade.step(id, 'pay', 'quancheng', { reference: 'PAY-20261207-01' });
    expect(paid.body).toMatchObject({ state: 'paid', paymentRef: 'PAY-20261207-01', awaiting: 'seller' });
    expect((await trade.step(id, 'pay', 'quancheng', { reference: 'PAY-20261207-01' })).status).toBe(409);
    expect((await trade.step(id, 'accept', 'quancheng', {})).body).toMatchObject({
      error: { code: 'TRADE_ORDER_OUT_OF_ORDER', details: { state: 'paid' } },
    });

    const delivered = await trade.step(id, 'deliver', 'merchant', { note: '报告已上传' });
    expect(delivered.body).toMatchObject({ state: 'delivered', awaiting: 'buyer' });
    const period = Date.parse(delivered.body.acceptBy!) - Date.parse(delivered.body.deliveredAt!);
    expect(period).toBe(5 * 24 * 3600 * 1000);
    expect((await trade.step(id, 'cancel', 'quancheng', { reason: '不要了' })).status).toBe(409);

    const accepted = await trade.step(id, 'accept', 'quancheng', {});
    expect(accepted.body).toMatchObject({ state: 'accepted', acceptedHow: 'buyer', awaiting: null });
    expect(accepted.body.timeline.map((e) => e.kind)).toEqual(['place', 'pay', 'deliver', 'accept']);
    const after = await trade.step(id, 'dispute', 'quancheng', { reason: '数据缺失' });
    expect(after.body).toMatchObject({
      error: { code: 'TRADE_ORDER_OUT_OF_ORDER', details: { state: 'accepted' } },
    });

    const audit = await m.ok<{ items: { action: string }[] }>(
      'GET',
      `/api/audit/events?objectId=${id}`,
      'operator',
    );
    expect([...new Set(audit.items.map((a) => a.action))].sort()).toEqual(
      ['trade.order.accept', 'trade.order.deliver', 'trade.order.pay', 'trade.order.place'].sort(),
    );
  });

  it('takes a written objection within the period, which the operator resolves', async () => {
    const p = await listed();
    const a = await trade.paidOrder(p.id, 'quancheng', 'merchant');
    await trade.step(a.id, 'deliver', 'merchant', {});
    const disputed = await trade.step(a.id, 'dispute', 'quancheng', { reason: '字段与约定说明不一致' });
    expect(disputed.body).toMatchObject({
      state: 'disputed',
      awaiting: 'platform',
      disputeReason: '字段与约定说明不一致',
    });
    expect((await trade.step(a.id, 'resolve', 'merchant', { outcome: 'accepted', reason: 'x' })).status).toBe(
      403,
    );
    const refunded = await trade.step(a.id, 'resolve', 'operator', {
      outcome: 'refunded',
      reason: '经调解，卖方同意退款',
    });
    expect(refunded.body).toMatchObject({ state: 'refunded', refundRef: `REFUND-${a.id}` });
  });

  it('accepts a delivery by itself once the period lapses, and then refuses a late objection', async () => {
    const p = await listed();
    const a = await trade.paidOrder(p.id, 'quancheng', 'merchant');
    await trade.step(a.id, 'deliver', 'merchant', {});
    await t.services.db
      .updateTable('trade_orders')
      .set({ accept_by: new Date(Date.now() - 1000) })
      .where('id', '=', a.id)
      .execute();
    const late = await trade.step(a.id, 'dispute', 'quancheng', { reason: '太晚了' });
    expect(late.body).toMatchObject({ error: { code: 'TRADE_ACCEPTANCE_PERIOD_OVER' } });
    expect((await t.services.trade.orders.sweep()).lapsed).toBeGreaterThanOrEqual(1);
    const o = await m.ok<OrderDetail>('GET', `/api/trade/orders/${a.id}`, 'quancheng');
    expect(o).toMatchObject({ state: 'accepted', acceptedHow: 'lapsed' });
    expect(o.timeline.at(-1)).toMatchObject({ kind: 'lapse', side: 'platform' });
    // the sweep is safe to repeat
    await t.services.trade.orders.sweep();
    expect((await m.ok<OrderDetail>('GET', `/api/trade/orders/${a.id}`, 'quancheng')).timeline).toHaveLength(
      4,
    );
  });

  it('cancels an unpaid order, refunds a paid one, and cancels one left unpaid past its deadline', async () => {
    const p = await listed();
    const unpaid = (await trade.place(await trade.concluded(p.id, 'quancheng', 'merchant'), 'quancheng'))
      .body;
    expect((await trade.step(unpaid.id, 'cancel', 'merchant', { reason: '库存调整' })).body).toMatchObject({
      state: 'cancelled',
      closedReason: '库存调整',
      refundRef: null,
    });
    const paid = await trade.paidOrder(p.id, 'quancheng', 'merchant');
    expect((await trade.step(paid.id, 'cancel', 'quancheng', { reason: '业务取消' })).body).toMatchObject({
      state: 'refunded',
      refundRef: `REFUND-${paid.id}`,
    });
    const late = (await trade.place(await trade.concluded(p.id, 'quancheng', 'merchant'), 'quancheng')).body;
    await t.services.db
      .updateTable('trade_orders')
      .set({ pay_by: new Date(Date.now() - 1000) })
      .where('id', '=', late.id)
      .execute();
    await t.services.trade.orders.sweep();
    expect((await m.ok<OrderDetail>('GET', `/api/trade/orders/${late.id}`, 'quancheng')).state).toBe(
      'cancelled',
    );
  });
});

describe('the licence', () => {
  it('sells at most its seats; a cancelled order frees its seat', async () => {
    const p = await listed({ seats: 2 }, '两席位许可');
    const avail = () => m.ok<LicenceAvailability>('GET', `/api/trade/products/${p.id}/availability`);
    expect(await avail()).toMatchObject({ seats: 2, exclusive: false, live: 0, left: 2 });
    const first = (await trade.place(await trade.concluded(p.id, 'quancheng', 'merchant'), 'quancheng')).body;
    await trade.paidOrder(p.id, 'quancheng', 'merchant');
    expect(await avail()).toMatchObject({ live: 2, left: 0 });
    const third = await trade.place(await trade.concluded(p.id, 'quancheng', 'merchant'), 'quancheng');
    expect(third.status).toBe(409);
    expect(third.body).toMatchObject({ error: { code: 'TRADE_SOLD_OUT', details: { seats: 2, held: 2 } } });
    await trade.step(first.id, 'cancel', 'quancheng', { reason: '释放席位' });
    expect((await avail()).left).toBe(1);
  });

  it('sells an exclusive licence once', async () => {
    const p = await listed({ exclusive: true }, '独占许可');
    await trade.paidOrder(p.id, 'quancheng', 'merchant');
    const second = await trade.place(await trade.concluded(p.id, 'quancheng', 'merchant'), 'quancheng');
    expect(second.body).toMatchObject({ error: { code: 'TRADE_SOLD_OUT', details: { exclusive: true } } });
  });

  it('refuses a licence that is not a positive whole number of seats', async () => {
    const r = await t.call(
      'POST',
      '/api/market/my/products',
      'merchant',
      productBody([resourceId], { licence: { seats: 0 } }),
    );
    expect(r.status).toBe(400);
  });
});
