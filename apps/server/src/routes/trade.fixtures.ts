import type { Contract, Negotiation, OrderDetail } from '@shuliu/contracts';
import { demo } from '@shuliu/core';
import { expect } from 'vitest';
import type { TestServer } from '../testing.js';
import type { Err, MarketClient } from './market.fixtures.js';

let seq = 0;
const key = (what: string) => `${what}-${process.pid}-${++seq}-${Date.now()}`;

/** Deal terms a test starts from: a 数据提供 report for risk control over a year. */
export const dealTerms = (over: Record<string, unknown> = {}) => ({
  template: 'provision',
  deliveryMode: 'report',
  purpose: '风控',
  region: '370100',
  scope: '仅用于本机构小微企业授信前的区域景气研判，不得对外提供',
  startsOn: '2026-07-01',
  endsOn: '2027-06-30',
  priceFen: 500_00,
  ...over,
});

export const custodied = { custody: 'platform', password: demo.DEMO_PASSWORD };

/** The deal steps a trade test takes through the API. */
export class TradeClient {
  constructor(
    private readonly t: TestServer,
    private readonly m: MarketClient,
  ) {}

  /** Requested by `buyer` and agreed by `seller`: the contract drafted. */
  async agreed(productId: string, buyer: string, seller: string, over: Record<string, unknown> = {}) {
    const n = await this.m.ok<Negotiation>('POST', '/api/trade/negotiations', buyer, {
      productId,
      terms: dealTerms(over),
      idempotencyKey: key('request'),
    });
    return this.m.ok<Negotiation>('POST', `/api/trade/negotiations/${n.id}/agree`, seller, {
      idempotencyKey: key('agree'),
    });
  }

  /** Agreed and signed by both with their custodied keys (both parties' org administrators): concluded. */
  async concluded(productId: string, buyer: string, seller: string, over: Record<string, unknown> = {}) {
    const no = (await this.agreed(productId, buyer, seller, over)).contractNo!;
    await this.m.ok<Contract>('POST', `/api/trade/contracts/${no}/sign`, buyer, custodied);
    const c = await this.m.ok<Contract>('POST', `/api/trade/contracts/${no}/sign`, seller, custodied);
    expect(c.state).toBe('concluded');
    return no;
  }

  place(contractNo: string, as: string, idempotencyKey = key('order')) {
    return this.t.call<OrderDetail & Err>('POST', '/api/trade/orders', as, { contractNo, idempotencyKey });
  }

  step(id: string, step: string, as: string, body: Record<string, unknown> = {}) {
    return this.t.call<OrderDetail & Err>('POST', `/api/trade/orders/${id}/${step}`, as, body);
  }

  /** A concluded contract's order, paid by the buyer: ready for the seller to deliver. */
  async paidOrder(productId: string, buyer: string, seller: string, over: Record<string, unknown> = {}) {
    const no = await this.concluded(productId, buyer, seller, over);
    const placed = await this.place(no, buyer);
    expect(placed.status, JSON.stringify(placed.body)).toBe(201);
    const paid = await this.step(placed.body.id, 'pay', buyer, { reference: `PAY-${seq}-${Date.now()}` });
    expect(paid.status, JSON.stringify(paid.body)).toBe(200);
    return paid.body;
  }
}
