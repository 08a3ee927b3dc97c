import type {
  CatalogFile,
  Paged,
  QualityRules,
  QualityRun,
  QualityRunSummary,
  QualitySettings,
  Resource,
} from '@shuliu/contracts';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../testing.js';
import { marketClient, productBody, type Err } from './market.fixtures.js';

// 数据质量 (GB/T 36344-2018) through the API: rules per resource, runs on upload, on demand and on schedule,
// the trend, the score on the catalog and product pages, and the operator's listing gate.
const DATA = join(import.meta.dirname, '../../../../testdata/quality');
const FIXTURE = readFileSync(join(DATA, 'customers.csv'));
const RULES = JSON.parse(readFileSync(join(DATA, 'rules.json'), 'utf8')) as unknown[];

let t: TestServer;
let m: ReturnType<typeof marketClient>;
const tokens: Record<string, string> = {};
beforeAll(async () => {
  t = await startTestServer();
  m = marketClient(t);
  for (const u of ['merchant', 'quancheng', 'buyer', 'operator']) tokens[u] = await t.login(u);
});
afterAll(() => t.close());

const call = <T = unknown>(method: string, url: string, as?: string, payload?: unknown) =>
  t.call<T & Err>(method, url, as, payload);
const upload = (resourceId: string, name: string, body: Buffer | string, as = 'merchant') =>
  t.app.inject({
    method: 'POST',
    url: `/api/catalog/resources/${resourceId}/files?name=${encodeURIComponent(name)}`,
    payload: body,
    headers: { authorization: `Bearer ${tokens[as]}`, 'content-type': 'application/octet-stream' },
  });
/** Profiling, then the quality runs it started, to the end. */
const settle = async () => {
  await t.services.catalog.files.idle();
  await t.services.quality.reports.idle();
};
const newResource = (title: string, over: Record<string, unknown> = {}) =>
  t.resource('merchant', title, over);

