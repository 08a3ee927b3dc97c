import type {
  CertificateDetail,
  CertificateLicense,
  LedgerEntryReply,
  Paged,
  RegistryRightCheckReply,
  VerifyCertificateReply,
} from '@shuliu/contracts';
import { registry } from '@shuliu/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../testing.js';
import { DECLARED, registryClient, type Err } from './registry.fixtures.js';

let t: TestServer;
let c: ReturnType<typeof registryClient>;
let cert: string;
let certNo: string;
let resource: string;
const org: Record<string, string> = {};

beforeAll(async () => {
  t = await startTestServer();
  c = registryClient(t);
  for (const u of ['merchant', 'quancheng', 'buyer']) org[u] = await c.orgOf(u);
  resource = await c.resource('merchant', '区域消费热力数据');
  const issued = await c.register('merchant', resource, { rights: ['holding', 'processing', 'operating'] });
  cert = issued.certificateId!;
  certNo = issued.resultCertificateNo!;
});
afterAll(() => t.close());

const get = (as = 'merchant') => c.ok<CertificateDetail>('GET', `/api/registry/certificates/${cert}`, as);
const create = (as: string, body: Record<string, unknown>) =>
  c.call<Err>('POST', '/api/registry/applications', as, {
    declarations: DECLARED,
    certificateId: cert,
    ...body,
  });
const code = async (p: Promise<{ body: Err }>) => (await p).body.error?.code;
const right = (as: string, r: string) =>
  c.ok<RegistryRightCheckReply>(
    'GET',
    `/api/registry/rights/check?orgId=${org[as]}&right=${r}&resourceId=${resource}`,
    'operator',
  );
// the registry keeps its terms in Beijing days (registry.calendar): so do its tests, whatever the hour in UTC
const inDays = (n: number) => registry.shanghaiDay(new Date(Date.now() + n * 86_400_000));
const today = () => inDays(0);
const ledgerTypes = async () =>
  (await c.ok<Paged<LedgerEntryReply>>('GET', '/api/ledger/entries?pageSize=200')).items.map(
    (e) => (JSON.parse(e.entry) as { type: string; objectId: string }).type,
  );

describe('license (许可): a use right for a licensee, scope and term', () => {
  it('checks the rights and the term, wants the agreement, then grants it (listable, in the ledger)', async () => {
    const license = {
      type: 'license',
      licenseeOrgId: org.quancheng,
      rights: ['processing'],
      scope: '加工使用',
      validFrom: today(),
      validUntil: inDays(200),
    };
    expect(await code(create('merchant', { ...license, licenseeOrgId: org.merchant }))).toBe(
      'REGISTRY_COUNTERPARTY_NOT_ALLOWED',
    );
    expect(await code(create('merchant', { ...license, validUntil: inDays(4000) }))).toBe(
      'REGISTRY_TERM_BEYOND_CERTIFICATE',
    );
    expect(await code(create('quancheng', license))).toBe('NOT_FOUND');
    const draft = await c.ok('POST', '/api/registry/applications', 'merchant', {
      declarations: DECLARED,
      certificateId: cert,
      ...license,
    });
    expect(await code(c.call<Err>('POST', `/api/registry/applications/${draft.id}/submit`, 'merchant'))).toBe(
      'REGISTRY_EVIDENCE_MISSING',
    );
    expect((await right('quancheng', 'processing')).ok).toBe(false);
    await c.deal('merchant', { certificateId: cert, ...license }, 'license_agreement');
    const detail = await get();
    expect(detail).toMatchObject({ status: 'licensed', flags: { licensed: true }, version: 1 });
    expect(detail.licenses).toEqual([
      expect.objectContaining({
        licenseeOrgId: org.quancheng,
        rights: ['processing'],
        active: true,
        ledgerIndex: expect.any(Number),
      }),
    ]);
    const received = await c.ok<Paged<CertificateLicense>>(
      'GET',
      '/api/registry/licenses?box=received',
      'quancheng',
    );
    expect(received.items.map((l) => l.certNo)).toContain(certNo);
    expect((await get('quancheng')).certNo).toBe(certNo);
    expect(await right('quancheng', 'processing')).toMatchObject({ ok: true, via: 'license', certNo });
    expect(await right('quancheng', 'operating')).toMatchObject({ ok: false, problem: 'none' });
    expect(await ledgerTypes()).toContain('certificate.licensed');
  });
});

