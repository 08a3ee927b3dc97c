import { idCardCheckChar, type CatalogFile, type MaskPreview, type Resource } from '@shuliu/contracts';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../testing.js';

let t: TestServer;
const tokens: Record<string, string> = {};
beforeAll(async () => {
  t = await startTestServer({ config: { uploadMaxBytes: 200_000 } });
  for (const u of ['operator', 'merchant', 'buyer', 'regulator', 'authority', 'quancheng'])
    tokens[u] = await t.login(u);
});
afterAll(() => t.close());

const call = <T = unknown>(method: string, url: string, as?: string, payload?: unknown) =>
  t.call<T>(method, url, as, payload);
const upload = (resourceId: string, name: string, body: string | Buffer, as = 'merchant') =>
  t.app.inject({
    method: 'POST',
    url: `/api/catalog/resources/${resourceId}/files?name=${encodeURIComponent(name)}`,
    payload: body,
    headers: { authorization: `Bearer ${tokens[as]}`, 'content-type': 'application/octet-stream' },
  });
const settle = async (fileId: string, as = 'merchant') => {
  await t.services.catalog.files.idle();
  await t.services.catalog.masking.idle();
  await t.services.catalog.files.idle();
  return (await call<CatalogFile>('GET', `/api/catalog/files/${fileId}`, as)).body;
};

const idCard = (i: number) => {
  const first17 = `370102${1970 + (i % 40)}0${1 + (i % 9)}1${i % 10}${String(100 + (i % 900)).slice(-3)}`;
  return first17 + idCardCheckChar(first17);
};
const wrongCheck = (id: string) => id.slice(0, 17) + (id[17] === '0' ? '1' : '0');
const csv = (rows: number, badIds = false) =>
  ['姓名,身份证号,手机号,授信额度']
    .concat(
      Array.from({ length: rows }, (_, i) => {
        const id = idCard(i);
        return `${'张王李赵刘'[i % 5]}${'伟芳娜敏静'[(i * 3) % 5]},${badIds ? wrongCheck(id) : id},1${38 + (i % 2)}${String(10000000 + i * 7919).slice(-8)},${(i * 1000) % 50000}`;
      }),
    )
    .join('\n');

const newResource = async (as: string, over: Record<string, unknown> = {}) =>
  (
    await call<Resource>('POST', '/api/catalog/resources', as, {
      title: '普惠金融客户名单',
      description: '普惠金融业务的客户名单，含身份信息与联系方式，按月更新。',
      sectorCode: 'finance',
      subjectType: 'personal',
      sourceKind: 'collected',
      sourceMethod: '业务系统采集',
      updateFrequency: 'monthly',
      ...over,
    })
  ).body;

