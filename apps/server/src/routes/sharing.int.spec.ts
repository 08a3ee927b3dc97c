import type {
  Paged,
  Resource,
  ReturnFlow,
  ReturnFlowBoard,
  SharingRequest,
  SharingStats,
  Survey,
  SurveySnapshot,
} from '@shuliu/contracts';
import { demo, newId } from '@shuliu/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../testing.js';

type Err = { error: { code: string; details?: unknown } };

let t: TestServer;
let since: string;
const orgIds: Record<string, string> = {};

const call = <T = unknown>(method: string, url: string, as?: string, payload?: unknown) =>
  t.call<T>(method, url, as, payload);

/** A government department applies through onboarding and the operator approves it. */
async function onboardAuthority(username: string, name: string, area: string, body8: string, region: string) {
  const app = await call<{ id: string; org: { id: string } }>(
    'POST',
    '/api/onboarding/applications',
    undefined,
    {
      org: {
        name,
        uscc: demo.makeUscc('11', area, body8),
        types: ['authority'],
        region,
        contactName: '测试联系人',
        contactPhone: '13705319999',
      },
      admin: { username, displayName: name, password: demo.DEMO_PASSWORD },
      declarations: ['truthful', 'lawfulOperation', 'dataSecurity', 'acceptRules'],
    },
  );
  expect(app.status).toBe(201);
  expect(
    (await call('POST', `/api/onboarding/applications/${app.body.id}/approve`, 'operator', {})).status,
  ).toBe(200);
  orgIds[username] = app.body.org.id;
}

async function published(as: string, title: string, over: Record<string, unknown> = {}, publish = true) {
  const r = await call<Resource>('POST', '/api/catalog/resources', as, {
    title,
    description: `${title}，按日更新，供政务部门履职使用。`,
    sectorCode: 'government',
    subjectType: 'public',
    sourceKind: 'collected',
    sourceMethod: '业务系统归集',
    updateFrequency: 'daily',
    ...over,
  });
  expect(r.status).toBe(201);
  if (publish)
    expect((await call('POST', `/api/catalog/resources/${r.body.id}/publish`, as)).status).toBe(200);
  return r.body.id;
}

const ask = <T = SharingRequest>(as: string, resourceId: string, purpose = '履行行政审批职责需要核验') =>
  call<T>('POST', '/api/sharing/requests', as, { resourceId, purpose });
const db = () => t.services.db;

beforeAll(async () => {
  t = await startTestServer();
  await onboardAuthority('licheng', '济南市历城区大数据局', '370112', 'MB5E1K7N', '山东省·济南市·历城区');
  await onboardAuthority('shijiazhuang', '石家庄市数据和政务服务局', '130100', 'MB7C3D9E', '河北省·石家庄市');
  for (const u of ['authority', 'merchant']) await orgOf(u);
  since = new Date().toISOString();
});
afterAll(() => t.close());

const res: Record<string, string> = {};
const shr: Record<string, SharingRequest> = {};

