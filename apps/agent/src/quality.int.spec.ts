import type {
  LeasedQualityCheck,
  QualityReport,
  QualityRules,
  QualityRun,
  QualityRunSummary,
  Resource,
} from '@shuliu/contracts';
import { jcs } from '@shuliu/contracts';
import { crypto } from '@shuliu/core';
import { checkQuality, parseQualityRules } from '@shuliu/core/quality';
import { openTabular } from '@shuliu/core/tabular';
import { startTestServer, type TestServer } from '@shuliu/server';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Err } from '../../server/src/routes/market.fixtures.js';
import { enrolledAgent, must } from './agent.fixtures.js';
import type { DomainAgent, HeldDataset } from './agent.js';

// 数据质量 in the data's domain: a resource whose rows a compute agent holds is checked by that agent where the
// rows live; the platform sends the rules, and only the report comes back, signed by the agent, scored exactly
// as the platform's own engine scores the same rows.
const DATA = join(import.meta.dirname, '../../../testdata/quality');
const CSV = join(DATA, 'customers.csv');
const RULES = JSON.parse(readFileSync(join(DATA, 'rules.json'), 'utf8')) as unknown[];
const HEADER = readFileSync(CSV, 'utf8').split('\n')[0]!.trim().split(',');
const COLUMNS: HeldDataset['columns'] = HEADER.map((name) => ({ name, type: 'text' }));

let t: TestServer & { url: string };
const ok = <T>(method: string, url: string, as: string, body?: unknown) => must<T>(t, method, url, as, body);

beforeAll(async () => {
  t = (await startTestServer({ listen: true })) as TestServer & { url: string };
});
afterAll(() => t.close());

let resources = 0;
/** A catalog resource of 齐鲁 with no file on the platform, and an agent of 齐鲁 holding its rows. */
async function heldResource(): Promise<{ res: Resource; agent: DomainAgent }> {
  const res = await t.resource('merchant', `客户名单（域内质量 ${++resources}）`);
  const { agent } = await enrolledAgent(t, 'merchant', [
    {
      name: `customers_${resources}`,
      title: '客户名单',
      resourceId: res.id,
      columns: COLUMNS,
      source: { csvPath: CSV },
    },
  ]);
  return { res, agent };
}

/** What the platform's own engine reports on the same file by the same rules. */
const onPlatform = (rules?: unknown[]) =>
  checkQuality(() => openTabular(CSV), {
    ...(rules && { rules: parseQualityRules(rules) }),
    asOf: new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10),
  });

const counts = (r: Pick<QualityReport, 'rules'>) =>
  r.rules.map(({ id, indicator, checked, failed, score, examples }) => ({
    id,
    indicator,
    checked,
    failed,
    score,
    examples: examples.map((e) => e.row),
  }));

