import {
  jcs,
  type ListingCheck,
  type OrgSigningKey,
  type Product,
  type VerifyOrgSignatureReply,
} from '@shuliu/contracts';
import { crypto, demo } from '@shuliu/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../testing.js';
import { AFFIRMED, marketClient, productBody, type Err } from './market.fixtures.js';

// 挂牌条件: every listing rule refuses with 409 naming it; resources of another org are a 403; bad input a 400.
let t: TestServer;
let m: ReturnType<typeof marketClient>;
let good: { resource: string; certId: string; certNo: string };

beforeAll(async () => {
  t = await startTestServer();
  m = marketClient(t);
  good = await m.listable('merchant', '企业经营景气基础数据');
});
afterAll(() => t.close());

const submitCode = async (body: Record<string, unknown>) => {
  const p = await m.draft('merchant', body);
  return m.refused(409, 'POST', `/api/market/my/products/${p.id}/submit`, 'merchant');
};
const check = (id: string, as = 'merchant') =>
  m.ok<ListingCheck>('GET', `/api/market/products/${id}/check`, as);
/** Sets a resource's stored grade, as a later impact assessment or regrading would leave it. */
const regrade = (id: string, grade: string) =>
  t.services.db.updateTable('catalog_resources').set({ grade }).where('id', '=', id).execute();

describe('a draft and the dry run of the listing checks', () => {
  it('keeps a draft without scenario or price, and shows each check passed or failed with its rule', async () => {
    const p = await m.draft('merchant', productBody([good.resource], { scenarios: [], priceModel: null }));
    expect(p).toMatchObject({
      status: 'draft',
      version: 1,
      grade: 'general_1',
      boards: [{ code: 'finance', name: '金融' }],
      resources: [{ id: good.resource, basis: 'owner' }],
      policy: expect.objectContaining({ '@type': 'Offer' }),
      declaration: {
        commitments: AFFIRMED,
        hash: expect.stringMatching(/^[0-9a-f]{64}$/),
        signature: {
          keyId: expect.stringMatching(/^osk_/),
          algorithm: 'sm2-sm3',
          signature: expect.any(String),
          signedAt: expect.any(String),
        },
      },
    });
    const c = await check(p.id);
    expect(c.passed).toBe(false);
    expect(c.certificateNos).toEqual([good.certNo]);
    expect(c.items.filter((i) => !i.passed).map((i) => [i.key, i.code])).toEqual([
      ['scenarios', 'MARKET_SCENARIO_REQUIRED'],
      ['priceModel', 'MARKET_PRICE_MODEL_REQUIRED'],
    ]);
    expect(c.items.every((i) => i.rule.length > 0)).toBe(true);
    // the dry run is the seller's and the reviewers': another org does not see a draft at all
    expect(await m.refused(404, 'GET', `/api/market/products/${p.id}/check`, 'quancheng')).toBe('NOT_FOUND');
    expect(await m.refused(404, 'GET', `/api/market/products/${p.id}`)).toBe('NOT_FOUND');
  });

  it('submits a product that passes every check into review, standing on its certificate', async () => {
    const p = await m.draft('merchant', productBody([good.resource]));
    expect((await check(p.id)).passed).toBe(true);
    const s = await m.submit(p.id);
    expect(s).toMatchObject({ status: 'in_review', certificateNos: [good.certNo], version: 2 });
    expect(await m.refused(409, 'POST', `/api/market/my/products/${p.id}/submit`, 'merchant')).toBe(
      'MARKET_ILLEGAL_TRANSITION',
    );
  });
});