describe('files: upload, profile, grade', () => {
  let res: Resource;
  let file: CatalogFile;

  it('streams a CSV in, profiles it in the background and grades the resource from what it found', async () => {
    res = await newResource('merchant');
    const up = await upload(res.id, '客户名单.csv', csv(300));
    expect(up.statusCode).toBe(202);
    file = await settle((up.json() as CatalogFile).id);
    expect(file).toMatchObject({ status: 'ready', progress: 1, rowCount: 300, format: 'csv' });
    const kinds = Object.fromEntries(file.profile!.columns.map((c) => [c.name, c.pii?.kind ?? null]));
    expect(kinds).toMatchObject({ 姓名: 'name', 身份证号: 'idCard', 手机号: 'mobile', 授信额度: null });
    expect(file.profile!.sample[0]!['身份证号']).toMatch(/\*/);
    const after = (await call<Resource>('GET', `/api/catalog/resources/${res.id}`, 'merchant')).body;
    expect(after.schema.find((c) => c.name === '身份证号')!.computedGrade).toBe('general_4');
    expect(after.computedGrade).toBe('general_4');
    expect(after.format).toBe('csv');
  });

  it('does not take numbers with wrong check digits for ID card numbers', async () => {
    const r = await newResource('merchant', { title: '错误校验位' });
    const f = await settle(((await upload(r.id, 'bad.csv', csv(200, true))).json() as CatalogFile).id);
    expect(f.profile!.columns.find((c) => c.name === '身份证号')!.pii?.kind ?? null).not.toBe('idCard');
  });

  it('refuses binary garbage, ragged rows and oversized files clearly, storing nothing', async () => {
    const garbage = await settle(
      ((await upload(res.id, 'x.csv', Buffer.from([0, 1, 2, 3, 255, 254, 0, 0, 9]))).json() as CatalogFile)
        .id,
    );
    expect(garbage.status).toBe('failed');
    expect(garbage.error).toBeTruthy();
    const ragged = await settle(((await upload(res.id, 'r.csv', 'a,b\n1,2\n3\n')).json() as CatalogFile).id);
    expect(ragged).toMatchObject({ status: 'failed' });
    expect(ragged.error).toMatch(/line|row|行/i);
    const big = await upload(res.id, 'big.csv', Buffer.alloc(300_000, 'a'));
    expect(big.statusCode).toBe(413);
    const xls = await upload(res.id, 'notes.doc', 'hello');
    expect(xls.statusCode).toBe(400);
    const list = (
      await call<{ items: CatalogFile[] }>('GET', `/api/catalog/resources/${res.id}/files`, 'merchant')
    ).body.items;
    expect(list.filter((f) => f.status === 'ready')).toHaveLength(1);
  });

  it('reads a GBK-encoded CSV (detected and converted) and keeps its Chinese headers', async () => {
    const gbk = iconv.encode(csv(50), 'gbk');
    const f = await settle(((await upload(res.id, '客户名单-GBK.csv', gbk)).json() as CatalogFile).id);
    expect(f.status, f.error ?? '').toBe('ready');
    expect(f.profile!.encoding).toMatch(/gb/i);
    expect(f.profile!.columns.map((c) => c.name)).toEqual(['姓名', '身份证号', '手机号', '授信额度']);
    expect(f.profile!.columns[1]!.pii?.kind).toBe('idCard');
  });

  it('lets grades decide who sees a resource: important data stays with its owner and supervisors', async () => {
    const r = await newResource('merchant', { title: '重要数据测试', subjectType: 'organization' });
    await call('POST', `/api/catalog/resources/${r.id}/grade`, 'merchant', {
      grade: 'important',
      reason: '涉及行业运行',
    });
    expect((await call('POST', `/api/catalog/resources/${r.id}/publish`, 'merchant')).status).toBe(200);
    expect((await call('GET', `/api/catalog/resources/${r.id}`, 'buyer')).status).toBe(404);
    expect((await call('GET', `/api/catalog/resources/${r.id}`, 'regulator')).status).toBe(200);
    const search = await call<{ items: Resource[] }>(
      'GET',
      `/api/catalog/resources?q=${encodeURIComponent('重要数据测试')}`,
      'buyer',
    );
    expect(search.body.items.map((x) => x.id)).not.toContain(r.id);
    const lower = await call<{ error: { code: string } }>(
      'POST',
      `/api/catalog/resources/${r.id}/grade`,
      'merchant',
      {
        grade: 'general_2',
        fields: [{ name: '身份证号', grade: 'general_1' }],
        reason: '想降级',
      },
    );
    expect(lower.status).toBe(404); // no such field: this resource has no file yet
    const withFile = await call<{ error: { code: string } }>(
      'POST',
      `/api/catalog/resources/${res.id}/grade`,
      'merchant',
      {
        fields: [{ name: '身份证号', grade: 'general_2' }],
        reason: '想降级',
      },
    );
    expect(withFile.status).toBe(409);
    expect(withFile.body.error.code).toBe('CATALOG_GRADE_BELOW_COMPUTED');
  });

  it('lets only the owner upload; others see statistics without the sample; downloads are gated and audited', async () => {
    expect((await upload(res.id, 'y.csv', 'a\n1\n', 'quancheng')).statusCode).toBe(404);
    expect((await upload(res.id, 'y.csv', 'a\n1\n', 'buyer')).statusCode).toBe(404);
    const own = await call('GET', `/api/catalog/files/${file.id}/download`, 'merchant');
    expect(own.status).toBe(200);
    expect(own.raw.body).toContain(idCard(0));
    expect(own.raw.headers['content-disposition']).toContain("UTF-8''");
    expect((await call('GET', `/api/catalog/files/${file.id}/download`, 'regulator')).status).toBe(200);
    expect((await call('GET', `/api/catalog/files/${file.id}/download`)).status).toBe(404);
    const audit = await call<{ items: { action: string }[] }>(
      'GET',
      `/api/audit/events?objectId=${file.id}`,
      'regulator',
    );
    expect(audit.body.items.filter((e) => e.action === 'catalog.file.download')).toHaveLength(2);
  });

  it('previews masking and makes a masked derivative, linked and re-graded', async () => {
    const preview = await call<MaskPreview>(
      'POST',
      `/api/catalog/resources/${res.id}/mask-preview`,
      'merchant',
      {
        columns: { 姓名: { strategy: 'pseudonymize' } },
        rows: 3,
        fileId: file.id,
      },
    );
    expect(preview.status).toBe(200);
    expect(preview.body.before[0]!['身份证号']).toBe(idCard(0));
    expect(preview.body.after[0]!['身份证号']).not.toBe(idCard(0));
    expect(preview.body.after[0]!['姓名']).not.toBe(preview.body.before[0]!['姓名']);
    expect(preview.body.rules['手机号']).toMatchObject({ strategy: 'mask' });
    const bad = await call<{ error: { code: string } }>(
      'POST',
      `/api/catalog/resources/${res.id}/mask-preview`,
      'merchant',
      {
        columns: { 身份证号: { strategy: 'teleport' } },
      },
    );
    expect(bad.status).toBe(400);
    const derived = await call<Resource>('POST', `/api/catalog/resources/${res.id}/derive`, 'merchant', {
      title: '普惠金融客户名单（脱敏）',
      fileId: file.id,
      columns: { 授信额度: { strategy: 'round', step: 10000 } },
    });
    expect(derived.status).toBe(202);
    expect(derived.body).toMatchObject({ derivedFrom: res.id, processing: 'masked', status: 'draft' });
    const files = (
      await call<{ items: CatalogFile[] }>(
        'GET',
        `/api/catalog/resources/${derived.body.id}/files`,
        'merchant',
      )
    ).body.items;
    const masked = await settle(files[0]!.id);
    expect(masked.status).toBe('ready');
    expect(masked.rowCount).toBe(300);
    const text = (await call('GET', `/api/catalog/files/${masked.id}/download`, 'merchant')).raw.body;
    expect(text).not.toContain(idCard(0));
    expect(text.split('\n')[0]).toBe('姓名,身份证号,手机号,授信额度');
    const d = (await call<Resource>('GET', `/api/catalog/resources/${derived.body.id}`, 'merchant')).body;
    expect(['general_1', 'general_2', 'general_3']).toContain(d.grade);
    const lineage = (
      await call<{ derivatives: Resource[] }>('GET', `/api/catalog/resources/${res.id}/lineage`, 'merchant')
    ).body;
    expect(lineage.derivatives.map((x) => x.id)).toEqual([derived.body.id]);
  });
});