describe('government sharing (政务共享)', () => {
  it('a city asks the province; levels come from the USCC, the answer is due in 10 working days', async () => {
    res.registration = await published('bureau-authority', '山东省市场主体登记信息');
    const r = await ask('authority', res.registration);
    expect(r.status).toBe(201);
    expect(r.body).toMatchObject({ status: 'pending', requesterLevel: 'city', providerLevel: 'province' });
    expect(r.body.dueAt).toBe(
      (await t.services.settings.calendar.deadline(new Date(r.body.createdAt), 10)).toISOString(),
    );
    shr.delivered = r.body;
    const inbox = await call<Paged<{ kind: string }>>('GET', '/api/notifications', 'bureau-authority');
    expect(inbox.body.items.map((n) => n.kind)).toContain('sharing.requested');
    expect((await ask('authority', res.registration)).body).toMatchObject({
      error: { code: 'CATALOG_SHARING_DUPLICATE' },
    });
  });

  it('refuses bad input naming the field, non-government callers and non-government or own resources', async () => {
    const bad = await call<Err>('POST', '/api/sharing/requests', 'authority', {
      resourceId: 'x',
      purpose: '',
    });
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body.error.details)).toMatch(/resourceId/);
    expect(JSON.stringify(bad.body.error.details)).toMatch(/purpose/);
    expect((await ask('merchant', res.registration!)).status).toBe(403);
    expect((await ask<Err>('bureau-authority', res.registration!)).body.error).toMatchObject({
      code: 'CATALOG_SHARING_NOT_ALLOWED',
    });
    const merchantData = await published('merchant', '企业经营数据', { subjectType: 'organization' });
    expect((await ask<Err>('authority', merchantData)).body.error.code).toBe('CATALOG_SHARING_NOT_ALLOWED');
    const draft = await published('bureau-authority', '尚未发布的数据', {}, false);
    expect((await ask('authority', draft)).status).toBe(404);
  });

  it('lists incoming and outgoing per org; others see nothing of it; operators and regulators see all', async () => {
    const list = (as: string, q = '') =>
      call<Paged<SharingRequest>>('GET', `/api/sharing/requests${q}`, as).then((r) =>
        r.body.items.map((x) => x.id),
      );
    expect(await list('bureau-authority', '?box=incoming')).toContain(shr.delivered!.id);
    expect(await list('authority', '?box=outgoing')).toContain(shr.delivered!.id);
    expect(await list('authority', '?box=incoming')).not.toContain(shr.delivered!.id);
    expect(await list('licheng')).toEqual([]);
    expect(await list('regulator')).toContain(shr.delivered!.id);
    expect(await list('operator', '?status=pending')).toContain(shr.delivered!.id);
    expect((await call('GET', `/api/sharing/requests/${shr.delivered!.id}`, 'licheng')).status).toBe(404);
    expect((await call('GET', '/api/sharing/requests', 'buyer')).status).toBe(403);
  });

  it('the provider approves and delivers, the requester is told; other moves are 409 or 403', async () => {
    const id = shr.delivered!.id;
    const path = (a: string) => `/api/sharing/requests/${id}/${a}`;
    expect((await call<Err>('POST', path('approve'), 'authority', {})).body.error.code).toBe(
      'CATALOG_SHARING_WRONG_SIDE',
    );
    expect((await call('POST', path('deliver'), 'bureau-authority', {})).status).toBe(409);
    const ok = await call<SharingRequest>('POST', path('approve'), 'bureau-authority', {
      note: '接口方式共享',
    });
    expect(ok.body).toMatchObject({
      status: 'approved',
      note: '接口方式共享',
      decidedBy: 'bureau-authority',
    });
    const inbox = await call<Paged<{ kind: string }>>('GET', '/api/notifications', 'authority');
    expect(inbox.body.items.map((n) => n.kind)).toContain('sharing.approved');
    const again = await call<Err>('POST', path('approve'), 'bureau-authority', {});
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('CATALOG_SHARING_ILLEGAL_TRANSITION');
    expect((await call('POST', path('withdraw'), 'authority')).status).toBe(409);
    await db()
      .updateTable('sharing_requests')
      .set({ decided_at: hoursAfter(ok.body.createdAt, 10) })
      .where('id', '=', id)
      .execute();
    const done = await call<SharingRequest>('POST', path('deliver'), 'bureau-authority', {
      note: '已开通接口',
    });
    expect(done.body).toMatchObject({ status: 'delivered', note: '已开通接口' });
    expect(done.body.deliveredAt).not.toBeNull();
    expect((await call('POST', path('deliver'), 'bureau-authority', {})).status).toBe(409);
    const audit = await call<Paged<{ action: string }>>(
      'GET',
      `/api/audit/events?objectId=${id}`,
      'regulator',
    );
    expect(audit.body.items.map((e) => e.action)).toEqual(
      expect.arrayContaining([
        'catalog.sharing.request',
        'catalog.sharing.approve',
        'catalog.sharing.deliver',
      ]),
    );
  });

  it('a county asks the province; a rejection needs a reason, which the county is told', async () => {
    res.insurance = await published('bureau-authority', '山东省社会保险参保信息');
    const r = await ask('licheng', res.insurance);
    expect(r.body).toMatchObject({ requesterLevel: 'county', providerLevel: 'province' });
    const path = `/api/sharing/requests/${r.body.id}/reject`;
    const bare = await call<Err>('POST', path, 'bureau-authority', {});
    expect(bare.status).toBe(400);
    expect(JSON.stringify(bare.body.error.details)).toMatch(/reason/);
    const no = await call<SharingRequest>('POST', path, 'bureau-authority', { reason: '请补充履职依据' });
    expect(no.body).toMatchObject({ status: 'rejected', reason: '请补充履职依据' });
    await db()
      .updateTable('sharing_requests')
      .set({ decided_at: hoursAfter(no.body.createdAt, 30) })
      .where('id', '=', r.body.id)
      .execute();
    const inbox = await call<Paged<{ kind: string; body: string }>>('GET', '/api/notifications', 'licheng');
    expect(inbox.body.items.find((n) => n.kind === 'sharing.rejected')?.body).toContain('请补充履职依据');
    expect(
      (await call('POST', `/api/sharing/requests/${r.body.id}/deliver`, 'bureau-authority', {})).status,
    ).toBe(409);
  });

  it('the requester withdraws while pending, only they can, and nothing moves afterwards', async () => {
    res.realEstate = await published('bureau-authority', '山东省不动产登记信息');
    const r = await ask('authority', res.realEstate);
    const path = (a: string) => `/api/sharing/requests/${r.body.id}/${a}`;
    expect((await call<Err>('POST', path('withdraw'), 'bureau-authority')).body.error.code).toBe(
      'CATALOG_SHARING_WRONG_SIDE',
    );
    expect((await call<SharingRequest>('POST', path('withdraw'), 'authority')).body.status).toBe('withdrawn');
    expect((await call('POST', path('approve'), 'bureau-authority', {})).status).toBe(409);
  });

  it('a pending request past its due date is overdue, and filters by it', async () => {
    res.bus = await published('authority', '济南市共享单车停放点位数据');
    const r = await ask('licheng', res.bus);
    expect(r.body).toMatchObject({ requesterLevel: 'county', providerLevel: 'city', overdue: false });
    await db()
      .updateTable('sharing_requests')
      .set({ due_at: new Date(Date.now() - 3600_000) })
      .where('id', '=', r.body.id)
      .execute();
    expect(
      (await call<SharingRequest>('GET', `/api/sharing/requests/${r.body.id}`, 'authority')).body.overdue,
    ).toBe(true);
    const overdue = await call<Paged<SharingRequest>>(
      'GET',
      '/api/sharing/requests?box=incoming&overdue=true',
      'authority',
    );
    expect(overdue.body.items.map((x) => x.id)).toEqual([r.body.id]);
    const notOverdue = await call<Paged<SharingRequest>>(
      'GET',
      '/api/sharing/requests?overdue=false',
      'licheng',
    );
    expect(notOverdue.body.items.map((x) => x.id)).not.toContain(r.body.id);
  });
});

