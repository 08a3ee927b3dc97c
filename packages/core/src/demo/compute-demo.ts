import type { DatasetColumn, ReleasePolicy } from '@shuliu/contracts';
import { Sm2Signer } from '../crypto/index.js';
import type { Services } from '../services.js';
import type { Principal, RequestContext } from '../shared/context.js';
import { loginAs } from './demo-login.js';

/** The demo's agent: 齐鲁数据's compute node, beside the credit profiles behind its joint-modelling service. */
export const DEMO_AGENT_NAME = 'qilu_compute';
export const DEMO_DATASET = 'credit_profiles';
/** 泉城数智's node, holding the loan applicants it intersects with the credit profiles (隐私求交). */
export const DEMO_APPLICANTS_AGENT_NAME = 'quancheng_compute';
export const DEMO_APPLICANTS = 'loan_applicants';
export const DEMO_APPLICANTS_COLUMNS: DatasetColumn[] = [
  { name: 'enterprise_id', type: 'text', title: '企业标识' },
  { name: 'city', type: 'text', title: '地市' },
  { name: 'apply_amount', type: 'number', title: '申请额度（万元）' },
];

export const DEMO_DATASET_COLUMNS: DatasetColumn[] = [
  { name: 'enterprise_id', type: 'text', title: '企业标识' },
  { name: 'city', type: 'text', title: '地市' },
  { name: 'industry', type: 'text', title: '行业' },
  { name: 'credit_score', type: 'integer', title: '信用评分' },
  { name: 'loan_amount', type: 'number', title: '贷款余额（万元）' },
  { name: 'overdue', type: 'boolean', title: '是否逾期' },
];

const CITIES = ['济南', '青岛', '烟台', '潍坊', '临沂', '淄博'];
const INDUSTRIES = ['制造业', '批发零售', '建筑业', '信息技术', '交通运输'];

/**
 * The rows the demo agent holds inside its domain (never sent to the platform): 6,000 monthly records of 2,000
 * enterprises, from a fixed seed so that every demo computes on the same data.
 */
export function demoCreditProfiles(): Record<string, unknown>[] {
  let x = 20261207;
  const next = () => {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    return (x >>> 0) / 2 ** 32;
  };
  const firms = Array.from({ length: 2000 }, (_, i) => ({
    id: `E${String(i).padStart(5, '0')}`,
    city: CITIES[Math.floor(next() * CITIES.length)]!,
    industry: INDUSTRIES[Math.floor(next() * INDUSTRIES.length)]!,
    base: 520 + Math.floor(next() * 260),
  }));
  return firms.flatMap((f) =>
    Array.from({ length: 3 }, () => {
      const score = Math.min(900, Math.max(300, f.base + Math.floor((next() - 0.5) * 80)));
      return {
        enterprise_id: f.id,
        city: f.city,
        industry: f.industry,
        credit_score: score,
        loan_amount: Math.round(next() * 800 * 100) / 100,
        overdue: next() < (900 - score) / 1200,
      };
    }),
  );
}

/**
 * 泉城数智's 600 loan applicants (in its own domain): 400 enterprises the credit profiles also hold (every third
 * of E00000…E01197) and 200 the profiles do not.
 */
export function demoLoanApplicants(): Record<string, unknown>[] {
  return Array.from({ length: 600 }, (_, i) => ({
    enterprise_id: `E${String(i < 400 ? i * 3 : 2000 + i).padStart(5, '0')}`,
    city: CITIES[i % CITIES.length],
    apply_amount: 50 + ((i * 37) % 450),
  }));
}

/** A demo agent's key, derived from the master key: the running demo signs as the agent it enrolled. */
export function demoAgentSigner(s: Pick<Services, 'crypto'>, name = DEMO_AGENT_NAME): Sm2Signer {
  const d = s.crypto.keys.deriveSecret(
    name === DEMO_AGENT_NAME ? 'demo-compute-agent' : `demo-agent-${name}`,
  );
  d[0] = d[0]! & 0x7f; // below the curve's order
  return Sm2Signer.fromBytes(d);
}

const POLICY: ReleasePolicy = {
  privacyUnit: 'enterprise_id',
  maxContributions: 3,
  k: 20,
  bounds: { credit_score: { lower: 300, upper: 900 }, loan_amount: { lower: 0, upper: 1000 } },
  joinKeys: ['enterprise_id'],
  mechanism: 'laplace',
  epsilonTotal: 20,
  deltaTotal: 1e-5,
  consumerShare: 0.5,
  epsilonPerQuery: 1,
  manualRelease: false,
};

