import type { Resource, ResourceSearchReply } from '@shuliu/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../testing.js';

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer();
});
afterAll(() => t.close());

const call = <T = unknown>(method: string, url: string, as?: string, payload?: unknown) =>
  t.call<T>(method, url, as, payload);

const resource = (over: Record<string, unknown> = {}) => ({
  title: '山东省企业信用评价数据',
  description:
    '全省市场主体的信用评价结果，按季度更新，包含评价等级、评价日期与行业分类，供金融机构授信参考使用。',
  sectorCode: 'credit',
  subjectType: 'organization',
  sourceKind: 'collected',
  sourceMethod: '市场监管系统归集',
  updateFrequency: 'quarterly',
  keywords: ['信用', '企业', '评价'],
  ...over,
});

describe('catalog resources', () => {
  let id: string;

  it('creates a draft that only the owner, operators and regulators see', async () => {
    const created = await call<Resource>('POST', '/api/catalog/resources', 'merchant', resource());
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      status: 'draft',
      version: 1,
      grade: 'general_1',
      sectorName: '信用',
    });
    id = created.body.id;
    expect((await call('GET', `/api/catalog/resources/${id}`, 'buyer')).status).toBe(404);
    expect((await call('GET', `/api/catalog/resources/${id}`)).status).toBe(404);
    expect((await call('GET', `/api/catalog/resources/${id}`, 'regulator')).status).toBe(200);
    expect((await call('PATCH', `/api/catalog/resources/${id}`, 'quancheng', { title: 'x' })).status).toBe(
      404,
    );
  });

  it('rejects bad input naming the field, and an unknown sector', async () => {
    const bad = await call<{ error: { code: string; details: unknown } }>(
      'POST',
      '/api/catalog/resources',
      'merchant',
      resource({ title: '', temporalFrom: '2024-05-01', temporalTo: '2024-01-01' }),
    );
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body.error.details)).toMatch(/title/);
    expect(JSON.stringify(bad.body.error.details)).toMatch(/temporalTo/);
    const sector = await call<{ error: { code: string } }>(
      'POST',
      '/api/catalog/resources',
      'merchant',
      resource({ sectorCode: 'nowhere' }),
    );
    expect(sector.status).toBe(400);
    expect(sector.body.error.code).toBe('CATALOG_SECTOR_UNKNOWN');
    const collected = await call(
      'POST',
      '/api/catalog/resources',
      'merchant',
      resource({ sourceMethod: null }),
    );
    expect(collected.status).toBe(400);
  });

  it('keeps a version per change and refuses a manual grade below the computed one', async () => {
    const upd = await call<Resource>('PATCH', `/api/catalog/resources/${id}`, 'merchant', {
      spatialCoverage: '山东省',
      note: '补充空间范围',
    });
    expect(upd.body.version).toBe(2);
    const versions = await call<{ items: { version: number; note: string | null }[] }>(
      'GET',
      `/api/catalog/resources/${id}/versions`,
      'merchant',
    );
    expect(versions.body.items.map((v) => v.version)).toEqual([2, 1]);
    expect(versions.body.items[0]!.note).toBe('补充空间范围');
    const raised = await call<Resource>('POST', `/api/catalog/resources/${id}/grade`, 'merchant', {
      grade: 'general_3',
      reason: '含企业经营信息',
    });
    expect(raised.body).toMatchObject({
      grade: 'general_3',
      manualGrade: 'general_3',
      computedGrade: 'general_1',
    });
  });

  it('publishes into search; Chinese words match regardless of segmentation, with facets', async () => {
    expect((await call('POST', `/api/catalog/resources/${id}/publish`, 'merchant')).status).toBe(200);
    expect((await call('POST', `/api/catalog/resources/${id}/publish`, 'merchant')).status).toBe(409);
    for (const q of ['信用评价', '企业信用', '山东', '信']) {
      const r = await call<ResourceSearchReply>(
        'GET',
        `/api/catalog/resources?q=${encodeURIComponent(q)}`,
        'buyer',
      );
      expect(
        r.body.items.map((x) => x.id),
        q,
      ).toContain(id);
    }
    const none = await call<ResourceSearchReply>(
      'GET',
      `/api/catalog/resources?q=${encodeURIComponent('气象预报')}`,
      'buyer',
    );
    expect(none.body.items.map((x) => x.id)).not.toContain(id);
    const faceted = await call<ResourceSearchReply>(
      'GET',
      '/api/catalog/resources?sector=credit&grade=general_3',
      'buyer',
    );
    expect(faceted.body.items.map((x) => x.id)).toContain(id);
    expect(faceted.body.facets.sector.find((b) => b.value === 'credit')).toMatchObject({ label: '信用' });
    expect(faceted.body.total).toBe(faceted.body.items.length);
  });

  it('ranks the better documented of two equal matches first', async () => {
    const thin = await call<Resource>('POST', '/api/catalog/resources', 'quancheng', {
      ...resource({ title: '企业信用评价数据（简版）', description: '信用评价', keywords: [] }),
    });
    await call('POST', `/api/catalog/resources/${thin.body.id}/publish`, 'quancheng');
    const r = await call<ResourceSearchReply>(
      'GET',
      `/api/catalog/resources?q=${encodeURIComponent('信用评价')}`,
      'buyer',
    );
    const order = r.body.items.map((x) => x.id);
    expect(order.indexOf(id)).toBeLessThan(order.indexOf(thin.body.id));
  });

  it('gates open classes by subject and grade, and never publishes core data', async () => {
    const notPublic = await call<{ error: { code: string } }>(
      'POST',
      '/api/catalog/resources',
      'merchant',
      resource({ openClass: 'unconditional' }),
    );
    expect(notPublic.body.error.code).toBe('CATALOG_OPEN_CLASS_REFUSED');
    const pub = await call<Resource>(
      'POST',
      '/api/catalog/resources',
      'authority',
      resource({ subjectType: 'public', openClass: 'unconditional', title: '济南市公交线路站点' }),
    );
    expect(pub.status).toBe(201);
    const tooHigh = await call<{ error: { code: string } }>(
      'POST',
      `/api/catalog/resources/${pub.body.id}/grade`,
      'authority',
      {
        grade: 'general_3',
        reason: '含敏感信息',
      },
    );
    expect(tooHigh.status).toBe(200); // a draft may be graded above its open class …
    const publish = await call<{ error: { code: string } }>(
      'POST',
      `/api/catalog/resources/${pub.body.id}/publish`,
      'authority',
    );
    expect(publish.body.error.code).toBe('CATALOG_OPEN_CLASS_REFUSED'); // … but not published so
    await call('PATCH', `/api/catalog/resources/${pub.body.id}`, 'authority', { openClass: 'conditional' });
    expect((await call('POST', `/api/catalog/resources/${pub.body.id}/publish`, 'authority')).status).toBe(
      200,
    );
    const anon = await call<ResourceSearchReply>('GET', '/api/catalog/resources');
    expect(anon.body.items.map((x) => x.id)).toContain(pub.body.id);
    expect(anon.body.items.every((x) => x.subjectType === 'public' && x.status === 'published')).toBe(true);
    expect(anon.body.items.some((x) => x.openClass === 'closed' || x.openClass === null)).toBe(false);
    const core = await call<Resource>(
      'POST',
      '/api/catalog/resources',
      'merchant',
      resource({ title: '核心测试' }),
    );
    await call('POST', `/api/catalog/resources/${core.body.id}/grade`, 'operator', {
      grade: 'core',
      reason: '核心数据目录',
    });
    const refused = await call<{ error: { code: string } }>(
      'POST',
      `/api/catalog/resources/${core.body.id}/publish`,
      'merchant',
    );
    expect(refused.status).toBe(409);
    expect(refused.body.error.code).toBe('CATALOG_CORE_NOT_PUBLISHABLE');
  });

  it('lets an operator retire a published resource with a reason, audited', async () => {
    const r = await call<Resource>('POST', `/api/catalog/resources/${id}/retire`, 'operator', {
      reason: '来源存疑',
    });
    expect(r.body.status).toBe('retired');
    const audit = await call<{ items: { action: string; details: { reason?: string } }[] }>(
      'GET',
      `/api/audit/events?objectId=${id}`,
      'regulator',
    );
    const actions = audit.body.items.map((e) => e.action);
    expect(actions).toEqual(
      expect.arrayContaining([
        'catalog.resource.create',
        'catalog.resource.update',
        'catalog.resource.grade',
        'catalog.resource.publish',
        'catalog.resource.retire',
      ]),
    );
    expect((await call('PATCH', `/api/catalog/resources/${id}`, 'merchant', { title: '改' })).status).toBe(
      409,
    );
  });
});

