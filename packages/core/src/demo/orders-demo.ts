import {
  CancelOrderBody,
  DisputeOrderBody,
  PayOrderBody,
  StartNegotiationBody,
  StepBody,
  type ContractTemplate,
  type DealTerms,
} from '@shuliu/contracts';
import { Readable } from 'node:stream';
import type { RequestContext } from '../shared/context.js';
import { recordPastCalls } from '../trade/index.js';
import type { Services } from '../services.js';
import { DEMO_PASSWORD } from './demo-data.js';
import { loginAs } from './demo-login.js';
import { inDays, type MarketDemoProducts } from './market-demo.js';

let seq = 0;
const key = (what: string) => `demo-${what}-${++seq}`;

export interface OrdersDemo {
  /** order ids by what the demo left them as */
  orders: Record<
    | 'apiDelivered'
    | 'reportAccepted'
    | 'computePaid'
    | 'fileAccepted'
    | 'reportDisputed'
    | 'unpaid'
    | 'cancelled'
    | 'refunded',
    string
  >;
  contracts: Record<ContractTemplate, string>;
}

/**
 * 订单 demo, through the real flows: one concluded and signed contract of each of the four model texts and
 * orders on them in every state of the escrow — the credit API delivered behind the metered gateway with a
 * week of calls, the monthly report accepted, the joint-modelling service paid and awaiting delivery, the
 * footfall file downloaded as the buyer's fingerprinted copy and accepted, a report objected to, one order
 * awaiting payment, one cancelled before payment and one refunded.
 */
