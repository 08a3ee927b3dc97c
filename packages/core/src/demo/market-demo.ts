import {
  CHECK_ITEMS,
  ListingReviewBody,
  ProductBody,
  todayInChina,
  type ProductBody as ProductInput,
} from '@shuliu/contracts';
import type { Services } from '../services.js';
import type { RequestContext } from '../shared/context.js';
import { DEMO_PASSWORD } from './demo-data.js';
import { loginAs } from './demo-login.js';
import type { RegistryDemoRefs } from './registry-demo.js';

type Seller = 'merchant' | 'quancheng';

/** The demo's published products, for the demos that trade on them. */
export interface MarketDemoProducts {
  creditApi: string;
  creditCompute: string;
  indexReport: string;
  footfallFile: string;
  busApi: string;
}

const AFFIRMED = {
  sourceLawful: true,
  authorizationHeld: true,
  personalInfoProtected: true,
  noDispute: true,
  notOnNegativeList: true,
};

/** An ODRL 2.2 offer: permitted purposes within Shandong, no onward transfer, deletion after use. */
const offer = (purposes: string[], o: { count?: number; until?: string; deleteWithin?: string } = {}) => ({
  '@context': 'http://www.w3.org/ns/odrl.jsonld',
  '@type': 'Offer',
  uid: `urn:shuliu:policy:demo:${purposes.join('-')}`,
  permission: [
    {
      action: 'use',
      constraint: [
        { leftOperand: 'purpose', operator: 'isAnyOf', rightOperand: purposes },
        { leftOperand: 'spatial', operator: 'isPartOf', rightOperand: '370000' },
        ...(o.until ? [{ leftOperand: 'dateTime', operator: 'lteq', rightOperand: o.until }] : []),
        ...(o.count ? [{ leftOperand: 'count', operator: 'lteq', rightOperand: o.count }] : []),
      ],
      ...(o.deleteWithin && {
        duty: [
          {
            action: 'delete',
            constraint: [{ leftOperand: 'elapsedTime', operator: 'lteq', rightOperand: o.deleteWithin }],
          },
        ],
      }),
    },
  ],
  prohibition: [{ action: 'transfer' }, { action: 'distribute' }],
});

/** A day `n` days from today, YYYY-MM-DD (Beijing). */
export const inDays = (n: number) => todayInChina(new Date(Date.now() + n * 86_400_000));

const passedChecklist = () =>
  Object.fromEntries(CHECK_ITEMS.map((k) => [k, { passed: true }])) as ListingReviewBody['checklist'];

/**
 * 数据交易市场 demo, through the real flows: sellers draft products on their certificates, their
 * administrators sign the declarations, the operator (and, on the finance board, the certifier it assigned)
 * reviews them. The result: listings on the finance, transport and government boards in every delivery mode —
 * an API, a data report, a de-identified file, a compute service, and a government-guided public-data service —
 * one in review, one rejected with its reason, one suspended because its certificate was frozen (listed here
 * before the registry demo freezes it), and a negative-list entry.
 */
export class MarketDemo {
  private readonly as: Partial<Record<Seller | 'operator' | 'certifier', RequestContext>> = {};
  private refs?: RegistryDemoRefs;

  constructor(private readonly s: Services) {}

  /** Before the freeze: 泉城数智's compute service on the ride-hailing data, whose certificate is then frozen. */
  async beforeFreeze(refs: RegistryDemoRefs): Promise<void> {
    this.refs = refs;
    await this.listed('quancheng', {
      title: '济南网约车运力供需测算服务',
      summary: '按网格与时段测算济南市网约车运力供需比，数据不出域，仅返回统计结果',
      description:
        '在泉城数智的计算节点内对网约车运力网格分布与订单需求做联合测算，买方提交测算任务，原始数据不离开数据持有方。',
      sector: 'transport.road',
      region: '370100',
      resourceIds: [refs.rides.resourceId],
      deliveryModes: ['compute'],
      boards: ['transport'],
      priceModel: { kind: 'per_call', unitFen: 20_00 },
      policy: offer(['交通规划', '运力调度'], { count: 5_000 }),
      scenarios: [{ title: '交通运力调度', description: '为城市交通管理部门和出行平台提供运力调度参考' }],
    });
  }