const flows: Record<string, ReturnFlow> = {};

describe('provincial return flow (省级数据回流, 应返尽返)', () => {
  const create = (as: string, resourceId: string, toOrgId: string) =>
    call<ReturnFlow>('POST', '/api/sharing/return-flows', as, { resourceId, toOrgId });

  it('the province owes a county within it, due in 20 working days; the county is told', async () => {
    const r = await create('bureau-authority', res.registration!, orgIds.licheng!);
    expect(r.status).toBe(201);
    expect(r.body).toMatchObject({ status: 'pending', toLevel: 'county', overdue: false });
    expect(r.body.dueAt).toBe(
      (await t.services.settings.calendar.deadline(new Date(r.body.createdAt), 20)).toISOString(),
    );
    flows.onTime = r.body;
    const inbox = await call<Paged<{ kind: string }>>('GET', '/api/notifications', 'licheng');
    expect(inbox.body.items.map((n) => n.kind)).toContain('return_flow.created');
    expect((await create('bureau-authority', res.registration!, orgIds.licheng!)).body).toMatchObject({
      error: { code: 'CATALOG_RETURN_FLOW_DUPLICATE' },
    });
  });

  it('refuses targets outside the province or not government, non-provincial senders and others’ resources', async () => {
    const outside = await create('bureau-authority', res.insurance!, orgIds.shijiazhuang!);
    expect(outside.status).toBe(409);
    expect(outside.body).toMatchObject({
      error: { code: 'CATALOG_RETURN_FLOW_REFUSED', details: { rule: 'outside' } },
    });
    expect((await create('bureau-authority', res.insurance!, orgIds.merchant!)).status).toBe(409);
    expect((await create('bureau-authority', res.insurance!, newId('org'))).status).toBe(404);
    const city = await create('authority', res.bus!, orgIds.licheng!);
    expect(city.body).toMatchObject({ error: { code: 'CATALOG_RETURN_FLOW_NOT_PROVINCIAL' } });
    expect(city.status).toBe(403);
    expect((await create('bureau-authority', res.bus!, orgIds.licheng!)).status).toBe(403);
    expect((await call<Err>('POST', '/api/sharing/return-flows', 'bureau-authority', {})).status).toBe(400);
  });

  it('the receiver sees its incoming returns, the sender delivers; on time, late and overdue are told apart', async () => {
    const incoming = await call<Paged<ReturnFlow>>(
      'GET',
      '/api/sharing/return-flows?box=incoming',
      'licheng',
    );
    expect(incoming.body.items.map((f) => f.id)).toEqual([flows.onTime!.id]);
    expect((await call('GET', `/api/sharing/return-flows/${flows.onTime!.id}`, 'authority')).status).toBe(
      404,
    );
    const deliver = (id: string, as = 'bureau-authority') =>
      call<ReturnFlow>('POST', `/api/sharing/return-flows/${id}/deliver`, as, { note: '已推送' });
    expect((await deliver(flows.onTime!.id, 'licheng')).body).toMatchObject({
      error: { code: 'CATALOG_SHARING_WRONG_SIDE' },
    });
    expect((await deliver(flows.onTime!.id)).body).toMatchObject({
      status: 'delivered',
      late: false,
      note: '已推送',
    });
    expect((await deliver(flows.onTime!.id)).status).toBe(409);
    flows.late = (await create('bureau-authority', res.insurance!, orgIds.licheng!)).body;
    await deliver(flows.late.id);
    const deliveredAt = (
      await db()
        .selectFrom('return_flows')
        .select('delivered_at')
        .where('id', '=', flows.late.id)
        .executeTakeFirstOrThrow()
    ).delivered_at!;
    await db()
      .updateTable('return_flows')
      .set({ due_at: new Date(deliveredAt.getTime() - 3600_000) })
      .where('id', '=', flows.late.id)
      .execute();
    expect(
      (await call<ReturnFlow>('GET', `/api/sharing/return-flows/${flows.late.id}`, 'licheng')).body.late,
    ).toBe(true);
    flows.overdue = (await create('bureau-authority', res.realEstate!, orgIds.licheng!)).body;
    await db()
      .updateTable('return_flows')
      .set({ due_at: new Date(Date.now() - 3600_000) })
      .where('id', '=', flows.overdue.id)
      .execute();
    flows.city = (await create('bureau-authority', res.realEstate!, orgIds.authority!)).body;
    expect(flows.city.toLevel).toBe('city');
    const overdue = await call<Paged<ReturnFlow>>('GET', '/api/sharing/return-flows?overdue=true', 'licheng');
    expect(overdue.body.items.map((f) => f.id)).toEqual([flows.overdue.id]);
  });

  it('the board counts owed, on time, late and overdue per receiving org, with the compliance rate', async () => {
    const board = await call<ReturnFlowBoard>('GET', '/api/sharing/return-flows/board', 'licheng');
    expect(board.body.items).toEqual([
      {
        orgId: orgIds.licheng,
        orgName: '济南市历城区大数据局',
        level: 'county',
        owed: 3,
        pending: 0,
        overdue: 1,
        deliveredOnTime: 1,
        deliveredLate: 1,
        complianceRate: 0.3333,
      },
    ]);
    const all = await call<ReturnFlowBoard>('GET', '/api/sharing/return-flows/board', 'regulator');
    expect(all.body.items.map((r) => r.orgId)).toEqual(
      expect.arrayContaining([orgIds.licheng, orgIds.authority]),
    );
    expect((await call('GET', '/api/sharing/return-flows/board', 'merchant')).status).toBe(403);
  });
});

