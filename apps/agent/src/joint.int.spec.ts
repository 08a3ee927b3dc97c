import type { Dataset, Job } from '@shuliu/contracts';
import { crypto, compute } from '@shuliu/core';
import { startTestServer, type TestServer } from '@shuliu/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { marketClient, type Err } from '../../server/src/routes/market.fixtures.js';
import type { HeldDataset } from './agent.js';
import { enrolledAgent, must, releasePolicy } from './agent.fixtures.js';

// 联合统计: a statistic over two holders' datasets, each agent computing its exact local part inside its own
// domain; the platform adds the parts up and adds the noise once, and both datasets' budgets pay.

let t: TestServer & { url: string };
type Body = Job & Err & { error: { details?: Record<string, unknown> } };

const COLUMNS: HeldDataset['columns'] = [
  { name: 'patient_id', type: 'text' },
  { name: 'dept', type: 'text' },
  { name: 'cost', type: 'number' },
];
const DEPTS = ['内科', '外科', '儿科'];
/** `n` patients, one visit each; dept i costs 100·(i + 1) plus a little. */
const clinic = (prefix: string, n: number) =>
  Array.from({ length: n }, (_, i) => ({
    patient_id: `${prefix}${i}`,
    dept: DEPTS[i % 3],
    cost: 100 * ((i % 3) + 1) + (i % 7),
  }));
const A = clinic('A', 3000);
const B = clinic('B', 1500);
const POLICY = releasePolicy({
  privacyUnit: 'patient_id',
  bounds: { cost: { lower: 0, upper: 1000 } },
  epsilonTotal: 30,
  epsilonPerQuery: 10,
});

const ok = <T>(method: string, url: string, as: string, body?: unknown) => must<T>(t, method, url, as, body);
const job = (id: string, as: string) => ok<Job>('GET', `/api/compute/jobs/${id}`, as);
const left = async (id: string, as: string) =>
  (await ok<Dataset>('GET', `/api/compute/datasets/${id}`, as)).epsilonRemaining;

let holder: Awaited<ReturnType<typeof enrolledAgent>>;
let consumer: Awaited<ReturnType<typeof enrolledAgent>>;

beforeAll(async () => {
  t = (await startTestServer({ listen: true })) as TestServer & { url: string };
  const { resource } = await marketClient(t).listable('merchant', '门诊费用（联合统计）', {}, false);
  holder = await enrolledAgent(
    t,
    'merchant',
    [{ name: 'clinic_a', title: '甲院门诊', resourceId: resource, columns: COLUMNS, source: { rows: A } }],
    POLICY,
  );
  consumer = await enrolledAgent(t, 'quancheng', [
    { name: 'clinic_b', title: '乙院门诊', columns: COLUMNS, source: { rows: B } },
    { name: 'no_cost', title: '无费用', columns: COLUMNS.slice(0, 2), source: { rows: B } },
  ]);
  await ok('PUT', `/api/compute/datasets/${consumer.ids.clinic_b}/policy`, 'quancheng', POLICY);
  await ok('PUT', `/api/compute/datasets/${consumer.ids.no_cost}/policy`, 'quancheng', {
    ...POLICY,
    bounds: {},
  });
  const me = await ok<{ org: { id: string } }>('GET', '/api/me', 'quancheng');
  await ok('POST', '/api/consent/org-grants', 'merchant', {
    granteeOrgId: me.org.id,
    resourceIds: [resource],
    maxGrade: 'important',
    purpose: '区域门诊费用联合统计',
    expiresAt: new Date(Date.now() + 86_400_000).toISOString(),
  });
});
afterAll(() => t.close());

const meanByDept = (withIds: string[], epsilon = 10) => ({
  datasetId: holder.ids.clinic_a,
  kind: 'joint',
  joint: {
    with: withIds,
    statistic: 'mean',
    column: 'cost',
    groupBy: { column: 'dept', categories: DEPTS },
  },
  epsilon,
});