export async function seedOrdersDemo(
  s: Services,
  p: MarketDemoProducts,
  creditContractNo: string,
): Promise<OrdersDemo> {
  const o = s.trade.orders;
  const as = {
    merchant: await loginAs(s, 'merchant'),
    quancheng: await loginAs(s, 'quancheng'),
    buyer: await loginAs(s, 'buyer'),
    operator: await loginAs(s, 'operator'),
  };
  const sellerOk = await s.identity.auth.confirmPassword(as.merchant, DEMO_PASSWORD);
  const buyerOk = await s.identity.auth.confirmPassword(as.quancheng, DEMO_PASSWORD);

  /** 泉城数智 buys from 齐鲁数据 on `terms`: agreed at once, both sign with their custodied keys. */
  const deal = async (productId: string, terms: DealTerms, message: string) => {
    const n = await s.trade.negotiations.start(
      as.quancheng,
      StartNegotiationBody.parse({ productId, terms, message, idempotencyKey: key('ngt') }),
    );
    const agreed = await s.trade.negotiations.agree(
      as.merchant,
      n.id,
      StepBody.parse({ message: '同意成交', idempotencyKey: key('agree') }),
    );
    const no = agreed.contractNo!;
    await s.trade.contracts.sign(as.quancheng, no, { custody: 'platform', confirmed: buyerOk });
    await s.trade.contracts.sign(as.merchant, no, { custody: 'platform', confirmed: sellerOk });
    return no;
  };
  const place = async (ctx: RequestContext, contractNo: string) =>
    (await o.place(ctx, { contractNo, idempotencyKey: key('order') })).id;
  const pay = (ctx: RequestContext, id: string, ref: string) =>
    o.pay(ctx, id, PayOrderBody.parse({ reference: ref }));
  const report = (over: Partial<DealTerms>): DealTerms => ({
    template: 'provision',
    deliveryMode: 'report',
    purpose: '信贷投向研判',
    region: '370100',
    scope: '用于本单位信贷投向研判，报告仅限内部使用',
    startsOn: inDays(0),
    endsOn: inDays(365),
    priceFen: 2_000_00,
    maxUses: null,
    ...over,
  });

  // 数据提供: 鲁信普惠's credit API, signed in the negotiation demo — behind the metered gateway, delivered, a
  // week of calls on its key, within its acceptance period
  await s.trade.upstreams.set(as.merchant, p.creditApi, {
    url: 'https://api.qlsj.example.cn/credit/v1',
    credentialHeader: 'X-Qlsj-Key',
    credential: 'demo-upstream-credential-7c1d',
    ratePerSecond: 50,
    timeoutMs: 5000,
  });
  const apiDelivered = await place(as.buyer, creditContractNo);
  await pay(as.buyer, apiDelivered, 'CMB-20261201-0042');
  await o.deliver(as.merchant, apiDelivered, { note: '接口已接入平台网关，请在订单页签发密钥' });
  await s.trade.apiKeys.issue(as.buyer, apiDelivered);
  await apiUsage(s, apiDelivered);

  // 数据委托处理: the monthly report, processed on 泉城数智's behalf — accepted
  const entrusted = await deal(
    p.indexReport,
    report({
      template: 'entrusted_processing',
      priceFen: 2_400_00,
      scope: '受托按委托方口径加工行业景气指标，成果归委托方',
    }),
    '委托加工分行业景气指标',
  );
  const reportAccepted = await place(as.quancheng, entrusted);
  await pay(as.quancheng, reportAccepted, 'ICBC-20261115-7781');
  await o.deliver(as.merchant, reportAccepted, { note: '2026 年 11 月景气报告及分地市附表' });
  await o.accept(as.quancheng, reportAccepted, { note: '报告完整，验收合格' });

  // 数据融合开发: joint credit-risk modelling in the privacy-computing service — paid, awaiting delivery
  const fusion = await deal(
    p.creditCompute,
    {
      template: 'fusion_development',
      deliveryMode: 'compute',
      purpose: '信贷风控建模',
      region: '370100',
      scope: '双方数据在隐私计算环境中融合建模，原始数据不出域，模型归双方共有',
      startsOn: inDays(0),
      endsOn: inDays(25),
      priceFen: 98_000_00,
      maxUses: null,
      scenarioVersionId: null,
    },
    '联合建模一期',
  );
  const computePaid = await place(as.quancheng, fusion);
  await pay(as.quancheng, computePaid, 'BOC-20261203-1203');

  // 数据中介: the footfall file through the platform as intermediary — delivered, then objected to
  const intermediary = await deal(
    p.footfallFile,
    {
      template: 'intermediary',
      deliveryMode: 'file',
      purpose: '商业选址',
      region: '370100',
      scope: '用于连锁门店选址评估，不得转售',
      startsOn: inDays(0),
      endsOn: inDays(60),
      priceFen: 3_500_00,
      maxUses: 3,
      scenarioVersionId: null,
    },
    '经平台撮合采购客流数据',
  );
  await footfallData(s, as.merchant, p.footfallFile);
  const fileAccepted = await place(as.quancheng, intermediary);
  await pay(as.quancheng, fileAccepted, 'CCB-20261204-5520');
  await o.deliver(as.merchant, fileAccepted, { note: '全省重点商圈 2026 年三季度客流数据（脱敏）' });
  // the buyer's copy, fingerprinted for 泉城数智: a leaked copy traces back to this order
  const [copy] = await s.trade.deliveries.list(as.quancheng, fileAccepted);
  const download = await s.trade.deliveries.download(as.quancheng, fileAccepted, copy!.id, 'csv');
  for await (const _ of download.body);
  await o.accept(as.quancheng, fileAccepted, { note: '数据完整，验收合格' });

  // another month's report, delivered and objected to: the platform mediates
  const reportDisputed = await place(
    as.quancheng,
    await deal(p.indexReport, report({ priceFen: 2_100_00 }), '补订 10 月报告'),
  );
  await pay(as.quancheng, reportDisputed, 'ICBC-20261118-2210');
  await o.deliver(as.merchant, reportDisputed, { note: '2026 年 10 月景气报告' });
  await o.dispute(
    as.quancheng,
    reportDisputed,
    DisputeOrderBody.parse({ reason: '报告缺少约定的分地市附表，与合同约定的交付内容不一致' }),
  );

  // three more reports: one awaiting payment, one cancelled before payment, one refunded after payment
  const unpaid = await place(as.quancheng, await deal(p.indexReport, report({}), '按年订阅'));
  const cancelled = await place(
    as.quancheng,
    await deal(p.indexReport, report({ priceFen: 1_800_00 }), '试订一期'),
  );
  await o.cancel(as.quancheng, cancelled, CancelOrderBody.parse({ reason: '预算调整，暂不采购' }));
  const refunded = await place(
    as.quancheng,
    await deal(p.indexReport, report({ priceFen: 1_900_00 }), '加订一份'),
  );
  await pay(as.quancheng, refunded, 'ICBC-20261120-3307');
  await o.cancel(as.merchant, refunded, CancelOrderBody.parse({ reason: '该期报告延期发布，协商退款' }));

  return {
    orders: {
      apiDelivered,
      reportAccepted,
      computePaid,
      fileAccepted,
      reportDisputed,
      unpaid,
      cancelled,
      refunded,
    },
    contracts: {
      provision: creditContractNo,
      entrusted_processing: entrusted,
      fusion_development: fusion,
      intermediary,
    },
  };
}