describe('每条挂牌规则的拒绝 (each listing rule refuses, naming it)', () => {
  it('(a) no 数据产品经营权 certificate covering a resource', async () => {
    const bare = await m.listable('merchant', '未登记经营权的数据', {}, false);
    expect(await submitCode(productBody([good.resource, bare.resource]))).toBe('MARKET_CERTIFICATE_MISSING');
    // a certificate of the holding right alone does not cover operating it
    const held = await m.registry.resource('merchant', '仅有持有权的数据');
    await m.registry.register('merchant', held, { rights: ['holding'] });
    expect(await submitCode(productBody([held]))).toBe('MARKET_CERTIFICATE_MISSING');
  });

  it('(a) a certificate that is frozen', async () => {
    const x = await m.listable('merchant', '证书冻结的数据');
    await m.ok('POST', `/api/registry/certificates/${x.certId}/freeze`, 'regulator', { reason: '涉嫌违规' });
    expect(await submitCode(productBody([x.resource]))).toBe('MARKET_CERTIFICATE_NOT_IN_FORCE');
  });

  it('(b) a declaration or commitment not affirmed', async () => {
    const r = await m.call<Err>(
      'POST',
      `/api/market/my/products/${(await m.draft('merchant', productBody([good.resource], { commitments: { ...AFFIRMED, noDispute: false } }))).id}/submit`,
      'merchant',
    );
    expect(r.status).toBe(409);
    expect(r.body.error).toMatchObject({ code: 'MARKET_DECLARATION_MISSING' });
    expect(r.body.error.message).toContain('noDispute');
  });

  it('(b) the trading negative list, by keyword, organization, sector and resource', async () => {
    const add = (kind: string, value: string) =>
      m.ok<{ id: string }>('POST', '/api/market/negative-list', 'operator', {
        kind,
        value,
        reason: '监管通报',
      });
    const remove = (id: string) =>
      m.ok('POST', `/api/market/negative-list/${id}/remove`, 'operator', { reason: '通报撤销' });
    const merchantOrg = await m.registry.orgOf('merchant');
    for (const [kind, value] of [
      ['keyword', '景气指数'],
      ['org', merchantOrg],
      ['sector', 'commerce'],
      ['resource', good.resource],
    ] as const) {
      const e = await add(kind, value);
      expect(await submitCode(productBody([good.resource])), `${kind}`).toBe('MARKET_NEGATIVE_LIST');
      await remove(e.id);
    }
    const p = await m.draft('merchant', productBody([good.resource]));
    expect((await m.submit(p.id)).status).toBe('in_review');
  });

  it('(c) no application scenario (无场景不交易)', async () => {
    expect(await submitCode(productBody([good.resource], { scenarios: [] }))).toBe(
      'MARKET_SCENARIO_REQUIRED',
    );
  });

  it('(d) no price model; a government-guided price on data under no authorized operation', async () => {
    expect(await submitCode(productBody([good.resource], { priceModel: null }))).toBe(
      'MARKET_PRICE_MODEL_REQUIRED',
    );
    const guided = { kind: 'government_guided', basis: 'per_call', amountFen: 10 };
    expect(await submitCode(productBody([good.resource], { priceModel: guided }))).toBe(
      'MARKET_PRICE_NOT_GUIDED',
    );
  });

  it('(e) core data never; important data only as compute service', async () => {
    const core = await m.listable('merchant', '核心数据示例');
    await regrade(core.resource, 'core');
    expect(await submitCode(productBody([core.resource], { deliveryModes: ['compute'] }))).toBe(
      'CATALOG_CORE_NOT_PUBLISHABLE',
    );
    const important = await m.listable('merchant', '重要数据示例');
    await m.ok('POST', `/api/catalog/resources/${important.resource}/grade`, 'merchant', {
      grade: 'important',
      reason: '涉及区域经济运行',
    });
    expect(await submitCode(productBody([important.resource], { deliveryModes: ['api'] }))).toBe(
      'MARKET_IMPORTANT_DATA_COMPUTE_ONLY',
    );
    const compute = await m.draft(
      'merchant',
      productBody([important.resource], { deliveryModes: ['compute'] }),
    );
    expect(compute.grade).toBe('important');
    expect((await m.submit(compute.id)).status).toBe('in_review');
  });

  it('(e) a resource holding raw personal information never as a file or an API', async () => {
    const raw = await m.listable('merchant', '客户原始名单', {
      subjectType: 'personal',
      sectorCode: 'finance',
    });
    for (const mode of ['file', 'api'])
      expect(await submitCode(productBody([raw.resource], { deliveryModes: [mode] }))).toBe(
        'MARKET_RAW_PERSONAL_INFO',
      );
    const p = await m.draft('merchant', productBody([raw.resource], { deliveryModes: ['compute'] }));
    expect((await m.submit(p.id)).status).toBe('in_review');
  });

  it('(f) a board’s own rule: 医疗健康 takes health data only as a compute service', async () => {
    const health = await m.listable('merchant', '门诊就诊统计', { sectorCode: 'health.medical' });
    const body = { boards: ['health'], sector: 'health.medical' };
    expect(await submitCode(productBody([health.resource], { ...body, deliveryModes: ['report'] }))).toBe(
      'MARKET_BOARD_RULE',
    );
    const p = await m.draft(
      'merchant',
      productBody([health.resource], { ...body, deliveryModes: ['compute'] }),
    );
    expect((await m.submit(p.id)).status).toBe('in_review');
  });

  it('(g) a resource of another org is a 403, whether it exists or not', async () => {
    const theirs = await m.registry.resource('quancheng', '泉城数智的数据');
    expect(await m.refused(403, 'POST', '/api/market/my/products', 'merchant', productBody([theirs]))).toBe(
      'MARKET_RESOURCE_NOT_YOURS',
    );
    const missing = `res_${'0'.repeat(26)}`;
    expect(await m.refused(403, 'POST', '/api/market/my/products', 'merchant', productBody([missing]))).toBe(
      'MARKET_RESOURCE_NOT_YOURS',
    );
    const p = await m.draft('merchant', productBody([good.resource]));
    expect(
      await m.refused(403, 'PATCH', `/api/market/my/products/${p.id}`, 'merchant', {
        version: p.version,
        resourceIds: [theirs],
      }),
    ).toBe('MARKET_RESOURCE_NOT_YOURS');
    // nor may another org edit, submit or withdraw the merchant's product
    expect(await m.refused(404, 'POST', `/api/market/my/products/${p.id}/submit`, 'quancheng')).toBe(
      'NOT_FOUND',
    );
  });
});

