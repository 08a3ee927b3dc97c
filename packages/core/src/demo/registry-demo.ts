import type { CreateResourceBody, RegistryEvidenceKind, RegistrationInput } from '@shuliu/contracts';
import { Readable } from 'node:stream';
import type { Services } from '../services.js';
import type { RequestContext } from '../shared/context.js';
import { loginAs } from './demo-login.js';

const DAY = 86_400_000;
const HOUR = 3_600_000;
const ALL_DECLARED = ['truthful', 'lawfulSource', 'noInfringement', 'acceptReview'] as const;
const PASSED = { passed: true };

type Body = Omit<CreateResourceBody, 'keywords'> & { keywords: string[] };
type Registry = ReturnType<Services['registry']['withClock']>;

interface Demo {
  s: Services;
  /** The registry on the demo's clock: registrations happen over the past weeks, as in real use. */
  r: Registry;
  at: { t: number };
  as: Record<Owner | 'operator' | 'certifier' | 'regulator' | 'buyer', RequestContext>;
}

type Owner = 'merchant' | 'quancheng' | 'authority';

/** A registered resource and its certificate, for the demos that build on them (the market). */
export interface Registered {
  resourceId: string;
  certificateId: string | null;
}

/** The registry demo's certificates the market demo lists products on. */
export interface RegistryDemoRefs {
  credit: Registered;
  footfall: Registered;
  index: Registered;
  rides: Registered;
  busFlow: Registered;
}

/**
 * 数据产权登记 demo: real registrations run end to end over the past ten weeks (on a clock of their own),
 * so that a new user finds certificates in every state — valid (after an objection that was dismissed),
 * licensed, pledged, frozen, cancelled — one application in its public notice, and one awaiting 受理.
 * Needs the demo orgs and users (seedDemo); creates and publishes its own resources.
 */
export async function seedRegistryDemo(
  s: Services,
  opts: {
    now?: Date;
    /** Runs once the certificates are issued, before the regulator freezes one: listings that it suspends. */
    beforeFreeze?: (refs: RegistryDemoRefs) => Promise<void>;
  } = {},
): Promise<{ certificates: number; applications: number; refs: RegistryDemoRefs }> {
  const now = (opts.now ?? new Date()).getTime();
  const at = { t: now - 70 * DAY };
  const as = {
    merchant: await loginAs(s, 'merchant'),
    quancheng: await loginAs(s, 'quancheng'),
    authority: await loginAs(s, 'authority'),
    operator: await loginAs(s, 'operator'),
    certifier: await loginAs(s, 'certifier'),
    regulator: await loginAs(s, 'regulator'),
    buyer: await loginAs(s, 'buyer'),
  };
  const d: Demo = { s, r: s.registry.withClock(() => new Date(at.t)), at, as };
  await holidays(d);
  const certs = {
    credit: await register(d, 'merchant', CREDIT, now - 70 * DAY, { objectedBy: 'buyer' }),
    footfall: await register(d, 'merchant', FOOTFALL, now - 66 * DAY),
    index: await register(d, 'merchant', SME_INDEX, now - 62 * DAY, { evidence: 'purchase_contract' }),
    rides: await register(d, 'quancheng', RIDES, now - 58 * DAY, { evidence: 'authorization' }),
    scenic: await register(d, 'quancheng', SCENIC, now - 54 * DAY),
    // public data (公共数据): the authority holds it and licenses its operation to 泉城数智 (授权运营)
    busFlow: await register(d, 'authority', BUS_FLOW, now - 50 * DAY),
  };
  const id = (k: keyof typeof certs) => certs[k].certificateId!;
  await lifecycle(d, { footfall: id('footfall'), index: id('index'), scenic: id('scenic') }, now);
  await deal(
    d,
    'license_agreement',
    {
      type: 'license',
      certificateId: id('busFlow'),
      licenseeOrgId: d.as.quancheng.principal!.orgId!,
      rights: ['operating'],
      scope: '公共数据授权运营：以 API 服务方式向社会提供客流分析，不得提供原始数据',
      validFrom: day(now - 20 * DAY),
      validUntil: day(now + 700 * DAY),
      exclusive: false,
      declarations: [...ALL_DECLARED],
    },
    'authority',
  );
  const refs: RegistryDemoRefs = {
    credit: certs.credit,
    footfall: certs.footfall,
    index: certs.index,
    rides: certs.rides,
    busFlow: certs.busFlow,
  };
  await opts.beforeFreeze?.(refs);
  d.at.t = now - 10 * DAY;
  await d.r.certificates.freeze(d.as.regulator, id('rides'), '数据来源授权争议调查期间，依法冻结');
  await register(d, 'merchant', PARKS, now - 6 * DAY, { certifier: true, stopAt: 'notice' });
  await register(d, 'quancheng', WATER, now - 1 * DAY, { stopAt: 'submitted' });
  return { certificates: Object.keys(certs).length, applications: 12, refs };
}

