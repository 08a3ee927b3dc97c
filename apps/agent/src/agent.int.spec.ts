import type { CreatedAgent, Dataset, Job, LeasedJob, ReleasePolicy } from '@shuliu/contracts';
import { jcs, jobReceiptBody, verifyJobReceipt } from '@shuliu/contracts';
import { crypto } from '@shuliu/core';
import { startTestServer, type TestServer } from '@shuliu/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { marketClient, productBody, type Err } from '../../server/src/routes/market.fixtures.js';
import { TradeClient } from '../../server/src/routes/trade.fixtures.js';
import { DomainAgent, type HeldDataset } from './agent.js';
import { must, releasePolicy } from './agent.fixtures.js';
import { runSqlJob } from './run-job.js';

// 原始数据不出域: a platform and two agents on loopback. The agents only call out, lease jobs on their own
// datasets, compute inside their domain and return the released result with an SM2-signed receipt that the
// platform checks and writes to the ledger.

let t: TestServer & { url: string };
type Body = Job & Err;

const DEPTS = ['内科', '外科', '儿科', '眼科'];
/** 1,200 visits of 400 patients (three each), known exactly so that the release can be compared to the truth. */
const VISITS = Array.from({ length: 1200 }, (_, i) => ({
  patient_id: `P${String(i % 400).padStart(4, '0')}`,
  age: 20 + (i % 60),
  dept: DEPTS[i % 4]!,
  cost: 100 + ((i * 37) % 900),
}));
const COLUMNS: HeldDataset['columns'] = [
  { name: 'patient_id', type: 'text' },
  { name: 'age', type: 'integer' },
  { name: 'dept', type: 'text' },
  { name: 'cost', type: 'number' },
];
const POLICY = releasePolicy({
  privacyUnit: 'patient_id',
  maxContributions: 3,
  bounds: { cost: { lower: 0, upper: 1000 }, age: { lower: 0, upper: 110 } },
  epsilonTotal: 100,
  deltaTotal: 1e-5,
  epsilonPerQuery: 10,
});

const ok = <T>(method: string, url: string, as: string, body?: unknown) => must<T>(t, method, url, as, body);

/** An agent registered by `admin`, enrolled with a key it made, holding `datasets`; its datasets reported. */
let agents = 0;
async function agentOf(admin: string, name: string, datasets: HeldDataset[]) {
  // a retried test registers an agent of its own
  const made = await ok<CreatedAgent>('POST', '/api/compute/agents', admin, { name: `${name}_${++agents}` });
  const signer = crypto.Sm2Signer.generate();
  const enrol = await fetch(`${t.url}/api/compute/agent/enrol`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ agentId: made.id, code: made.enrolmentCode, publicKey: signer.publicKeyHex }),
  });
  expect(enrol.status).toBe(200);
  const agent = new DomainAgent({ platformUrl: t.url, agentId: made.id, signer, datasets });
  const { items } = await agent.report();
  return { agent, signer, id: made.id, datasets: new Map(items.map((d) => [d.name, d.id])) };
}

const setPolicy = (as: string, id: string, over: Partial<ReleasePolicy> = {}) =>
  ok<Dataset>('PUT', `/api/compute/datasets/${id}/policy`, as, { ...POLICY, ...over });
const submit = (as: string, body: Record<string, unknown>) =>
  t.call<Body>('POST', '/api/compute/jobs', as, body);
const job = (as: string, id: string) => ok<Job>('GET', `/api/compute/jobs/${id}`, as);
const dataset = (as: string, id: string) => ok<Dataset>('GET', `/api/compute/datasets/${id}`, as);

let qilu: Awaited<ReturnType<typeof agentOf>>;
let visitsId = '';

beforeAll(async () => {
  t = (await startTestServer({ listen: true })) as TestServer & { url: string };
  qilu = await agentOf('merchant', 'qilu_hospital', [
    { name: 'visits', title: '门诊就诊记录', columns: COLUMNS, source: { rows: VISITS } },
  ]);
  visitsId = qilu.datasets.get('visits')!;
  await setPolicy('merchant', visitsId);
});
afterAll(() => t.close());

