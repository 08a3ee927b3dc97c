import type { Paged, RegistryNotice, RegistryObjection } from '@shuliu/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../testing.js';
import { CHECKLIST, DECLARED, registryClient, type Err } from './registry.fixtures.js';

let t: TestServer;
let c: ReturnType<typeof registryClient>;

beforeAll(async () => {
  t = await startTestServer();
  c = registryClient(t);
});
afterAll(() => t.close());

const initial = (resourceId: string, over: Record<string, unknown> = {}) => ({
  type: 'initial',
  resourceId,
  rights: ['holding'],
  scope: '全部字段',
  declarations: DECLARED,
  ...over,
});

describe('a first registration (首次登记) through the whole workflow', () => {
  it('applies, is accepted, reviewed, announced, objected to (dismissed) and issued, every step recorded', async () => {
    const res = await c.resource('merchant', '企业经营画像');
    const draft = await c.ok(
      'POST',
      '/api/registry/applications',
      'merchant',
      initial(res, { rights: ['holding', 'operating'] }),
    );
    expect(draft).toMatchObject({
      status: 'draft',
      type: 'initial',
      objectTitle: '企业经营画像',
      rights: ['holding', 'operating'],
    });
    expect(draft.source).toMatchObject({ kind: 'collected', description: '自有业务系统采集' });
    const submitted = await c.ok('POST', `/api/registry/applications/${draft.id}/submit`, 'merchant');
    expect(submitted.status).toBe('submitted');
    expect(submitted.dueAt).toBe(submitted.deadlines.acceptDueAt);

    const accepted = await c.ok('POST', `/api/registry/applications/${draft.id}/accept`, 'operator', {
      note: '材料齐全',
    });
    expect(accepted).toMatchObject({ status: 'under_review', reviewerOrgName: '山东省大数据局' });
    const reviewed = await c.ok('POST', `/api/registry/applications/${draft.id}/review`, 'reviewer', {
      checklist: CHECKLIST,
      opinion: '同意公示',
    });
    expect(reviewed).toMatchObject({ status: 'publicizing', checklist: CHECKLIST });
    const board = await c.ok<Paged<RegistryNotice>>('GET', '/api/registry/notices');
    expect(board.items.find((n) => n.applicationId === draft.id)).toMatchObject({
      open: true,
      applicantOrgName: '齐鲁数据科技有限公司',
    });

    const objection = await c.ok<RegistryObjection>(
      'POST',
      `/api/registry/applications/${draft.id}/objections`,
      'buyer',
      {
        reason: '部分数据来自我司',
      },
    );
    expect(objection).toMatchObject({ status: 'open', objectorOrgName: '鲁信普惠金融科技有限公司' });
    const evidence = await t.app.inject({
      method: 'POST',
      url: `/api/registry/objections/${objection.id}/files?name=${encodeURIComponent('合作协议.pdf')}`,
      payload: Buffer.from('协议'),
      headers: {
        authorization: `Bearer ${await c.token('buyer')}`,
        'content-type': 'application/octet-stream',
      },
    });
    expect(evidence.statusCode).toBe(201);
    expect(
      (await c.call<Err>('POST', `/api/registry/applications/${draft.id}/issue`, 'operator')).body.error.code,
    ).toBe('REGISTRY_OBJECTIONS_OPEN');
    const dismissed = await c.ok<RegistryObjection>(
      'POST',
      `/api/registry/objections/${objection.id}/decision`,
      'operator',
      {
        upheld: false,
        reason: '证据不足',
      },
    );
    expect(dismissed).toMatchObject({ status: 'dismissed', files: [{ name: '合作协议.pdf' }] });
    expect((await c.ok('GET', `/api/registry/applications/${draft.id}`, 'merchant')).status).toBe(
      'publicizing',
    );
    expect(
      (await c.call<Err>('POST', `/api/registry/applications/${draft.id}/issue`, 'operator')).body.error.code,
    ).toBe('REGISTRY_NOTICE_RUNNING');

    const noticeEnded = new Date(Date.now() - 5 * 86_400_000);
    await c.endNotice(draft.id, noticeEnded);
    const issued = await c.ok('POST', `/api/registry/applications/${draft.id}/issue`, 'operator');
    expect(issued).toMatchObject({
      status: 'issued',
      resultCertificateNo: expect.stringMatching(/^SD-DR-\d{4}-\d{6}$/),
    });
    // validity counts from the end of the notice (RULES.md), not from the day it was issued
    const held = await c.ok<Paged<{ certNo: string; validUntil: string }>>(
      'GET',
      `/api/registry/certificates?q=${issued.resultCertificateNo}`,
      'merchant',
    );
    const cert = held.items.find((x) => x.certNo === issued.resultCertificateNo)!;
    const threeYearsOn = new Date(noticeEnded);
    threeYearsOn.setUTCFullYear(threeYearsOn.getUTCFullYear() + 3);
    expect(cert.validUntil).toBe(threeYearsOn.toISOString());
    expect(issued.timeline.map((e) => e.action)).toEqual([
      'create',
      'submit',
      'accept',
      'review_publicizing',
      'objection',
      'objection_dismissed',
      'issued',
    ]);
    expect(issued.timeline.at(-1)!.ledgerIndex).toEqual(expect.any(Number));

    const inbox = await c.ok<Paged<{ kind: string }>>('GET', '/api/notifications?pageSize=50', 'merchant');
    for (const kind of [
      'registry.under_review',
      'registry.publicizing',
      'registry.objected',
      'registry.objection_dismissed',
      'registry.issued',
    ])
      expect(inbox.items.map((n) => n.kind)).toContain(kind);
    const audit = await c.ok<Paged<{ action: string; outcome: string }>>(
      'GET',
      `/api/audit/events?objectId=${draft.id}&pageSize=50`,
      'regulator',
    );
    for (const action of ['create', 'submit', 'accept', 'review', 'issue'])
      expect(audit.items).toContainEqual(
        expect.objectContaining({ action: `registry.application.${action}`, outcome: 'success' }),
      );
  });

  it('leaves the audit chain and the ledger intact after every kind of step', async () => {
    expect(
      await c.ok<{ ok: boolean; problem: string | null }>('GET', '/api/audit/verify', 'regulator'),
    ).toMatchObject({
      ok: true,
      problem: null,
    });
    expect(await t.services.ledger.verify()).toMatchObject({ ok: true });
  });

  it('an objection upheld rejects the application; objections come from others, during the notice only', async () => {
    const res = await c.resource('merchant', '商户交易流水汇总');
    const app = await c.register('merchant', res, { issue: false });
    expect(
      (
        await c.call<Err>('POST', `/api/registry/applications/${app.id}/objections`, 'merchant2', {
          reason: '自己',
        })
      ).body.error.code,
    ).toBe('REGISTRY_OWN_OBJECTION');
    const o = await c.ok<RegistryObjection>(
      'POST',
      `/api/registry/applications/${app.id}/objections`,
      'quancheng',
      { reason: '权属争议' },
    );
    const rejected = await c.ok<RegistryObjection>(
      'POST',
      `/api/registry/objections/${o.id}/decision`,
      'operator',
      {
        upheld: true,
        reason: '异议人提交了在先的授权协议',
      },
    );
    expect(rejected.status).toBe('upheld');
    const after = await c.ok('GET', `/api/registry/applications/${app.id}`, 'merchant');
    expect(after).toMatchObject({ status: 'rejected', decisionReason: expect.stringContaining('异议成立') });
    expect(
      (
        await c.call<Err>('POST', `/api/registry/objections/${o.id}/decision`, 'operator', {
          upheld: false,
          reason: '再议',
        })
      ).status,
    ).toBe(409);

    const late = await c.register('merchant', await c.resource('merchant', '门店客流统计'), { issue: false });
    await c.endNotice(late.id);
    expect(
      (
        await c.call<Err>('POST', `/api/registry/applications/${late.id}/objections`, 'quancheng', {
          reason: '晚了',
        })
      ).body.error.code,
    ).toBe('REGISTRY_NOTICE_OVER');
  });
});

