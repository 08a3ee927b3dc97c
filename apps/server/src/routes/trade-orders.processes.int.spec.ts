import type {
  Contract,
  LicenceAvailability,
  Negotiation,
  OrderDetail,
  Paged,
  Product,
} from '@shuliu/contracts';
import { testDbKind } from '@shuliu/core/testing';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { useTwoServers } from '../testing-hooks.js';
import { custodied, dealTerms } from './trade.fixtures.js';

// Two processes on one database need PostgreSQL: PGlite is one process by design.
describe.runIf(testDbKind() === 'postgres')('a licence’s seats across two server processes', () => {
  const servers = useTwoServers();
  const tokens = new Map<string, string>();

  const send = async <T>(base: string, method: string, path: string, as?: string, body?: unknown) => {
    const token = as && tokens.get(as);
    const r = await fetch(`${base}${path}`, {
      method,
      headers: { 'content-type': 'application/json', ...(token && { authorization: `Bearer ${token}` }) },
      ...(body !== undefined && { body: JSON.stringify(body) }),
    });
    return { status: r.status, body: (await r.json()) as T & { error?: { code: string } } };
  };
  const ok = async <T>(base: string, method: string, path: string, as?: string, body?: unknown) => {
    const r = await send<T>(base, method, path, as, body);
    expect(r.status, `${method} ${path} as ${as}: ${JSON.stringify(r.body)}`).toBeLessThan(300);
    return r.body;
  };

  it('20 buyers ordering at once on both processes get exactly the seats left', async () => {
    const { a, b, url } = servers();
    for (const u of ['merchant', 'quancheng', 'huanghe', 'operator']) {
      const r = await send<{ token: string }>(a.base, 'POST', '/api/auth/login', undefined, {
        username: u,
        password: custodied.password,
      });
      tokens.set(u, r.body.token);
    }
    // 黄河物流 signs with a key the platform keeps for it
    const me = await ok<{ org: { id: string } }>(a.base, 'GET', '/api/me', 'huanghe');
    await ok(a.base, 'POST', `/api/orgs/${me.org.id}/signing-keys`, 'huanghe', custodied);

    const found = await ok<Paged<Product>>(
      b.base,
      'GET',
      `/api/market/products?q=${encodeURIComponent('小微企业经营景气月度报告')}`,
    );
    const product = found.items.find((p) => p.title === '小微企业经营景气月度报告')!;
    const before = await ok<LicenceAvailability>(
      a.base,
      'GET',
      `/api/trade/products/${product.id}/availability`,
    );
    const seats = before.live + 3;
    const db = new pg.Client({ connectionString: url });
    await db.connect();
    await db.query('update market_products set seats = $1 where id = $2', [seats, product.id]);
    await db.end();

    // 20 concluded contracts: ten each for two buyer organizations, alternating between the processes
    const buyers = Array.from({ length: 20 }, (_, i) => (i % 2 ? 'quancheng' : 'huanghe'));
    const contracts: { no: string; buyer: string }[] = [];
    for (const [i, buyer] of buyers.entries()) {
      const base = i % 2 ? a.base : b.base;
      const n = await ok<Negotiation>(base, 'POST', '/api/trade/negotiations', buyer, {
        productId: product.id,
        terms: dealTerms({ purpose: '行业研究', region: '370100' }),
        idempotencyKey: `seats-request-${i}`,
      });
      const agreed = await ok<Negotiation>(
        base,
        'POST',
        `/api/trade/negotiations/${n.id}/agree`,
        'merchant',
        {
          idempotencyKey: `seats-agree-${i}`,
        },
      );
      const no = agreed.contractNo!;
      await ok<Contract>(base, 'POST', `/api/trade/contracts/${no}/sign`, buyer, custodied);
      await ok<Contract>(base, 'POST', `/api/trade/contracts/${no}/sign`, 'merchant', custodied);
      contracts.push({ no, buyer });
    }

    const placed = await Promise.all(
      contracts.map((c, i) =>
        send<OrderDetail>(i % 2 ? a.base : b.base, 'POST', '/api/trade/orders', c.buyer, {
          contractNo: c.no,
          idempotencyKey: `seats-order-${i}`,
        }),
      ),
    );
    const won = placed.filter((r) => r.status === 201);
    const lost = placed.filter((r) => r.status !== 201);
    expect(won).toHaveLength(3);
    expect(lost.map((r) => r.body.error?.code)).toEqual(Array(17).fill('TRADE_SOLD_OUT'));
    expect(
      await ok<LicenceAvailability>(b.base, 'GET', `/api/trade/products/${product.id}/availability`),
    ).toMatchObject({ seats, live: seats, left: 0 });
  }, 180_000);
});
