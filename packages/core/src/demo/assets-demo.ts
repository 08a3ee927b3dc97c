import type { AssetChecklist, Certificate } from '@shuliu/contracts';
import type { Services } from '../services.js';
import type { RequestContext } from '../shared/context.js';
import { DEMO_PASSWORD } from './demo-data.js';
import { loginAs } from './demo-login.js';
import { makeUscc } from './uscc.js';

/** Every recognition condition met: data a company uses in its operations, recognized as 无形资产. */
export const ASSET_CHECKLIST_MET: AssetChecklist = {
  heldForSale: false,
  probableBenefits: true,
  reliablyMeasurable: true,
  stage: null,
  technicallyFeasible: true,
  intentionToComplete: true,
  benefitsDemonstrable: true,
  resourcesAvailable: true,
};
const YUAN = 100;

/** 齐鲁数据's certificates by their resource's title (none when the registry demo did not run). */
async function heldCertificates(s: Services, ctx: RequestContext): Promise<Map<string, Certificate>> {
  const page = await s.registry.certificates.list(ctx, { box: 'held', page: 1, pageSize: 100 });
  return new Map(page.items.map((c) => [c.objectTitle, c]));
}

const link = (c: Certificate | undefined) => ({
  certificateNos: c ? [c.certNo] : [],
  resourceIds: c ? [c.objectId] : [],
});

/**
 * 数据资产 demo, on the registry's certificates: 齐鲁数据's ledger — a self-developed credit-label library
 * (无形资产, development costs, 60-month straight-line amortization, an income-method valuation signed by
 * 衡信评估 and a 出资入股 on it), a purchased index whose certificate the registry demo pledged (the pledge shows
 * from the registry), amortized by use with an impairment and a market-method valuation awaiting signature,
 * and a dataset held for sale (存货).
 */
export async function seedAssetsDemo(s: Services) {
  const { ledger, valuations, contributions } = s.assets;
  const merchant = await loginAs(s, 'merchant');
  const valuer = await loginAs(s, 'certifier');
  const certs = await heldCertificates(s, merchant);

  const credit = await ledger.create(merchant, {
    name: '齐鲁企业信用画像标签库',
    description: '自行开发的企业信用画像标签，用于授信风控产品，开发阶段满足资本化条件。',
    source: 'self_developed',
    recognizedPeriod: '2025-07',
    ...link(certs.get('齐鲁企业信用画像标签库')),
    checklist: { ...ASSET_CHECKLIST_MET, stage: 'development' },
  });
  for (const [category, amount, on] of [
    ['development', 420_000, '2025-03-31'],
    ['cleansing', 120_000, '2025-04-30'],
    ['annotation', 80_000, '2025-05-31'],
    ['integration', 60_000, '2025-06-15'],
    ['rights_verification', 20_000, '2025-06-30'],
    ['quality_assessment', 15_000, '2025-06-30'],
  ] as const)
    await ledger.addCost(merchant, credit.id, { category, amountFen: amount * YUAN, incurredOn: on });
  await ledger.setPlan(merchant, credit.id, {
    method: 'straight_line',
    residualFen: 0,
    startPeriod: '2025-07',
    months: 60,
  });
  const income = await valuations.create(merchant, credit.id, {
    valuerOrgId: valuer.principal!.orgId!,
    valuationDate: '2026-06-30',
    inputs: {
      method: 'income',
      incomeKind: 'share',
      discountRate: 0.12,
      incomesFen: [300_000, 360_000, 420_000, 450_000, 450_000].map((y) => y * YUAN),
    },
  });
  const confirmed = await s.identity.auth.confirmPassword(valuer, DEMO_PASSWORD);
  await valuations.sign(valuer, income.id, { custody: 'platform', confirmed });
  await contributions.contribute(merchant, credit.id, {
    investeeName: '山东数据融合科技有限公司',
    investeeUscc: makeUscc('91', '370100', 'MA7K2P4Q'),
    sharePercent: 15,
    amountFen: 1_200_000 * YUAN,
    contributedOn: '2026-07-15',
    valuationId: income.id,
  });

  const index = await ledger.create(merchant, {
    name: '小微企业经营景气指数',
    description: '外购行业经营数据加工形成的指数产品，已办理数据资产质押融资。',
    source: 'purchased',
    recognizedPeriod: '2026-01',
    ...link(certs.get('小微企业经营景气指数')),
    checklist: ASSET_CHECKLIST_MET,
  });
  for (const [category, amount, on] of [
    ['purchase', 300_000, '2026-01-10'],
    ['desensitization', 18_000, '2026-01-20'],
    ['registration_settlement', 6_000, '2026-01-25'],
    ['security_management', 12_000, '2026-01-31'],
  ] as const)
    await ledger.addCost(merchant, index.id, { category, amountFen: amount * YUAN, incurredOn: on });
  await ledger.setPlan(merchant, index.id, {
    method: 'units_of_use',
    residualFen: 0,
    startPeriod: '2026-01',
    units: [80, 90, 100, 110, 120, 120, 100, 90, 80, 60, 30, 20],
  });
  await ledger.impair(merchant, index.id, {
    period: '2026-06',
    amountFen: 20_000 * YUAN,
    reason: '同类指数产品上市，预计调用量下降',
  });
  await valuations.create(merchant, index.id, {
    valuerOrgId: valuer.principal!.orgId!,
    valuationDate: '2026-09-30',
    inputs: {
      method: 'market',
      comparables: [
        {
          label: '上海数交所 同类指数',
          valueFen: 380_000 * YUAN,
          technical: 1.05,
          valueDensity: 0.95,
          date: 1.02,
          capacity: 0.9,
          other: 1,
        },
        {
          label: '深圳数交所 行业景气数据',
          valueFen: 420_000 * YUAN,
          technical: 0.95,
          valueDensity: 1,
          date: 1,
          capacity: 0.85,
          other: 0.98,
        },
      ],
    },
  });

  await ledger
    .create(merchant, {
      name: '黄河物流运单数据集（待售）',
      description: '日常经营中持有以备出售的数据集，确认为存货。',
      source: 'other',
      recognizedPeriod: '2026-04',
      certificateNos: [],
      resourceIds: [],
      checklist: { ...ASSET_CHECKLIST_MET, heldForSale: true },
    })
    .then((a) =>
      ledger.addCost(merchant, a.id, {
        category: 'purchase',
        amountFen: 85_000 * YUAN,
        incurredOn: '2026-04-08',
      }),
    );
}