describe('quality of a resource with the fixture file', () => {
  let res: Resource;

  it('runs by itself when a data file becomes ready, by rules suggested from the data', async () => {
    res = await newResource('客户名单（质量）');
    const none = await call('POST', `/api/quality/resources/${res.id}/runs`, 'merchant');
    expect(none.status).toBe(409);
    expect(none.body.error).toMatchObject({ code: 'QUALITY_NO_DATA_FILE' });
    expect(none.body.error.message).toContain(res.id);
    const up = await upload(res.id, 'customers.csv', FIXTURE);
    expect(up.statusCode).toBe(202);
    await settle();
    const runs = (
      await call<Paged<QualityRunSummary>>('GET', `/api/quality/resources/${res.id}/runs`, 'merchant')
    ).body;
    expect(runs.total).toBe(1);
    expect(runs.items[0]).toMatchObject({
      trigger: 'upload',
      status: 'done',
      rows: 20,
      progress: 1,
      rulesVersion: null,
    });
    const rules = (await call<QualityRules>('GET', `/api/quality/resources/${res.id}/rules`, 'merchant'))
      .body;
    expect(rules).toMatchObject({ suggested: true, fileId: (up.json() as CatalogFile).id, version: null });
    // an ID-card column gets a check-digit rule, a key column a uniqueness rule
    expect(rules.rules).toContainEqual(
      expect.objectContaining({ kind: 'check_digit', standard: 'id_card', columns: ['id_card'] }),
    );
  });

  it('refuses rules that fail the schema naming the field, unknown columns, and other orgs', async () => {
    const bad = await call('PUT', `/api/quality/resources/${res.id}/rules`, 'merchant', {
      rules: [RULES[0], { kind: 'check_digit', standard: 'iban', columns: ['uscc'] }],
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error.code).toBe('QUALITY_RULES_INVALID');
    expect(bad.body.error.message).toMatch(/^rules\[1\]\.standard: /);
    const unknown = await call('PUT', `/api/quality/resources/${res.id}/rules`, 'merchant', {
      rules: [{ kind: 'not_null', columns: ['phone'] }],
    });
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.code).toBe('QUALITY_RULES_UNKNOWN_COLUMN');
    expect(unknown.body.error.message).toMatch(/^rules\[0\]\.columns\[0\]: .*"phone"/);
    // another org's member does not see the draft
    expect(
      (await call('PUT', `/api/quality/resources/${res.id}/rules`, 'quancheng', { rules: RULES })).status,
    ).toBe(404);
    expect((await call('GET', `/api/quality/resources/${res.id}/rules`, 'quancheng')).status).toBe(404);
    expect((await call('POST', `/api/quality/resources/${res.id}/runs`, 'quancheng')).status).toBe(404);
  });

  it('saves the owner’s rules with a version and scores the fixture by them exactly', async () => {
    const saved = await call<QualityRules>('PUT', `/api/quality/resources/${res.id}/rules`, 'merchant', {
      rules: RULES,
    });
    expect(saved.status).toBe(200);
    expect(saved.body).toMatchObject({ suggested: false, version: 1, updatedBy: 'merchant' });
    expect(saved.body.rules).toHaveLength(14);
    const [a, b] = await Promise.all([
      call<QualityRunSummary>('POST', `/api/quality/resources/${res.id}/runs`, 'merchant'),
      call<QualityRunSummary>('POST', `/api/quality/resources/${res.id}/runs`, 'merchant'),
    ]);
    // one active run per resource: the second is refused
    expect([a.status, b.status].sort()).toEqual([202, 409]);
    const started = a.status === 202 ? a.body : b.body;
    expect((a.status === 409 ? a : b).body.error.code).toBe('QUALITY_RUN_ACTIVE');
    expect(started).toMatchObject({ trigger: 'manual', status: 'queued' });
    await settle();
    const run = (await call<QualityRun>('GET', `/api/quality/runs/${started.id}`, 'merchant')).body;
    expect(run).toMatchObject({ status: 'done', rows: 20, rulesVersion: 1, error: null });
    const counts = Object.fromEntries(run.report!.rules.map((x) => [x.id, [x.checked, x.failed, x.score]]));
    expect(counts).toMatchObject({
      'id-card-check': [20, 2, 90], // rows 3 and 11: wrong check digit
      'check_digit:uscc': [20, 1, 95],
      'enum:status': [20, 1, 95],
      'not_null:mobile': [20, 3, 85],
      'unique:customer_id': [20, 1, 95],
      'format:mobile': [17, 1, 94.1],
      'compare:start_date+end_date': [20, 1, 95],
      // the newest updated_at (2025-06-30) is far more than 30 days before today
      'freshness:updated_at': [1, 1, 0],
      'ordered:updated_at': [19, 1, 94.7],
    });
    expect(run.indicators).toEqual({
      conformance: 95, // (90 + 95 + 95 + 100) / 4
      completeness: 90, // (85 + 100 + 85) / 3
      accuracy: 96.4, // (95 + 100 + 1600/17) / 3
      consistency: 95,
      timeliness: 47.4, // (0 + 1800/19) / 2
      accessibility: 100,
    });
    // (95 + 90 + 96.3725 + 95 + 47.3684 + 100) / 6 = 87.29
    expect(run.overall).toBe(87.3);
    // violations show a few examples, masked
    const idCard = run.report!.rules.find((x) => x.id === 'id-card-check')!;
    expect(idCard.examples.map((e) => e.row)).toEqual([3, 11]);
    expect(String(idCard.examples[0]!.values.id_card)).toMatch(/\*/);
  });

  it('keeps the trend, the latest report and the score on the catalog entry', async () => {
    const runs = (
      await call<Paged<QualityRunSummary>>('GET', `/api/quality/resources/${res.id}/runs`, 'merchant')
    ).body;
    expect(runs.items.map((r) => [r.trigger, r.status])).toEqual([
      ['manual', 'done'],
      ['upload', 'done'],
    ]);
    const report = (await call<QualityRun>('GET', `/api/quality/resources/${res.id}/report`, 'merchant'))
      .body;
    expect(report.id).toBe(runs.items[0]!.id);
    const r = (await call<Resource>('GET', `/api/catalog/resources/${res.id}`, 'merchant')).body;
    expect(r.quality).toMatchObject({ overall: 87.3, indicators: { timeliness: 47.4 } });
    const list = (
      await call<{ items: Resource[] }>('GET', '/api/catalog/resources?mine=true&pageSize=200', 'merchant')
    ).body;
    expect(list.items.find((x) => x.id === res.id)?.quality?.overall).toBe(87.3);
  });

  it('weighs the overall score by the operator’s weights', async () => {
    expect(
      (await call('PUT', '/api/quality/settings', 'merchant', { weights: { timeliness: 0 } })).status,
    ).toBe(403);
    const s = await call<QualitySettings>('PUT', '/api/quality/settings', 'operator', {
      weights: { timeliness: 0 },
    });
    expect(s.body).toMatchObject({
      weights: { timeliness: 0 },
      minListingScore: null,
      updatedBy: 'operator',
    });
    const started = (
      await call<QualityRunSummary>('POST', `/api/quality/resources/${res.id}/runs`, 'merchant')
    ).body;
    await settle();
    const run = (await call<QualityRun>('GET', `/api/quality/runs/${started.id}`, 'merchant')).body;
    // timeliness weighs nothing: (95 + 90 + 96.3725 + 95 + 100) / 5 = 95.27
    expect(run.overall).toBe(95.3);
    await call('PUT', '/api/quality/settings', 'operator', { weights: {} });
  });

  it('runs again on the schedule once the update period has passed, and only once', async () => {
    const back = new Date(Date.now() - 40 * 86_400_000);
    await t.services.db
      .updateTable('quality_runs')
      .set({ created_at: back } as never)
      .where('resource_id', '=', res.id)
      .execute();
    expect(await t.services.quality.reports.sweep()).toEqual({ started: 1, stalled: 0 });
    expect(await t.services.quality.reports.sweep()).toEqual({ started: 0, stalled: 0 });
    await settle();
    const runs = (
      await call<Paged<QualityRunSummary>>(
        'GET',
        `/api/quality/resources/${res.id}/runs?pageSize=1`,
        'merchant',
      )
    ).body;
    expect(runs.items[0]).toMatchObject({ trigger: 'schedule', status: 'done' });
  });

  it('after a restart runs a queued run, and fails one a stopped process left running', async () => {
    const row = (id: string, status: 'queued' | 'running', at: Date) => ({
      id,
      resource_id: res.id,
      file_id: null,
      trigger: 'manual' as const,
      status,
      created_by: 'merchant',
      created_at: at,
      updated_at: at,
    });
    const ago = new Date(Date.now() - 20 * 60_000);
    const q = t.services.db.insertInto('quality_runs');
    await q.values(row('qrn_01kstaleleftrunning0000000', 'running', ago)).execute();
    expect(await t.services.quality.reports.sweep()).toEqual({ started: 0, stalled: 1 });
    const stalled = (
      await call<QualityRun>('GET', '/api/quality/runs/qrn_01kstaleleftrunning0000000', 'merchant')
    ).body;
    expect(stalled).toMatchObject({ status: 'failed', error: expect.stringMatching(/interrupted/) });
    await q.values(row('qrn_01kqueuedbeforerestart0000', 'queued', new Date())).execute();
    expect(await t.services.quality.reports.resumePending()).toBe(1);
    await settle();
    const resumed = (
      await call<QualityRun>('GET', '/api/quality/runs/qrn_01kqueuedbeforerestart0000', 'merchant')
    ).body;
    expect(resumed).toMatchObject({ status: 'done', overall: 87.3 });
  });
});

