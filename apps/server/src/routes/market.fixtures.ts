// Helpers of the market's HTTP tests: resources registered through the registry with 数据产品经营权, products
// drafted, submitted and reviewed through the API, as the portal does it.
import { CHECK_ITEMS, type Product } from '@shuliu/contracts';
import { demo } from '@shuliu/core';
import { expect } from 'vitest';
import type { TestServer } from '../testing.js';
import { registryClient, type Err } from './registry.fixtures.js';

export type { Err };

/** The administrator of a seller who is not one: the one who signs for the org. */
const ORG_ADMIN: Record<string, string> = { merchant2: 'merchant' };

export const AFFIRMED = {
  sourceLawful: true,
  authorizationHeld: true,
  personalInfoProtected: true,
  noDispute: true,
  notOnNegativeList: true,
};

/** A reviewer's checklist: every item passed, or the named ones failed with a note. */
export const checklist = (failed: string[] = []) =>
  Object.fromEntries(
    CHECK_ITEMS.map((k) => [
      k,
      failed.includes(k) ? { passed: false, note: `${k} 不符合` } : { passed: true },
    ]),
  );

export const POLICY = {
  '@context': 'http://www.w3.org/ns/odrl.jsonld',
  '@type': 'Offer',
  uid: 'urn:shuliu:policy:test',
  permission: [
    { action: 'use', constraint: [{ leftOperand: 'purpose', operator: 'eq', rightOperand: '风控' }] },
  ],
};

/** A product body on these resources, as the wizard sends it. */
export const productBody = (resourceIds: string[], over: Record<string, unknown> = {}) => ({
  title: '企业经营景气指数数据产品',
  summary: '按月更新的区域企业经营景气指数',
  description: '基于企业经营数据加工形成的景气指数，按行业与区域汇总，不含个人信息。',
  sector: 'commerce',
  region: '370100',
  resourceIds,
  deliveryModes: ['report'],
  boards: ['finance'],
  priceModel: { kind: 'fixed', amountFen: 500_00 },
  policy: POLICY,
  scenarios: [{ title: '普惠金融授信', description: '小微企业授信前的区域景气研判' }],
  commitments: AFFIRMED,
  statement: '本单位承诺数据来源合法、授权完备、权属无争议。',
  ...over,
});

export class MarketClient {
  readonly registry: ReturnType<typeof registryClient>;

  constructor(private readonly t: TestServer) {
    this.registry = registryClient(t);
  }

  call<T = Product & Err>(method: string, url: string, as?: string, payload?: unknown) {
    return this.t.call<T>(method, url, as, payload);
  }

  async ok<T = Product>(method: string, url: string, as?: string, payload?: unknown): Promise<T> {
    const r = await this.call<T>(method, url, as, payload);
    expect(r.status, `${method} ${url} as ${as}: ${JSON.stringify(r.body)}`).toBeLessThan(300);
    return r.body;
  }

  /** The error code of a call that must fail with `status`. */
  async refused(status: number, method: string, url: string, as?: string, payload?: unknown) {
    const r = await this.call<Err>(method, url, as, payload);
    expect(r.status, `${method} ${url} as ${as}: ${JSON.stringify(r.body)}`).toBe(status);
    return r.body.error.code;
  }

  /** A published resource of `as`'s org, with an issued 数据产品经营权 certificate unless told. */
  async listable(as: string, title: string, over: Record<string, unknown> = {}, register = true) {
    const resource = await this.registry.resource(as, title, over);
    if (!register) return { resource, certId: '', certNo: '' };
    const issued = await this.registry.register(as, resource, { rights: ['holding', 'operating'] });
    return { resource, certId: issued.certificateId!, certNo: issued.resultCertificateNo! };
  }

  /** A draft whose declaration its org has signed (by its administrator, on the custodied key) unless told. */
  async draft(as: string, body: Record<string, unknown>, signed = true) {
    const p = await this.ok('POST', '/api/market/my/products', as, body);
    return signed ? this.sign(p.id, ORG_ADMIN[as] ?? as) : p;
  }

  /** The org signs the product's declaration with its platform-custodied key, its admin re-entering the password. */
  sign(id: string, admin: string) {
    return this.ok('POST', `/api/market/my/products/${id}/sign`, admin, {
      custody: 'platform',
      password: demo.DEMO_PASSWORD,
    });
  }

  /** Submits for review, the org signing the declaration first if it stands unsigned (after an edit). */
  async submit(id: string, as = 'merchant') {
    const p = await this.ok('GET', `/api/market/products/${id}`, as);
    if (!p.declaration.signature) await this.sign(id, ORG_ADMIN[as] ?? as);
    return this.ok('POST', `/api/market/my/products/${id}/submit`, as);
  }

  /** The reviewer's decision on the version in review. */
  async decide(id: string, as: string, decision: 'approve' | 'reject', over: Record<string, unknown> = {}) {
    const p = await this.ok('GET', `/api/market/products/${id}`, as);
    return this.call('POST', `/api/market/products/${id}/review`, as, {
      decision,
      version: p.version,
      checklist: checklist(),
      ...(decision === 'reject' && { reason: '材料不全' }),
      ...over,
    });
  }

  /** Drafted, submitted and approved by the operator: a listed product. */
  async listed(as: string, body: Record<string, unknown>) {
    const p = await this.draft(as, body);
    await this.submit(p.id, as);
    const r = await this.decide(p.id, 'operator', 'approve');
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    return r.body;
  }
}

export const marketClient = (t: TestServer) => new MarketClient(t);
