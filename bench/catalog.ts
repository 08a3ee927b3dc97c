// Catalog search at 100,000 resources (PostgreSQL and PGlite): our ranked Chinese full-text search with its
// facet counts, through the service as a member sees it, beside a naive ILIKE substring search of the same
// queries measured in the same run.
import { catalog, createServices, loadConfig, type RequestContext } from '@shuliu/core';
import { sql } from 'kysely';
import { scratchDatabase } from './scratch-db.js';

const N = Number(process.argv.find((a) => a.startsWith('--resources='))?.slice(12) ?? 100_000);
const ROUNDS = 10;

export const REGIONS = [
  '山东省',
  '济南市',
  '青岛市',
  '烟台市',
  '潍坊市',
  '济宁市',
  '临沂市',
  '淄博市',
  '德州市',
  '威海市',
];
export const OBJECTS = [
  '企业',
  '个体工商户',
  '医疗机构',
  '学校',
  '公交',
  '出租车',
  '网约车',
  '充电桩',
  '停车场',
  '农产品',
  '种子',
  '化肥',
  '气象站',
  '河流',
  '水库',
  '森林',
  '矿产',
  '土地',
  '不动产',
  '建筑工地',
  '招投标项目',
  '专利',
  '商标',
  '药品',
  '医保',
  '养老机构',
  '社区',
  '景区',
  '酒店',
  '餐饮',
  '快递',
  '港口',
  '船舶',
  '航班',
  '铁路',
  '电力',
  '燃气',
  '社会保险',
  '税收',
  '物流',
];
export const ASPECTS = [
  '登记信息',
  '信用评价',
  '运行监测',
  '许可证照',
  '统计汇总',
  '明细台账',
  '价格',
  '空间分布',
  '投诉举报',
  '处罚记录',
];
export const SUFFIX = ['数据', '信息', '统计', '明细', '目录', '监测数据'];
export const PHRASES = [
  '按月更新',
  '覆盖全省',
  '经脱敏处理',
  '含统一社会信用代码',
  '用于风险评估',
  '支持授权运营',
  '来源于业务系统归集',
  '可用于经济运行分析',
  '仅限授权场景使用',
  '提供接口与文件两种方式',
];
export const SECTORS = [
  'industry',
  'telecom',
  'finance',
  'energy',
  'transport',
  'health',
  'education',
  'science',
  'agriculture',
  'commerce',
  'credit',
  'transport.road',
  'finance.banking',
  'energy.power',
  'health.medical',
];
export const GRADES = ['important', 'general_4', 'general_3', 'general_2', 'general_1', 'general_1'];
const FORMATS = ['csv', 'xlsx', 'jsonl', 'parquet', 'api'];

const QUERIES: { q?: string; sector?: string[]; grade?: string[]; format?: string[] }[] = [
  { q: '信用评价' },
  { q: '企业信用' },
  { q: '济南 公交' },
  { q: '不动产登记信息' },
  { q: '电力', sector: ['energy'] },
  { q: '医疗机构执业' },
  { q: '税' },
  { q: 'api' },
  {},
  { sector: ['finance'], grade: ['general_2'] },
  { q: '物流', format: ['csv', 'parquet'] },
  { q: '山东省 社会保险 参保' },
];

export function rng(seed: number) {
  let x = seed >>> 0;
  return () => ((x = (Math.imul(x, 1664525) + 1013904223) >>> 0), x / 2 ** 32);
}
export const pct = (xs: number[], q: number) =>
  [...xs].sort((a, b) => a - b)[Math.floor(q * (xs.length - 1))]!;
export const fmt = (n: number) => n.toFixed(n < 10 ? 1 : 0);