describe('sharing statistics', () => {
  it('counts requests and decisions, and response-time percentiles, by requester and provider level', async () => {
    const s = await call<SharingStats>(
      'GET',
      `/api/sharing/stats?from=${encodeURIComponent(since)}`,
      'regulator',
    );
    expect(s.status).toBe(200);
    const row = (req: string, prov: string) =>
      s.body.byLevel.find((r) => r.requesterLevel === req && r.providerLevel === prov);
    expect(row('city', 'province')).toMatchObject({
      requests: 2,
      approved: 1,
      delivered: 1,
      withdrawn: 1,
      rejected: 0,
      medianResponseHours: 10,
    });
    expect(row('county', 'province')).toMatchObject({ requests: 1, rejected: 1, medianResponseHours: 30 });
    expect(row('county', 'city')).toMatchObject({
      requests: 1,
      pending: 1,
      overdue: 1,
      medianResponseHours: null,
    });
    expect(s.body.total).toMatchObject({
      requests: 4,
      approved: 1,
      rejected: 1,
      delivered: 1,
      withdrawn: 1,
      pending: 1,
      overdue: 1,
      medianResponseHours: 20,
      p90ResponseHours: 28,
    });
    expect(s.body.returnFlows).toEqual([
      { toLevel: 'city', owed: 1, delivered: 0, deliveredOnTime: 0, overdue: 0, onTimeRate: null },
      { toLevel: 'county', owed: 3, delivered: 2, deliveredOnTime: 1, overdue: 1, onTimeRate: 0.3333 },
    ]);
    expect((await call('GET', '/api/sharing/stats', 'authority')).status).toBe(200);
    expect((await call('GET', '/api/sharing/stats', 'buyer')).status).toBe(403);
  });
});