describe('bad input is a 400 naming the field', () => {
  const post = (body: unknown) => m.call<Err>('POST', '/api/market/my/products', 'merchant', body);
  const bad = async (over: Record<string, unknown>, field: string) => {
    const r = await post(productBody([good.resource], over));
    expect(r.status, JSON.stringify(over).slice(0, 80)).toBe(400);
    expect(JSON.stringify(r.body.error), field).toContain(field);
  };

  it('refuses malformed and oversized fields, unknown fields, and prices out of shape', async () => {
    await bad({ title: '长'.repeat(101) }, 'title');
    await bad({ region: '990000' }, 'region');
    await bad({ region: '370012' }, 'region');
    await bad({ deliveryModes: ['file', 'file'] }, 'deliveryModes');
    await bad({ deliveryModes: ['email'] }, 'deliveryModes');
    await bad({ boards: [] }, 'boards');
    await bad({ resourceIds: Array.from({ length: 21 }, () => good.resource) }, 'resourceIds');
    await bad(
      { scenarios: Array.from({ length: 21 }, () => ({ title: 'a', description: 'b' })) },
      'scenarios',
    );
    await bad({ priceModel: { kind: 'fixed', amountFen: 1.5 } }, 'priceModel');
    await bad({ priceModel: { kind: 'fixed', amountFen: -1 } }, 'priceModel');
    await bad({ priceModel: { kind: 'barter' } }, 'priceModel');
    await bad(
      {
        priceModel: {
          kind: 'tiered',
          unit: '次',
          tiers: [
            { upTo: 100, unitFen: 5 },
            { upTo: 50, unitFen: 4 },
          ],
        },
      },
      'tiers',
    );
    await bad({ policy: { blob: 'x'.repeat(40_000) } }, 'policy');
    await bad({ policy: Object.fromEntries(Array.from({ length: 51 }, (_, i) => [`k${i}`, i])) }, 'policy');
    await bad({ owner: 'me' }, 'owner');
    await bad({ sector: 'no.such.sector' }, 'sector');
    await bad({ boards: ['nosuchboard'] }, 'boards');
    const broken = await t.app.inject({
      method: 'POST',
      url: '/api/market/my/products',
      headers: { authorization: `Bearer ${await t.login('merchant')}`, 'content-type': 'application/json' },
      payload: '{"title": ',
    });
    expect(broken.statusCode).toBe(400);
  });

  it('refuses a body above the server’s limit', async () => {
    const r = await t.app.inject({
      method: 'POST',
      url: '/api/market/my/products',
      headers: { authorization: `Bearer ${await t.login('merchant')}`, 'content-type': 'application/json' },
      payload: JSON.stringify(productBody([good.resource], { description: 'x'.repeat(3_000_000) })),
    });
    expect([400, 413]).toContain(r.statusCode);
  });

  it('refuses a stale version (optimistic concurrency) and edits out of the draft states', async () => {
    const p = await m.draft('merchant', productBody([good.resource]));
    const v2 = await m.ok<Product>('PATCH', `/api/market/my/products/${p.id}`, 'merchant', {
      version: 1,
      title: '企业经营景气指数（修订）',
    });
    expect(v2).toMatchObject({ version: 2, title: '企业经营景气指数（修订）', status: 'draft' });
    expect(
      await m.refused(409, 'PATCH', `/api/market/my/products/${p.id}`, 'merchant', {
        version: 1,
        title: 'x',
      }),
    ).toBe('MARKET_VERSION_CONFLICT');
    await m.submit(p.id);
    expect(
      await m.refused(409, 'PATCH', `/api/market/my/products/${p.id}`, 'merchant', {
        version: 3,
        title: 'x',
      }),
    ).toBe('MARKET_ILLEGAL_TRANSITION');
  });
});

