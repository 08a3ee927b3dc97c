import { startTestServer as startServer, type TestServer } from '@shuliu/server';
import { expect } from 'vitest';
import { ensurePortalBuilt } from './harness.js';

/** A server on a fresh demo database serving the built portal, with the services at hand (for the clock). */
export async function startRegistryServer(): Promise<TestServer & { url: string }> {
  ensurePortalBuilt();
  const server = await startServer({ listen: true });
  return server as TestServer & { url: string };
}

/** A published resource of `as`'s org, made through the API (the registration is what the browser does). */
export async function publishedResource(t: TestServer, as: string, title: string): Promise<string> {
  const ok = async <T>(method: string, url: string, payload?: unknown) => {
    const r = await t.call<T>(method, url, as, payload);
    expect(r.status, `${method} ${url}: ${JSON.stringify(r.body)}`).toBeLessThan(300);
    return r.body;
  };
  const r = await ok<{ id: string }>('POST', '/api/catalog/resources', {
    title,
    description: `${title}：齐鲁数据自有交易系统沉淀的商户经营统计，按月汇总，用于数据产权登记。`,
    sectorCode: 'commerce',
    subjectType: 'organization',
    sourceKind: 'collected',
    sourceMethod: '自有交易系统按月汇总采集',
    updateFrequency: 'monthly',
    format: 'csv',
  });
  await ok('POST', `/api/catalog/resources/${r.id}/publish`);
  return r.id;
}

/**
 * Time passes: the public notice of an application is over. The API has no way to end a notice early (nor
 * should it), and the server's clock is the real one, so the deadline row is moved into the past.
 */
export async function endNotice(t: TestServer, appId: string): Promise<void> {
  await t.services.db
    .updateTable('registry_applications')
    .set({ notice_ends_at: new Date(Date.now() - 1000) })
    .where('id', '=', appId)
    .execute();
}