describe('a SQL job on a dataset held in its domain', () => {
  it('is queued with its budget reserved, run by the agent, released with noise and receipted in the ledger', async () => {
    const before = await dataset('merchant', visitsId);
    const sql =
      'SELECT dept, count(*) AS visits, avg(cost) AS avg_cost FROM visits GROUP BY dept ORDER BY dept';
    const queued = await submit('merchant', { datasetId: visitsId, sql, purpose: '门诊费用结构分析' });
    expect(queued.status, JSON.stringify(queued.body)).toBe(202);
    expect(queued.body).toMatchObject({ status: 'queued', basis: 'owner', epsilon: 10, result: null });
    expect(queued.body.queryHash).toBe(crypto.sm3Hex(sql));
    expect((await dataset('merchant', visitsId)).epsilonSpent).toBeCloseTo(before.epsilonSpent + 10, 9);

    expect(await qilu.agent.runOnce()).toBe(queued.body.id);
    const done = await job('merchant', queued.body.id);
    expect(done.status).toBe('done');
    expect(done.result!.columns).toEqual(['dept', 'visits', 'avg_cost']);
    expect(done.result!.rows.map((r) => r[0])).toEqual([...DEPTS].sort((a, b) => a.localeCompare(b)));
    for (const [dept, visits, avg] of done.result!.rows as [string, number, number][]) {
      const rows = VISITS.filter((v) => v.dept === dept);
      const truth = rows.reduce((s, v) => s + v.cost, 0) / rows.length;
      expect(Math.abs(visits - rows.length)).toBeLessThan(30);
      expect(Math.abs(avg - truth)).toBeLessThan(60);
    }
    expect(done.result!.mechanism).toMatch(/Laplace/);

    // the receipt: the agent's signature over the receipt checks offline, and the ledger holds it
    const r = done.receipt!;
    const body = jobReceiptBody(r);
    expect(verifyJobReceipt(done.result!, r).ok).toBe(true);
    expect(r.resultHash).toBe(crypto.sm3Hex(jcs(done.result!)));
    const key = crypto.parsePublicKey(r.publicKey);
    expect(crypto.sm2Verify(key, jcs(body), r.signature, qilu.id)).toBe(true);
    expect(crypto.sm2Verify(key, jcs({ ...body, epsilon: 0.1 }), r.signature, qilu.id)).toBe(false);
    const reply = await ok<{ entry: string }>('GET', `/api/ledger/entries/${r.ledgerIndex}`, 'regulator');
    const entry = JSON.parse(reply.entry) as {
      type: string;
      objectId: string;
      objectSm3: string;
      attrs: object;
    };
    expect(entry).toMatchObject({
      type: 'compute.job.completed',
      objectId: done.id,
      objectSm3: crypto.sm3Hex(jcs(body)),
    });
    expect(entry.attrs).toMatchObject({
      ...body,
      keyId: r.keyId,
      publicKey: r.publicKey,
      signature: r.signature,
    });
  });

  it('refuses a query outside the allow-list by its rule, storing nothing and spending nothing', async () => {
    const spent = (await dataset('merchant', visitsId)).epsilonSpent;
    const listed = await ok<{ total: number }>('GET', '/api/compute/jobs?side=owner', 'merchant');
    for (const [sql, rule] of [
      ['SELECT patient_id, cost FROM visits', 'row_level_output'],
      ["SELECT count(*) FROM read_csv('/etc/passwd')", 'table_function'],
      ['SELECT max(cost) FROM visits', 'individual_aggregate'],
      ['SELECT sum(age) FROM visits USING SAMPLE 10', 'sampling'],
      ['SELECT count(*) FROM visits; SELECT 1', 'one_select'],
      ['SELEC count(*) FROM visits', 'malformed'],
    ] as const) {
      const r = await submit('merchant', { datasetId: visitsId, sql });
      expect(r.status, sql).toBe(422);
      expect(r.body.error.code).toBe('COMPUTE_QUERY_REFUSED');
      expect((r.body.error as { details?: { rule?: string } }).details?.rule, sql).toBe(rule);
    }
    expect((await dataset('merchant', visitsId)).epsilonSpent).toBe(spent);
    expect((await ok<{ total: number }>('GET', '/api/compute/jobs?side=owner', 'merchant')).total).toBe(
      listed.total,
    );
  });

  it('refuses an org without a basis, and runs the buyer of a concluded compute contract on its share', async () => {
    const bare = await submit('quancheng', { datasetId: visitsId, sql: 'SELECT count(*) FROM visits' });
    expect(bare.status).toBe(403);
    expect(bare.body.error.code).toBe('COMPUTE_BASIS_MISSING');
    const unknown = await submit('quancheng', {
      datasetId: visitsId,
      sql: 'SELECT count(*) FROM visits',
      contractNo: 'HT-2026-999999',
    });
    expect(unknown.status).toBe(403);
    expect(unknown.body.error.message).toMatch(/HT-2026-999999 does not exist/);

    // a compute service on the resource the dataset is, and a contract concluded for it
    const m = marketClient(t);
    const { resource } = await m.listable('merchant', '门诊就诊记录');
    const product = await m.listed(
      'merchant',
      productBody([resource], { title: '门诊统计计算服务', deliveryModes: ['compute'] }),
    );
    const contractNo = await new TradeClient(t, m).concluded(product.id, 'quancheng', 'merchant', {
      deliveryMode: 'compute',
    });
    const notYet = await submit('quancheng', {
      datasetId: visitsId,
      sql: 'SELECT count(*) FROM visits',
      contractNo,
    });
    expect(notYet.body.error.message).toMatch(/does not name this dataset’s resource/);

    const linked = await agentOf('merchant', 'qilu_clinic', [
      {
        name: 'clinic_visits',
        title: '门诊就诊记录',
        resourceId: resource,
        columns: COLUMNS,
        source: { rows: VISITS },
      },
    ]);
    const clinic = linked.datasets.get('clinic_visits')!;
    await setPolicy('merchant', clinic, { consumerShare: 0.15 });
    const r = await submit('quancheng', {
      datasetId: clinic,
      sql: 'SELECT count(*) AS n FROM visits',
      contractNo,
    });
    expect(r.status).toBe(422); // the table is named as the holder reported it
    const queued = await submit('quancheng', {
      datasetId: clinic,
      sql: 'SELECT count(*) AS n FROM clinic_visits',
      contractNo,
    });
    expect(queued.status, JSON.stringify(queued.body)).toBe(202);
    expect(queued.body).toMatchObject({ basis: 'contract', contractNo, purpose: '风控' });
    // the other agent never receives it
    expect(await qilu.agent.runOnce()).toBeNull();
    expect(await linked.agent.runOnce()).toBe(queued.body.id);
    const done = await job('quancheng', queued.body.id);
    expect(done.status).toBe('done');
    expect(Math.abs((done.result!.rows[0]![0] as number) - 1200)).toBeLessThan(40);
    // the consumer's share is 15 of 100: a second query at ε 10 would exceed it
    const over = await submit('quancheng', {
      datasetId: clinic,
      sql: 'SELECT count(*) FROM clinic_visits',
      contractNo,
    });
    expect(over.status).toBe(409);
    expect(over.body.error.code).toBe('COMPUTE_BUDGET_EXHAUSTED');
    expect((over.body.error as { details?: { rule?: string } }).details?.rule).toBe(
      'consumer_share_exhausted',
    );
    expect((await dataset('quancheng', clinic)).epsilonRemaining).toBeCloseTo(5, 9);
  });
});

