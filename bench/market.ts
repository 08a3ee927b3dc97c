// Marketplace search at 100,000 published listings (PostgreSQL and PGlite): the public search with its five
// facet counts, through the service as an anonymous visitor sees it, beside the catalog's search over 100,000
// resources in the same database and the same run (the search the marketplace's was built after). Each is
// measured on its own, then both in turn, where they share PostgreSQL's buffer pool: both lines are printed.
import { catalog, createServices, loadConfig } from '@shuliu/core';
import { sql } from 'kysely';
import { scratchDatabase } from './scratch-db.js';
import {
  ASPECTS,
  fill as fillCatalog,
  fmt,
  GRADES,
  member,
  OBJECTS,
  pct,
  PHRASES,
  REGIONS,
  rng,
  SECTORS,
  SUFFIX,
} from './catalog.js';

const N = Number(process.argv.find((a) => a.startsWith('--products='))?.slice(11) ?? 100_000);
const ROUNDS = 10;
const BOARDS = ['ocean', 'health', 'transport', 'finance', 'government'];
const MODES = ['file', 'api', 'compute', 'report'];
const PRICE_KINDS = ['fixed', 'per_call', 'subscription', 'tiered', 'government_guided'];
const DIVISIONS = ['370000', '370100', '370200', '370600', '370700', '371300', '110000', '310000'];
const PRODUCT_WORDS = ['查询服务', '分析报告', '数据集', '联合建模', '指数', '画像'];

const QUERIES: Record<string, unknown>[] = [
  {},
  { q: '信用评价' },
  { q: '企业信用' },
  { q: '济南 公交' },
  { q: '港口', board: ['ocean'] },
  { board: ['finance'], deliveryMode: ['api'] },
  { q: '医疗机构', deliveryMode: ['compute'] },
  { sort: 'price_asc' },
  { q: '物流', priceModel: ['per_call', 'tiered'] },
  { region: '370100' },
  { q: '社会保险 统计', grade: ['general_2'] },
  { sector: ['finance'], sort: 'newest' },
];

export async function fillMarket(db: Awaited<ReturnType<typeof scratchDatabase>>['db']) {
  const r = rng(7);
  const pick = <T>(xs: T[]) => xs[Math.floor(r() * xs.length)]!;
  const some = <T>(xs: T[]) => {
    const out = xs.filter(() => r() < 0.3);
    return out.length ? out : [pick(xs)];
  };
  const orgs = Array.from({ length: 300 }, (_, i) => `org_seller${String(i).padStart(20, '0')}`);
  const now = Date.now();
  for (let from = 0; from < N; from += 5000) {
    const rows = Array.from({ length: Math.min(5000, N - from) }, (_, k) => {
      const title = `${pick(REGIONS)}${pick(OBJECTS)}${pick(ASPECTS)}${pick(PRODUCT_WORDS)}`;
      const summary = `${pick(OBJECTS)}${pick(ASPECTS)}${pick(SUFFIX)}`;
      const description = Array.from({ length: 2 + Math.floor(r() * 4) }, () => pick(PHRASES)).join('，');
      const kind = pick(PRICE_KINDS);
      return {
        id: `prd_bench${String(from + k).padStart(21, '0')}`,
        org: pick(orgs),
        title,
        summary,
        description,
        sector: pick(SECTORS),
        region: pick(DIVISIONS),
        modes: `{${some(MODES).join(',')}}`,
        boards: `{${some(BOARDS).join(',')}}`,
        kind,
        fen: Math.floor(r() * 100_000_00),
        grade: pick(GRADES.filter((g) => g !== 'important')),
        search: catalog.searchText([title, summary, description]),
        at: new Date(now - Math.floor(r() * 365 * 86_400_000)).toISOString(),
        resource: `res_bench${String(Math.floor(r() * N)).padStart(21, '0')}`,
      };
    });
    const col = <K extends keyof (typeof rows)[number]>(k: K) => rows.map((x) => x[k]);
    await sql`insert into market_products (id, org_id, title, summary, description, sector_code, region,
        delivery_modes, board_codes, price_model, price_kind, price_fen, declaration, declaration_hash, grade,
        status, search_vector, created_by, published_at)
      select id, org, title, summary, descr, sector, region, modes::text[], boards::text[],
        jsonb_build_object('kind', kind), kind, fen, '{}'::jsonb, '', grade, 'published',
        to_tsvector('simple', search), 'bench', at
      from unnest(${col('id')}::text[], ${col('org')}::text[], ${col('title')}::text[], ${col('summary')}::text[],
        ${col('description')}::text[], ${col('sector')}::text[], ${col('region')}::text[], ${col('modes')}::text[],
        ${col('boards')}::text[], ${col('kind')}::text[], ${col('fen')}::bigint[], ${col('grade')}::text[],
        ${col('search')}::text[], ${col('at')}::timestamptz[])
        as t(id, org, title, summary, descr, sector, region, modes, boards, kind, fen, grade, search, at)`.execute(
      db,
    );
    await sql`insert into market_product_resources (product_id, resource_id, basis)
      select id, res, 'owner' from unnest(${col('id')}::text[], ${col('resource')}::text[]) as t(id, res)`.execute(
      db,
    );
  }
  await sql`vacuum analyze market_products`.execute(db);
  await sql`vacuum analyze market_product_resources`.execute(db);
}