  /** After the registry and consent demos: the rest of the market. */
  async seed(): Promise<MarketDemoProducts> {
    if (!this.refs) throw new Error('the market demo stands on the registry demo: run it first');
    await this.assignCertifier();
    const { credit, footfall, index, busFlow } = this.refs;
    const creditApi = await this.listed('merchant', {
      title: '齐鲁企业信用画像查询 API',
      summary: '按统一社会信用代码实时查询企业信用画像标签与风险等级',
      description:
        '基于公开工商、司法与经营信息加工的企业信用画像标签库，以 API 方式按次提供查询，返回标签与风险等级，不含自然人个人信息。',
      sector: 'finance.banking',
      region: '370000',
      resourceIds: [credit.resourceId],
      deliveryModes: ['api'],
      boards: ['finance'],
      priceModel: {
        kind: 'tiered',
        unit: '次',
        tiers: [
          { upTo: 10_000, unitFen: 50 },
          { upTo: null, unitFen: 30 },
        ],
      },
      policy: offer(['信贷审批', '供应链金融'], { until: inDays(730) }),
      scenarios: [
        { title: '普惠金融授信', description: '小微企业授信前的企业信用核验' },
        { title: '供应链金融', description: '核心企业上下游供应商准入评估' },
      ],
    });
    const creditCompute = await this.listed(
      'merchant',
      {
        title: '企业信用风险联合建模（隐私计算）',
        summary: '买方样本与信用画像在计算节点内联合建模，原始数据不出域',
        description:
          '提供企业信用画像标签在齐鲁数据域内计算节点上的联合建模服务：买方上传样本标签，平台返回模型评估指标与评分卡，原始数据不离开持有方。',
        sector: 'finance.banking',
        region: '370000',
        resourceIds: [credit.resourceId],
        deliveryModes: ['compute'],
        boards: ['finance'],
        priceModel: { kind: 'subscription', period: 'yearly', amountFen: 98_000_00 },
        policy: offer(['信贷风控建模'], { deleteWithin: 'P30D' }),
        scenarios: [{ title: '信贷风控建模', description: '银行与小贷公司的授信评分卡建模' }],
      },
      'certifier',
    );
    const indexReport = await this.listed('merchant', {
      title: '小微企业经营景气月度报告',
      summary: '分行业、分地市的小微企业经营景气指数月度分析报告',
      description:
        '以小微企业经营景气指数为基础，按月形成分行业、分地市的景气分析报告（PDF 与数据附表），适用于金融机构投向研判。',
      sector: 'commerce',
      region: '370000',
      resourceIds: [index.resourceId],
      deliveryModes: ['report'],
      boards: ['finance', 'government'],
      priceModel: { kind: 'fixed', amountFen: 2_000_00 },
      policy: offer(['行业研究', '信贷投向研判']),
      scenarios: [{ title: '信贷投向研判', description: '金融机构按行业与地市调整信贷投向' }],
    });
    const footfallFile = await this.listed('merchant', {
      title: '山东省重点商圈客流统计数据集',
      summary: '重点商圈按小时汇总的客流与驻留时长（已脱敏聚合）',
      description:
        '省内重点商圈按小时汇总的客流量与驻留时长统计数据集，以脱敏聚合后的文件交付，不含个人信息，按日更新。',
      sector: 'commerce',
      region: '370000',
      resourceIds: [footfall.resourceId],
      deliveryModes: ['file'],
      boards: ['transport'],
      priceModel: { kind: 'subscription', period: 'monthly', amountFen: 3_500_00 },
      policy: offer(['商业选址', '城市规划'], { deleteWithin: 'P90D' }),
      scenarios: [{ title: '商业选址', description: '零售与餐饮连锁门店选址评估' }],
    });
    const busApi = await this.listed('quancheng', {
      title: '济南公交客流分析服务（公共数据授权运营）',
      summary: '济南市公交线路与站点客流分析 API，政府指导定价',
      description:
        '依据公共数据授权运营协议，对济南市公交客流统计数据加工形成的线路、站点客流分析服务，以 API 方式提供，价格执行主管部门指导价。',
      sector: 'transport.road',
      region: '370100',
      resourceIds: [busFlow.resourceId],
      deliveryModes: ['api'],
      boards: ['government', 'transport'],
      priceModel: { kind: 'government_guided', basis: 'per_call', amountFen: 40_00 },
      policy: offer(['交通规划', '公交线网优化', '科研']),
      scenarios: [{ title: '公交线网优化', description: '城市交通规划部门的线网优化与站点调整' }],
    });
    // one in review, one rejected with its reason
    const pending = await this.draft('merchant', {
      title: '商圈客流热力月报',
      summary: '重点商圈客流热力与同比变化月度报告',
      description: '基于重点商圈客流统计形成的月度热力报告，含同比、环比变化与节假日对比。',
      sector: 'commerce',
      region: '370000',
      resourceIds: [footfall.resourceId],
      deliveryModes: ['report'],
      boards: ['transport'],
      priceModel: { kind: 'fixed', amountFen: 800_00 },
      policy: offer(['商业选址']),
      scenarios: [{ title: '商圈运营', description: '商圈管理方的客流运营分析' }],
    });
    await this.s.market.listing.submit(this.ctx('merchant'), pending);
    const rejected = await this.draft('merchant', {
      title: '企业信用标签全量数据包',
      summary: '企业信用画像标签库全量文件',
      description: '企业信用画像标签库的全量文件下载，按月更新。',
      sector: 'finance.banking',
      region: '370000',
      resourceIds: [credit.resourceId],
      deliveryModes: ['file'],
      boards: ['finance'],
      priceModel: { kind: 'fixed', amountFen: 50_000_00 },
      policy: offer(['信贷审批']),
      scenarios: [{ title: '信贷审批', description: '授信审批中的企业信用核验' }],
    });
    await this.s.market.listing.submit(this.ctx('merchant'), rejected);
    await this.review(rejected, 'operator', {
      decision: 'reject',
      reason:
        '全量标签文件含企业法定代表人等可识别信息，且未说明去标识化处理方式；请改为 API 查询或提交脱敏衍生数据后重新提交',
      failed: 'grade',
    });
    await this.s.market.boards.addNegative(this.ctx('operator'), {
      kind: 'keyword',
      value: '博彩',
      reason: '涉赌数据禁止交易（交易负面清单）',
    });
    return { creditApi, creditCompute, indexReport, footfallFile, busApi };
  }

