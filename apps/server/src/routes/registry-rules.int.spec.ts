import type { RegistryHoliday, Registration, RegistrySettings } from '@shuliu/contracts';
import { registry } from '@shuliu/core';
import { Readable } from 'node:stream';
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

const apply = (as: string, resourceId: string, over: Record<string, unknown> = {}) =>
  c.ok('POST', '/api/registry/applications', as, {
    type: 'initial',
    resourceId,
    rights: ['holding'],
    scope: '全部字段',
    declarations: DECLARED,
    ...over,
  });
const submit = (id: string, as = 'merchant') =>
  c.call<Err>('POST', `/api/registry/applications/${id}/submit`, as);

describe('refusals (RULES.md: core data, no source authorization, in dispute or frozen, raw data as data IP)', () => {
  it('refuses core data', async () => {
    const res = await c.resource('merchant', '关键基础设施运行数据', {}, false);
    await c.ok('POST', `/api/catalog/resources/${res}/grade`, 'merchant', {
      grade: 'core',
      reason: '涉及国家安全',
    });
    const app = await apply('merchant', res);
    const refused = await submit(app.id);
    // the one code of the rule, as when the catalog refuses to publish core data
    expect(refused.status).toBe(409);
    expect(refused.body.error).toMatchObject({
      code: 'CATALOG_CORE_NOT_PUBLISHABLE',
      message: expect.stringMatching(/核心数据.*never registered/),
    });
  });

  it('refuses authorized or purchased data without the authorization or contract, until it is attached', async () => {
    const res = await c.resource('merchant', '合作方授权数据', { sourceKind: 'authorized' });
    const app = await apply('merchant', res);
    const refused = await submit(app.id);
    expect(refused.status).toBe(409);
    expect(refused.body.error).toMatchObject({
      code: 'REGISTRY_SOURCE_AUTHORIZATION_MISSING',
      details: { field: 'files' },
    });
    expect((await c.attach(app.id, 'purchase_contract', 'merchant')).status).toBe(201);
    expect((await submit(app.id)).body.error.code).toBe('REGISTRY_SOURCE_AUTHORIZATION_MISSING');
    expect((await c.attach(app.id, 'authorization', 'merchant')).status).toBe(201);
    expect((await submit(app.id)).status).toBe(200);
    const bought = await apply(
      'merchant',
      await c.resource('merchant', '采购的行业数据', { sourceKind: 'purchased' }),
    );
    expect((await submit(bought.id)).body.error.code).toBe('REGISTRY_SOURCE_AUTHORIZATION_MISSING');
  });

  it('refuses data under dispute: an open objection elsewhere on the same data', async () => {
    const res = await c.resource('merchant', '有争议的数据');
    const first = await c.register('merchant', res, { issue: false });
    await c.ok('POST', `/api/registry/applications/${first.id}/objections`, 'quancheng', {
      reason: '权属争议',
    });
    const second = await apply('merchant', res, { rights: ['operating'] });
    expect((await submit(second.id)).body.error.code).toBe('REGISTRY_OBJECT_DISPUTED');
  });

  it('refuses unprocessed raw data and single records as data IP (数据知识产权)', async () => {
    const raw = await apply('merchant', await c.resource('merchant', '原始采集日志'), {
      category: 'data_ip',
    });
    expect((await submit(raw.id)).body.error.code).toBe('REGISTRY_DATA_IP_RAW_DATA');
    const source = await c.resource('merchant', '单条记录样本', {}, false);
    await t.services.catalog.files.upload({ ...(await ctxOf('merchant')) }, source, {
      name: 'one.csv',
      role: 'data',
      body: Readable.from([Buffer.from('企业名称,营业收入\n甲公司,100\n')]),
    });
    await t.services.catalog.files.idle();
    const derived = await t.services.catalog.masking.derive(await ctxOf('merchant'), source, {
      title: '单条记录（统计）',
      columns: {},
    });
    await t.services.catalog.masking.idle();
    await t.services.catalog.files.idle();
    const single = await apply('merchant', derived.id, { category: 'data_ip' });
    expect((await submit(single.id)).body.error.code).toBe('REGISTRY_DATA_IP_SINGLE_RECORD');
  });

  it('wants the declarations, and registers only the applicant’s own data', async () => {
    const res = await c.resource('merchant', '缺声明的数据');
    const app = await apply('merchant', res, { declarations: ['truthful'] });
    const r = await submit(app.id);
    expect(r.status).toBe(400);
    expect(r.body.error).toMatchObject({
      code: 'REGISTRY_DECLARATIONS_MISSING',
      details: { field: 'declarations' },
    });
    const other = await c.call<Err>('POST', '/api/registry/applications', 'quancheng', {
      type: 'initial',
      resourceId: res,
      rights: ['holding'],
      scope: 'x',
      declarations: DECLARED,
    });
    expect(other.body.error.code).toBe('REGISTRY_NOT_HOLDER');
  });

  it('answers bad input with a 400 naming the field', async () => {
    const bad = async (body: unknown, field: RegExp) => {
      const r = await c.call<Err>('POST', '/api/registry/applications', 'merchant', body);
      expect(r.status, JSON.stringify(body)).toBe(400);
      expect(JSON.stringify(r.body.error)).toMatch(field);
    };
    await bad({ type: 'initial', resourceId: 'res_x', rights: ['holding'], scope: 'x' }, /resourceId/);
    await bad({ type: 'initial', resourceId: `res_${'0'.repeat(26)}`, rights: [], scope: 'x' }, /rights/);
    await bad(
      { type: 'initial', resourceId: `res_${'0'.repeat(26)}`, rights: ['holding', 'holding'], scope: 'x' },
      /rights/,
    );
    await bad({ type: 'initial', resourceId: `res_${'0'.repeat(26)}`, rights: ['holding'] }, /scope/);
    await bad({ type: 'gift', certificateId: 'cert_x' }, /type/);
    await bad(
      { type: 'pledge', certificateId: `cert_${'0'.repeat(26)}`, pledgeeOrgId: 'bank' },
      /pledgeeOrgId/,
    );
    await bad({ type: 'objection', certificateNo: 'SD-42', reason: 'x' }, /certificateNo/);
    const holiday = await c.call<Err>('PUT', '/api/settings/holidays/2026-13-01', 'operator', {
      kind: 'holiday',
      name: 'x',
    });
    expect(holiday.status).toBe(400);
    expect(holiday.body.error.message).toMatch(/params\.day/);
  });
});