/** `N` published resources in 200 orgs, with words and facets spread as a province's catalog has them. */
export async function fill(db: Awaited<ReturnType<typeof scratchDatabase>>['db']) {
  const r = rng(42);
  const pick = <T>(xs: T[]) => xs[Math.floor(r() * xs.length)]!;
  const orgs = Array.from({ length: 200 }, (_, i) => `org_bench${String(i).padStart(21, '0')}`);
  for (let from = 0; from < N; from += 5000) {
    const rows = Array.from({ length: Math.min(5000, N - from) }, (_, k) => {
      const title = `${pick(REGIONS)}${pick(OBJECTS)}${pick(ASPECTS)}${pick(SUFFIX)}`;
      const description = Array.from({ length: 2 + Math.floor(r() * 4) }, () => pick(PHRASES)).join('，');
      const keywords = [pick(OBJECTS), pick(ASPECTS)];
      return {
        id: `res_bench${String(from + k).padStart(21, '0')}`,
        org: pick(orgs),
        title,
        description,
        sector: pick(SECTORS),
        grade: pick(GRADES),
        format: pick(FORMATS),
        search: catalog.searchText([title, description, ...keywords]),
        doc: Math.round(r() * 100) / 100,
        keywords,
      };
    });
    await sql`insert into catalog_resources (id, owner_org_id, title, description, sector_code, subject_type,
        source_kind, update_frequency, format, keywords, computed_grade, grade, status, search_vector, doc_score, created_by)
      select id, org, title, descr, sector, 'organization', 'collected', 'monthly', format, array[k1, k2],
        grade, grade, 'published', to_tsvector('simple', search), doc, 'bench'
      from unnest(${rows.map((x) => x.id)}::text[], ${rows.map((x) => x.org)}::text[],
        ${rows.map((x) => x.title)}::text[], ${rows.map((x) => x.description)}::text[],
        ${rows.map((x) => x.sector)}::text[], ${rows.map((x) => x.format)}::text[],
        ${rows.map((x) => x.keywords[0]!)}::text[], ${rows.map((x) => x.keywords[1]!)}::text[],
        ${rows.map((x) => x.grade)}::text[], ${rows.map((x) => x.search)}::text[], ${rows.map((x) => x.doc)}::real[])
        as t(id, org, title, descr, sector, format, k1, k2, grade, search, doc)`.execute(db);
  }
  await sql`vacuum analyze catalog_resources`.execute(db);
}

export const member: RequestContext = {
  requestId: null,
  ip: null,
  userAgent: 'bench',
  audited: false,
  principal: {
    kind: 'session',
    credentialId: 'ses_bench',
    userId: 'usr_bench',
    username: 'bench',
    displayName: 'bench',
    orgId: 'org_bench000000000000000000007',
    roles: ['buyer'],
    readOnly: false,
    expiresAt: null,
  },
};

async function benchOne(url: string | undefined) {
  const d = await scratchDatabase(url);
  try {
    const t0 = performance.now();
    await fill(d.db);
    const loaded = (performance.now() - t0) / 1000;
    const { resources } = createServices(d.db, loadConfig({}, { masterKey: 'be'.repeat(32) })).catalog;
    const ours: number[] = [];
    const naive: number[] = [];
    for (let round = 0; round < ROUNDS + 1; round++) {
      for (const q of QUERIES) {
        let t = performance.now();
        await resources.search(member, { page: 1, pageSize: 20, sort: 'relevance', ...(q as object) });
        if (round) ours.push(performance.now() - t);
        if (round === ROUNDS && process.env.BENCH_DETAIL)
          console.log(JSON.stringify(q), (performance.now() - t).toFixed(1));
        t = performance.now();
        const like = `%${(q.q ?? '').split(' ')[0]}%`;
        await sql`select r.*, (select count(*) from catalog_resources c where c.title ilike ${like} or c.description ilike ${like}) as total
          from catalog_resources r where r.title ilike ${like} or r.description ilike ${like}
          order by r.updated_at desc limit 20`.execute(d.db);
        if (round) naive.push(performance.now() - t);
      }
    }
    console.log(
      `catalog search at ${N.toLocaleString('en')} resources on ${d.kind.padEnd(8)} p50 ${fmt(pct(ours, 0.5))} ms  p95 ${fmt(pct(ours, 0.95))} ms (ranked, 5 facets, visibility)` +
        `  |  naive ILIKE p50 ${fmt(pct(naive, 0.5))} ms  p95 ${fmt(pct(naive, 0.95))} ms` +
        (d.kind === 'postgres' ? `  (goal p95 < 100 ms: ${pct(ours, 0.95) < 100 ? 'met' : 'NOT met'})` : '') +
        `; loaded in ${loaded.toFixed(0)} s`,
    );
  } finally {
    await d.drop();
  }
}

export async function runCatalogBenchmarks(postgresUrl: string | undefined) {
  if (postgresUrl) await benchOne(postgresUrl);
  if (!process.env.BENCH_PG_ONLY) await benchOne(undefined);
}
