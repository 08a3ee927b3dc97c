import type {
  CertificateDetail,
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
const org: Record<string, string> = {};

beforeAll(async () => {
  t = await startTestServer();
  c = registryClient(t);
  for (const u of ['merchant', 'quancheng', 'buyer']) org[u] = await c.orgOf(u);
});
afterAll(() => t.close());

/** A fresh certificate of the merchant's, on a resource of its own. */
async function certificate(title: string) {
  const resource = await c.resource('merchant', title);
  const issued = await c.register('merchant', resource);
  return { id: issued.certificateId!, no: issued.resultCertificateNo!, resource };
}
const get = (id: string, as = 'merchant') =>
  c.ok<CertificateDetail>('GET', `/api/registry/certificates/${id}`, as);
const code = async (p: Promise<{ body: Err }>) => (await p).body.error?.code;
const apply = (as: string, body: Record<string, unknown>) =>
  c.call<Err>('POST', '/api/registry/applications', as, { declarations: DECLARED, ...body });
// the registry keeps its terms in Beijing days (registry.calendar): so do its tests, whatever the hour in UTC
const inDays = (n: number) => registry.shanghaiDay(new Date(Date.now() + n * 86_400_000));

/** Every registration a certificate can take, as its holder (or, for objections, another org) would ask. */
const everyKind = (id: string, no: string) => [
  apply('merchant', {
    type: 'license',
    certificateId: id,
    licenseeOrgId: org.quancheng,
    rights: ['holding'],
    scope: 'x',
    validFrom: inDays(0),
    validUntil: inDays(30),
  }),
  apply('merchant', { type: 'transfer', certificateId: id, toOrgId: org.quancheng, reason: 'x' }),
  apply('merchant', { type: 'change', certificateId: id, changes: { scope: 'y' }, reason: 'x' }),
  apply('merchant', { type: 'cancel', certificateId: id, reason: 'x' }),
  apply('merchant', { type: 'renew', certificateId: id }),
  apply('merchant', { type: 'pledge', certificateId: id, pledgeeOrgId: org.buyer }),
  apply('merchant', { type: 'release', certificateId: id }),
  apply('quancheng', { type: 'objection', certificateNo: no, reason: 'x' }),
];

describe('freeze (冻结) blocks everything but unfreezing', () => {
  it('refuses every registration, a second freeze, dispute decisions, new registrations of the data, and issuance', async () => {
    const x = await certificate('冻结测试数据');
    const pending = await c.ok('POST', '/api/registry/applications', 'merchant', {
      declarations: DECLARED,
      type: 'cancel',
      certificateId: x.id,
      reason: '注销',
    });
    await c.ok('POST', `/api/registry/applications/${pending.id}/submit`, 'merchant');
    await c.ok('POST', `/api/registry/applications/${pending.id}/accept`, 'operator', {});
    await c.ok('POST', `/api/registry/applications/${pending.id}/review`, 'reviewer', {
      checklist: {
        descriptionAccuracy: { passed: true },
        sourceCompliance: { passed: true },
        rightsClarity: { passed: true },
      },
      opinion: '同意',
    });
    const frozen = await c.ok<CertificateDetail>(
      'POST',
      `/api/registry/certificates/${x.id}/freeze`,
      'regulator',
      { reason: '争议调查' },
    );
    expect(frozen).toMatchObject({ status: 'frozen', freeze: { reason: '争议调查' } });

    for (const r of await Promise.all(everyKind(x.id, x.no)))
      expect(r.body.error?.code).toBe('REGISTRY_CERTIFICATE_FROZEN');
    expect(
      await code(
        c.call<Err>('POST', `/api/registry/certificates/${x.id}/freeze`, 'regulator', { reason: '再冻结' }),
      ),
    ).toBe('REGISTRY_CERTIFICATE_FROZEN');
    expect(
      await code(
        c.call<Err>('POST', `/api/registry/certificates/${x.id}/resolve-dispute`, 'operator', {
          upheld: false,
          reason: 'x',
        }),
      ),
    ).toBe('REGISTRY_CERTIFICATE_FROZEN');
    expect(
      await code(c.call<Err>('POST', `/api/registry/applications/${pending.id}/issue`, 'operator')),
    ).toBe('REGISTRY_CERTIFICATE_FROZEN');
    const again = await c.ok('POST', '/api/registry/applications', 'merchant', {
      type: 'initial',
      resourceId: x.resource,
      rights: ['operating'],
      scope: 'x',
      declarations: DECLARED,
    });
    expect(await code(c.call<Err>('POST', `/api/registry/applications/${again.id}/submit`, 'merchant'))).toBe(
      'REGISTRY_OBJECT_FROZEN',
    );
    const check = await c.ok<RegistryRightCheckReply>(
      'GET',
      `/api/registry/rights/check?orgId=${org.merchant}&right=holding&resourceId=${x.resource}`,
      'buyer',
    );
    expect(check).toMatchObject({ ok: false, problem: 'frozen' });

    const thawed = await c.ok<CertificateDetail>(
      'POST',
      `/api/registry/certificates/${x.id}/unfreeze`,
      'regulator',
      { reason: '调查结束' },
    );
    expect(thawed).toMatchObject({ status: 'valid', freeze: null });
    expect(
      await code(
        c.call<Err>('POST', `/api/registry/certificates/${x.id}/unfreeze`, 'regulator', { reason: 'x' }),
      ),
    ).toBe('REGISTRY_CERTIFICATE_NOT_FROZEN');
    expect((await c.ok('POST', `/api/registry/applications/${pending.id}/issue`, 'operator')).status).toBe(
      'issued',
    );
    const history = (await get(x.id)).history.map((h) => h.action);
    expect(history).toEqual(['issued', 'frozen', 'unfrozen', 'cancelled']);
    expect((await get(x.id)).history.every((h) => typeof h.ledgerIndex === 'number')).toBe(true);
  });
});

describe('cancelled (注销) and expired certificates', () => {
  it('a cancelled certificate takes nothing more', async () => {
    const x = await certificate('注销测试数据');
    await c.deal('merchant', { type: 'cancel', certificateId: x.id, reason: '停止运营' });
    expect(await get(x.id)).toMatchObject({ status: 'cancelled', cancelReason: '停止运营' });
    for (const r of await Promise.all(everyKind(x.id, x.no)))
      expect(r.body.error?.code).toBe('REGISTRY_CERTIFICATE_CANCELLED');
    expect(
      await code(
        c.call<Err>('POST', `/api/registry/certificates/${x.id}/freeze`, 'regulator', { reason: 'x' }),
      ),
    ).toBe('REGISTRY_CERTIFICATE_CANCELLED');
    expect((await c.ok<VerifyCertificateReply>('GET', `/api/registry/verify/${x.no}`)).status).toBe(
      'cancelled',
    );
  });

  it('expires at its end: shown at once, recorded by the sweep in the ledger, renewable', async () => {
    const x = await certificate('到期测试数据');
    await t.services.db
      .updateTable('registry_certificates')
      .set({ valid_until: new Date(Date.now() - 60_000) })
      .where('id', '=', x.id)
      .execute();
    expect(await get(x.id)).toMatchObject({ status: 'expired', flags: { expired: true } });
    expect(
      await code(
        apply('merchant', { type: 'transfer', certificateId: x.id, toOrgId: org.quancheng, reason: 'x' }),
      ),
    ).toBe('REGISTRY_CERTIFICATE_EXPIRED');
    const swept = await c.ok<{ expired: string[] }>('POST', '/api/registry/expire', 'operator');
    expect(swept.expired).toContain(x.no);
    expect(
      (await c.ok<{ expired: string[] }>('POST', '/api/registry/expire', 'operator')).expired,
    ).not.toContain(x.no);
    const v = await c.ok<VerifyCertificateReply>('GET', `/api/registry/verify/${x.no}`);
    expect(v.status).toBe('expired');
    expect(v.history.map((h) => h.action)).toEqual(['issued', 'expired']);
    await c.deal('merchant', { type: 'renew', certificateId: x.id });
    expect(await get(x.id)).toMatchObject({ status: 'valid', version: 2 });
  });
});

describe('objection registration (异议登记) against a certificate', () => {
  it('marks it disputed, which blocks dealings until the operator decides: dismissed clears, upheld cancels', async () => {
    const x = await certificate('异议登记测试数据');
    expect(await code(apply('merchant', { type: 'objection', certificateNo: x.no, reason: '自己' }))).toBe(
      'REGISTRY_OWN_OBJECTION',
    );
    const first = await c.ok('POST', '/api/registry/applications', 'quancheng', {
      type: 'objection',
      certificateNo: x.no,
      reason: '该数据系我司在先采集',
      declarations: ['truthful', 'acceptReview'],
    });
    expect(
      await code(c.call<Err>('POST', `/api/registry/applications/${first.id}/submit`, 'quancheng')),
    ).toBe('REGISTRY_EVIDENCE_MISSING');
    await c.deal(
      'quancheng',
      { type: 'objection', certificateNo: x.no, reason: '该数据系我司在先采集' },
      'objection_evidence',
    );
    expect(await get(x.id)).toMatchObject({ status: 'disputed', flags: { disputed: true } });
    expect(
      await code(
        apply('merchant', { type: 'transfer', certificateId: x.id, toOrgId: org.buyer, reason: 'x' }),
      ),
    ).toBe('REGISTRY_CERTIFICATE_DISPUTED');
    const mine = await c.ok<Paged<{ id: string; type: string }>>(
      'GET',
      '/api/registry/applications?type=objection',
      'merchant',
    );
    expect(mine.items.length).toBeGreaterThan(0);

    expect(
      (
        await c.ok<CertificateDetail>(
          'POST',
          `/api/registry/certificates/${x.id}/resolve-dispute`,
          'operator',
          { upheld: false, reason: '证据不足' },
        )
      ).status,
    ).toBe('valid');
    expect(
      await code(
        c.call<Err>('POST', `/api/registry/certificates/${x.id}/resolve-dispute`, 'operator', {
          upheld: false,
          reason: 'x',
        }),
      ),
    ).toBe('REGISTRY_CERTIFICATE_NOT_DISPUTED');
    await c.deal(
      'buyer',
      { type: 'objection', certificateNo: x.no, reason: '我司授信数据被使用' },
      'objection_evidence',
    );
    const upheld = await c.ok<CertificateDetail>(
      'POST',
      `/api/registry/certificates/${x.id}/resolve-dispute`,
      'operator',
      { upheld: true, reason: '异议人证据充分' },
    );
    expect(upheld).toMatchObject({ status: 'cancelled', cancelReason: expect.stringContaining('异议成立') });
    expect(upheld.history.map((h) => h.action)).toEqual([
      'issued',
      'disputed',
      'dispute_dismissed',
      'disputed',
      'dispute_upheld',
    ]);
  });
});

describe('records', () => {
  it('leaves the audit chain and the ledger intact', async () => {
    expect(await c.ok('GET', '/api/audit/verify', 'regulator')).toMatchObject({ ok: true, problem: null });
    expect(await t.services.ledger.verify()).toMatchObject({ ok: true });
  });
});