const ctxOf = async (username: string) => {
  const found = await t.services.identity.auth.authenticate(await c.token(username));
  return { requestId: null, ip: null, userAgent: null, principal: found!.principal, audited: false };
};

describe('deadlines in working days on the operator’s calendar', () => {
  it('counts the public notice (10 working days: always across a weekend) around a holiday set by the operator', async () => {
    const now = new Date();
    const before = await t.services.registry.settings.calendar();
    // a holiday on the third weekday from today, inside the notice period
    let day = registry.shanghaiDay(now);
    for (let weekdays = 0; weekdays < 3;) {
      day = new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
      if (registry.isWorkingDay(day, before)) weekdays++;
    }
    const set = await c.ok<RegistryHoliday>('PUT', `/api/settings/holidays/${day}`, 'operator', {
      kind: 'holiday',
      name: '测试假日',
    });
    expect(set).toEqual({ day, kind: 'holiday', name: '测试假日' });
    const listed = await c.ok<{ items: RegistryHoliday[] }>(
      'GET',
      `/api/settings/holidays?year=${day.slice(0, 4)}`,
    );
    expect(listed.items).toContainEqual(set);

    const app = await c.register('merchant', await c.resource('merchant', '公示期测试数据'), {
      issue: false,
    });
    const calendar = await t.services.registry.settings.calendar();
    const from = new Date(app.reviewedAt!);
    expect(app.deadlines.noticeEndsAt).toBe(registry.addWorkingDays(from, 10, calendar).toISOString());
    expect(Date.parse(app.deadlines.noticeEndsAt!)).toBeGreaterThan(
      registry.addWorkingDays(from, 10, new Map()).getTime(),
    );
    expect(registry.workingDaysBetween(from, new Date(app.deadlines.noticeEndsAt!), calendar)).toBe(10);
    expect(app.deadlines.acceptDueAt).toBe(
      registry.addWorkingDays(new Date(app.submittedAt!), 3, calendar).toISOString(),
    );
    expect((await c.call('DELETE', `/api/settings/holidays/${day}`, 'operator')).status).toBe(200);
    expect((await c.call<Err>('DELETE', `/api/settings/holidays/${day}`, 'operator')).status).toBe(404);
  });

  it('takes the periods from the settings the operator edits', async () => {
    const s = await c.ok<RegistrySettings>('PUT', '/api/registry/settings', 'operator', {
      noticeDays: 5,
      acceptDays: 2,
    });
    expect(s).toMatchObject({ noticeDays: 5, acceptDays: 2, objectionDays: 10 });
    expect(await c.ok<RegistrySettings>('GET', '/api/registry/settings')).toMatchObject({ noticeDays: 5 });
    const app = await c.register('merchant', await c.resource('merchant', '五日公示数据'), { issue: false });
    const calendar = await t.services.registry.settings.calendar();
    expect(app.deadlines.noticeEndsAt).toBe(
      registry.addWorkingDays(new Date(app.reviewedAt!), 5, calendar).toISOString(),
    );
    const bad = await c.call<Err>('PUT', '/api/registry/settings', 'operator', { financialNamePattern: '(' });
    expect(bad.body.error.message).toMatch(/financialNamePattern/);
    await c.ok('PUT', '/api/registry/settings', 'operator', { noticeDays: 10, acceptDays: 3 });
  });
});