/**
 * A week of calls through the gateway on the credit API's order, as its usage log holds them: a few thousand
 * a day, a handful refused by the rate limit or for a purpose the contract does not name.
 */
async function apiUsage(s: Services, orderId: string) {
  const now = Date.now();
  const rows: Parameters<typeof recordPastCalls>[2] = [];
  for (let day = 7; day >= 1; day--)
    for (let i = 0; i < 240 + ((day * 37) % 90); i++) {
      const at = new Date(now - day * 86_400_000 + ((i * 97_331) % 86_400_000));
      const refused = i % 97 === 0 ? 'rate_limited' : i % 151 === 0 ? 'policy' : null;
      const status = refused === 'rate_limited' ? 429 : refused ? 403 : i % 211 === 0 ? 404 : 200;
      rows.push({
        at,
        method: 'GET',
        path: `/enterprises/${(913_701_000_000 + ((i * 7919) % 999_999)).toString()}/profile`,
        status,
        latency_ms: refused ? 1 : 38 + ((i * 53) % 140),
        billable: !refused && status < 500,
      });
    }
  await recordPastCalls(s.db, orderId, rows);
}

const AREAS = [
  '泉城路',
  '万达广场',
  '印象济南',
  '宽厚里',
  '恒隆广场',
  '五四广场',
  '台东步行街',
  '万象城',
  '奎文万达',
  '烟台大悦城',
];

/**
 * The footfall resource's data — daily visitors per business district over the third quarter — and its
 * de-identified derivative (counts rounded to tens), which is what a file delivery copies for its buyer.
 */
async function footfallData(s: Services, merchant: RequestContext, productId: string) {
  const product = await s.market.products.get(merchant, productId);
  const resourceId = product.resources[0]!.id;
  const rows = ['商圈,日期,客流人次,平均停留分钟'];
  const start = Date.UTC(2026, 6, 1);
  for (let d = 0; d < 92; d++)
    for (const [i, area] of AREAS.entries()) {
      const day = new Date(start + d * 86_400_000).toISOString().slice(0, 10);
      const weekend = [0, 6].includes(new Date(start + d * 86_400_000).getUTCDay());
      const visitors = 18_000 + i * 3_100 + ((d * 7919 + i * 104_729) % 6_000) + (weekend ? 9_000 : 0);
      rows.push(`${area},${day},${visitors},${38 + ((d * 31 + i * 17) % 45)}`);
    }
  await s.catalog.files.upload(merchant, resourceId, {
    name: '重点商圈日客流2026Q3.csv',
    role: 'data',
    body: Readable.from([Buffer.from(rows.join('\n') + '\n', 'utf8')]),
  });
  await s.catalog.files.idle();
  const masked = await s.catalog.masking.derive(merchant, resourceId, {
    title: '山东省重点商圈客流统计（脱敏）',
    columns: { 客流人次: { strategy: 'round', step: 10 } },
  });
  await s.catalog.masking.idle();
  await s.catalog.files.idle();
  await s.catalog.resources.publish(merchant, masked.id);
}