describe('sectors', () => {
  it('operators edit the tree; a sector in use cannot be removed', async () => {
    const tree = await call<{ items: { code: string; resourceCount: number }[] }>(
      'GET',
      '/api/catalog/sectors',
    );
    expect(tree.body.items.find((s) => s.code === 'credit')!.resourceCount).toBeGreaterThan(0);
    expect((await call('POST', '/api/catalog/sectors', 'merchant', { code: 'x', name: 'x' })).status).toBe(
      403,
    );
    const made = await call('POST', '/api/catalog/sectors', 'operator', {
      code: 'credit.corporate',
      parentCode: 'credit',
      name: '企业信用',
    });
    expect(made.status).toBe(201);
    expect(
      (await call('POST', '/api/catalog/sectors', 'operator', { code: 'credit.corporate', name: 'again' }))
        .status,
    ).toBe(409);
    const loop = await call<{ error: { code: string } }>('PATCH', '/api/catalog/sectors/credit', 'operator', {
      parentCode: 'credit.corporate',
    });
    expect(loop.status).toBe(400);
    expect((await call('DELETE', '/api/catalog/sectors/credit', 'operator')).status).toBe(409);
    expect((await call('DELETE', '/api/catalog/sectors/credit.corporate', 'operator')).status).toBe(200);
  });
});