describe('who sees and does what', () => {
  it('shows an application to its parties and overseers only; drafts to the applicant only', async () => {
    const app = await apply('merchant', await c.resource('merchant', '可见性测试'));
    expect((await c.call('GET', `/api/registry/applications/${app.id}`, 'merchant2')).status).toBe(200);
    expect((await c.call('GET', `/api/registry/applications/${app.id}`, 'operator')).status).toBe(404);
    await submit(app.id);
    expect((await c.call('GET', `/api/registry/applications/${app.id}`, 'regulator')).status).toBe(200);
    expect((await c.call('GET', `/api/registry/applications/${app.id}`, 'quancheng')).status).toBe(404);
    expect((await c.call('GET', `/api/registry/notices/${app.id}`)).status).toBe(404);
    const mine = await c.ok<{ items: Registration[] }>(
      'GET',
      '/api/registry/applications?box=mine',
      'quancheng',
    );
    expect(mine.items.find((a) => a.id === app.id)).toBeUndefined();
  });

  it('lets the assigned certifier review with its inspection report; evidence stays with the parties', async () => {
    const app = await apply('merchant', await c.resource('merchant', '认证机构审查数据'));
    await submit(app.id);
    const certifierOrg = await c.orgOf('certifier');
    expect(
      (
        await c.call<Err>('POST', `/api/registry/applications/${app.id}/accept`, 'operator', {
          reviewerOrgId: await c.orgOf('quancheng'),
        })
      ).body.error.code,
    ).toBe('REGISTRY_REVIEWER_NOT_ALLOWED');
    await c.ok('POST', `/api/registry/applications/${app.id}/accept`, 'operator', {
      reviewerOrgId: certifierOrg,
    });
    const queue = await c.ok<{ items: Registration[] }>(
      'GET',
      '/api/registry/applications?box=review',
      'certifier',
    );
    expect(queue.items.map((a) => a.id)).toContain(app.id);
    expect((await c.attach(app.id, 'inspection_report', 'merchant')).body.error.code).toBe(
      'REGISTRY_EVIDENCE_NOT_ALLOWED',
    );
    const report = await c.attach(app.id, 'inspection_report', 'certifier', '查验报告正文');
    expect(report.status).toBe(201);
    const reviewed = await c.ok('POST', `/api/registry/applications/${app.id}/review`, 'certifier', {
      checklist: CHECKLIST,
      opinion: '通过',
    });
    expect(reviewed.files).toContainEqual(
      expect.objectContaining({ kind: 'inspection_report', sm3: report.body.sm3 }),
    );
    const download = await t.app.inject({
      url: `/api/registry/files/${report.body.id}/download`,
      headers: { authorization: `Bearer ${await c.token('merchant')}` },
    });
    expect(download.body).toBe('查验报告正文');
    expect((await c.call('GET', `/api/registry/files/${report.body.id}/download`, 'quancheng')).status).toBe(
      404,
    );
  });

  it('refuses a failed checklist point, recording which one', async () => {
    const app = await apply('merchant', await c.resource('merchant', '描述不准确的数据'));
    await submit(app.id);
    await c.ok('POST', `/api/registry/applications/${app.id}/accept`, 'operator', {});
    const r = await c.ok('POST', `/api/registry/applications/${app.id}/review`, 'reviewer', {
      checklist: { ...CHECKLIST, descriptionAccuracy: { passed: false, note: '字段说明与样本不符' } },
      opinion: '不予登记',
    });
    expect(r).toMatchObject({
      status: 'rejected',
      decisionReason: expect.stringContaining('descriptionAccuracy'),
    });
  });
});

describe('records', () => {
  it('leaves the audit chain and the ledger intact', async () => {
    expect(await c.ok('GET', '/api/audit/verify', 'regulator')).toMatchObject({ ok: true, problem: null });
    expect(await t.services.ledger.verify()).toMatchObject({ ok: true });
  });
});