describe('referential consistency between two of a holder’s resources', () => {
  it('scores a column against another resource’s column, under 一致性; refuses others’ resources and unknown columns', async () => {
    const codes = await newResource('客户状态代码表');
    expect(
      (await upload(codes.id, 'codes.csv', 'code,title\nactive,正常\nsuspended,暂停\n')).statusCode,
    ).toBe(202);
    const customers = await newResource('客户名单（关联一致性）');
    expect((await upload(customers.id, 'customers.csv', FIXTURE)).statusCode).toBe(202);
    await settle();
    const rule = {
      id: 'status-in-codes',
      kind: 'reference',
      columns: ['status'],
      resource: codes.id,
      column: 'code',
    };
    const saved = await call<QualityRules>(
      'PUT',
      `/api/quality/resources/${customers.id}/rules`,
      'merchant',
      {
        rules: [rule],
      },
    );
    expect(saved.status).toBe(200);
    const started = await call<QualityRunSummary>(
      'POST',
      `/api/quality/resources/${customers.id}/runs`,
      'merchant',
    );
    await settle();
    const run = (await call<QualityRun>('GET', `/api/quality/runs/${started.body.id}`, 'merchant')).body;
    expect(run.status).toBe('done');
    // 3 closed and 1 unknown status are not in the code table
    expect(run.report!.rules[0]).toMatchObject({
      id: 'status-in-codes',
      indicator: 'consistency',
      checked: 20,
      failed: 4,
    });
    expect(run.indicators.consistency).toBe(80);

    // another holder's resource is not a reference: its values are not for an oracle
    const theirs = await t.resource('quancheng', '泉城状态代码');
    const foreign = await call('PUT', `/api/quality/resources/${customers.id}/rules`, 'merchant', {
      rules: [{ ...rule, resource: theirs.id }],
    });
    expect(foreign.status).toBe(400);
    expect(foreign.body.error).toMatchObject({ code: 'QUALITY_RULES_INVALID' });
    expect(foreign.body.error.message).toMatch(/^rules\[0\]\.resource: .* not a resource of the same holder/);
    const unknown = await call('PUT', `/api/quality/resources/${customers.id}/rules`, 'merchant', {
      rules: [{ ...rule, column: 'status_code' }],
    });
    expect(unknown.status).toBe(400);
    expect(unknown.body.error).toMatchObject({ code: 'QUALITY_RULES_UNKNOWN_COLUMN' });
    expect(unknown.body.error.message).toContain('rules[0].column: resource');
    expect(unknown.body.error.message).toContain('(it has: code, title)');
  });
});