async function benchOne(url: string | undefined) {
  const d = await scratchDatabase(url);
  try {
    const t0 = performance.now();
    await fillCatalog(d.db);
    await fillMarket(d.db);
    const loaded = (performance.now() - t0) / 1000;
    const s = createServices(d.db, loadConfig({}, { masterKey: 'be'.repeat(32) }));
    const market = (q: Record<string, unknown>) =>
      s.market.search.search({ page: 1, pageSize: 20, sort: 'relevance', ...q } as never);
    const resources = (q: Record<string, unknown>) =>
      s.catalog.resources.search(member, {
        page: 1,
        pageSize: 20,
        sort: 'relevance',
        ...(q.q ? { q: q.q } : {}),
      } as never);
    /** ROUNDS timed rounds of every query after one untimed, one search after the other or both in turn. */
    const rounds = async (searches: ((q: Record<string, unknown>) => Promise<unknown>)[]) => {
      const times = searches.map(() => [] as number[]);
      for (let round = 0; round < ROUNDS + 1; round++)
        for (const q of QUERIES)
          for (const [i, search] of searches.entries()) {
            const t = performance.now();
            await search(q);
            if (round) times[i]!.push(performance.now() - t);
            if (round === ROUNDS && i === 0 && process.env.BENCH_DETAIL)
              console.log('market', JSON.stringify(q), (performance.now() - t).toFixed(1));
          }
      return times;
    };
    const line = (what: string, ours: number[], theirs: number[], goal: boolean) =>
      console.log(
        `market search at ${N.toLocaleString('en')} listings on ${d.kind.padEnd(8)} ${what} p50 ${fmt(pct(ours, 0.5))} ms  p95 ${fmt(pct(ours, 0.95))} ms (ranked, 5 facets)` +
          `  |  catalog search at ${N.toLocaleString('en')} resources p50 ${fmt(pct(theirs, 0.5))} ms  p95 ${fmt(pct(theirs, 0.95))} ms` +
          (goal && d.kind === 'postgres'
            ? `  (goal p95 < 100 ms: ${pct(ours, 0.95) < 100 ? 'met' : 'NOT met'})`
            : ''),
      );
    // each search on its own, as a server whose buffer pool holds its tables answers it; then both in turn,
    // where the two 100k-row tables (about 120 MB each) contend for one buffer pool (PostgreSQL's default: 128 MB)
    const [[ours] = [], [theirs] = []] = [await rounds([market]), await rounds([resources])];
    line('alone      ', ours!, theirs!, true);
    const [mixed, mixedCatalog] = await rounds([market, resources]);
    line('interleaved', mixed!, mixedCatalog!, false);
    console.log(`(loaded in ${loaded.toFixed(0)} s)`);
  } finally {
    await d.drop();
  }
}

export async function runMarketBenchmarks(postgresUrl: string | undefined) {
  if (postgresUrl) await benchOne(postgresUrl);
  if (!process.env.BENCH_PG_ONLY) await benchOne(undefined);
}
