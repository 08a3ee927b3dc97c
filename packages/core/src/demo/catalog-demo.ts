import type { CreateResourceBody } from '@shuliu/contracts';
import { Readable } from 'node:stream';
import { SurveyService } from '../sharing/index.js';
import type { Services } from '../services.js';
import type { RequestContext } from '../shared/context.js';
import { borrowersCsv, busStopsCsv, powerCsv, waybillsCsv } from './catalog-demo-data.js';
import { seedSharingDemo } from './catalog-demo-sharing.js';
import { loginAs } from './demo-login.js';

const DAY = 86_400_000;
type Body = Omit<CreateResourceBody, 'keywords'> & { keywords: string[] };

/**
 * A living catalog: merchants' resources with profiled files (personal data detected and graded), a masked
 * derivative, open public data of both classes with applications, a draft and a retired resource, the
 * government sharing and return-flow demo, and survey snapshots over the last four weeks.
 */
export async function seedCatalogDemo(s: Services, now = new Date()): Promise<{ resources: number }> {
  const snapshot = (daysAgo: number) =>
    new SurveyService(s.db, () => new Date(now.getTime() - daysAgo * DAY)).snapshot(sys());
  await snapshot(28);
  const merchant = await loginAs(s, 'merchant');
  const quancheng = await loginAs(s, 'quancheng');
  const jinan = await loginAs(s, 'authority');
  const operator = await loginAs(s, 'operator');

  const borrowers = await create(s, merchant, BORROWERS);
  await upload(s, merchant, borrowers, '授权书-鲁信普惠.txt', '客户信息授权采集协议（示例）', 'evidence');
  await upload(s, merchant, borrowers, '普惠金融客户名单.csv', borrowersCsv());
  await s.catalog.resources.publish(merchant, borrowers);
  const masked = await s.catalog.masking.derive(merchant, borrowers, {
    title: '普惠金融客户名单（脱敏）',
    columns: { 客户姓名: { strategy: 'pseudonymize' }, 授信额度: { strategy: 'round', step: 10000 } },
  });
  await settle(s);
  await s.catalog.resources.publish(merchant, masked.id);
  await create(s, merchant, DRAFT);
  await snapshot(21);

  const waybills = await create(s, quancheng, WAYBILLS);
  await upload(s, quancheng, waybills, '黄河物流数据授权.txt', '运单数据授权使用协议（示例）', 'evidence');
  await upload(s, quancheng, waybills, '运单时效2026年10月.csv', waybillsCsv());
  await s.catalog.resources.publish(quancheng, waybills);
  const old = await create(s, quancheng, OLD);
  await s.catalog.resources.publish(quancheng, old);
  await s.catalog.resources.retire(operator, old, '来源授权已到期，运营方下架');
  await snapshot(14);

  const stops = await create(s, jinan, BUS_STOPS);
  await upload(s, jinan, stops, '济南公交站点.csv', busStopsCsv());
  await s.catalog.resources.publish(jinan, stops);
  const power = await create(s, jinan, POWER);
  await upload(s, jinan, power, '企业用电量2026.csv', powerCsv());
  await s.catalog.resources.publish(jinan, power);
  const approved = await s.catalog.openData.apply(quancheng, power, '为园区企业提供能耗对标分析服务');
  await s.catalog.openData.decide(jinan, approved.id, { approve: true });
  await s.catalog.openData.apply(await loginAs(s, 'buyer'), power, '小微企业经营状况评估，用于普惠授信风控');
  await snapshot(7);

  const sharing = await seedSharingDemo(s, { now });
  await snapshot(0);
  return { resources: 8 + sharing.resources };
}

const sys = (): RequestContext => ({
  requestId: 'demo-seed',
  ip: null,
  userAgent: 'shuliu-demo',
  principal: null,
  audited: false,
});

async function create(s: Services, as: RequestContext, body: Body) {
  return (await s.catalog.resources.create(as, body)).id;
}

