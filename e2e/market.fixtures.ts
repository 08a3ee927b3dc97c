import type { TestServer } from '@shuliu/server';
import { expect } from 'vitest';
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
