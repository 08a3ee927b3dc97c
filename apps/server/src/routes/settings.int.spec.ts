import type {
  AuditEvent,
  CatalogFile,
  CalendarDay,
  GradingSettings,
  ImpactAssessment,
  Paged,
  Resource,
  ReturnFlowBoard,
  SharingSettings,
} from '@shuliu/contracts';
import { demo, sharing } from '@shuliu/core';
import { loginAs } from '@shuliu/core/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../testing.js';

type Err = { error: { code: string; message: string } };

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer();
});
afterAll(() => t.close());

const call = <T = unknown>(method: string, url: string, as?: string, payload?: unknown) =>
  t.call<T>(method, url, as, payload);

const newResource = async (as: string, over: Record<string, unknown> = {}) => {
  const r = await call<Resource>('POST', '/api/catalog/resources', as, {
    title: '企业经营指标',
    description: '企业按月报送的经营指标，供行业监测使用，按月更新。',
    sectorCode: 'commerce',
    subjectType: 'organization',
    sourceKind: 'collected',
    sourceMethod: '业务系统采集',
    updateFrequency: 'monthly',
    ...over,
  });
  expect(r.status).toBe(201);
  return r.body;
};

const lastAudit = async (action: string) =>
  (await call<Paged<AuditEvent>>('GET', `/api/audit/events?action=${action}`, 'operator')).body.items[0];

