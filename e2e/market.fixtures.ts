import { CHECK_ITEMS } from '@shuliu/contracts';
import type { TestServer } from '@shuliu/server';
import { expect } from 'vitest';
import { DEMO_PASSWORD } from './harness.js';
import { endNotice, publishedResource } from './registry.fixtures.js';

/**
 * A resource `as`'s org may list: published in the catalogue and covered by an issued 数据产品经营权 certificate,
 * registered through the API (the registry's own browser test walks that path).
 */
export async function listableResource(t: TestServer, as: string, title: string) {
  const ok = async <T>(method: string, url: string, who: string, payload?: unknown) => {
    const r = await t.call<T>(method, url, who, payload);
    expect(r.status, `${method} ${url}: ${JSON.stringify(r.body)}`).toBeLessThan(300);
    return r.body;
  };
  const resourceId = await publishedResource(t, as, title);
  const app = await ok<{ id: string }>('POST', '/api/registry/applications', as, {
    type: 'initial',
    resourceId,
    rights: ['holding', 'operating'],
    scope: '全部字段及后续按月更新的数据',
    declarations: ['truthful', 'lawfulSource', 'noInfringement', 'acceptReview'],
  });
  await ok('POST', `/api/registry/applications/${app.id}/submit`, as);
  await ok('POST', `/api/registry/applications/${app.id}/accept`, 'operator', {});
  const pass = { passed: true };
  await ok('POST', `/api/registry/applications/${app.id}/review`, 'reviewer', {
    checklist: { descriptionAccuracy: pass, sourceCompliance: pass, rightsClarity: pass },
    opinion: '同意公示',
  });
  await endNotice(t, app.id);
  const issued = await ok<{ resultCertificateNo: string }>(
    'POST',
    `/api/registry/applications/${app.id}/issue`,
    'operator',
  );
  return { resourceId, certNo: issued.resultCertificateNo };
}

/** A usage policy that permits use for 风控 only: a request for another purpose is refused, naming it. */
export const RISK_ONLY_POLICY = {
  '@context': 'http://www.w3.org/ns/odrl.jsonld',
  '@type': 'Offer',
  uid: 'urn:shuliu:policy:e2e-trade',
  permission: [
    { action: 'use', constraint: [{ leftOperand: 'purpose', operator: 'eq', rightOperand: '风控' }] },
  ],
};

/**
 * A product of `as`'s org listed in the marketplace through the API, as the market's own browser test lists one
 * through the wizard: drafted on a listable resource, its declaration signed on the custodied key, submitted
 * and approved by the operator. Delivered as a report at a fixed ¥500.00, for use in 风控 only.
 */
export async function listedProduct(t: TestServer, as: string, title: string) {
  const ok = async <T>(method: string, url: string, who: string, payload?: unknown) => {
    const r = await t.call<T>(method, url, who, payload);
    expect(r.status, `${method} ${url}: ${JSON.stringify(r.body)}`).toBeLessThan(300);
    return r.body;
  };
  const { resourceId } = await listableResource(t, as, `${title}·资源`);
  const p = await ok<{ id: string }>('POST', '/api/market/my/products', as, {
    title,
    summary: '按月更新的区域企业经营景气指数',
    description: '基于企业经营数据加工形成的景气指数，按行业与区域汇总，不含个人信息。',
    sector: 'commerce',
    region: '370100',
    resourceIds: [resourceId],
    deliveryModes: ['report'],
    boards: ['finance'],
    priceModel: { kind: 'fixed', amountFen: 500_00 },
    policy: RISK_ONLY_POLICY,
    scenarios: [{ title: '普惠金融授信', description: '小微企业授信前的区域景气研判' }],
    commitments: {
      sourceLawful: true,
      authorizationHeld: true,
      personalInfoProtected: true,
      noDispute: true,
      notOnNegativeList: true,
    },
    statement: '本单位承诺数据来源合法、授权完备、权属无争议。',
  });
  await ok('POST', `/api/market/my/products/${p.id}/sign`, as, {
    custody: 'platform',
    password: DEMO_PASSWORD,
  });
  await ok('POST', `/api/market/my/products/${p.id}/submit`, as);
  const submitted = await ok<{ version: number }>('GET', `/api/market/products/${p.id}`, 'operator');
  await ok('POST', `/api/market/products/${p.id}/review`, 'operator', {
    decision: 'approve',
    version: submitted.version,
    checklist: Object.fromEntries(CHECK_ITEMS.map((k) => [k, { passed: true }])),
  });
  return p.id;
}