describe('an approved algorithm (template) on the dataset', () => {
  it('runs a histogram, quantiles, a bounded mean and a linear regression with noise, each receipted', async () => {
    const run = async (template: Record<string, unknown>) => {
      const q = await submit('merchant', { datasetId: visitsId, kind: 'template', template });
      expect(q.status, JSON.stringify(q.body)).toBe(202);
      expect(q.body.queryHash).toBe(crypto.sm3Hex(jcs(template as never)));
      expect(await qilu.agent.runOnce()).toBe(q.body.id);
      const done = await job('merchant', q.body.id);
      expect(done.status, done.reason ?? '').toBe('done');
      expect(done.receipt!.resultHash).toBe(crypto.sm3Hex(jcs(done.result!)));
      return done;
    };
    const hist = await run({ name: 'histogram', column: 'dept', categories: DEPTS });
    expect(hist.result!.columns).toEqual(['dept', 'count']);
    for (const [dept, n] of hist.result!.rows as [string, number][])
      expect(Math.abs(n - VISITS.filter((v) => v.dept === dept).length)).toBeLessThan(40);
    expect(hist.privacySpent).toEqual({ epsilon: 10, delta: 0 });

    const mean = await run({ name: 'mean', column: 'cost' });
    const truth = VISITS.reduce((s, v) => s + v.cost, 0) / VISITS.length;
    expect(Math.abs((mean.result!.rows[0]![0] as number) - truth)).toBeLessThan(25);

    const qs = await run({ name: 'quantiles', column: 'age', qs: [0.5] });
    expect(Math.abs((qs.result!.rows[0]![1] as number) - 50)).toBeLessThan(12);

    const lr = await run({ name: 'linear_regression', features: ['age'], target: 'cost' });
    expect(lr.result!.columns).toEqual(['term', 'coefficient']);
    expect(lr.result!.rows.map((r) => r[0])).toEqual(['(intercept)', 'age']);
  });

  it('refuses a template by rule: a column it lacks, a column without bounds, a text column read as numbers', async () => {
    for (const [template, rule] of [
      [{ name: 'mean', column: 'weight' }, 'unknown_column'],
      [{ name: 'histogram', column: 'dept', bins: { lower: 0, upper: 1, count: 2 } }, 'column_type'],
      [{ name: 'histogram', column: 'dept' }, 'unsupported'],
      [{ name: 'sum', column: 'patient_id' }, 'column_type'],
    ] as const) {
      const r = await submit('merchant', { datasetId: visitsId, kind: 'template', template });
      expect(r.status, JSON.stringify(template)).toBe(422);
      expect((r.body.error as { details?: { rule?: string } }).details?.rule).toBe(rule);
    }
    const both = await submit('merchant', {
      datasetId: visitsId,
      kind: 'template',
      sql: 'SELECT 1',
      template: { name: 'sum', column: 'cost' },
    });
    expect(both.status).toBe(400);
    const { datasets } = await agentOf('merchant', 'qilu_unbounded', [
      { name: 'unbounded', title: '无声明范围', columns: COLUMNS, source: { rows: VISITS } },
    ]);
    await setPolicy('merchant', datasets.get('unbounded')!, { bounds: {} });
    const r = await submit('merchant', {
      datasetId: datasets.get('unbounded')!,
      kind: 'template',
      template: { name: 'mean', column: 'cost' },
    });
    expect((r.body.error as { details?: { rule?: string } }).details?.rule).toBe('bounds_missing');
  });
});