describe('platform rule settings (平台规则): RULES.md ⚠ values the operator edits', () => {
  it('serves the RULES.md defaults, lets only an operator change them and refuses bad values by field', async () => {
    const g = await call<GradingSettings>('GET', '/api/settings/grading');
    expect(g.body.impact.economic).toEqual({
      'severe-extreme': 'core',
      severe: 'important',
      general: 'general_4',
    });
    expect(g.body.impact.individual).toEqual({
      'severe-extreme': 'general_4',
      severe: 'general_3',
      general: 'general_2',
    });
    expect(g.body.piiGrades).toMatchObject({ idCard: 'general_4', mobile: 'general_3', name: 'general_2' });
    expect((await call<SharingSettings>('GET', '/api/settings/sharing')).body).toEqual({
      sharingResponseDays: 10,
      returnFlowDays: 20,
    });
    const body = { piiGrades: { ...g.body.piiGrades, mobile: 'general_4' } };
    expect((await call('PUT', '/api/settings/grading', undefined, body)).status).toBe(401);
    expect((await call('PUT', '/api/settings/grading', 'merchant', body)).status).toBe(403);
    expect((await call('PUT', '/api/settings/sharing', 'regulator', { returnFlowDays: 5 })).status).toBe(403);
    const badGrade = await call<Err>('PUT', '/api/settings/grading', 'operator', {
      piiGrades: { ...g.body.piiGrades, mobile: 'secret' },
    });
    expect(badGrade.status).toBe(400);
    expect(badGrade.body.error.message).toMatch(/body\.piiGrades\.mobile/);
    const inverted = await call<Err>('PUT', '/api/settings/grading', 'operator', {
      impact: {
        ...g.body.impact,
        organization: { 'severe-extreme': 'general_3', severe: 'general_4', general: 'general_2' },
      },
    });
    expect(inverted.status).toBe(400);
    expect(inverted.body.error.message).toMatch(/body\.impact\.organization/);
    const national = await call<Err>('PUT', '/api/settings/grading', 'operator', {
      impact: {
        ...g.body.impact,
        national: { 'severe-extreme': 'core', severe: 'important', general: 'important' },
      },
    });
    expect(national.status).toBe(400);
    expect(national.body.error.message).toMatch(/body\.impact\.national/);
    const days = await call<Err>('PUT', '/api/settings/sharing', 'operator', { returnFlowDays: 0 });
    expect(days.status).toBe(400);
    expect(days.body.error.message).toMatch(/body\.returnFlowDays/);
    const unknown = await call<Err>('PUT', '/api/settings/sharing', 'operator', { graceDays: 3 });
    expect(unknown.status).toBe(400);
  });

  it('audits a change with the values before and after', async () => {
    const s = await call<SharingSettings>('PUT', '/api/settings/sharing', 'operator', {
      sharingResponseDays: 5,
    });
    expect(s.body).toEqual({ sharingResponseDays: 5, returnFlowDays: 20 });
    expect((await call<SharingSettings>('GET', '/api/settings/sharing')).body.sharingResponseDays).toBe(5);
    const e = await lastAudit('settings.sharing.update');
    expect(e).toMatchObject({
      outcome: 'success',
      objectId: 'sharing',
      details: {
        before: { sharingResponseDays: 10, returnFlowDays: 20 },
        after: { sharingResponseDays: 5, returnFlowDays: 20 },
      },
    });
    await call('PUT', '/api/settings/sharing', 'operator', { sharingResponseDays: 10 });
  });

  it('grades a profiled column by the operator’s personal-information grades', async () => {
    const g = (await call<GradingSettings>('GET', '/api/settings/grading')).body;
    const put = await call<GradingSettings>('PUT', '/api/settings/grading', 'operator', {
      piiGrades: { ...g.piiGrades, mobile: 'general_4' },
    });
    expect(put.body.piiGrades.mobile).toBe('general_4');
    expect((await lastAudit('settings.grading.update'))?.details).toMatchObject({
      before: { piiGrades: { mobile: 'general_3' } },
      after: { piiGrades: { mobile: 'general_4' } },
    });
    const res = await newResource('merchant', { title: '客户回访电话', subjectType: 'personal' });
    const rows = Array.from(
      { length: 60 },
      (_, i) => `1${38 + (i % 2)}${String(10000000 + i * 7919).slice(-8)},${i}`,
    );
    const up = await t.app.inject({
      method: 'POST',
      url: `/api/catalog/resources/${res.id}/files?name=${encodeURIComponent('回访.csv')}`,
      payload: ['手机号,次数', ...rows].join('\n'),
      headers: {
        authorization: `Bearer ${await t.login('merchant')}`,
        'content-type': 'application/octet-stream',
      },
    });
    expect(up.statusCode).toBe(202);
    await t.services.catalog.files.idle();
    const file = (
      await call<CatalogFile>('GET', `/api/catalog/files/${(up.json() as CatalogFile).id}`, 'merchant')
    ).body;
    expect(file.status).toBe('ready');
    const after = (await call<Resource>('GET', `/api/catalog/resources/${res.id}`, 'merchant')).body;
    expect(after.schema.find((c) => c.name === '手机号')).toMatchObject({ computedGrade: 'general_4' });
    expect(after.computedGrade).toBe('general_4');
    await call('PUT', '/api/settings/grading', 'operator', { piiGrades: g.piiGrades });
  });
});

