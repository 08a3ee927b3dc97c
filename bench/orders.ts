// `npm run bench -- --only=orders`: order placement with 50 buyers at once on PostgreSQL. Fifty concluded
// contracts on a product whose licence has seats (each placement counts them under the product's row lock) and
// fifty on one without a limit (no lock), placed all at once in the same run: orders per second and p99.
import { createServices, demo, loadConfig, type Services } from '@shuliu/core';
import { loginAs } from '@shuliu/core/testing';
import { StartNegotiationBody, StepBody } from '@shuliu/contracts';
import { scratchDatabase } from './scratch-db.js';

const BUYERS = 50;
const pct = (xs: number[], p: number) =>
  [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(p * xs.length))]!;

async function contracts(s: Services, productId: string, n: number, tag: string) {
  const buyer = await loginAs(s, 'quancheng');
  const seller = await loginAs(s, 'merchant');
  const buyerOk = await s.identity.auth.confirmPassword(buyer, demo.DEMO_PASSWORD);
  const sellerOk = await s.identity.auth.confirmPassword(seller, demo.DEMO_PASSWORD);
  const out: string[] = [];
  for (let i = 0; i < n; i++) {
    const ngt = await s.trade.negotiations.start(
      buyer,
      StartNegotiationBody.parse({
        productId,
        terms: {
          template: 'provision',
          deliveryMode: 'report',
          purpose: '信贷投向研判',
          region: '370100',
          scope: '基准测试',
          startsOn: '2026-12-01',
          endsOn: '2027-11-30',
          priceFen: 1000_00,
        },
        idempotencyKey: `bench-${tag}-${i}`,
      }),
    );
    const agreed = await s.trade.negotiations.agree(
      seller,
      ngt.id,
      StepBody.parse({ idempotencyKey: `bench-agree-${tag}-${i}` }),
    );
    await s.trade.contracts.sign(buyer, agreed.contractNo!, { custody: 'platform', confirmed: buyerOk });
    await s.trade.contracts.sign(seller, agreed.contractNo!, { custody: 'platform', confirmed: sellerOk });
    out.push(agreed.contractNo!);
  }
  return { buyer, out };
}

async function placeAll(s: Services, buyer: Awaited<ReturnType<typeof loginAs>>, nos: string[], tag: string) {
  const latencies: number[] = [];
  const t0 = performance.now();
  const results = await Promise.allSettled(
    nos.map(async (contractNo, i) => {
      const t = performance.now();
      try {
        return await s.trade.orders.place(buyer, { contractNo, idempotencyKey: `bench-order-${tag}-${i}` });
      } finally {
        latencies.push(performance.now() - t);
      }
    }),
  );
  const seconds = (performance.now() - t0) / 1000;
  const placed = results.filter((r) => r.status === 'fulfilled').length;
  return {
    placed,
    refused: results.length - placed,
    perSecond: results.length / seconds,
    p99: pct(latencies, 0.99),
  };
}

export async function runOrderBenchmarks(url: string) {
  const d = await scratchDatabase(url, 20);
  try {
    const config = loadConfig({}, { masterKey: 'be'.repeat(32), logLevel: 'silent' });
    await demo.seedDemo(d.db, config);
    const s = createServices(d.db, config);
    const ids = await d.db
      .selectFrom('market_products')
      .select(['id', 'title'])
      .where('status', '=', 'published')
      .execute();
    const report = ids.find((p) => p.title === '小微企业经营景气月度报告')!.id;
    const seats = BUYERS / 2;
    const limited = await contracts(s, report, BUYERS, 'seats');
    const free = await contracts(s, report, BUYERS, 'free');
    // first with no limit on the product; then with half as many seats left as buyers
    const open = await placeAll(s, free.buyer, free.out, 'free');
    const live = (await s.trade.orders.availability(report)).live;
    await d.db
      .updateTable('market_products')
      .set({ seats: live + seats })
      .where('id', '=', report)
      .execute();
    const held = await placeAll(s, limited.buyer, limited.out, 'seats');
    console.log(
      `order placement, ${BUYERS} buyers at once on ${d.kind}: licence with ${seats} seats left ${held.perSecond.toFixed(0)} orders/s, p99 ${held.p99.toFixed(0)} ms (${held.placed} placed, ${held.refused} sold out)` +
        `  |  unlimited licence (no seat lock) ${open.perSecond.toFixed(0)} orders/s, p99 ${open.p99.toFixed(0)} ms (${open.placed} placed)`,
    );
  } finally {
    await d.drop();
  }
}