describe('pledge (质押) to a financial institution, and its release (解押)', () => {
  it('refuses a pledgee that is not a financial institution', async () => {
    const r = await create('merchant', { type: 'pledge', pledgeeOrgId: org.quancheng });
    expect(r.body.error).toMatchObject({
      code: 'REGISTRY_PLEDGEE_NOT_FINANCIAL',
      details: { field: 'pledgeeOrgId' },
    });
  });

  it('blocks transfer and cancellation until released, also for a transfer already under way', async () => {
    const transfer = await c.ok('POST', '/api/registry/applications', 'merchant', {
      declarations: DECLARED,
      certificateId: cert,
      type: 'transfer',
      toOrgId: org.quancheng,
      reason: '业务重组',
    });
    await c.attach(transfer.id, 'transfer_contract', 'merchant');
    await c.ok('POST', `/api/registry/applications/${transfer.id}/submit`, 'merchant');
    await c.deal(
      'merchant',
      { type: 'pledge', certificateId: cert, pledgeeOrgId: org.buyer, securedAmountFen: 1_000_000_00 },
      'pledge_contract',
    );
    expect(await get()).toMatchObject({
      status: 'pledged',
      pledge: { pledgeeOrgId: org.buyer, securedAmountFen: 1_000_000_00 },
    });
    expect((await get('buyer')).certNo).toBe(certNo);
    expect(await right('merchant', 'holding')).toMatchObject({
      ok: false,
      problem: 'pledged',
      via: 'holder',
    });
    expect(await right('quancheng', 'processing')).toMatchObject({ ok: false, problem: 'pledged' });

    expect(
      await code(create('merchant', { type: 'transfer', toOrgId: org.quancheng, reason: '再次转让' })),
    ).toBe('REGISTRY_CERTIFICATE_PLEDGED');
    expect(await code(create('merchant', { type: 'cancel', reason: '注销' }))).toBe(
      'REGISTRY_CERTIFICATE_PLEDGED',
    );
    expect(await code(create('merchant', { type: 'pledge', pledgeeOrgId: org.buyer }))).toBe(
      'REGISTRY_CERTIFICATE_PLEDGED',
    );
    await c.ok('POST', `/api/registry/applications/${transfer.id}/accept`, 'operator', {});
    expect(
      (
        await c.call<Err>('POST', `/api/registry/applications/${transfer.id}/review`, 'reviewer', {
          checklist: {
            descriptionAccuracy: { passed: true },
            sourceCompliance: { passed: true },
            rightsClarity: { passed: true },
          },
          opinion: '同意公示',
        })
      ).status,
    ).toBe(200);
    await c.endNotice(transfer.id);
    expect(
      await code(c.call<Err>('POST', `/api/registry/applications/${transfer.id}/issue`, 'operator')),
    ).toBe('REGISTRY_CERTIFICATE_PLEDGED');

    // the pledgee applies for the release
    await c.deal('buyer', { type: 'release', certificateId: cert, reason: '贷款已结清' });
    expect(await get()).toMatchObject({ status: 'licensed', pledge: null });
    expect(await code(create('merchant', { type: 'release' }))).toBe('REGISTRY_CERTIFICATE_NOT_PLEDGED');
    const issued = await c.ok('POST', `/api/registry/applications/${transfer.id}/issue`, 'operator');
    expect(issued.status).toBe('issued');
    expect(await ledgerTypes()).toEqual(
      expect.arrayContaining(['certificate.pledged', 'certificate.released']),
    );
  });
});

describe('transfer (转移), change (变更) and renewal (续展): new signed versions of the same certificate', () => {
  it('made the transferee the holder in version 2, chained to version 1, in the ledger', async () => {
    const d = await get('quancheng');
    expect(d).toMatchObject({ holderOrgId: org.quancheng, version: 2, status: 'licensed' });
    expect((await c.call('GET', `/api/registry/certificates/${cert}`, 'merchant')).status).toBe(404);
    const v = await c.ok<VerifyCertificateReply>('GET', `/api/registry/verify/${certNo}`);
    const subject = v.certificate.credentialSubject as {
      name: string;
      version: number;
      previousVersion: { version: number };
    };
    expect(subject).toMatchObject({
      name: '泉城数智信息服务有限公司',
      version: 2,
      previousVersion: { version: 1 },
    });
    expect(JSON.parse(v.ledgerEntry)).toMatchObject({
      type: 'certificate.changed',
      attrs: { certNo, version: 2, action: 'transfer' },
    });
    expect(v.history.map((h) => h.action)).toEqual([
      'issued',
      'licensed',
      'pledged',
      'released',
      'transferred',
    ]);
  });

  it('changes the scope (version 3); renews only within the window', async () => {
    await c.deal('quancheng', {
      type: 'change',
      certificateId: cert,
      changes: { scope: '全部字段（含衍生统计）' },
      reason: '范围调整',
    });
    expect(await get('quancheng')).toMatchObject({ version: 3, scope: '全部字段（含衍生统计）' });
    expect(await code(create('quancheng', { type: 'renew' }))).toBe('REGISTRY_RENEWAL_TOO_EARLY');
    const soon = new Date(Date.now() + 30 * 86_400_000);
    await t.services.db
      .updateTable('registry_certificates')
      .set({ valid_until: soon })
      .where('id', '=', cert)
      .execute();
    await c.deal('quancheng', { type: 'renew', certificateId: cert, reason: '续展三年' });
    const renewed = await get('quancheng');
    expect(renewed.version).toBe(4);
    expect(new Date(renewed.validUntil).getUTCFullYear()).toBe(soon.getUTCFullYear() + 3);
  });
});

describe('statuses in lists', () => {
  it('filters by the status each certificate shows', async () => {
    const all = await c.ok<Paged<CertificateDetail>>(
      'GET',
      '/api/registry/certificates?pageSize=100',
      'operator',
    );
    for (const x of all.items) {
      const same = await c.ok<Paged<CertificateDetail>>(
        'GET',
        `/api/registry/certificates?status=${x.status}&pageSize=100`,
        'operator',
      );
      expect(
        same.items.map((i) => i.id),
        x.status,
      ).toContain(x.id);
    }
  });
});

describe('records', () => {
  it('leaves the audit chain and the ledger intact', async () => {
    expect(await c.ok('GET', '/api/audit/verify', 'regulator')).toMatchObject({ ok: true, problem: null });
    expect(await t.services.ledger.verify()).toMatchObject({ ok: true });
  });
});