describe('the listing gate', () => {
  it('refuses listing below the operator’s minimum, naming the score and the minimum, and not without it', async () => {
    const good = await m.listable('merchant', '企业经营景气基础数据（质量）');
    await call('PUT', '/api/quality/settings', 'operator', { minListingScore: 90 });
    // another org sees the published resource, but may not set its rules
    const foreign = await call('PUT', `/api/quality/resources/${good.resource}/rules`, 'quancheng', {
      rules: [{ kind: 'readable' }],
    });
    expect(foreign.status).toBe(403);
    const p = await m.draft('merchant', productBody([good.resource]));
    const never = await call('POST', `/api/market/my/products/${p.id}/submit`, 'merchant');
    expect(never.status).toBe(409);
    expect(never.body.error.code).toBe('QUALITY_BELOW_MINIMUM');
    expect(never.body.error.message).toContain('no quality report yet; the listing minimum is 90');
    // a table where half the statuses are outside the enumeration: conformance 50, the rest 100 → 91.7
    const table = 'code,status\nA1,open\nA2,open\nA3,bogus\nA4,bogus\n';
    expect((await upload(good.resource, 'status.csv', table)).statusCode).toBe(202);
    await settle();
    await call('PUT', `/api/quality/resources/${good.resource}/rules`, 'merchant', {
      rules: [
        { kind: 'enum', values: ['open'], columns: ['status'] },
        { kind: 'unique', columns: ['code'] },
        { kind: 'readable' },
      ],
    });
    await call('POST', `/api/quality/resources/${good.resource}/runs`, 'merchant');
    await settle();
    const product = (
      await call<{ resources: { id: string; quality: { overall: number } | null }[] }>(
        'GET',
        `/api/market/products/${p.id}`,
        'merchant',
      )
    ).body;
    // the owner sees the masked examples of a failed rule; another org reading the published resource the counts
    const mine = (await call<QualityRun>('GET', `/api/quality/resources/${good.resource}/report`, 'merchant'))
      .body;
    const theirs = (
      await call<QualityRun>('GET', `/api/quality/resources/${good.resource}/report`, 'quancheng')
    ).body;
    expect(mine.report!.rules[0]).toMatchObject({
      checked: 4,
      failed: 2,
      examples: [{ row: 3 }, { row: 4 }],
    });
    expect(theirs.report!.rules[0]).toMatchObject({ checked: 4, failed: 2, examples: [] });
    // (50 + 100 + 100) / 3
    expect(product.resources[0]!.quality!.overall).toBe(83.3);
    const low = await call('POST', `/api/market/my/products/${p.id}/submit`, 'merchant');
    expect(low.status).toBe(409);
    expect(low.body.error.message).toBe(
      `resource ${good.resource} scores 83.3 in data quality, below the listing minimum of 90`,
    );
    await call('PUT', '/api/quality/settings', 'operator', { minListingScore: null });
    expect((await m.submit(p.id)).status).toBe('in_review');
  });
});

describe('the demo', () => {
  it('seeds a trend of real runs on the catalog’s data files', async () => {
    const found = (
      await call<{ items: Resource[] }>('GET', '/api/catalog/resources?mine=true&pageSize=200', 'merchant')
    ).body.items.find((r) => r.title === '普惠金融客户名单')!;
    const runs = (
      await call<Paged<QualityRunSummary>>('GET', `/api/quality/resources/${found.id}/runs`, 'merchant')
    ).body;
    expect(runs.items.map((r) => [r.trigger, r.status, r.rulesVersion])).toEqual([
      ['manual', 'done', 2],
      ['manual', 'done', 1],
      ['upload', 'done', null],
    ]);
    // the revised rules accept overdue loans up to 120 days: the score moved because the rules did
    expect(runs.items[0]!.overall).not.toBe(runs.items[1]!.overall);
    expect(found.quality?.overall).toBe(runs.items[0]!.overall);
  });
});