describe('joint statistics across two agents', () => {
  it('adds each agent’s signed local part, noises once, and charges both datasets', async () => {
    const before = [
      await left(holder.ids.clinic_a!, 'quancheng'),
      await left(consumer.ids.clinic_b!, 'quancheng'),
    ];
    const queued = await t.call<Body>(
      'POST',
      '/api/compute/jobs',
      'quancheng',
      meanByDept([consumer.ids.clinic_b!]),
    );
    expect(queued.status, JSON.stringify(queued.body)).toBe(202);
    expect(queued.body).toMatchObject({ kind: 'joint', basis: 'org_grant', epsilon: 10 });
    // both budgets are reserved at once
    expect(await left(holder.ids.clinic_a!, 'quancheng')).toBeCloseTo(before[0]! - 10, 6);
    expect(await left(consumer.ids.clinic_b!, 'quancheng')).toBeCloseTo(before[1]! - 10, 6);

    expect(await holder.agent.runOnce()).toBe(queued.body.id);
    const between = await job(queued.body.id, 'quancheng');
    expect(between).toMatchObject({ status: 'queued', result: null });
    expect(between.jointParts).toHaveLength(1);
    expect(await consumer.agent.runOnce()).toBe(queued.body.id);

    const done = await job(queued.body.id, 'quancheng');
    expect(done.status, done.reason ?? '').toBe('done');
    expect(done.result!.columns).toEqual(['dept', 'count', 'mean_cost']);
    const truth = DEPTS.map((dept) => {
      const rows = [...A, ...B].filter((r) => r.dept === dept);
      return { dept, n: rows.length, mean: rows.reduce((s, r) => s + r.cost, 0) / rows.length };
    });
    done.result!.rows.forEach((row, i) => {
      expect(row[0]).toBe(truth[i]!.dept);
      // Σm = 2 at ε/2 = 5: the counts move by a few, the means by well under a unit
      expect(Math.abs((row[1] as number) - truth[i]!.n)).toBeLessThan(15);
      expect(Math.abs((row[2] as number) - truth[i]!.mean)).toBeLessThan(5);
    });
    expect(done.result!.mechanism).toMatch(/2 agents.*Σm = 2.*= 2000/);
    expect(done.receipt).toBeNull();
    expect(done.ledgerIndex).toEqual(expect.any(Number));
    expect(done.privacySpent).toEqual({ epsilon: 10, delta: 0 });

    // each part is signed by its own agent over the part's receipt; what the parts held is not kept
    expect(done.jointParts!.map((p) => [p.datasetId, p.agentId])).toEqual([
      [holder.ids.clinic_a, holder.agent.client.agentId],
      [consumer.ids.clinic_b, consumer.agent.client.agentId],
    ]);
    for (const p of done.jointParts!) {
      const receipt = compute.jobReceipt(
        { id: done.id, dataset_id: p.datasetId, query_hash: done.queryHash },
        p.agentId,
        p.localHash,
        { epsilon: 0, delta: 0 },
      );
      expect(
        crypto.sm2Verify(
          crypto.parsePublicKey(p.publicKey),
          (await import('@shuliu/contracts')).jcs(receipt),
          p.signature,
          p.agentId,
        ),
      ).toBe(true);
    }
    const stored = await t.services.db
      .selectFrom('compute_jobs')
      .select('joint_parts')
      .where('id', '=', done.id)
      .executeTakeFirstOrThrow();
    expect(JSON.stringify(stored.joint_parts)).not.toContain('"local"');
    // the holder of either dataset sees the job and its result
    expect((await job(done.id, 'merchant')).result!.rows).toEqual(done.result!.rows);
  });

  it('refuses datasets without the column, budgets that cannot pay, and a part of the wrong dataset', async () => {
    const missing = await t.call<Body>(
      'POST',
      '/api/compute/jobs',
      'quancheng',
      meanByDept([consumer.ids.no_cost!]),
    );
    expect(missing.status).toBe(422);
    expect(missing.body.error).toMatchObject({ details: { rule: 'joint_mismatch', field: 'joint' } });

    const twice = await t.call<Body>(
      'POST',
      '/api/compute/jobs',
      'quancheng',
      meanByDept([holder.ids.clinic_a!]),
    );
    expect(twice.body.error).toMatchObject({ details: { rule: 'joint_mismatch' } });

    // the holder's dataset has 30 × 0.5 = 15 for quancheng, 10 spent: another 10 cannot be paid there,
    // though quancheng's own dataset could (30, 10 spent)
    const share = await t.call<Body>(
      'POST',
      '/api/compute/jobs',
      'quancheng',
      meanByDept([consumer.ids.clinic_b!], 10),
    );
    expect(share.status).toBe(409);
    expect(share.body.error.details).toMatchObject({ datasetId: holder.ids.clinic_a });

    const queued = await t.call<Body>(
      'POST',
      '/api/compute/jobs',
      'quancheng',
      meanByDept([consumer.ids.clinic_b!], 1),
    );
    await holder.agent.client.call('POST', '/api/compute/agent/jobs/lease');
    const wrong = await holder.agent.client
      .call('POST', `/api/compute/agent/jobs/${queued.body.id}/part`, {
        local: { datasetId: consumer.ids.clinic_b, groups: DEPTS.map((key) => ({ key, n: 1, s: 1 })) },
        localHash: '0'.repeat(64),
        signature: '0'.repeat(128),
      })
      .catch((e: Error) => e.message);
    expect(wrong).toMatch(/^400 COMPUTE_RESULT_INVALID: local\.datasetId/);
    // a finished job's exact parts go, and a failed one gives both reservations back
    await holder.agent.client.call('POST', `/api/compute/agent/jobs/${queued.body.id}/failure`, {
      outcome: 'failed',
      reason: 'the test gives up',
    });
    expect(await job(queued.body.id, 'quancheng')).toMatchObject({ status: 'failed', privacySpent: null });
    expect(await left(consumer.ids.clinic_b!, 'quancheng')).toBeCloseTo(20, 6);
  });

  it('checks each dataset’s basis again at its turn: a grant revoked meanwhile refuses the job and refunds both', async () => {
    const { resource } = await marketClient(t).listable('merchant', '门诊费用（联合统计·撤回）', {}, false);
    const late = await enrolledAgent(
      t,
      'merchant',
      [{ name: 'clinic_c', title: '丙院门诊', resourceId: resource, columns: COLUMNS, source: { rows: A } }],
      POLICY,
    );
    const me = await ok<{ org: { id: string } }>('GET', '/api/me', 'quancheng');
    const grant = await ok<{ id: string }>('POST', '/api/consent/org-grants', 'merchant', {
      granteeOrgId: me.org.id,
      resourceIds: [resource],
      maxGrade: 'important',
      purpose: '区域门诊费用联合统计',
      expiresAt: new Date(Date.now() + 86_400_000).toISOString(),
    });
    // the consumer's own dataset first, the holder's second
    const queued = await t.call<Body>('POST', '/api/compute/jobs', 'quancheng', {
      datasetId: consumer.ids.clinic_b,
      kind: 'joint',
      joint: { with: [late.ids.clinic_c], statistic: 'count' },
      epsilon: 1,
    });
    expect(queued.status, JSON.stringify(queued.body)).toBe(202);
    const before = await left(consumer.ids.clinic_b!, 'quancheng');
    expect(await consumer.agent.runOnce()).toBe(queued.body.id);
    await ok('POST', `/api/consent/org-grants/${grant.id}/revoke`, 'merchant', { reason: '合作结束' });
    expect(await late.agent.runOnce()).toBeNull();
    expect(await job(queued.body.id, 'quancheng')).toMatchObject({
      status: 'refused',
      rule: 'basis_lapsed',
      privacySpent: null,
    });
    expect(await left(consumer.ids.clinic_b!, 'quancheng')).toBeCloseTo(before + 1, 6);
  });
});