/**
 * 域内计算 demo: 齐鲁数据's administrator registers its agent, which enrols the demo key and reports the credit
 * profiles (schema and size); the release policy is set; the holder and 泉城数智 (under the joint-modelling
 * contract) each queue a query. The agent `npm start` runs answers them within its first second.
 */
export async function seedComputeDemo(s: Services, fusionContractNo: string) {
  const merchant = await loginAs(s, 'merchant');
  const quancheng = await loginAs(s, 'quancheng');
  const fusion = await s.trade.contracts.get(quancheng, fusionContractNo);
  const creditResourceId = fusion.document.object.resources[0]!.id;
  const made = await enrolDemoAgent(
    s,
    merchant,
    DEMO_AGENT_NAME,
    '齐鲁数据机房内的计算节点：企业信用画像原始数据不出域',
    {
      name: DEMO_DATASET,
      title: '企业信用画像（月度）',
      resourceId: creditResourceId,
      columns: DEMO_DATASET_COLUMNS,
      rows: 6000,
    },
  );
  const dataset = made.datasetId;
  await s.compute.datasets.setPolicy(merchant, dataset, POLICY);
  const submit = (as: RequestContext, sql: string, extra: { purpose?: string; contractNo?: string }) =>
    s.compute.jobs.submit(as, { datasetId: dataset, kind: 'sql', sql, ...extra });
  await submit(
    merchant,
    `SELECT city, count(*) AS records, avg(credit_score) AS avg_score FROM ${DEMO_DATASET} GROUP BY city ORDER BY city`,
    { purpose: '地市信用评分分布自查' },
  );
  await submit(
    quancheng,
    `SELECT industry, avg(loan_amount) AS avg_loan, count(*) AS records FROM ${DEMO_DATASET} GROUP BY industry ORDER BY avg_loan DESC`,
    { contractNo: fusionContractNo },
  );
  // 匿名化导出: the holder generalizes the profiles for a releasable derivative; it waits for its reviewer
  await s.compute.jobs.submit(merchant, {
    datasetId: dataset,
    kind: 'anonymize',
    anonymize: DEMO_EXPORT,
    purpose: '形成可对外提供的匿名化衍生数据',
  });
  // 隐私求交: 泉城数智 asks how many of its loan applicants the credit profiles hold, under the same contract;
  // its own agent blinds its list, 齐鲁数据's answers, neither sees the other's enterprises
  // the list is catalogued with no file on the platform: its quality is checked by its agent, in its domain
  const applicantsResource = await s.catalog.resources.create(quancheng, APPLICANTS_RESOURCE);
  const applicants = await enrolDemoAgent(
    s,
    quancheng,
    DEMO_APPLICANTS_AGENT_NAME,
    '泉城数智的计算节点：贷款申请名单不出域',
    {
      name: DEMO_APPLICANTS,
      title: '贷款申请企业名单',
      resourceId: applicantsResource.id,
      columns: DEMO_APPLICANTS_COLUMNS,
      rows: 600,
    },
  );
  // 数据质量 in the domain: rules go to the agent, which `npm start` runs; only the signed report comes back
  await s.quality.rules.save(quancheng, applicantsResource.id, { rules: APPLICANTS_RULES });
  await s.quality.reports.start(quancheng, applicantsResource.id);
  await s.compute.jobs.submit(quancheng, {
    datasetId: dataset,
    kind: 'psi',
    psi: {
      column: 'enterprise_id',
      with: { datasetId: applicants.datasetId, column: 'enterprise_id' },
      normalize: 'text',
      reveal: 'size',
    },
    contractNo: fusionContractNo,
  });
  // 联合统计: enterprises per city across both holders' data, each agent's part exact and signed, the noise
  // added once by the platform; both datasets' budgets pay
  await s.compute.datasets.setPolicy(quancheng, applicants.datasetId, {
    ...POLICY,
    maxContributions: 1,
    k: 10,
    bounds: { apply_amount: { lower: 0, upper: 500 } },
    epsilonTotal: 10,
    deltaTotal: 0,
    consumerShare: 1,
  });
  await s.compute.jobs.submit(quancheng, {
    datasetId: dataset,
    kind: 'joint',
    joint: {
      with: [applicants.datasetId],
      statistic: 'count',
      groupBy: { column: 'city', categories: CITIES },
    },
    contractNo: fusionContractNo,
  });
  return { agentId: made.agentId, datasetId: dataset };
}

