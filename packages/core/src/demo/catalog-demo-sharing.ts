import type { CreateResourceBody } from '@shuliu/contracts';
import { ReturnFlowService, SharingService } from '../sharing/index.js';
import type { Services } from '../services.js';
import type { RequestContext } from '../shared/context.js';
import { loginAs } from './demo-login.js';

type Body = Omit<CreateResourceBody, 'keywords'> & { keywords: string[] };

const resource = (b: Partial<Body> & Pick<Body, 'title' | 'description' | 'sectorCode'>): Body => ({
  subjectType: 'public',
  sourceKind: 'collected',
  sourceMethod: '业务系统归集',
  updateFrequency: 'daily',
  format: 'csv',
  keywords: [],
  ...b,
});

/** Public data the provincial bureau holds (several of them about cities, hence owed back to them). */
const BUREAU_RESOURCES = {
  registration: resource({
    title: '山东省市场主体登记注册信息',
    description:
      '全省企业、个体工商户和农民专业合作社的登记注册信息，含统一社会信用代码、登记机关、成立日期与经营状态。',
    sectorCode: 'market_regulation.registration',
    sourceMethod: '省市场监管局登记注册系统每日归集',
    keywords: ['市场主体', '登记注册', '营业执照'],
    spatialCoverage: '山东省',
  }),
  insurance: resource({
    title: '山东省社会保险参保缴费信息',
    description:
      '全省职工养老、失业、工伤保险的参保单位与缴费汇总信息，按单位和月份统计，用于社保待遇核定与就业监测。',
    sectorCode: 'social_security',
    sourceMethod: '省人社厅社会保险信息系统归集',
    updateFrequency: 'monthly',
    keywords: ['社会保险', '参保', '缴费'],
    spatialCoverage: '山东省',
  }),
  realEstate: resource({
    title: '山东省不动产登记信息',
    description: '全省不动产首次登记、转移登记、抵押登记的登记簿信息，含不动产单元号、权利类型、登记时间。',
    sectorCode: 'natural_resources',
    sourceMethod: '省自然资源厅不动产登记平台归集',
    keywords: ['不动产', '登记', '抵押'],
    spatialCoverage: '山东省',
  }),
  clinics: resource({
    title: '山东省医疗机构执业许可信息',
    description: '全省医疗机构的执业许可证号、机构类别、诊疗科目、床位数与校验结果，按日更新。',
    sectorCode: 'health.medical',
    sourceMethod: '省卫生健康委医疗机构管理系统归集',
    keywords: ['医疗机构', '执业许可', '卫生健康'],
    spatialCoverage: '山东省',
  }),
};

const JINAN_RESOURCES = {
  bus: resource({
    title: '济南市共享单车停放点位数据',
    description: '济南市主城区共享单车电子围栏停放点位、容量与经纬度，随点位调整每周更新。',
    sectorCode: 'transport.road',
    sourceMethod: '济南市城市管理局共享单车监管平台归集',
    updateFrequency: 'weekly',
    keywords: ['共享单车', '停放点位', '电子围栏'],
    spatialCoverage: '山东省济南市',
  }),
  air: resource({
    title: '济南市空气质量监测小时数据',
    description: '济南市国控、省控空气质量监测站点的 PM2.5、PM10、臭氧、二氧化氮等污染物小时浓度与 AQI。',
    sectorCode: 'ecology',
    sourceMethod: '市生态环境局自动监测站实时采集',
    updateFrequency: 'realtime',
    keywords: ['空气质量', '监测', 'AQI'],
    spatialCoverage: '山东省济南市',
  }),
};

export interface SharingDemoResult {
  seeded: boolean;
  resources: number;
  requests: number;
  returnFlows: number;
}

const DAY = 24 * 3600 * 1000;

/**
 * Government sharing and the provincial return flow on the demo platform, through the real services: the
 * provincial bureau and Jinan's bureau publish resources and ask each other for them (delivered, approved,
 * rejected, pending and one pending past its due date); the bureau owes Jinan three returns (one overdue,
 * one delivered late, one on time). Services running on a shifted clock give the past dates. Skipped when
 * sharing requests already exist.
 */
