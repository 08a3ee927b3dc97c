// Helpers of the registry's HTTP tests: real registrations through the API, as the portal makes them.
import type { RegistrationDetail, Resource } from '@shuliu/contracts';
import { expect } from 'vitest';
import type { TestServer } from '../testing.js';

export const DECLARED = ['truthful', 'lawfulSource', 'noInfringement', 'acceptReview'];
export const PASS = { passed: true };
export const CHECKLIST = { descriptionAccuracy: PASS, sourceCompliance: PASS, rightsClarity: PASS };
export type Err = { error: { code: string; message: string; details?: unknown } };

class RegistryClient {
  private readonly tokens = new Map<string, string>();

  constructor(private readonly t: TestServer) {}

  async token(as: string): Promise<string> {
    if (!this.tokens.has(as)) this.tokens.set(as, await this.t.login(as));
    return this.tokens.get(as)!;
  }

  call<T = RegistrationDetail>(method: string, url: string, as?: string, payload?: unknown) {
    return this.t.call<T>(method, url, as, payload);
  }

  /** A call that must succeed; its answer. */
  async ok<T = RegistrationDetail>(method: string, url: string, as?: string, payload?: unknown): Promise<T> {
    const r = await this.call<T>(method, url, as, payload);
    expect(r.status, `${method} ${url} as ${as}: ${JSON.stringify(r.body)}`).toBeLessThan(300);
    return r.body;
  }

  /** Evidence as the raw request body, as the portal uploads it. */
  async attach(appId: string, kind: string, as: string, text = `${kind} 示例文本`) {
    const res = await this.t.app.inject({
      method: 'POST',
      url: `/api/registry/applications/${appId}/files?kind=${kind}&name=${encodeURIComponent(`${kind}.pdf`)}`,
      payload: Buffer.from(text, 'utf8'),
      headers: {
        authorization: `Bearer ${await this.token(as)}`,
        'content-type': 'application/octet-stream',
      },
    });
    return { status: res.statusCode, body: res.json() as { id: string; sm3: string } & Err };
  }

  /** A resource of `as`'s org (published unless told). */
  async resource(as: string, title: string, over: Record<string, unknown> = {}, publish = true) {
    const r = await this.ok<Resource>('POST', '/api/catalog/resources', as, {
      title,
      description: `${title}：用于数据产权登记测试的资源描述。`,
      sectorCode: 'commerce',
      subjectType: 'organization',
      sourceKind: 'collected',
      sourceMethod: '自有业务系统采集',
      updateFrequency: 'monthly',
      ...over,
    });
    if (publish) await this.ok('POST', `/api/catalog/resources/${r.id}/publish`, as);
    return r.id;
  }

  /** Time passes: the public notice of an application is over (the server's clock is the real one). */
  endNotice(appId: string, at = new Date(Date.now() - 1000)) {
    return this.t.services.db
      .updateTable('registry_applications')
      .set({ notice_ends_at: at })
      .where('id', '=', appId)
      .execute();
  }

  /** A first registration through every step, up to public notice (or issued, unless `issue` is false). */
  async register(
    as: string,
    resourceId: string,
    o: { rights?: string[]; issue?: boolean; reviewer?: string } = {},
  ) {
    const app = await this.ok('POST', '/api/registry/applications', as, {
      type: 'initial',
      resourceId,
      rights: o.rights ?? ['holding', 'processing'],
      scope: '全部字段及后续更新',
      declarations: DECLARED,
    });
    await this.ok('POST', `/api/registry/applications/${app.id}/submit`, as);
    await this.ok('POST', `/api/registry/applications/${app.id}/accept`, 'operator', {});
    const reviewed = await this.ok(
      'POST',
      `/api/registry/applications/${app.id}/review`,
      o.reviewer ?? 'reviewer',
      {
        checklist: CHECKLIST,
        opinion: '同意公示',
      },
    );
    if (o.issue === false) return reviewed;
    await this.endNotice(app.id);
    return this.ok('POST', `/api/registry/applications/${app.id}/issue`, 'operator');
  }

  /** A registration on a certificate (license, pledge, cancel…) through review to issuance. */
  async deal(as: string, body: Record<string, unknown>, instrument?: string) {
    const app = await this.ok('POST', '/api/registry/applications', as, { declarations: DECLARED, ...body });
    if (instrument) expect((await this.attach(app.id, instrument, as)).status).toBe(201);
    await this.ok('POST', `/api/registry/applications/${app.id}/submit`, as);
    await this.ok('POST', `/api/registry/applications/${app.id}/accept`, 'operator', {});
    const reviewed = await this.ok('POST', `/api/registry/applications/${app.id}/review`, 'reviewer', {
      checklist: CHECKLIST,
      opinion: '同意登记',
    });
    if (reviewed.status === 'publicizing') await this.endNotice(app.id);
    return this.ok('POST', `/api/registry/applications/${app.id}/issue`, 'operator');
  }

  async orgOf(as: string) {
    return (await this.ok<{ org: { id: string } }>('GET', '/api/me', as)).org.id;
  }
}

export const registryClient = (t: TestServer) => new RegistryClient(t);