describe('open data', () => {
  it('conditional data needs an approved application to download; DCAT lists open data', async () => {
    const r = await newResource('authority', {
      title: '济南市企业用电量统计',
      subjectType: 'public',
      openClass: 'conditional',
      sectorCode: 'energy.power',
    });
    const f = await settle(
      (
        (
          await upload(r.id, 'power.csv', 'month,usage\n2026-01,100\n2026-02,120\n', 'authority')
        ).json() as CatalogFile
      ).id,
      'authority',
    );
    expect(f.status).toBe('ready');
    await call('POST', `/api/catalog/resources/${r.id}/publish`, 'authority');
    const denied = await call('GET', `/api/catalog/files/${f.id}/download`, 'buyer');
    expect(denied.status, JSON.stringify(denied.body)).toBe(403);
    const applied = await call<{ id: string; status: string }>(
      'POST',
      `/api/catalog/resources/${r.id}/open-requests`,
      'buyer',
      {
        purpose: '小微企业信贷风控建模',
      },
    );
    expect(applied.status).toBe(201);
    expect(
      (await call('POST', `/api/catalog/resources/${r.id}/open-requests`, 'buyer', { purpose: 'again' }))
        .status,
    ).toBe(409);
    const reject = await call('POST', `/api/catalog/open-requests/${applied.body.id}/decision`, 'authority', {
      approve: false,
    });
    expect(reject.status).toBe(400); // a rejection needs a reason
    expect(
      (
        await call('POST', `/api/catalog/open-requests/${applied.body.id}/decision`, 'merchant', {
          approve: true,
        })
      ).status,
    ).toBe(404);
    const ok = await call<{ status: string }>(
      'POST',
      `/api/catalog/open-requests/${applied.body.id}/decision`,
      'authority',
      { approve: true },
    );
    expect(ok.body.status).toBe('approved');
    expect((await call('GET', `/api/catalog/files/${f.id}/download`, 'buyer')).status).toBe(200);
    const incoming = await call<{ items: { id: string }[] }>(
      'GET',
      '/api/catalog/open-requests?box=incoming&status=approved&pageSize=100',
      'authority',
    );
    expect(incoming.body.items.map((x) => x.id)).toContain(applied.body.id);
    const outgoing = await call<{ items: { id: string }[] }>(
      'GET',
      '/api/catalog/open-requests?box=outgoing',
      'authority',
    );
    expect(outgoing.body.items.map((x) => x.id)).not.toContain(applied.body.id);

    const dcat = await call<Record<string, unknown>>('GET', '/api/catalog/dcat');
    expect(dcat.raw.headers['content-type']).toContain('application/ld+json');
    expect(dcat.body['@type']).toBe('dcat:Catalog');
    const ds = (dcat.body['dcat:dataset'] as Record<string, unknown>[]).find(
      (d) => d['dct:identifier'] === r.id,
    )!;
    expect(ds['dct:accessRights']).toEqual({
      '@id': 'http://publications.europa.eu/resource/authority/access-right/RESTRICTED',
    });
    expect((ds['dcat:distribution'] as unknown[]).length).toBe(1);
    const one = await call<Record<string, unknown>>('GET', `/api/catalog/resources/${r.id}/dcat`);
    expect(one.body['@context']).toBeTruthy();
  });
});