describe('resource survey (资源调查)', () => {
  it('counts resources and ready data volumes by sector, region, grade, subject type and org', async () => {
    const before = (await call<Survey>('GET', '/api/survey', 'operator')).body;
    const a = await published('licheng', '历城区农业经营主体名录', { sectorCode: 'agriculture' });
    await published('licheng', '历城区村级公共服务设施', { sectorCode: 'agriculture' });
    const file = (role: string, status: string, rows: number, bytes: number) => ({
      id: newId('fil'),
      resource_id: a,
      role: role as 'data',
      name: 'x.csv',
      format: 'csv',
      size_bytes: bytes,
      blob_key: `test/${rows}`,
      status: status as 'ready',
      row_count: rows,
      created_by: 'test',
    });
    await db()
      .insertInto('catalog_files')
      .values([
        file('data', 'ready', 1200, 64_000),
        file('data', 'failed', 5, 10),
        file('evidence', 'ready', 0, 999),
      ])
      .execute();
    const after = (await call<Survey>('GET', '/api/survey', 'authority')).body;
    const org = after.byOrg.find((b) => b.key === orgIds.licheng);
    expect(org).toMatchObject({
      label: '济南市历城区大数据局',
      level: 'county',
      resources: 2,
      published: 2,
      files: 1,
      rows: 1200,
      bytes: 64_000,
    });
    const delta = (pick: (s: Survey) => { resources: number; rows: number } | undefined) => ({
      resources: (pick(after)?.resources ?? 0) - (pick(before)?.resources ?? 0),
      rows: (pick(after)?.rows ?? 0) - (pick(before)?.rows ?? 0),
    });
    expect(delta((s) => s.totals)).toEqual({ resources: 2, rows: 1200 });
    expect(delta((s) => s.bySector.find((b) => b.key === 'agriculture'))).toEqual({
      resources: 2,
      rows: 1200,
    });
    expect(delta((s) => s.byGrade.find((b) => b.key === 'general_1'))).toEqual({ resources: 2, rows: 1200 });
    expect(delta((s) => s.bySubjectType.find((b) => b.key === 'public'))).toEqual({
      resources: 2,
      rows: 1200,
    });
    expect(after.byRegion.find((b) => b.key === '370100')).toMatchObject({
      label: '山东省·济南市',
      level: 'city',
    });
    expect(delta((s) => s.byRegion.find((b) => b.key === '370100'))).toEqual({ resources: 2, rows: 1200 });
    expect(after.byRegion.find((b) => b.key === '370000')).toMatchObject({
      label: '山东省',
      level: 'province',
    });
    expect((await call('GET', '/api/survey', 'merchant')).status).toBe(403);
  });

  it('snapshots are taken by operators, audited, and the history grows', async () => {
    const history = () => call<{ items: SurveySnapshot[] }>('GET', '/api/survey/snapshots', 'regulator');
    const n = (await history()).body.items.length;
    expect((await call('POST', '/api/survey/snapshots', 'authority')).status).toBe(403);
    const snap = await call<SurveySnapshot>('POST', '/api/survey/snapshots', 'operator');
    expect(snap.status).toBe(201);
    await call('POST', '/api/survey/snapshots', 'operator');
    const items = (await history()).body.items;
    expect(items).toHaveLength(n + 2);
    expect(items[n]).toMatchObject({ id: snap.body.id, totals: snap.body.totals });
    expect(items[n]!.takenAt <= items[n + 1]!.takenAt).toBe(true);
    const current = (await call<Survey>('GET', '/api/survey', 'operator')).body;
    expect(snap.body.totals).toEqual(current.totals);
    const detail = await call<{ survey: Survey }>(
      'GET',
      `/api/survey/snapshots/${snap.body.id}`,
      'authority',
    );
    expect(detail.body.survey.byOrg.find((b) => b.key === orgIds.licheng)?.resources).toBe(2);
    const audit = await call<Paged<{ action: string }>>(
      'GET',
      `/api/audit/events?objectId=${snap.body.id}`,
      'regulator',
    );
    expect(audit.body.items.map((e) => e.action)).toEqual(['catalog.survey.snapshot']);
  });
});

const hoursAfter = (iso: string, h: number) => new Date(new Date(iso).getTime() + h * 3600_000);

async function orgOf(username: string) {
  const me = await call<{ org: { id: string } }>('GET', '/api/me', username);
  orgIds[username] = me.body.org.id;
  return me.body.org.id;
}

describe('departments', () => {
  it('lists the authorities inside the caller’s province with their level, for a return flow', async () => {
    const r = await call<{ items: { name: string; level: string }[] }>(
      'GET',
      '/api/sharing/departments?within=true',
      'bureau-authority',
    );
    expect(r.status).toBe(200);
    expect(r.body.items).toContainEqual(expect.objectContaining({ name: '济南市大数据局', level: 'city' }));
    expect(r.body.items.map((d) => d.name)).not.toContain('山东省大数据局');
    expect(r.body.items.map((d) => d.name)).not.toContain('石家庄市数据和政务服务局');
    expect((await call('GET', '/api/sharing/departments', 'buyer')).status).toBe(403);
  });
});