describe('the privacy budget', () => {
  it('is never overspent by concurrent jobs: 20 at once on a budget for 3', async () => {
    const { datasets } = await agentOf('merchant', 'qilu_race', [
      { name: 'race_visits', title: '并发预算测试', columns: COLUMNS, source: { rows: VISITS } },
    ]);
    const id = datasets.get('race_visits')!;
    await setPolicy('merchant', id, { epsilonTotal: 3, epsilonPerQuery: 1 });
    const answers = await Promise.all(
      Array.from({ length: 20 }, () =>
        submit('merchant', { datasetId: id, sql: 'SELECT count(*) FROM race_visits' }),
      ),
    );
    expect(answers.filter((a) => a.status === 202)).toHaveLength(3);
    expect(answers.filter((a) => a.status === 409).map((a) => a.body.error.code)).toEqual(
      Array(17).fill('COMPUTE_BUDGET_EXHAUSTED'),
    );
    const d = await dataset('merchant', id);
    expect(d.epsilonSpent).toBeCloseTo(3, 9);
    expect(d.epsilonRemaining).toBeCloseTo(0, 9);
  });

  it('is given back when the agent fails a job, which released nothing', async () => {
    const tiny = await agentOf('merchant', 'qilu_tiny', [
      { name: 'tiny_visits', title: '结果行数上限测试', columns: COLUMNS, source: { rows: VISITS } },
    ]);
    const strict = new DomainAgent({
      platformUrl: t.url,
      agentId: tiny.id,
      signer: tiny.signer,
      datasets: [
        { name: 'tiny_visits', title: '结果行数上限测试', columns: COLUMNS, source: { rows: VISITS } },
      ],
      limits: { timeoutMs: 10_000, memoryLimit: '256MB', maxResultRows: 2 },
    });
    const id = tiny.datasets.get('tiny_visits')!;
    await setPolicy('merchant', id);
    const queued = await submit('merchant', {
      datasetId: id,
      sql: 'SELECT dept, count(*) FROM tiny_visits GROUP BY dept',
    });
    expect((await dataset('merchant', id)).epsilonSpent).toBeCloseTo(10, 9);
    await strict.runOnce();
    const failed = await job('merchant', queued.body.id);
    expect(failed).toMatchObject({ status: 'failed', rule: 'limit_rows', result: null, receipt: null });
    expect(failed.reason).toMatch(/more than 2 rows/);
    expect((await dataset('merchant', id)).epsilonSpent).toBe(0);
  });
});