/** After issuance: a license, a pledge to a financial institution and a cancellation (the freeze comes later). */
async function lifecycle(d: Demo, c: Record<'footfall' | 'index' | 'scenic', string>, now: number) {
  const declarations = [...ALL_DECLARED];
  d.at.t = now - 30 * DAY;
  await deal(d, 'license_agreement', {
    type: 'license',
    certificateId: c.footfall,
    licenseeOrgId: d.as.quancheng.principal!.orgId!,
    rights: ['processing'],
    scope: '用于泉城数智商圈选址分析产品的加工使用，不得转授权',
    validFrom: day(now - 30 * DAY),
    validUntil: day(now + 335 * DAY),
    exclusive: false,
    declarations,
  });
  d.at.t = now - 25 * DAY;
  await deal(d, 'pledge_contract', {
    type: 'pledge',
    certificateId: c.index,
    pledgeeOrgId: d.as.buyer.principal!.orgId!,
    securedAmountFen: 500_000_00,
    validUntil: day(now + 365 * DAY),
    declarations,
  });
  d.at.t = now - 20 * DAY;
  const cancel = {
    type: 'cancel' as const,
    certificateId: c.scenic,
    reason: '监测项目结束，数据不再更新，申请注销',
  };
  await deal(d, null, { ...cancel, declarations }, 'quancheng');
}

const day = (t: number) => new Date(t).toISOString().slice(0, 10);
const text = (s: string) => Readable.from([Buffer.from(s, 'utf8')]);

/** National Day and New Year's Day, as the operator keeps the calendar (import the official schedule in use). */
async function holidays(d: Demo) {
  const year = new Date(d.at.t).getUTCFullYear();
  for (let i = 1; i <= 7; i++)
    await d.s.registry.settings.setHoliday(d.as.operator, `${year}-10-0${i}`, {
      kind: 'holiday',
      name: '国庆节',
    });
  await d.s.registry.settings.setHoliday(d.as.operator, `${year + 1}-01-01`, {
    kind: 'holiday',
    name: '元旦',
  });
}

/**
 * One 首次登记 through every step: application with evidence, 受理, review (the operator, or the certifier
 * with its 查验报告), public notice (an objection dismissed, if asked), issuance once the notice is over.
 */
async function register(
  d: Demo,
  owner: Owner,
  body: Body,
  start: number,
  o: {
    evidence?: RegistryEvidenceKind;
    objectedBy?: 'buyer';
    certifier?: boolean;
    stopAt?: 'submitted' | 'notice';
  } = {},
): Promise<Registered> {
  const { r, as, at } = d;
  const resource = await d.s.catalog.resources.create(as[owner], body);
  await d.s.catalog.resources.publish(as[owner], resource.id);
  at.t = start;
  const app = await r.applications.create(as[owner], {
    type: 'initial',
    category: 'data_property',
    resourceId: resource.id,
    // an org's own data, or public data its authority holds and licenses for operation
    rights: body.subjectType === 'personal' ? ['holding'] : ['holding', 'processing', 'operating'],
    source: {},
    scope: `${body.title}的全部字段与后续按${body.updateFrequency === 'daily' ? '日' : '月'}更新的数据`,
    declarations: [...ALL_DECLARED],
  });
  if (o.evidence)
    await r.evidence.attach(as[owner], app.id, {
      kind: o.evidence,
      name: `${o.evidence}.pdf`,
      body: text(`${body.title} 来源证明（示例）`),
    });
  await r.applications.submit(as[owner], app.id);
  const stopped = { resourceId: resource.id, certificateId: null };
  if (o.stopAt === 'submitted') return stopped;
  const reviewed = await review(d, app.id, !!o.certifier);
  if (o.stopAt === 'notice') return stopped;
  if (o.objectedBy) await objectAndDismiss(d, app.id);
  at.t = Date.parse(reviewed.deadlines.noticeEndsAt!) + 2 * HOUR;
  return {
    resourceId: resource.id,
    certificateId: (await r.issuance.issue(as.operator, app.id)).certificateId,
  };
}

