import type { CatalogFile, OrgGrant, OpenRequest, Resource } from '@shuliu/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../testing.js';

type Err = { error: { code: string; message: string; details?: { field?: string } } };

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer();
}, 120_000);
afterAll(() => t.close());

const call = <T = unknown>(method: string, url: string, as?: string, payload?: unknown) =>
  t.call<T>(method, url, as, payload);
const upload = async (resourceId: string, name: string, body: string, as: string) => {
  const res = await t.app.inject({
    method: 'POST',
    url: `/api/catalog/resources/${resourceId}/files?name=${encodeURIComponent(name)}`,
    payload: body,
    headers: { authorization: `Bearer ${await t.login(as)}`, 'content-type': 'application/octet-stream' },
  });
  expect(res.statusCode).toBe(202);
  await settle();
  return (await call<CatalogFile>('GET', `/api/catalog/files/${(res.json() as CatalogFile).id}`, as)).body;
};
const settle = async () => {
  await t.services.catalog.masking.idle();
  await t.services.catalog.files.idle();
};
const orgIdOf = async (username: string) =>
  (await call<{ org: { id: string } }>('GET', '/api/me', username)).body.org.id;
const inDays = (d: number) => new Date(Date.now() + d * 86_400_000).toISOString();
const authorizeBuyer = async <T = OrgGrant>(resourceIds: string[]) =>
  call<T>('POST', '/api/consent/org-grants', 'merchant', {
    granteeOrgId: await orgIdOf('buyer'),
    resourceIds,
    maxGrade: 'important',
    purpose: '联合风控建模',
    expiresAt: inDays(30),
  });
const mine = async (as: string) =>
  (await call<{ items: Resource[] }>('GET', '/api/catalog/resources?mine=true&pageSize=50', as)).body.items;
const readyFile = async (resourceId: string, as: string) =>
  (
    await call<{ items: CatalogFile[] }>('GET', `/api/catalog/resources/${resourceId}/files`, as)
  ).body.items.find((f) => f.status === 'ready' && f.role === 'data')!;

const PEOPLE = [
  '姓名,手机号,走访次数',
  '张伟,13812345678,3',
  '王芳,13987654321,1',
  '李娜,15011112222,2',
  '赵敏,18633334444,5',
].join('\n');