describe('a resource held in a domain', () => {
  it('is checked by its agent by the saved rules: only the report leaves, scored as the platform scores the file', async () => {
    const { res, agent } = await heldResource();
    await ok('PUT', `/api/quality/resources/${res.id}/rules`, 'merchant', { rules: RULES });
    const started = await ok<QualityRunSummary>('POST', `/api/quality/resources/${res.id}/runs`, 'merchant');
    expect(started).toMatchObject({ status: 'queued', fileId: null, rulesVersion: null });
    expect(started.domain?.agentId).toBe(agent.client.agentId);
    // the platform does not run it itself: it waits for the agent
    await t.services.quality.reports.idle();
    expect((await ok<QualityRun>('GET', `/api/quality/runs/${started.id}`, 'merchant')).status).toBe(
      'queued',
    );

    expect(await agent.runOnce()).toBe(started.id);
    const run = await ok<QualityRun>('GET', `/api/quality/runs/${started.id}`, 'merchant');
    expect(run).toMatchObject({ status: 'done', rulesVersion: 1, progress: 1 });
    const expected = await onPlatform(RULES);
    expect(run.rows).toBe(expected.rows);
    expect(counts(run.report!)).toEqual(counts(expected));
    expect(run.report!.rules.map((r) => r.examples)).toEqual(expected.rules.map((r) => r.examples));
    expect(run.overall).toBe(expected.overall);
    expect(run.indicators).toEqual(expected.indicators);
    // the wrong check digits the fixture holds are found in the domain
    expect(run.report!.rules.find((r) => r.id === 'id-card-check')!.failed).toBeGreaterThan(0);
    // the score shows on the catalog entry like a file's
    const latest = await ok<QualityRun>('GET', `/api/quality/resources/${res.id}/report`, 'merchant');
    expect(latest.id).toBe(run.id);
    expect(latest.domain).toEqual(run.domain);
    // nothing left to do
    expect(await agent.runOnce()).toBeNull();
    const audit = await t.services.db
      .selectFrom('audit_events')
      .select('action')
      .where('object_id', '=', run.id)
      .orderBy('seq')
      .execute();
    expect(audit.map((a) => a.action)).toEqual([
      'quality.run.start',
      'quality.run.lease',
      'quality.run.finish',
    ]);
  });

  it('without saved rules, the agent suggests them from the data; the owner sees them to edit', async () => {
    const { res, agent } = await heldResource();
    const none = await ok<QualityRules>('GET', `/api/quality/resources/${res.id}/rules`, 'merchant');
    expect(none.rules).toEqual([]);
    const started = await ok<QualityRunSummary>('POST', `/api/quality/resources/${res.id}/runs`, 'merchant');
    await agent.runOnce();
    const run = await ok<QualityRun>('GET', `/api/quality/runs/${started.id}`, 'merchant');
    expect(run.status).toBe('done');
    const expected = await onPlatform();
    expect(counts(run.report!)).toEqual(counts(expected));
    const suggested = await ok<QualityRules>('GET', `/api/quality/resources/${res.id}/rules`, 'merchant');
    expect(suggested).toMatchObject({ suggested: true, fileId: null });
    expect(suggested.rules.map((r) => r.id)).toEqual(expected.suggested!.map((r) => r.id));
  });

  it('compares with another of the holder’s resources: its code table goes to the agent, the rows stay in the domain', async () => {
    const codes = await t.resource('merchant', '客户状态代码表（域内比对）');
    const up = await t.upload(codes.id, 'codes.csv', 'code\nactive\nsuspended\n', 'merchant');
    expect(up.statusCode).toBe(202);
    await t.services.catalog.files.idle();
    await t.services.quality.reports.idle();
    const { res, agent } = await heldResource();
    const rule = {
      id: 'status-in-codes',
      kind: 'reference',
      columns: ['status'],
      resource: codes.id,
      column: 'code',
    };
    await ok('PUT', `/api/quality/resources/${res.id}/rules`, 'merchant', { rules: [rule] });
    const started = await ok<QualityRunSummary>('POST', `/api/quality/resources/${res.id}/runs`, 'merchant');
    await agent.runOnce();
    const run = await ok<QualityRun>('GET', `/api/quality/runs/${started.id}`, 'merchant');
    expect(run.status).toBe('done');
    const expected = await checkQuality(() => openTabular(CSV), {
      rules: parseQualityRules([rule]),
      references: { 'status-in-codes': ['active', 'suspended'] },
    });
    expect(counts(run.report!)).toEqual(counts(expected));
    expect(run.report!.rules[0]).toMatchObject({ indicator: 'consistency', failed: 4 });
  });

  it('refuses a report that does not verify, from another agent, or for rules not in force; a failure is recorded', async () => {
    const { res, agent } = await heldResource();
    await ok('PUT', `/api/quality/resources/${res.id}/rules`, 'merchant', { rules: RULES });
    const started = await ok<QualityRunSummary>('POST', `/api/quality/resources/${res.id}/runs`, 'merchant');
    const { check } = await agent.client.call<{ check: LeasedQualityCheck }>(
      'POST',
      '/api/quality/agent/checks/lease',
    );
    expect(check).toMatchObject({ runId: started.id, resourceId: res.id, rulesVersion: 1 });
    expect(check.rules).toHaveLength(RULES.length);
    const report = await onPlatform(RULES);
    const body = {
      rows: report.rows,
      overall: report.overall,
      indicators: report.indicators,
      rules: report.rules,
    };
    const reportHash = crypto.sm3Hex(jcs(body));
    const receipt = (hash: string) =>
      jcs({
        v: 1,
        runId: check.runId,
        resourceId: res.id,
        datasetId: check.datasetId,
        agentId: agent.client.agentId,
        reportHash: hash,
      });
    const post = (b: unknown, a: DomainAgent = agent) =>
      a.client.call(`POST`, `/api/quality/agent/checks/${check.runId}/report`, b).then(
        () => ({ status: 200, code: '' }),
        (e: { status: number; code: string }) => ({ status: e.status, code: e.code }),
      );
    const sign = (msg: string, signer = crypto.Sm2Signer.generate()) =>
      signer.sign(msg, agent.client.agentId).toString('hex');

    // a changed report no longer matches its SM3
    const changed = { ...body, rules: body.rules.map((r, i) => (i === 0 ? { ...r, failed: 0 } : r)) };
    expect(await post({ report: changed, reportHash, signature: sign(receipt(reportHash)) })).toEqual({
      status: 400,
      code: 'QUALITY_REPORT_INVALID',
    });
    // signed with a key that is not the agent's
    expect(await post({ report: body, reportHash, signature: sign(receipt(reportHash)) })).toEqual({
      status: 400,
      code: 'QUALITY_REPORT_INVALID',
    });
    // another agent of the org did not lease it
    const { agent: other } = await heldResource();
    expect(await post({ report: body, reportHash, signature: sign(receipt(reportHash)) }, other)).toEqual({
      status: 409,
      code: 'QUALITY_CHECK_NOT_LEASED',
    });
    // a report leaving out a rule
    const short = { ...body, rules: body.rules.slice(1) };
    const shortHash = crypto.sm3Hex(jcs(short));
    const signer = (agent as unknown as { o: { signer: crypto.Sm2Signer } }).o.signer;
    expect(
      await post({ report: short, reportHash: shortHash, signature: sign(receipt(shortHash), signer) }),
    ).toEqual({
      status: 400,
      code: 'QUALITY_REPORT_INVALID',
    });
    // scores the agent claims are recomputed from the counts
    const claimed = { ...body, overall: 100, rules: body.rules.map((r) => ({ ...r, score: 100 })) };
    const claimedHash = crypto.sm3Hex(jcs(claimed));
    expect(
      await post({ report: claimed, reportHash: claimedHash, signature: sign(receipt(claimedHash), signer) }),
    ).toEqual({ status: 200, code: '' });
    const run = await ok<QualityRun>('GET', `/api/quality/runs/${check.runId}`, 'merchant');
    expect(run.overall).toBe(report.overall);
    expect(run.report!.rules.map((r) => r.score)).toEqual(report.rules.map((r) => r.score));
    // a finished run takes no second report
    expect(
      await post({ report: claimed, reportHash: claimedHash, signature: sign(receipt(claimedHash), signer) }),
    ).toEqual({ status: 409, code: 'QUALITY_CHECK_NOT_LEASED' });

    // the agent's failure fails the run with its reason
    const again = await ok<QualityRunSummary>('POST', `/api/quality/resources/${res.id}/runs`, 'merchant');
    await agent.client.call('POST', '/api/quality/agent/checks/lease');
    const failed = await agent.client.call<QualityRunSummary>(
      'POST',
      `/api/quality/agent/checks/${again.id}/failure`,
      {
        reason: 'the file could not be read',
      },
    );
    expect(failed).toMatchObject({ status: 'failed' });
    expect(failed.error).toContain('the file could not be read');
  });

  it('a run of a dataset the agent no longer holds fails at the next lease; a resource with neither file nor agent is refused', async () => {
    const { res, agent } = await heldResource();
    const started = await ok<QualityRunSummary>('POST', `/api/quality/resources/${res.id}/runs`, 'merchant');
    // the agent reports again without the dataset: it is withdrawn on the platform
    await agent.client.call('PUT', '/api/compute/agent/datasets', {
      datasets: [],
      software: 'shuliu-agent/test',
    });
    expect(await agent.runOnce()).toBeNull();
    const run = await ok<QualityRun>('GET', `/api/quality/runs/${started.id}`, 'merchant');
    expect(run.status).toBe('failed');
    expect(run.error).toContain('no longer holds');
    const again = await t.call<Err>('POST', `/api/quality/resources/${res.id}/runs`, 'merchant');
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('QUALITY_NO_DATA_FILE');
  });
});