describe('an agent that goes away or lies', () => {
  it('leaves a job it leased retryable: the lapsed lease is taken again and the job completes once', async () => {
    const queued = await submit('merchant', {
      datasetId: visitsId,
      sql: 'SELECT avg(age) AS age FROM visits',
    });
    const first = await qilu.agent.client.call<{ job: LeasedJob }>('POST', '/api/compute/agent/jobs/lease');
    expect(first.job).toMatchObject({ id: queued.body.id, attempt: 1 });
    // the agent vanished: nothing was released, the lease runs out
    await t.services.db
      .updateTable('compute_jobs')
      .set({ lease_expires_at: new Date(Date.now() - 1000) })
      .where('id', '=', queued.body.id)
      .execute();
    expect((await job('merchant', queued.body.id)).status).toBe('running');
    expect(await qilu.agent.runOnce()).toBe(queued.body.id);
    const done = await job('merchant', queued.body.id);
    expect(done).toMatchObject({ status: 'done', attempts: 2 });
  });

  it('refuses a tampered result or receipt, and takes the honest one after', async () => {
    const queued = await submit('merchant', {
      datasetId: visitsId,
      sql: 'SELECT sum(cost) AS total FROM visits',
    });
    const { job: leased } = await qilu.agent.client.call<{ job: LeasedJob }>(
      'POST',
      '/api/compute/agent/jobs/lease',
    );
    const { result, privacySpent } = await runSqlJob(leased, { rows: VISITS });
    const resultHash = crypto.sm3Hex(jcs(result));
    const receipt = {
      v: 1,
      jobId: leased.id,
      datasetId: leased.datasetId,
      agentId: qilu.id,
      queryHash: leased.queryHash,
      resultHash,
      epsilon: privacySpent.epsilon,
      delta: privacySpent.delta,
    };
    const signature = qilu.signer.sign(jcs(receipt), qilu.id).toString('hex');
    const post = (body: unknown) =>
      qilu.agent.client.call<Job>('POST', `/api/compute/agent/jobs/${leased.id}/result`, body).then(
        () => 'accepted',
        (e: { code: string }) => e.code,
      );
    const forged = { ...result, rows: [[1]] };
    expect(await post({ result: forged, privacySpent, resultHash, signature })).toBe(
      'COMPUTE_RESULT_INVALID',
    );
    const rehashed = crypto.sm3Hex(jcs(forged));
    expect(await post({ result: forged, privacySpent, resultHash: rehashed, signature })).toBe(
      'COMPUTE_RESULT_INVALID',
    );
    const other = crypto.Sm2Signer.generate().sign(jcs(receipt), qilu.id).toString('hex');
    expect(await post({ result, privacySpent, resultHash, signature: other })).toBe('COMPUTE_RESULT_INVALID');
    expect(await post({ result, privacySpent: { epsilon: 50, delta: 0 }, resultHash, signature })).toBe(
      'COMPUTE_RESULT_INVALID',
    );
    expect((await job('merchant', queued.body.id)).status).toBe('running');
    expect(await post({ result, privacySpent, resultHash, signature })).toBe('accepted');
    expect(await post({ result, privacySpent, resultHash, signature })).toBe('COMPUTE_JOB_NOT_RUNNING');
    expect((await job('merchant', queued.body.id)).status).toBe('done');
  });

  it('takes no login or API token on its own routes, and its signed calls reach nothing else', async () => {
    const asUser = await t.call<Err>('POST', '/api/compute/agent/jobs/lease', 'merchant');
    expect(asUser.status).toBe(403);
    expect(asUser.body.error.code).toBe('COMPUTE_AGENT_SIGNATURE_REQUIRED');
    const elsewhere = await qilu.agent.client
      .call('POST', '/api/compute/jobs', {
        datasetId: visitsId,
        sql: 'SELECT count(*) FROM visits',
      })
      .catch((e: { status: number }) => e.status);
    expect(elsewhere).toBe(403);
  });
});