export async function seedSharingDemo(s: Services, opts: { now?: Date } = {}): Promise<SharingDemoResult> {
  const none = { seeded: false, resources: 0, requests: 0, returnFlows: 0 };
  if (await s.sharing.sharing.anyRequests()) return none;
  const now = opts.now ?? new Date();
  const ago = (days: number) => () => new Date(now.getTime() - days * DAY);
  const at: Clocks = {
    sharing: (days) => new SharingService(s.db, s.catalog.resources, s.sharing.sharing.periods, ago(days)),
    flows: (days) =>
      new ReturnFlowService(s.db, s.catalog.resources, s.sharing.returnFlows.periods, ago(days)),
  };
  const bureau = await loginAs(s, 'bureau-authority');
  const jinan = await loginAs(s, 'authority');
  const b = await publishAll(s, bureau, BUREAU_RESOURCES);
  const j = await publishAll(s, jinan, JINAN_RESOURCES);
  await seedRequests(at, bureau, jinan, b, j);
  await seedReturnFlows(at, bureau, jinan.principal!.orgId!, b);
  return { seeded: true, resources: 6, requests: 5, returnFlows: 3 };
}

/** Services whose clock stands `days` before the demo's now. */
interface Clocks {
  sharing: (days: number) => SharingService;
  flows: (days: number) => ReturnFlowService;
}

async function seedRequests(
  at: Clocks,
  bureau: RequestContext,
  jinan: RequestContext,
  b: Record<keyof typeof BUREAU_RESOURCES, string>,
  j: Record<keyof typeof JINAN_RESOURCES, string>,
) {
  const delivered = await at.sharing(12).request(jinan, {
    resourceId: b.registration,
    purpose: '企业开办“一网通办”中核验市场主体登记状态',
  });
  await at.sharing(10).approve(bureau, delivered.id, '按接口方式共享，限用于企业开办核验');
  await at.sharing(8).deliver(bureau, delivered.id, '已开通数据共享交换平台接口权限');
  // asked 20 days ago and never answered: past its 10 working days
  await at.sharing(20).request(jinan, {
    resourceId: b.insurance,
    purpose: '稳就业政策落实中核定企业吸纳就业补贴',
  });
  const rejected = await at.sharing(6).request(jinan, {
    resourceId: b.realEstate,
    purpose: '城市更新项目摸底',
  });
  await at.sharing(4).reject(bureau, rejected.id, '申请用途未说明具体履职依据，请补充项目批复文件后重新申请');
  const approved = await at.sharing(5).request(bureau, {
    resourceId: j.bus,
    purpose: '全省公共交通出行服务“一张图”建设',
  });
  await at.sharing(3).approve(jinan, approved.id, '同意共享，按周更新');
  await at.sharing(1).request(bureau, { resourceId: j.air, purpose: '全省环境质量综合评价' });
}

/** 应返尽返 towards Jinan: one overdue, one delivered late, one on time (20 working days each). */
async function seedReturnFlows(
  at: Clocks,
  bureau: RequestContext,
  jinanOrgId: string,
  b: Record<keyof typeof BUREAU_RESOURCES, string>,
) {
  const to = { toOrgId: jinanOrgId };
  await at
    .flows(40)
    .create(bureau, { ...to, resourceId: b.registration, note: '济南市辖区市场主体数据回流' });
  const late = await at.flows(45).create(bureau, { ...to, resourceId: b.clinics });
  await at.flows(5).deliver(bureau, late.id, '已推送至济南市数据共享交换平台');
  const onTime = await at.flows(10).create(bureau, { ...to, resourceId: b.insurance });
  await at.flows(3).deliver(bureau, onTime.id, '按月推送济南市参保缴费数据');
}

async function publishAll<K extends string>(s: Services, as: RequestContext, bodies: Record<K, Body>) {
  const ids = {} as Record<K, string>;
  for (const k of Object.keys(bodies) as K[]) {
    const r = await s.catalog.resources.create(as, bodies[k]);
    await s.catalog.resources.publish(as, r.id);
    ids[k] = r.id;
  }
  return ids;
}