describe('声明承诺制: the org signs its declaration', () => {
  const sign = (id: string, as: string, body: object) =>
    t.call<Product & Err>('POST', `/api/market/my/products/${id}/sign`, as, body);
  const custodied = { custody: 'platform', password: demo.DEMO_PASSWORD };

  it('refuses an unsigned declaration, and signs it on the org administrator’s password alone', async () => {
    const p = await m.draft('merchant', productBody([good.resource]), false);
    expect(p.declaration.signature).toBeNull();
    const c = await check(p.id);
    expect(c.items.find((i) => i.key === 'declarations')).toMatchObject({
      passed: false,
      code: 'MARKET_DECLARATION_UNSIGNED',
    });
    expect(await m.refused(409, 'POST', `/api/market/my/products/${p.id}/submit`, 'merchant')).toBe(
      'MARKET_DECLARATION_UNSIGNED',
    );
    // a seller who is not the org's administrator does not use the custodied key, whatever password
    expect((await sign(p.id, 'merchant2', custodied)).status).toBe(403);
    expect((await sign(p.id, 'merchant', { ...custodied, password: 'wrong-password' })).body.error.code).toBe(
      'IDENTITY_WRONG_PASSWORD',
    );
    // another org's product does not exist for it
    expect((await sign(p.id, 'quancheng', custodied)).status).toBe(404);
    const signed = await sign(p.id, 'merchant', custodied);
    expect(signed.status, JSON.stringify(signed.body)).toBe(200);
    const sig = signed.body.declaration.signature!;
    expect(signed.body.version).toBe(p.version);
    // anyone checks it offline: SM2 over the RFC 8785 form of the document, whose SM3 is the declaration hash
    expect(crypto.sm3Hex(jcs(signed.body.declaration.document))).toBe(signed.body.declaration.hash);
    const v = await t.call<VerifyOrgSignatureReply>('POST', '/api/signatures/verify', undefined, {
      keyId: sig.keyId,
      orgId: p.orgId,
      payload: signed.body.declaration.document,
      signature: sig.signature,
    });
    expect(v.body).toMatchObject({ valid: true, orgId: p.orgId });
    expect((await check(p.id)).passed).toBe(true);
    // a changed product is a new declaration: the signature goes with the old one
    const edited = await m.ok('PATCH', `/api/market/my/products/${p.id}`, 'merchant', {
      version: p.version,
      statement: '本单位承诺数据来源合法（修订）。',
    });
    expect(edited.declaration.signature).toBeNull();
    expect(edited.declaration.hash).not.toBe(signed.body.declaration.hash);
  });

  it('takes a signature made offline with the org’s own key, and rejects a forged one', async () => {
    const own = await m.listable('quancheng', '泉城数智自有数据');
    const me = { orgId: (await t.call<{ org: { id: string } }>('GET', '/api/me', 'quancheng')).body.org.id };
    const signer = crypto.Sm2Signer.generate();
    const key = await t.call<OrgSigningKey>('POST', `/api/orgs/${me.orgId}/signing-keys`, 'quancheng', {
      custody: 'org',
      publicKey: crypto.publicKeyPem(signer.publicKey),
      password: demo.DEMO_PASSWORD,
    });
    expect(key.status, JSON.stringify(key.body)).toBe(201);
    const p = await m.draft('quancheng', productBody([own.resource]), false);
    // the custodied path is closed to an org that holds its own key
    expect((await sign(p.id, 'quancheng', custodied)).status).toBe(409);
    const offline = (doc: unknown) => signer.sign(jcs(doc), '1234567812345678').toString('hex');
    const forged = await sign(p.id, 'quancheng', {
      custody: 'org',
      keyId: key.body.id,
      signature: offline({ ...p.declaration.document, statement: '另一份声明' }),
    });
    expect(forged.status).toBe(400);
    expect(forged.body.error).toMatchObject({
      code: 'MARKET_DECLARATION_SIGNATURE_INVALID',
      details: { field: 'signature' },
    });
    // a key of another org is no signature of this one
    const merchantOrg = (await t.call<{ org: { id: string } }>('GET', '/api/me', 'merchant')).body.org.id;
    const merchantKeys = (
      await t.call<{ items: OrgSigningKey[] }>('GET', `/api/orgs/${merchantOrg}/signing-keys`)
    ).body.items;
    const foreign = await sign(p.id, 'quancheng', {
      custody: 'org',
      keyId: merchantKeys[0]!.id,
      signature: offline(p.declaration.document),
    });
    expect(foreign.body.error.code).toBe('MARKET_DECLARATION_SIGNATURE_INVALID');
    const ok = await sign(p.id, 'quancheng', {
      custody: 'org',
      keyId: key.body.id,
      signature: offline(p.declaration.document),
    });
    expect(ok.status, JSON.stringify(ok.body)).toBe(200);
    expect(ok.body.declaration.signature).toMatchObject({ keyId: key.body.id, algorithm: 'sm2-sm3' });
    // a rotation keeps the signature standing
    await t.call('POST', `/api/orgs/${me.orgId}/signing-keys`, 'quancheng', custodied);
    expect((await check(p.id, 'quancheng')).items.find((i) => i.key === 'declarations')?.passed).toBe(true);
    expect((await m.submit(p.id, 'quancheng')).status).toBe('in_review');
  });
});
