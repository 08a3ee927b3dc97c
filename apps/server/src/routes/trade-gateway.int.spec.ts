import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { IssuedApiKey, OrderDetail, Upstream, Usage } from '@shuliu/contracts';
import { meteredCharges } from '@shuliu/core/trade';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../testing.js';
import { marketClient, productBody, type Err, type MarketClient } from './market.fixtures.js';
import { TradeClient } from './trade.fixtures.js';

// 接口交付: the metered gateway in front of a seller's upstream — per-order keys, the seller's credential added
// and the buyer's never passed on, purpose and policy per call, the quota exact under concurrency, the rate
// limit under a burst, and usage figures (and per-call charges) that match the calls made.
let t: TestServer;
let m: MarketClient;
let trade: TradeClient;
let upstream: Server;
let base: string;
let productId: string;
/** What the upstream received, newest last. */
const received: { method: string; url: string; headers: IncomingHttpHeaders; body: string }[] = [];

const PURPOSE = encodeURIComponent('风控');
const UNIT_FEN = 10;

beforeAll(async () => {
  upstream = createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString()));
    req.on('end', () => {
      received.push({ method: req.method!, url: req.url!, headers: req.headers, body });
      const status = req.url!.includes('/fail') ? 500 : 200;
      res.writeHead(status, { 'content-type': 'application/json', 'set-cookie': 'upstream=1' });
      res.end(JSON.stringify({ from: 'upstream', url: req.url }));
    });
  });
  await new Promise<void>((r) => upstream.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(upstream.address() as AddressInfo).port}/v1`;
  // the upstream is on loopback, which an operator allows only for a platform inside its own network
  t = await startTestServer({ config: { gatewayAllowPrivateUpstreams: true } });
  m = marketClient(t);
  trade = new TradeClient(t, m);
  const { resource } = await m.listable('merchant', '企业信用查询接口数据');
  const p = await m.listed(
    'merchant',
    productBody([resource], {
      title: '企业信用查询接口',
      deliveryModes: ['api'],
      priceModel: { kind: 'per_call', unitFen: UNIT_FEN },
      licence: { seats: null, exclusive: false },
    }),
  );
  productId = p.id;
}, 120_000);
afterAll(async () => {
  await t?.close();
  upstream?.close();
});

const setUpstream = (body: Record<string, unknown>, as = 'merchant') =>
  t.call<Upstream & Err>('PUT', `/api/trade/products/${productId}/upstream`, as, body);
const configured = (rate = 1000) =>
  setUpstream({
    url: base,
    credentialHeader: 'X-Seller-Secret',
    credential: 'seller-s3cret',
    ratePerSecond: rate,
  });

/** A delivered API order of `maxUses` calls, and its key. */
async function apiOrder(maxUses = 100) {
  const o = await trade.paidOrder(productId, 'quancheng', 'merchant', {
    deliveryMode: 'api',
    maxUses,
    priceFen: UNIT_FEN,
  });
  const d = await trade.step(o.id, 'deliver', 'merchant', { note: '接口已开通' });
  expect(d.status, JSON.stringify(d.body)).toBe(200);
  const k = await t.call<IssuedApiKey>('POST', `/api/trade/orders/${o.id}/api-keys`, 'quancheng');
  expect(k.status, JSON.stringify(k.body)).toBe(201);
  return { id: o.id, key: k.body.key, keyId: k.body.id };
}

const through = (
  orderId: string,
  path: string,
  headers: Record<string, string> = {},
  method: 'GET' | 'POST' = 'GET',
  payload?: string,
) =>
  t.app.inject({
    method,
    url: `/gateway/${orderId}/${path}`,
    headers: { 'x-purpose': PURPOSE, ...headers },
    ...(payload !== undefined && { payload }),
  });

describe('the seller’s upstream', () => {
  it('is set by the product’s seller, its credential sealed and never shown; bad addresses refused', async () => {
    expect((await setUpstream({ url: base }, 'huanghe')).status).toBe(404);
    expect((await setUpstream({ url: 'ftp://example.com/x' })).body.error.code).toBe('VALIDATION_FAILED');
    const metadata = await setUpstream({ url: 'http://169.254.169.254/latest/meta-data' });
    expect(metadata.status).toBe(400);
    expect(metadata.body.error.code).toBe('TRADE_UPSTREAM_URL_REFUSED');
    const set = await configured();
    expect(set.status, JSON.stringify(set.body)).toBe(200);
    expect(set.body).toMatchObject({ url: base, credentialHeader: 'X-Seller-Secret', hasCredential: true });
    expect(JSON.stringify(set.body)).not.toContain('seller-s3cret');
    const read = await t.call<Upstream>('GET', `/api/trade/products/${productId}/upstream`, 'merchant');
    expect(JSON.stringify(read.body)).not.toContain('seller-s3cret');
    const audit = await m.ok<{ items: unknown[] }>(
      'GET',
      `/api/audit/events?objectId=${productId}`,
      'operator',
    );
    expect(JSON.stringify(audit)).not.toContain('seller-s3cret');
  });

  it('must be set before an API order is delivered', async () => {
    const { resource } = await m.listable('merchant', '未配置上游的接口数据');
    const p = await m.listed(
      'merchant',
      productBody([resource], {
        title: '未配置上游的接口',
        deliveryModes: ['api'],
        priceModel: { kind: 'per_call', unitFen: UNIT_FEN },
      }),
    );
    const o = await trade.paidOrder(p.id, 'quancheng', 'merchant', {
      deliveryMode: 'api',
      maxUses: 5,
      priceFen: 10,
    });
    const d = await trade.step(o.id, 'deliver', 'merchant', {});
    expect(d.status).toBe(409);
    expect(d.body.error.code).toBe('TRADE_UPSTREAM_NOT_CONFIGURED');
  });
});

describe('the gateway', () => {
  it('proxies with the seller’s credential and none of the buyer’s', async () => {
    await configured();
    const { id, key } = await apiOrder();
    const platformToken = await t.login('quancheng');
    const r = await through(id, 'items/42?x=1', {
      'x-api-key': key,
      authorization: `Bearer ${platformToken}`,
      cookie: 'session=buyer',
      'x-seller-secret': 'forged-by-buyer',
      'x-forwarded-for': '10.0.0.1',
      'x-trace': 'kept',
    });
    expect(r.statusCode, r.body).toBe(200);
    expect(r.json()).toEqual({ from: 'upstream', url: '/v1/items/42?x=1' });
    expect(r.headers['set-cookie']).toBeUndefined();
    expect(r.headers['content-security-policy']).toContain("default-src 'none'");
    const got = received.at(-1)!;
    expect(got.url).toBe('/v1/items/42?x=1');
    expect(got.headers['x-seller-secret']).toBe('seller-s3cret');
    expect(got.headers['x-trace']).toBe('kept');
    expect(got.headers['x-shuliu-order']).toBe(id);
    for (const h of ['authorization', 'x-api-key', 'cookie', 'x-purpose', 'x-forwarded-for'])
      expect(got.headers[h], h).toBeUndefined();
    expect(JSON.stringify(got.headers)).not.toContain(key);
    expect(JSON.stringify(got.headers)).not.toContain(platformToken);

    // the key as a bearer token is taken too, and not passed on; a POST body goes through as it came
    const bearer = await through(
      id,
      'search',
      { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
      'POST',
      '{"q":"济南"}',
    );
    expect(bearer.statusCode).toBe(200);
    expect(received.at(-1)!.headers.authorization).toBeUndefined();
    expect(received.at(-1)!.body).toBe('{"q":"济南"}');
    // a platform login is not a key; nor is another order's key; nor a path out of the upstream's base
    const login = await through(id, 'items', { authorization: `Bearer ${platformToken}` });
    expect(login.statusCode).toBe(401);
    expect(login.json().error.code).toBe('TRADE_GATEWAY_KEY_INVALID');
    const other = await apiOrder();
    expect((await through(other.id, 'items', { 'x-api-key': key })).statusCode).toBe(401);
    expect((await through(id, 'x/..%2fadmin', { 'x-api-key': key })).statusCode).toBe(400);
  });

  it('refuses a call for another purpose than the agreed one, naming the constraint', async () => {
    await configured();
    const { id, key } = await apiOrder();
    const wrong = await through(id, 'items', { 'x-api-key': key, 'x-purpose': encodeURIComponent('营销') });
    expect(wrong.statusCode).toBe(403);
    expect(wrong.json().error).toMatchObject({
      code: 'TRADE_GATEWAY_POLICY_REFUSED',
      details: { constraint: 'purpose', agreed: '风控', sent: '营销' },
    });
    const none = await t.app.inject({ url: `/gateway/${id}/items`, headers: { 'x-api-key': key } });
    expect(none.statusCode).toBe(403);
    expect(none.json().error.details.constraint).toBe('purpose');
  });

  it('lets exactly the quota through under 50 concurrent calls', async () => {
    await configured();
    const { id, key } = await apiOrder(20);
    const answers = await Promise.all(
      Array.from({ length: 50 }, (_, i) => through(id, `q/${i}`, { 'x-api-key': key })),
    );
    const codes = answers.map((a) => a.statusCode);
    expect(
      codes.filter((c) => c === 200),
      String(codes),
    ).toHaveLength(20);
    expect(codes.filter((c) => c === 409)).toHaveLength(30);
    const refused = answers.find((a) => a.statusCode === 409)!;
    expect(refused.json().error).toMatchObject({
      code: 'TRADE_GATEWAY_QUOTA_EXHAUSTED',
      details: { quota: 20 },
    });
    const u = await m.ok<Usage>('GET', `/api/trade/orders/${id}/usage`, 'quancheng');
    expect(u).toMatchObject({ quota: 20, used: 20, left: 0 });
    expect(u.totals).toMatchObject({ calls: 50, billable: 20, refused: 30, chargeFen: 20 * UNIT_FEN });
    expect(u.totals.byReason.quota_exhausted).toBe(30);
  });

  it('answers a burst beyond the order’s rate with 429 and Retry-After', async () => {
    await configured(5);
    const { id, key } = await apiOrder();
    const started = Date.now();
    const answers = await Promise.all(
      Array.from({ length: 30 }, (_, i) => through(id, `r/${i}`, { 'x-api-key': key })),
    );
    const elapsed = (Date.now() - started) / 1000;
    const ok = answers.filter((a) => a.statusCode === 200).length;
    // a second's burst (5), and at most the rate for the time the burst itself took
    expect(ok).toBeGreaterThanOrEqual(5);
    expect(ok).toBeLessThanOrEqual(5 + Math.ceil(elapsed * 5));
    const limited = answers.filter((a) => a.statusCode === 429);
    expect(limited.length).toBe(30 - ok);
    expect(limited[0]!.json().error.code).toBe('TRADE_GATEWAY_RATE_LIMITED');
    expect(Number(limited[0]!.headers['retry-after'])).toBeGreaterThanOrEqual(1);
    // the refused calls are not counted against the quota
    const u = await m.ok<Usage>('GET', `/api/trade/orders/${id}/usage`, 'merchant');
    expect(u.used).toBe(ok);
    expect(u.totals.byReason.rate_limited).toBe(30 - ok);
    await configured();
  });

  it('forgets a revoked key at once, and a rotated one', async () => {
    await configured();
    const { id, key, keyId } = await apiOrder();
    expect((await through(id, 'a', { 'x-api-key': key })).statusCode).toBe(200);
    const rotated = await t.call<IssuedApiKey>('POST', `/api/trade/orders/${id}/api-keys`, 'quancheng');
    expect((await through(id, 'a', { 'x-api-key': key })).statusCode).toBe(401);
    expect((await through(id, 'a', { 'x-api-key': rotated.body.key })).statusCode).toBe(200);
    const list = await m.ok<{ items: { id: string; revokedAt: string | null }[] }>(
      'GET',
      `/api/trade/orders/${id}/api-keys`,
      'quancheng',
    );
    expect(list.items.map((k) => [k.id, k.revokedAt !== null])).toEqual([
      [rotated.body.id, false],
      [keyId, true],
    ]);
    expect(JSON.stringify(list)).not.toContain(rotated.body.key);
    expect(
      (await t.call('DELETE', `/api/trade/orders/${id}/api-keys/${rotated.body.id}`, 'merchant')).status,
    ).toBe(404);
    expect(
      (await t.call('DELETE', `/api/trade/orders/${id}/api-keys/${rotated.body.id}`, 'quancheng')).status,
    ).toBe(200);
    const revoked = await through(id, 'a', { 'x-api-key': rotated.body.key });
    expect(revoked.statusCode).toBe(401);
  });
});

describe('usage', () => {
  it('matches the calls made, for both parties and the overseers; per-call charge = billable × unit', async () => {
    await configured();
    const from = new Date();
    const { id, key } = await apiOrder(10);
    for (const path of ['a', 'b', 'c'])
      expect((await through(id, path, { 'x-api-key': key })).statusCode).toBe(200);
    expect((await through(id, 'x', { 'x-api-key': key, 'x-purpose': 'other' })).statusCode).toBe(403);
    // an upstream failure answers its status and is neither billed nor counted against the quota
    expect((await through(id, 'fail', { 'x-api-key': key })).statusCode).toBe(500);

    for (const as of ['quancheng', 'merchant', 'regulator', 'operator']) {
      const u = await m.ok<Usage>('GET', `/api/trade/orders/${id}/usage?granularity=day`, as);
      expect(u).toMatchObject({ billing: 'per_call', unitFen: UNIT_FEN, quota: 10, used: 3, left: 7 });
      expect(u.totals).toMatchObject({ calls: 5, billable: 3, refused: 1, chargeFen: 3 * UNIT_FEN });
      expect(u.totals.byReason).toEqual({ policy: 1, rate_limited: 0, quota_exhausted: 0, not_serving: 0 });
      expect(u.totals.p50Ms).not.toBeNull();
      expect(u.buckets).toHaveLength(1);
      expect(u.buckets[0]!.calls).toBe(5);
    }
    const hourly = await m.ok<Usage>('GET', `/api/trade/orders/${id}/usage?granularity=hour`, 'quancheng');
    expect(hourly.buckets.reduce((n, b) => n + b.calls, 0)).toBe(5);
    expect((await t.call('GET', `/api/trade/orders/${id}/usage`, 'huanghe')).status).toBe(404);
    expect(
      (await t.call('GET', `/api/trade/orders/${id}/usage?from=2026-01-01&to=2027-06-01`, 'quancheng'))
        .status,
    ).toBe(400);

    const charges = await meteredCharges(t.services.db, from, new Date(Date.now() + 1000));
    expect(charges.find((c) => c.orderId === id)).toEqual({ orderId: id, calls: 3, fen: 3 * UNIT_FEN });
  });

  it('is only for API orders', async () => {
    const { resource } = await m.listable('merchant', '报告类数据');
    const p = await m.listed('merchant', productBody([resource], { title: '报告产品' }));
    const o: OrderDetail = await trade.paidOrder(p.id, 'quancheng', 'merchant');
    expect((await t.call<Err>('GET', `/api/trade/orders/${o.id}/usage`, 'quancheng')).body.error.code).toBe(
      'TRADE_NOT_API_DELIVERY',
    );
    expect(
      (await t.call<Err>('POST', `/api/trade/orders/${o.id}/api-keys`, 'quancheng')).body.error.code,
    ).toBe('TRADE_NOT_API_DELIVERY');
  });
});
