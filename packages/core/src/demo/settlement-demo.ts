import { RevenueShareBody, StartNegotiationBody, StepBody, type DealTerms } from '@shuliu/contracts';
import { periodOf } from '../trade/index.js';
import type { Services } from '../services.js';
import { DEMO_PASSWORD } from './demo-data.js';
import { loginAs } from './demo-login.js';
import type { MarketDemoProducts } from './market-demo.js';

const DAY = 86_400_000;
let seq = 0;
const key = (what: string) => `demo-settle-${what}-${++seq}`;

/**
 * 结算 demo: last month's trade — the monthly report's revenue shared among the three organizations whose data
 * it is built from, by their Shapley values over the accuracy each coalition's data reaches, and four orders
 * accepted during the month — closed by the operator into statements per party.
 */
export async function seedSettlementDemo(s: Services, p: MarketDemoProducts, now = new Date()) {
  const as = {
    merchant: await loginAs(s, 'merchant'),
    quancheng: await loginAs(s, 'quancheng'),
    huanghe: await loginAs(s, 'huanghe'),
    operator: await loginAs(s, 'operator'),
  };
  const [qilu, quancheng, huanghe] = [as.merchant, as.quancheng, as.huanghe].map((c) => c.principal!.orgId!);
  // 齐鲁数据 declares who contributed to the report and what each coalition's data achieves (v(∅) = 0)
  const v: Record<string, number> = {
    '': 0,
    [qilu!]: 60,
    [quancheng!]: 20,
    [huanghe!]: 15,
    [[qilu, quancheng].sort().join(',')]: 78,
    [[qilu, huanghe].sort().join(',')]: 74,
    [[quancheng, huanghe].sort().join(',')]: 30,
    [[qilu, quancheng, huanghe].sort().join(',')]: 90,
  };
  await s.trade.revenueShares.declare(
    as.merchant,
    p.indexReport,
    RevenueShareBody.parse({
      contributors: [qilu, quancheng, huanghe],
      utility: { kind: 'table', values: v },
      utilityLabel: '景气指数对实际营收增速的预测准确率（%）',
      method: 'exact',
    }),
  );

  // four reports bought and accepted around the middle of last month
  const lastMonth = periodOf(new Date(now.getTime() - (dayOfMonth(now) + 1) * DAY));
  const mid = Date.parse(`${lastMonth}-10T02:00:00Z`);
  const buyerOk = await s.identity.auth.confirmPassword(as.quancheng, DEMO_PASSWORD);
  const sellerOk = await s.identity.auth.confirmPassword(as.merchant, DEMO_PASSWORD);
  for (const [i, priceFen] of [2_000_00, 2_400_00, 1_650_00, 3_333_33].entries()) {
    const t = s.trade.withClock(() => new Date(mid + i * 3 * DAY));
    const terms: DealTerms = {
      template: 'provision',
      deliveryMode: 'report',
      purpose: '信贷投向研判',
      region: '370100',
      scope: '用于本单位信贷投向研判，报告仅限内部使用',
      startsOn: `${lastMonth}-01`,
      endsOn: `${lastMonth}-28`,
      priceFen,
      maxUses: null,
    };
    const n = await t.negotiations.start(
      as.quancheng,
      StartNegotiationBody.parse({ productId: p.indexReport, terms, idempotencyKey: key('ngt') }),
    );
    const agreed = await t.negotiations.agree(
      as.merchant,
      n.id,
      StepBody.parse({ idempotencyKey: key('agree') }),
    );
    const no = agreed.contractNo!;
    await t.contracts.sign(as.quancheng, no, { custody: 'platform', confirmed: buyerOk });
    await t.contracts.sign(as.merchant, no, { custody: 'platform', confirmed: sellerOk });
    const order = await t.orders.place(as.quancheng, { contractNo: no, idempotencyKey: key('order') });
    await t.orders.pay(as.quancheng, order.id, {
      reference: `ICBC-${lastMonth.replace('-', '')}-${1000 + i}`,
    });
    await t.orders.deliver(as.merchant, order.id, { note: `${lastMonth} 景气报告第 ${i + 1} 期` });
    await t.orders.accept(as.quancheng, order.id, { note: '验收合格' });
  }
  return s.trade.settlement.close(as.operator, lastMonth);
}

/** The day of the month in Beijing. */
const dayOfMonth = (at: Date) => new Date(at.getTime() + 8 * 3600_000).getUTCDate();
