import type { Board, Product, ProductSearchReply } from '@shuliu/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../testing.js';
import { marketClient, productBody } from './market.fixtures.js';

// The marketplace's facet counts against a count of the listings themselves, after every change that puts a
// listing on the market or takes it off: publication, withdrawal, delisting, a negative-list suspension, and a
// listing on a board made after the others (whose bit the database gives).
let t: TestServer;
let m: ReturnType<typeof marketClient>;
let base: { resource: string };
let graded: { resource: string };

beforeAll(async () => {
  t = await startTestServer();
  m = marketClient(t);
  base = await m.listable('merchant', '区域经营分项数据');
  graded = await m.listable('merchant', '分级分项经营数据');
  // a resource of another grade, as a regrading would leave it, so the grade facet has two values
  await t.services.db
    .updateTable('catalog_resources')
    .set({ grade: 'general_3' })
    .where('id', '=', graded.resource)
    .execute();
});
afterAll(() => t.close());

type Facet = keyof ProductSearchReply['facets'];
type Filter = Partial<Record<Facet, string[]>> & { q?: string };
const FACETS: Facet[] = ['board', 'sector', 'deliveryMode', 'priceModel', 'grade'];

const valuesOf = (p: Product, k: Facet): string[] =>
  ({
    board: p.boards.map((b) => b.code),
    sector: [p.sector],
    deliveryMode: p.deliveryModes,
    priceModel: p.priceModel ? [p.priceModel.kind] : [],
    grade: [p.grade],
  })[k];

/** The search's query string: a list facet's values as repeated parameters. */
function queryOf(f: Filter, extra: Record<string, string> = {}) {
  const q = new URLSearchParams({ ...extra, ...(f.q ? { q: f.q } : {}) });
  for (const k of FACETS) for (const v of f[k] ?? []) q.append(k, v);
  return q.toString();
}

const search = (query: string) => m.ok<ProductSearchReply>('GET', `/api/market/products?${query}`);

/** Every published listing the text query finds (no facet filter), page by page. */
async function everyListing(q?: string) {
  const all: Product[] = [];
  for (let page = 1; ; page++) {
    const r = await search(queryOf({ q }, { page: String(page), pageSize: '200' }));
    all.push(...r.items);
    if (all.length >= r.total) return all;
  }
}

/** The facets as counted from the listings: each facet under every other facet's filter. */
function counted(listings: Product[], f: Filter) {
  const passes = (p: Product, skip?: Facet) =>
    FACETS.every((k) => k === skip || !f[k]?.length || valuesOf(p, k).some((v) => f[k]!.includes(v)));
  const facets = Object.fromEntries(
    FACETS.map((k) => {
      const n = new Map<string, number>();
      for (const p of listings.filter((x) => passes(x, k)))
        for (const v of valuesOf(p, k)) n.set(v, (n.get(v) ?? 0) + 1);
      return [k, [...n].map(([value, count]) => ({ value, count })).sort(byValue)];
    }),
  );
  return { total: listings.filter((p) => passes(p)).length, facets };
}
const byValue = (a: { value: string }, b: { value: string }) => a.value.localeCompare(b.value);

const FILTERS: Filter[] = [
  {},
  { board: ['finance'] },
  { board: ['transport', 'ocean'], deliveryMode: ['compute'] },
  { deliveryMode: ['report', 'api'], priceModel: ['per_call', 'fixed'] },
  { sector: ['commerce'], grade: ['general_3'] },
  { board: ['finance'], sector: ['commerce', 'transport'], deliveryMode: ['api'], priceModel: ['fixed'] },
  { q: '分项' },
  { q: '分项', board: ['ocean'], grade: ['general_3'] },
];

/** The search's facets and total equal the counts of the listings, for each filter. */
async function expectLiveCounts(filters = FILTERS) {
  const boards = (await m.ok<{ items: Board[] }>('GET', '/api/market/boards')).items.map((b) => b.code);
  for (const f of [...filters, { board: boards }]) {
    const r = await search(queryOf(f, { pageSize: '1' }));
    const want = counted(await everyListing(f.q), f);
    const got = Object.fromEntries(
      FACETS.map((k) => [k, r.facets[k].map(({ value, count }) => ({ value, count })).sort(byValue)]),
    );
    expect({ total: r.total, facets: got }, JSON.stringify(f)).toEqual(want);
  }
}

const list = (title: string, over: Record<string, unknown> = {}) =>
  m.listed('merchant', productBody([base.resource], { title: `${title}分项`, ...over }));

describe('facet counts', () => {
  it('equal the counts of the listings after publication, withdrawal, delisting and suspension', async () => {
    await list('港口吞吐', { boards: ['ocean', 'transport'], deliveryModes: ['api', 'file'] });
    await list('公交客流', {
      sector: 'transport',
      boards: ['transport'],
      deliveryModes: ['compute'],
      priceModel: { kind: 'per_call', unitFen: 30 },
    });
    const withdrawn = await list('信贷景气', { deliveryModes: ['report', 'api'] });
    const delisted = await m.listed(
      'merchant',
      productBody([graded.resource], { title: '海洋渔业分项', boards: ['ocean', 'finance'] }),
    );
    const suspended = await list('博彩赔率', { boards: ['government'], deliveryModes: ['file'] });
    await list('订阅景气', {
      priceModel: { kind: 'subscription', period: 'yearly', amountFen: 90_000_00 },
      deliveryModes: ['report', 'compute'],
    });
    await expectLiveCounts();

    await m.ok('POST', `/api/market/my/products/${withdrawn.id}/withdraw`, 'merchant', {
      reason: '产品迭代',
    });
    await expectLiveCounts();
    await m.ok('POST', `/api/market/products/${delisted.id}/delist`, 'operator', { reason: '经举报核实' });
    await expectLiveCounts();
    await m.ok('POST', '/api/market/negative-list', 'operator', {
      kind: 'keyword',
      value: '博彩',
      reason: '涉赌数据禁止交易',
    });
    expect((await m.ok<Product>('GET', `/api/market/products/${suspended.id}`, 'merchant')).status).toBe(
      'suspended',
    );
    await expectLiveCounts();
  });

  it('count listings on boards made after the platform’s own, two of them made at once', async () => {
    // made at once: each still gets a bit of its own
    await Promise.all([
      m.ok<Board>('POST', '/api/market/boards', 'operator', { code: 'agriculture', name: '农业农村' }),
      m.ok<Board>('POST', '/api/market/boards', 'operator', { code: 'energy', name: '能源' }),
    ]);
    await list('农产品价格', { boards: ['agriculture', 'finance'], deliveryModes: ['file'] });
    await list('园区用能', { boards: ['energy'], deliveryModes: ['api'] });
    await expectLiveCounts([
      ...FILTERS,
      { board: ['agriculture'] },
      { board: ['energy', 'ocean'], deliveryMode: ['api'] },
    ]);
    const agri = (await search('board=agriculture')).facets.board;
    expect(agri).toEqual(expect.arrayContaining([{ value: 'agriculture', label: '农业农村', count: 1 }]));
  });
});