describe('impact assessments (GB/T 43697-2024 §6.4–6.5): the grade follows the party × harm table', () => {
  let res: Resource;
  const assess = (as: string, id: string, body: Record<string, unknown>) =>
    call<{ assessment: ImpactAssessment; resource: Resource }>(
      'POST',
      `/api/catalog/resources/${id}/impact-assessments`,
      as,
      body,
    );

  it('the owner’s admin records an assessment; the grade follows it and the assessment is kept', async () => {
    res = await newResource('merchant');
    expect(res.grade).toBe('general_1');
    const why = '泄露将影响区域产业运行监测，危害经济运行，程度严重';
    expect(
      (await assess('merchant2', res.id, { party: 'economic', harm: 'severe', reason: why })).status,
    ).toBe(403);
    expect((await assess('buyer', res.id, { party: 'economic', harm: 'severe', reason: why })).status).toBe(
      404,
    );
    const bad = await call<Err>('POST', `/api/catalog/resources/${res.id}/impact-assessments`, 'merchant', {
      party: 'galaxy',
      harm: 'severe',
      reason: why,
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toMatch(/body\.party/);
    const r = await assess('merchant', res.id, { party: 'economic', harm: 'severe', reason: why });
    expect(r.status).toBe(201);
    expect(r.body.assessment).toMatchObject({
      party: 'economic',
      harm: 'severe',
      assessedGrade: 'important',
      gradeBefore: 'general_1',
      gradeAfter: 'important',
      reason: why,
      assessedBy: 'merchant',
    });
    expect(r.body.resource).toMatchObject({ grade: 'important', computedGrade: 'general_1' });
    const list = await call<{ items: ImpactAssessment[] }>(
      'GET',
      `/api/catalog/resources/${res.id}/impact-assessments`,
      'merchant',
    );
    expect(list.body.items.map((a) => a.id)).toEqual([r.body.assessment.id]);
    expect(await lastAudit('catalog.resource.impact_assess')).toMatchObject({
      objectId: res.id,
      details: {
        party: 'economic',
        harm: 'severe',
        assessed: 'important',
        from: 'general_1',
        to: 'important',
      },
    });
  });

  it('a manual grade may not go below the assessed one', async () => {
    const low = await call<Err>('POST', `/api/catalog/resources/${res.id}/grade`, 'merchant', {
      grade: 'general_4',
      reason: '人工复核',
    });
    expect(low.status).toBe(409);
    expect(low.body.error.code).toBe('CATALOG_GRADE_BELOW_ASSESSED');
    const same = await call<Resource>('POST', `/api/catalog/resources/${res.id}/grade`, 'merchant', {
      grade: 'important',
      reason: '人工复核',
    });
    expect(same.body.grade).toBe('important');
  });

  it('follows the operator’s table, and never goes below the computed grade', async () => {
    const g = (await call<GradingSettings>('GET', '/api/settings/grading')).body;
    await call('PUT', '/api/settings/grading', 'operator', {
      impact: {
        ...g.impact,
        organization: { 'severe-extreme': 'important', severe: 'general_4', general: 'general_2' },
      },
    });
    const other = await newResource('merchant', { title: '合作伙伴名录' });
    const r = await assess('operator', other.id, {
      party: 'organization',
      harm: 'severe-extreme',
      reason: '泄露将严重损害合作企业的商业秘密',
    });
    expect(r.body.assessment).toMatchObject({ assessedGrade: 'important', assessedBy: 'operator' });
    const lower = await assess('merchant', other.id, {
      party: 'individual',
      harm: 'general',
      reason: '复评：仅涉及少量个人联系信息，危害一般',
    });
    expect(lower.body.assessment).toMatchObject({ assessedGrade: 'general_2', gradeAfter: 'general_2' });
    // an assessment below what the fields compute keeps the computed grade (GB/T 43697-2024 §6.6)
    await t.services.db
      .updateTable('catalog_resources')
      .set({ computed_grade: 'general_3' })
      .where('id', '=', other.id)
      .execute();
    const floor = await assess('merchant', other.id, {
      party: 'individual',
      harm: 'general',
      reason: '再次复评',
    });
    expect(floor.body.assessment).toMatchObject({ assessedGrade: 'general_2', gradeAfter: 'general_3' });
    expect(floor.body.resource.grade).toBe('general_3');
    await call('PUT', '/api/settings/grading', 'operator', { impact: g.impact });
  });
});

describe('one working-day calendar (Asia/Shanghai, holidays and 调休) for every deadline', () => {
  it('seeds the State Council’s 2026 schedule and moves the holiday endpoints to /api/settings', async () => {
    const days = (await call<{ items: CalendarDay[] }>('GET', '/api/settings/holidays?year=2026')).body.items;
    expect(days.filter((d) => d.name === '春节').map((d) => d.day)).toHaveLength(9);
    expect(days.filter((d) => d.kind === 'workday').map((d) => d.day)).toEqual([
      '2026-01-04',
      '2026-02-14',
      '2026-02-28',
      '2026-05-09',
      '2026-09-20',
      '2026-10-10',
    ]);
    expect((await call('GET', '/api/registry/holidays')).status).toBe(404);
    const imp = await call<{ imported: number }>('POST', '/api/settings/holidays', 'operator', {
      days: [{ day: '2027-01-01', kind: 'holiday', name: '元旦' }],
    });
    expect(imp.body).toEqual({ imported: 1 });
    expect((await call('POST', '/api/settings/holidays', 'merchant', { days: [] })).status).toBe(403);
    const bad = await call<Err>('POST', '/api/settings/holidays', 'operator', {
      days: [{ day: '2027-02-30', kind: 'holiday', name: '春节' }],
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toMatch(/body\.days\.0\.day/);
  });

  it('a sharing request made before 国庆 is due where the official calendar puts it', async () => {
    const bureau = await loginAs(t.services, 'bureau-authority');
    const jinan = await loginAs(t.services, 'authority');
    const r = await t.services.catalog.resources.create(bureau, {
      title: '山东省企业登记注册信息',
      description: '全省企业登记注册信息，按日更新，供政务部门履职使用。',
      sectorCode: 'government',
      subjectType: 'public',
      sourceKind: 'collected',
      sourceMethod: '业务系统归集',
      updateFrequency: 'daily',
      keywords: [],
    });
    await t.services.catalog.resources.publish(bureau, r.id);
    // Tuesday 29 September 2026, 10:00 in Beijing
    const at = new Date('2026-09-29T02:00:00Z');
    const s = t.services;
    const requests = new sharing.SharingService(
      s.db,
      s.catalog.resources,
      s.sharing.sharing.periods,
      () => at,
    );
    const req = await requests.request(jinan, { resourceId: r.id, purpose: '履行市场监管职责需要核验' });
    // 30 Sep (1), 1–7 Oct 国庆, 8, 9, Sat 10 Oct 调休 (4), 12–16 (9), Mon 19 Oct (10): its end in Beijing
    expect(req.dueAt).toBe('2026-10-19T15:59:59.999Z');

    // 应返尽返: 20 working days from the same day end on Monday 2 November; a return on 30 October is on time
    await call('POST', '/api/onboarding/applications', undefined, {
      org: {
        name: '济南市槐荫区大数据局',
        uscc: demo.makeUscc('11', '370104', 'MB3F5H7K'),
        types: ['authority'],
        region: '山东省·济南市·槐荫区',
        contactName: '测试联系人',
        contactPhone: '13705319998',
      },
      admin: { username: 'huaiyin', displayName: '槐荫区大数据局', password: demo.DEMO_PASSWORD },
      declarations: ['truthful', 'lawfulOperation', 'dataSecurity', 'acceptRules'],
    });
    const apps = await call<Paged<{ id: string; org: { name: string; id: string } }>>(
      'GET',
      '/api/onboarding/applications?status=pending',
      'operator',
    );
    const app = apps.body.items.find((a) => a.org.name === '济南市槐荫区大数据局')!;
    expect(
      (await call('POST', `/api/onboarding/applications/${app.id}/approve`, 'operator', {})).status,
    ).toBe(200);
    const flowsAt = (d: Date) =>
      new sharing.ReturnFlowService(s.db, s.catalog.resources, s.sharing.returnFlows.periods, () => d);
    const flow = await flowsAt(at).create(bureau, { resourceId: r.id, toOrgId: app.org.id });
    expect(flow.dueAt).toBe('2026-11-02T15:59:59.999Z');
    const done = await flowsAt(new Date('2026-10-30T02:00:00Z')).deliver(bureau, flow.id);
    expect(done).toMatchObject({ status: 'delivered', late: false });
    const board = await call<ReturnFlowBoard>('GET', '/api/sharing/return-flows/board', 'huaiyin');
    expect(board.body.items).toEqual([
      expect.objectContaining({ owed: 1, deliveredOnTime: 1, deliveredLate: 0, complianceRate: 1 }),
    ]);
  });
});