describe('concurrency: two reviewers acting on one application', () => {
  const race = async (...calls: Promise<{ status: number; body: unknown }>[]) =>
    (await Promise.all(calls)).map((r) => r.status).sort();

  it('exactly one of two simultaneous reviews wins; the other gets a 409', async () => {
    for (let round = 0; round < 3; round++) {
      const app = await c.ok(
        'POST',
        '/api/registry/applications',
        'merchant',
        initial(await c.resource('merchant', `并发审查${round}`)),
      );
      await c.ok('POST', `/api/registry/applications/${app.id}/submit`, 'merchant');
      await c.ok('POST', `/api/registry/applications/${app.id}/accept`, 'operator', {});
      const review = (as: string, passed: boolean) =>
        c.call('POST', `/api/registry/applications/${app.id}/review`, as, {
          checklist: { ...CHECKLIST, rightsClarity: { passed } },
          opinion: as,
        });
      expect(await race(review('reviewer', true), review('operator', round % 2 === 0))).toEqual([200, 409]);
      const after = await c.ok('GET', `/api/registry/applications/${app.id}`, 'merchant');
      expect(after.timeline.filter((e) => e.action.startsWith('review_'))).toHaveLength(1);
    }
  });

  it('one of a review and a rejection, and one of two issuances: one certificate, one ledger entry', async () => {
    const app = await c.ok(
      'POST',
      '/api/registry/applications',
      'merchant',
      initial(await c.resource('merchant', '并发签发')),
    );
    await c.ok('POST', `/api/registry/applications/${app.id}/submit`, 'merchant');
    await c.ok('POST', `/api/registry/applications/${app.id}/accept`, 'operator', {});
    const statuses = await race(
      c.call('POST', `/api/registry/applications/${app.id}/review`, 'reviewer', {
        checklist: CHECKLIST,
        opinion: '通过',
      }),
      c.call('POST', `/api/registry/applications/${app.id}/reject`, 'operator', { reason: '材料不全' }),
    );
    expect(statuses).toEqual([200, 409]);
    const state = await c.ok('GET', `/api/registry/applications/${app.id}`, 'merchant');
    expect(['rejected', 'publicizing']).toContain(state.status);
    const other = await c.register('merchant', await c.resource('merchant', '并发签发2'), { issue: false });
    await c.endNotice(other.id);
    const issue = () => c.call('POST', `/api/registry/applications/${other.id}/issue`, 'operator');
    expect(await race(issue(), issue())).toEqual([200, 409]);
    const certs = await t.services.db
      .selectFrom('registry_certificates')
      .select('id')
      .where('application_id', '=', other.id)
      .execute();
    expect(certs).toHaveLength(1);
    const entries = await t.services.db
      .selectFrom('registry_events')
      .select('ledger_index')
      .where('application_id', '=', other.id)
      .where('ledger_index', 'is not', null)
      .execute();
    expect(entries).toHaveLength(1);
  });
});