describe('important data released by hand', () => {
  it('holds the result for the holder’s reviewer, who releases or withholds it with a reason', async () => {
    const a = await agentOf('merchant', 'qilu_review', [
      { name: 'icu_visits', title: '重症就诊记录', columns: COLUMNS, source: { rows: VISITS } },
    ]);
    const id = a.datasets.get('icu_visits')!;
    await setPolicy('merchant', id, { manualRelease: true });
    const one = await submit('merchant', { datasetId: id, sql: 'SELECT count(*) AS n FROM icu_visits' });
    const two = await submit('merchant', { datasetId: id, sql: 'SELECT avg(cost) AS c FROM icu_visits' });
    await a.agent.runOnce();
    await a.agent.runOnce();
    expect((await job('merchant', one.body.id)).status).toBe('review');
    expect((await job('regulator', one.body.id)).result).toBeNull();
    const bare = await t.call<Err>('POST', `/api/compute/jobs/${two.body.id}/review`, 'merchant', {
      decision: 'withhold',
    });
    expect(bare.status).toBe(400);
    const released = await ok<Job>('POST', `/api/compute/jobs/${one.body.id}/review`, 'merchant', {
      decision: 'release',
    });
    expect(released.status).toBe('done');
    const withheld = await ok<Job>('POST', `/api/compute/jobs/${two.body.id}/review`, 'merchant', {
      decision: 'withhold',
      reason: '结果可能揭示单一重症患者费用',
    });
    expect(withheld).toMatchObject({
      status: 'withheld',
      reason: '结果可能揭示单一重症患者费用',
      result: null,
    });
    const again = await t.call<Err>('POST', `/api/compute/jobs/${one.body.id}/review`, 'merchant', {
      decision: 'release',
    });
    expect(again.body.error.code).toBe('COMPUTE_JOB_NOT_IN_REVIEW');
  });
});
