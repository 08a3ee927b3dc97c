import {
  CounterBody,
  jcs,
  ORG_SIGNER_ID,
  StartNegotiationBody,
  StepBody,
  TerminateBody,
  type DealTerms,
} from '@shuliu/contracts';
import type { Sm2Signer } from '../crypto/index.js';
import type { Services } from '../services.js';
import { DEMO_PASSWORD } from './demo-data.js';
import { loginAs } from './demo-login.js';
import { inDays, type MarketDemoProducts } from './market-demo.js';

let seq = 0;
const key = () => `demo-trade-${++seq}`;

/**
 * 交易磋商 demo, through the real flows: negotiations on the demo's listings in every open state — one agreed
 * after a counter-offer round and its 数据提供 contract signed by both (the buyer offline with its own key, the
 * seller on its custodied key) and concluded, one awaiting the seller, one awaiting the buyer, one the seller
 * terminated.
 */
export async function seedTradeDemo(
  s: Services,
  p: MarketDemoProducts,
  keys: { buyerSigner: Sm2Signer },
): Promise<{ negotiations: number; creditContractNo: string }> {
  const n = s.trade.negotiations;
  const as = {
    merchant: await loginAs(s, 'merchant'),
    quancheng: await loginAs(s, 'quancheng'),
    buyer: await loginAs(s, 'buyer'),
    huanghe: await loginAs(s, 'huanghe'),
  };
  const terms = (over: Partial<DealTerms>): DealTerms => ({
    template: 'provision',
    deliveryMode: 'api',
    purpose: '信贷审批',
    region: '370200',
    scope: '用于小微企业授信审批前的企业信用核验，不得向第三方提供或用于营销',
    startsOn: inDays(7),
    endsOn: inDays(372),
    priceFen: 45,
    maxUses: 200_000,
    ...over,
  });
  const start = (ctx: typeof as.buyer, productId: string, t: DealTerms, message: string) =>
    n.start(ctx, StartNegotiationBody.parse({ productId, terms: t, message, idempotencyKey: key() }));

  // 鲁信普惠 and 齐鲁数据 agree on the credit API after one counter-offer
  const credit = await start(
    as.buyer,
    p.creditApi,
    terms({ priceFen: 35 }),
    '拟按次调用，年调用量约 20 万次',
  );
  await n.counter(
    as.merchant,
    credit.id,
    CounterBody.parse({
      terms: terms({ priceFen: 42, maxUses: 150_000 }),
      message: '20 万次以上按阶梯价执行；首年上限 15 万次，单价 0.42 元',
      idempotencyKey: key(),
    }),
  );
  await n.accept(as.buyer, credit.id, StepBody.parse({ message: '同意', idempotencyKey: key() }));
  const agreed = await n.agree(
    as.merchant,
    credit.id,
    StepBody.parse({ message: '成交，请签署合同', idempotencyKey: key() }),
  );
  // the 数据提供 contract it drafted: the buyer signs offline with its own key, then the seller
  const contractNo = agreed.contractNo!;
  const contract = await s.trade.contracts.get(as.buyer, contractNo);
  const buyerKey = (await s.crypto.orgKeys.list(as.buyer.principal!.orgId!)).find((k) => !k.retiredAt)!;
  await s.trade.contracts.sign(as.buyer, contractNo, {
    custody: 'org',
    keyId: buyerKey.id,
    signature: keys.buyerSigner.sign(jcs(contract.document), ORG_SIGNER_ID).toString('hex'),
  });
  const confirmed = await s.identity.auth.confirmPassword(as.merchant, DEMO_PASSWORD);
  await s.trade.contracts.sign(as.merchant, contractNo, { custody: 'platform', confirmed });

  // 黄河物流 asks 泉城数智 for the bus-flow service: awaiting the seller
  await start(
    as.huanghe,
    p.busApi,
    terms({
      purpose: '交通规划',
      region: '370100',
      scope: '用于济南市区物流配送线路规划，结果不对外发布',
      priceFen: 40_00,
      maxUses: 10_000,
    }),
    '希望按政府指导价采购一年',
  );

  // the monthly report: 齐鲁数据 has offered, awaiting 鲁信普惠
  const report = await start(
    as.buyer,
    p.indexReport,
    terms({
      deliveryMode: 'report',
      purpose: '信贷投向研判',
      scope: '用于本单位信贷投向研判，报告仅限内部使用',
      priceFen: 1_500_00,
      maxUses: null,
    }),
    '按年订阅 12 期报告',
  );
  await n.counter(
    as.merchant,
    report.id,
    CounterBody.parse({
      terms: terms({
        deliveryMode: 'report',
        purpose: '信贷投向研判',
        scope: '用于本单位信贷投向研判，报告仅限内部使用',
        priceFen: 1_800_00,
        maxUses: null,
      }),
      message: '含分地市附表，价格 1800 元',
      idempotencyKey: key(),
    }),
  );

  // the footfall file: the seller ended it
  const footfall = await start(
    as.huanghe,
    p.footfallFile,
    terms({
      deliveryMode: 'file',
      purpose: '商业选址',
      region: '370800',
      scope: '用于物流网点选址评估',
      priceFen: 2_000_00,
      maxUses: null,
    }),
    '只需要济宁市的商圈',
  );
  await n.terminate(
    as.merchant,
    footfall.id,
    TerminateBody.parse({ reason: '该数据集按全省整体供应，暂不提供单个城市的拆分', idempotencyKey: key() }),
  );
  return { negotiations: 4, creditContractNo: contractNo };
}