/** 受理 by the operator, then the review: by the operator, or by the certifier with its 查验报告. */
async function review(d: Demo, applicationId: string, certifier: boolean) {
  const { r, as, at } = d;
  at.t += 1 * DAY;
  const reviewer = certifier ? as.certifier : as.operator;
  await r.review.accept(as.operator, applicationId, { reviewerOrgId: reviewer.principal!.orgId! });
  at.t += 2 * DAY;
  if (certifier)
    await r.evidence.attach(reviewer, applicationId, {
      kind: 'inspection_report',
      name: '数据查验报告.pdf',
      body: text('查验结论：数据描述与样本一致，来源合规。'),
    });
  return r.review.review(reviewer, applicationId, {
    checklist: { descriptionAccuracy: PASSED, sourceCompliance: PASSED, rightsClarity: PASSED },
    opinion: '数据描述准确，来源合规，权属清晰，同意公示',
  });
}

async function objectAndDismiss(d: Demo, applicationId: string) {
  d.at.t += 3 * DAY;
  const objection = await d.r.objections.object(
    d.as.buyer,
    applicationId,
    '该标签库部分字段来自我司授信数据，权属存疑',
  );
  await d.r.evidence.attachToObjection(d.as.buyer, objection.id, {
    name: '授信数据合作协议.pdf',
    body: text('合作协议（示例）'),
  });
  d.at.t += 2 * DAY;
  await d.r.objections.decide(d.as.operator, objection.id, {
    upheld: false,
    reason: '经核查，相关字段系申请人依公开信息自行加工，合作协议未约定权属归属，异议不成立',
  });
}

/** A registration on an issued certificate (license, pledge, cancel): no public notice, reviewed by the operator. */
async function deal(
  d: Demo,
  instrument: RegistryEvidenceKind | null,
  body: RegistrationInput,
  owner: Owner = 'merchant',
) {
  const { r, as, at } = d;
  const app = await r.applications.create(as[owner], body);
  if (instrument)
    await r.evidence.attach(as[owner], app.id, {
      kind: instrument,
      name: `${instrument}.pdf`,
      body: text('协议文本（示例）'),
    });
  await r.applications.submit(as[owner], app.id);
  at.t += 4 * HOUR;
  await r.review.accept(as.operator, app.id, {});
  at.t += 4 * HOUR;
  await r.review.review(as.operator, app.id, {
    checklist: { descriptionAccuracy: PASSED, sourceCompliance: PASSED, rightsClarity: PASSED },
    opinion: '材料齐全，同意登记',
  });
  at.t += 2 * HOUR;
  await r.issuance.issue(as.operator, app.id);
}

const base = (title: string, description: string, over: Partial<Body> = {}): Body => ({
  title,
  description,
  sectorCode: 'commerce',
  subjectType: 'organization',
  sourceKind: 'collected',
  sourceMethod: '自有业务系统采集与加工',
  updateFrequency: 'monthly',
  spatialCoverage: '山东省',
  keywords: ['数据产权', '登记'],
  ...over,
});

const CREDIT = base(
  '齐鲁企业信用画像标签库',
  '基于公开工商、司法与经营信息加工的企业信用画像标签，覆盖山东省存续企业，按月更新。',
);
const FOOTFALL = base(
  '山东省重点商圈客流统计',
  '省内重点商圈按小时汇总的客流量与驻留时长统计，不含个人信息。',
  { updateFrequency: 'daily' },
);
const SME_INDEX = base(
  '小微企业经营景气指数',
  '由采购的行业经营数据与自有调查数据加工形成的小微企业经营景气指数。',
  {
    sourceKind: 'purchased',
    sourceMethod: '向第三方数据服务商采购行业经营数据',
  },
);
const RIDES = base('济南市网约车运力分布', '经平台授权加工的济南市网约车运力网格分布与供需比，按日更新。', {
  sectorCode: 'transport.road',
  sourceKind: 'authorized',
  sourceMethod: '网约车平台按日授权推送',
  updateFrequency: 'daily',
});
const SCENIC = base('2026年夏季景区客流监测', '重点景区2026年7—8月客流监测汇总数据。', {
  updateFrequency: 'once',
});
const PARKS = base(
  '山东省物流园区运营监测数据',
  '省内重点物流园区的车辆进出、仓储利用率与周转时效监测数据。',
  {
    sectorCode: 'transport',
    updateFrequency: 'daily',
  },
);
const BUS_FLOW = base(
  '济南市公交客流统计',
  '济南市公交线路与站点按小时汇总的上下客人次与断面客流，由公交 IC 卡与扫码数据聚合，不含个人信息。',
  {
    sectorCode: 'transport.road',
    subjectType: 'public',
    sourceKind: 'collected',
    sourceMethod: '公交集团依职责采集，公共数据主管部门归集',
    updateFrequency: 'daily',
    spatialCoverage: '济南市',
    keywords: ['公共数据', '公交', '客流'],
  },
);
const WATER = base('黄河流域重点断面水质监测汇总', '黄河山东段重点断面按月汇总的水质类别与主要指标。');