  /** The certifier (衡信评估) reviews the finance board beside the operator. */
  private async assignCertifier() {
    const certifier = this.ctx('certifier');
    await this.s.market.boards.setReviewers(this.ctx('operator'), 'finance', [certifier.principal!.userId]);
  }

  /** Drafted, signed by the org's administrator, submitted and approved. */
  private async listed(seller: Seller, body: ProductInput, reviewer: 'operator' | 'certifier' = 'operator') {
    const id = await this.draft(seller, body);
    await this.s.market.listing.submit(this.ctx(seller), id);
    await this.review(id, reviewer, { decision: 'approve' });
    return id;
  }

  private async draft(seller: Seller, body: Omit<ProductInput, 'commitments' | 'statement'>) {
    const ctx = this.ctx(seller);
    const p = await this.s.market.products.create(
      ctx,
      ProductBody.parse({
        ...body,
        commitments: AFFIRMED,
        statement:
          '本单位承诺所挂牌数据来源合法、授权完备、权属无争议，个人信息已依法处理，不在交易负面清单之列。',
      }),
    );
    const confirmed = await this.s.identity.auth.confirmPassword(ctx, DEMO_PASSWORD);
    await this.s.market.products.sign(ctx, p.id, { custody: 'platform', confirmed });
    return p.id;
  }

  private async review(
    id: string,
    as: 'operator' | 'certifier',
    d: { decision: 'approve' | 'reject'; reason?: string; failed?: (typeof CHECK_ITEMS)[number] },
  ) {
    const ctx = this.ctx(as);
    const p = await this.s.market.products.get(ctx, id);
    const checklist = passedChecklist();
    if (d.failed) checklist[d.failed] = { passed: false, note: d.reason };
    await this.s.market.listing.decide(
      ctx,
      id,
      ListingReviewBody.parse({ decision: d.decision, version: p.version, checklist, reason: d.reason }),
    );
  }

  private ctx(who: Seller | 'operator' | 'certifier'): RequestContext {
    const ctx = this.as[who];
    if (!ctx) throw new Error(`log ${who} in first (MarketDemo.login)`);
    return ctx;
  }

  async login(): Promise<this> {
    for (const who of ['merchant', 'quancheng', 'operator', 'certifier'] as const)
      this.as[who] = await loginAs(this.s, who);
    return this;
  }
}