/** 泉城数智's loan applicants as catalogued: the rows stay on its agent. */
const APPLICANTS_RESOURCE = {
  title: '贷款申请企业名单（域内持有）',
  description:
    '泉城数智受理的企业贷款申请名单，含企业标识、地市与申请额度；数据留在泉城数智的计算节点内，只做隐私求交、联合统计与域内质量检查。',
  sectorCode: 'finance',
  subjectType: 'organization' as const,
  sourceKind: 'collected' as const,
  sourceMethod: '信贷业务系统受理记录',
  updateFrequency: 'monthly' as const,
  spatialCoverage: '山东省',
  keywords: ['贷款申请', '企业', '域内计算'],
};

/** The applicants' quality rules (GB/T 36344): identifiers, cities, amounts. */
const APPLICANTS_RULES = [
  { kind: 'not_null', columns: ['enterprise_id'] },
  { kind: 'unique', columns: ['enterprise_id'] },
  { kind: 'pattern', pattern: '^E\\d{5}$', columns: ['enterprise_id'] },
  { kind: 'enum', values: CITIES, columns: ['city'] },
  { kind: 'type', type: 'number', columns: ['apply_amount'] },
  { kind: 'range', min: 50, max: 480, columns: ['apply_amount'] },
];

/** Registers a demo agent for the admin's org, enrols its derived key and reports its one dataset. */
async function enrolDemoAgent(
  s: Services,
  admin: RequestContext,
  name: string,
  description: string,
  dataset: { name: string; title: string; resourceId?: string; columns: DatasetColumn[]; rows: number },
) {
  const made = await s.compute.agents.create(admin, { name, description });
  await s.compute.agents.enrol(anonymous(), {
    agentId: made.id,
    code: made.enrolmentCode,
    publicKey: demoAgentSigner(s, name).publicKeyHex,
    software: 'shuliu-agent/0.1',
  });
  const agent: Principal = {
    kind: 'agent',
    credentialId: made.id,
    userId: made.id,
    username: name,
    displayName: name,
    orgId: made.orgId,
    roles: ['agent'],
    readOnly: false,
    expiresAt: null,
  };
  const { items } = await s.compute.datasets.report(
    { ...anonymous(), principal: agent },
    { datasets: [dataset], software: 'shuliu-agent/0.1' },
  );
  return { agentId: made.id, datasetId: items[0]!.id };
}

const REGIONS: Record<string, string> = {
  济南: '鲁中',
  淄博: '鲁中',
  潍坊: '鲁中',
  青岛: '胶东',
  烟台: '胶东',
  临沂: '鲁南',
};
const SECTORS: Record<string, string> = {
  制造业: '第二产业',
  建筑业: '第二产业',
  批发零售: '第三产业',
  信息技术: '第三产业',
  交通运输: '第三产业',
};

/** The demo's anonymized export: city and industry generalized by region and sector, scores by bands, k = 20. */
export const DEMO_EXPORT = {
  title: '企业信用画像（k-匿名衍生）',
  quasiIdentifiers: [
    { column: 'city', hierarchy: { kind: 'table' as const, rows: CITIES.map((c) => [c, REGIONS[c]!, '*']) } },
    {
      column: 'industry',
      hierarchy: { kind: 'table' as const, rows: INDUSTRIES.map((i) => [i, SECTORS[i]!, '*']) },
    },
    { column: 'credit_score', hierarchy: { kind: 'intervals' as const, bands: [50, 100, 200] } },
  ],
  sensitive: 'overdue',
  keep: ['loan_amount'],
  k: 20,
  l: 2,
  suppressionLimit: 0.05,
};

const anonymous = (): RequestContext => ({
  requestId: 'demo-seed',
  ip: '127.0.0.1',
  userAgent: 'shuliu-demo',
  principal: null,
  audited: false,
});

/** A demo agent as its holder sees it, and the datasets it reported; null when the demo has none. */
export async function demoAgent(s: Services, name = DEMO_AGENT_NAME, admin = 'merchant') {
  const holder = await loginAs(s, admin).catch(() => null);
  if (!holder) return null;
  const agents = await s.compute.agents.list(holder, { page: 1, pageSize: 100 });
  const agent = agents.items.find((a) => a.name === name && a.status === 'active');
  if (!agent) return null;
  const datasets = await s.compute.datasets.list(holder, {
    page: 1,
    pageSize: 100,
    agent: agent.id,
    mine: true,
  });
  return { agent, datasets: datasets.items };
}