async function upload(
  s: Services,
  as: RequestContext,
  resourceId: string,
  name: string,
  text: string,
  role: 'data' | 'evidence' = 'data',
) {
  await s.catalog.files.upload(as, resourceId, {
    name,
    role,
    body: Readable.from([Buffer.from(text, 'utf8')]),
  });
  await settle(s);
}

async function settle(s: Services) {
  await s.catalog.masking.idle();
  await s.catalog.files.idle();
}

const BORROWERS: Body = {
  title: '普惠金融客户名单',
  titleEn: 'Inclusive-finance borrower list',
  description:
    '齐鲁数据受鲁信普惠委托整理的普惠金融客户名单，含客户身份、联系方式、授信额度与贷款余额，按月更新，仅限授权场景使用。',
  sectorCode: 'finance.banking',
  subjectType: 'personal',
  sourceKind: 'authorized',
  sourceMethod: '鲁信普惠业务系统导出，客户已签署信息授权',
  updateFrequency: 'monthly',
  spatialCoverage: '山东省济南市',
  temporalFrom: '2026-01-01',
  temporalTo: '2026-10-31',
  keywords: ['普惠金融', '授信', '客户', '小微企业'],
};

const DRAFT: Body = {
  title: '企业网络舆情监测数据',
  description: '重点企业在主流媒体与社交平台的舆情监测结果（整理中）。',
  sectorCode: 'commerce',
  subjectType: 'organization',
  sourceKind: 'collected',
  sourceMethod: '公开网页采集',
  updateFrequency: 'daily',
  keywords: ['舆情'],
};

const WAYBILLS: Body = {
  title: '山东省干线物流运单时效数据',
  titleEn: 'Shandong trunk-line waybill timeliness',
  description:
    '黄河物流授权泉城数智加工的干线运单数据，含发到城市、车牌、司机联系方式、发车时间与时效，可用于物流时效分析与运力调度。',
  sectorCode: 'transport.road',
  subjectType: 'organization',
  sourceKind: 'authorized',
  sourceMethod: '黄河流域物流集团运输管理系统按日推送',
  updateFrequency: 'daily',
  spatialCoverage: '山东省',
  temporalFrom: '2026-10-01',
  temporalTo: '2026-10-28',
  keywords: ['物流', '运单', '时效', '干线运输'],
};

const OLD: Body = {
  title: '2025年城市停车场泊位数据',
  description: '济南市主城区公共停车场泊位与收费标准（2025年版）。',
  sectorCode: 'transport',
  subjectType: 'organization',
  sourceKind: 'purchased',
  updateFrequency: 'once',
  keywords: ['停车', '泊位'],
};

const BUS_STOPS: Body = {
  title: '济南市公交线路站点',
  titleEn: 'Jinan bus lines and stops',
  description: '济南市常规公交与快速公交线路的站点名称、站序、经纬度与首末班时间，向社会无条件开放。',
  sectorCode: 'transport.road',
  subjectType: 'public',
  sourceKind: 'collected',
  sourceMethod: '济南公交集团运营调度系统',
  updateFrequency: 'monthly',
  format: 'csv',
  spatialCoverage: '山东省济南市',
  openClass: 'unconditional',
  keywords: ['公交', '站点', '线路', '出行'],
};

const POWER: Body = {
  title: '济南市分行业企业用电量',
  titleEn: 'Jinan monthly power usage by industry',
  description: '按月、按行业汇总的全市企业用电量与企业数，反映经济运行态势，经申请后有条件开放。',
  sectorCode: 'energy.power',
  subjectType: 'public',
  sourceKind: 'collected',
  sourceMethod: '国网济南供电公司按月报送',
  updateFrequency: 'monthly',
  spatialCoverage: '山东省济南市',
  temporalFrom: '2026-05-01',
  temporalTo: '2026-10-31',
  openClass: 'conditional',
  keywords: ['用电量', '经济运行', '能源'],
};