describe('PIPL Art. 23: decided by what the data holds, not by its label', () => {
  it('a “masked” derivative that keeps every identifier is raw: graded as its source, refused to another org', async () => {
    const source = (await mine('merchant')).find((r) => r.title === '普惠金融客户名单')!;
    const file = await readyFile(source.id, 'merchant');
    const detected = file.profile!.columns.filter((c) => c.pii).map((c) => c.name);
    expect(detected).toEqual(
      expect.arrayContaining(['客户姓名', '身份证号', '手机号', '银行卡号', '联系地址']),
    );
    const keepAll = Object.fromEntries(detected.map((c) => [c, { strategy: 'keep' }]));
    const d = await call<Resource>('POST', `/api/catalog/resources/${source.id}/derive`, 'merchant', {
      title: '普惠金融客户名单（全部保留）',
      columns: keepAll,
    });
    expect(d.status).toBe(202);
    expect(d.body.processing).toBe('masked');
    // before its file is even written, the derivative counts as holding what it will hold
    expect(d.body.grade).toBe(source.grade);
    const early = await authorizeBuyer<Err>([d.body.id]);
    expect(early.status).toBe(409);
    expect(early.body.error).toMatchObject({
      code: 'CONSENT_RESOURCE_REFUSED',
      details: { field: 'resourceIds' },
    });
    expect(early.body.error.message).toContain('身份证号');

    await settle();
    const after = (await call<Resource>('GET', `/api/catalog/resources/${d.body.id}`, 'merchant')).body;
    expect(after.grade).toBe(source.grade);
    expect(after.schema.filter((c) => c.pii).map((c) => c.name)).toEqual(expect.arrayContaining(detected));
    const late = await authorizeBuyer<Err>([d.body.id]);
    expect(late.status).toBe(409);
    expect(late.body.error.code).toBe('CONSENT_RESOURCE_REFUSED');

    // the same source masked by its defaults may go
    const masked = await call<Resource>('POST', `/api/catalog/resources/${source.id}/derive`, 'merchant', {
      title: '普惠金融客户名单（默认脱敏）',
    });
    await settle();
    const clean = (await call<Resource>('GET', `/api/catalog/resources/${masked.body.id}`, 'merchant')).body;
    expect(clean.schema.filter((c) => c.pii)).toEqual([]);
    expect((await authorizeBuyer([masked.body.id])).status).toBe(201);
  });

  it('re-checks when a new file is profiled: a derivative given raw identifiers closes, an older raw file never leaves', async () => {
    const source = (await mine('merchant')).find((r) => r.title === '普惠金融客户名单')!;
    const d = await call<Resource>('POST', `/api/catalog/resources/${source.id}/derive`, 'merchant', {
      title: '普惠金融客户名单（脱敏，后续换版）',
    });
    await settle();
    const masked = await readyFile(d.body.id, 'merchant');
    const g = await authorizeBuyer([d.body.id]);
    expect(g.status).toBe(201);
    const download = (id: string) => call<Err>('GET', `/api/catalog/files/${id}/download`, 'buyer');
    expect((await download(masked.id)).status).toBe(200);

    const raw = await upload(d.body.id, '走访名单.csv', PEOPLE, 'merchant');
    expect(raw.profile!.columns.filter((c) => c.pii).map((c) => c.name)).toEqual(['姓名', '手机号']);
    // the authorization no longer opens the derivative: the buyer does not even find it
    expect((await download(masked.id)).status).toBe(404);
    expect((await download(raw.id)).status).toBe(404);

    // a masked file on top: the derivative goes again, the raw file in its history does not
    const fixed = await upload(
      d.body.id,
      '走访名单.masked.csv',
      PEOPLE.replace(/(1\d{2})\d{4}(\d{4})/g, '$1****$2').replace(/\n(.)./g, '\n$1*'),
      'merchant',
    );
    expect(fixed.profile!.columns.filter((c) => c.pii)).toEqual([]);
    expect((await download(fixed.id)).status).toBe(200);
    const refused = await download(raw.id);
    expect(refused.status).toBe(409);
    expect(refused.body.error.code).toBe('CATALOG_RAW_PERSONAL_INFO');
    expect(refused.body.error.message).toContain('姓名');
    expect((await call('GET', `/api/catalog/files/${raw.id}/download`, 'merchant')).status).toBe(200);
  });

  it('有条件开放: public data holding names and mobiles is neither opened, applied for nor downloaded', async () => {
    const body = {
      title: '社区志愿者走访登记',
      description: '济南市各社区志愿者走访困难群众的登记数据，按月汇总，供社会救助研究有条件使用。',
      sectorCode: 'transport',
      subjectType: 'public',
      sourceKind: 'collected',
      sourceMethod: '社区网格员采集',
      updateFrequency: 'monthly',
      keywords: ['走访'],
      openClass: 'conditional',
    };
    const raw = await call<Resource>('POST', '/api/catalog/resources', 'authority', body);
    expect(raw.status).toBe(201);
    await upload(raw.body.id, '走访登记.csv', PEOPLE, 'authority');
    const refused = await call<Err>('POST', `/api/catalog/resources/${raw.body.id}/publish`, 'authority');
    expect(refused.status).toBe(409);
    expect(refused.body.error).toMatchObject({
      code: 'CATALOG_RAW_PERSONAL_INFO',
      details: { field: 'openClass' },
    });

    // opened while clean, approved, then a file with names and mobiles arrives
    const later = await call<Resource>('POST', '/api/catalog/resources', 'authority', {
      ...body,
      title: '社区走访次数统计',
    });
    const counts = await upload(
      later.body.id,
      '走访次数.csv',
      '社区,走访次数\n历下区,30\n市中区,12\n',
      'authority',
    );
    expect((await call('POST', `/api/catalog/resources/${later.body.id}/publish`, 'authority')).status).toBe(
      200,
    );
    const apply = (as: string, purpose: string) =>
      call<OpenRequest & Err>('POST', `/api/catalog/resources/${later.body.id}/open-requests`, as, {
        purpose,
      });
    const decide = (id: string) =>
      call<Err>('POST', `/api/catalog/open-requests/${id}/decision`, 'authority', { approve: true });
    const applied = await apply('buyer', '社会救助研究');
    expect(applied.status).toBe(201);
    const pending = await apply('quancheng', '社区服务评估');
    expect(pending.status).toBe(201);
    expect((await decide(applied.body.id)).status).toBe(200);
    expect((await call('GET', `/api/catalog/files/${counts.id}/download`, 'buyer')).status).toBe(200);

    const people = await upload(later.body.id, '走访登记.csv', PEOPLE, 'authority');
    for (const id of [people.id, counts.id]) {
      const d = await call<Err>('GET', `/api/catalog/files/${id}/download`, 'buyer');
      expect(d.status).toBe(409);
      expect(d.body.error.code).toBe('CATALOG_RAW_PERSONAL_INFO');
    }
    const approve = await decide(pending.body.id);
    expect(approve.status).toBe(409);
    expect(approve.body.error.code).toBe('CATALOG_RAW_PERSONAL_INFO');
    const another = await apply('merchant', '普惠授信风控');
    expect(another.status).toBe(409);
    expect(another.body.error.code).toBe('CATALOG_RAW_PERSONAL_INFO');
  });
});
