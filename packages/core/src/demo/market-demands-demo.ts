import { todayInChina, type DemandBody } from '@shuliu/contracts';
import type { Services } from '../services.js';
import { loginAs } from './demo-login.js';

const inDays = (n: number) => todayInChina(new Date(Date.now() + n * 86_400_000));

/** The demo buyers' demands (数据需求): who posts each, and what it wants. */
const DEMANDS: { as: string; body: DemandBody; close?: string }[] = [
  {
    as: 'buyer',
    body: {
      title: '小微企业普惠金融授信风控数据',
      description:
        '鲁信普惠拟为全省小微企业提供线上信用贷款，需要企业经营、纳税与信用相关的加工数据或评分服务，用于授信前的风险研判与贷后预警。',
      purpose: '普惠金融授信 风控 企业经营 信用评估',
      sector: 'finance',
      region: '370000',
      grades: ['general_1', 'general_2', 'general_3'],
      budgetMinFen: 50_000_00,
      budgetMaxFen: 300_000_00,
      deadline: inDays(60),
    },
  },
  {
    as: 'buyer2',
    body: {
      title: '企业经营景气指数与网络舆情监测数据',
      description: '按月更新的济南市企业经营景气指数，以及重点企业的网络舆情监测结果，用于授信后的动态预警。',
      purpose: '企业经营景气 舆情监测 贷后预警',
      sector: 'commerce',
      region: '370100',
      grades: ['general_1', 'general_2'],
      budgetMinFen: 10_000_00,
      budgetMaxFen: 100_000_00,
      deadline: inDays(45),
    },
  },
  {
    as: 'huanghe',
    body: {
      title: '干线物流运单时效与运力调度数据',
      description:
        '黄河物流需要山东省内干线物流的运单时效、线路与运力数据，用于线路规划与运力调度优化，不需要司机个人信息。',
      purpose: '物流时效分析 运力调度 线路规划',
      sector: 'transport',
      region: '370000',
      grades: ['general_1', 'general_2'],
      budgetMinFen: null,
      budgetMaxFen: 200_000_00,
      deadline: inDays(90),
    },
  },
  {
    as: 'quancheng',
    body: {
      title: '济南市城市停车场泊位实时数据',
      description:
        '泉城数智开发停车诱导应用，需要济南市公共停车场的泊位数量与实时空余泊位数据，接口方式提供。',
      purpose: '停车诱导 智慧交通 泊位',
      sector: 'transport.road',
      region: '370100',
      grades: ['general_1'],
      budgetMinFen: null,
      budgetMaxFen: 50_000_00,
      deadline: inDays(30),
    },
  },
  {
    as: 'huanghe',
    body: {
      title: '2025年农产品批发价格数据',
      description: '山东省主要农产品批发市场的日度价格数据，用于冷链物流的货源研判。',
      purpose: '农产品价格 冷链物流',
      sector: 'agriculture',
      region: null,
      grades: ['general_1', 'general_2'],
      budgetMinFen: 5_000_00,
      budgetMaxFen: 20_000_00,
      deadline: inDays(20),
    },
    close: '已通过其他渠道采购',
  },
];

/**
 * Demands posted by the demo's buyer orgs through the real service, so the matcher ranks whatever products
 * are listed by then, and every product listed later is matched against them as it is listed: the seed may
 * run before or after the market's products.
 */
export async function seedMarketDemandsDemo(s: Services): Promise<number> {
  for (const d of DEMANDS) {
    const ctx = await loginAs(s, d.as);
    const posted = await s.market.demands.create(
      ctx,
      d.body as Parameters<typeof s.market.demands.create>[1],
    );
    if (d.close) await s.market.demands.close(ctx, posted.id, d.close);
  }
  return DEMANDS.length;
}
