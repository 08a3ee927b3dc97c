import type { CreatedAgent, Dataset, Job } from '@shuliu/contracts';
import { crypto } from '@shuliu/core';
import { startTestServer, type TestServer } from '@shuliu/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { marketClient, type Err } from '../../server/src/routes/market.fixtures.js';
import { DomainAgent, type HeldDataset } from './agent.js';
import { must, releasePolicy } from './agent.fixtures.js';

// 授权依据: a job on another org's dataset runs under a concluded contract, an enterprise authorization from
// the holder naming the dataset's resource, or a public-data authorized-operation grant covering it; the
// refusal names what is missing.

let t: TestServer & { url: string };
type Body = Job & Err & { error: { details?: Record<string, unknown> } };

const COLUMNS: HeldDataset['columns'] = [
  { name: 'firm_id', type: 'text' },
  { name: 'city', type: 'text' },
  { name: 'score', type: 'integer' },
];
const ROWS = Array.from({ length: 600 }, (_, i) => ({
  firm_id: `F${i % 300}`,
  city: ['济南', '青岛', '烟台'][i % 3],
  score: 500 + (i % 300),
}));
const POLICY = releasePolicy({
  privacyUnit: 'firm_id',
  maxContributions: 2,
  bounds: { score: { lower: 300, upper: 900 } },
  epsilonTotal: 20,
  deltaTotal: 1e-5,
});

const ok = <T>(method: string, url: string, as: string, body?: unknown) => must<T>(t, method, url, as, body);
const orgOf = async (as: string) => (await ok<{ org: { id: string } }>('GET', '/api/me', as)).org.id;
const submit = (as: string, body: Record<string, unknown>) =>
  t.call<Body>('POST', '/api/compute/jobs', as, body);
const inDays = (d: number) => new Date(Date.now() + d * 86_400_000).toISOString();

/** A dataset held by an agent of `admin`'s org, linked to `resourceId`, with the release policy set. */
async function heldDataset(admin: string, name: string, resourceId: string) {
  const made = await ok<CreatedAgent>('POST', '/api/compute/agents', admin, {
    name: `${name}_${Date.now() % 1_000_000}`,
  });
  const signer = crypto.Sm2Signer.generate();
  await ok('POST', '/api/compute/agent/enrol', admin, {
    agentId: made.id,
    code: made.enrolmentCode,
    publicKey: signer.publicKeyHex,
  });
  const agent = new DomainAgent({
    platformUrl: t.url,
    agentId: made.id,
    signer,
    datasets: [{ name, title: name, resourceId, columns: COLUMNS, source: { rows: ROWS } }],
  });
  const { items } = await agent.report();
  await ok<Dataset>('PUT', `/api/compute/datasets/${items[0]!.id}/policy`, admin, POLICY);
  return { agent, datasetId: items[0]!.id };
}

beforeAll(async () => {
  t = (await startTestServer({ listen: true })) as TestServer & { url: string };
});
afterAll(() => t.close());

describe('the basis of a job on another organization’s dataset', () => {
  it('is an enterprise authorization from the holder naming the dataset’s resource, for its purpose, until revoked', async () => {
    const m = marketClient(t);
    const { resource } = await m.listable('merchant', '企业信用评分（授权计算）', {}, false);
    const { agent, datasetId } = await heldDataset('merchant', 'firm_scores', resource);
    const sql = 'SELECT city, avg(score) AS s FROM firm_scores GROUP BY city';

    const none = await submit('quancheng', { datasetId, sql });
    expect(none.status).toBe(403);
    expect(none.body.error.code).toBe('COMPUTE_BASIS_MISSING');
    expect(none.body.error.message).toMatch(
      /contract .*enterprise authorization.*authorized-operation grant/,
    );

    const grant = await ok<{ id: string }>('POST', '/api/consent/org-grants', 'merchant', {
      granteeOrgId: await orgOf('quancheng'),
      resourceIds: [resource],
      maxGrade: 'important',
      purpose: '供应链金融风控',
      expiresAt: inDays(30),
    });
    const other = await submit('quancheng', { datasetId, sql, purpose: '营销获客' });
    expect(other.status).toBe(403);
    expect(other.body.error).toMatchObject({ details: { field: 'purpose' } });
    expect(other.body.error.message).toMatch(/供应链金融风控/);

    const queued = await submit('quancheng', { datasetId, sql });
    expect(queued.status, JSON.stringify(queued.body)).toBe(202);
    expect(queued.body).toMatchObject({
      basis: 'org_grant',
      grantId: grant.id,
      contractNo: null,
      purpose: '供应链金融风控',
    });
    expect(await agent.runOnce()).toBe(queued.body.id);
    expect((await ok<Job>('GET', `/api/compute/jobs/${queued.body.id}`, 'quancheng')).status).toBe('done');

    // another org's grant id, or a contract and a grant at once, is no basis
    const wrong = await submit('quancheng', { datasetId, sql, grantId: `eag_${'0'.repeat(26)}` });
    expect(wrong.status).toBe(403);
    expect(wrong.body.error).toMatchObject({ details: { field: 'grantId' } });
    const both = await submit('quancheng', {
      datasetId,
      sql,
      grantId: grant.id,
      contractNo: 'HT-2026-000001',
    });
    expect(both.status).toBe(400);

    // a job queued under it and not yet run is refused when the grant is revoked, its budget given back
    const pending = await submit('quancheng', { datasetId, sql });
    expect(pending.status).toBe(202);
    const spent = (await ok<Dataset>('GET', `/api/compute/datasets/${datasetId}`, 'merchant')).epsilonSpent;
    await ok('POST', `/api/consent/org-grants/${grant.id}/revoke`, 'merchant', { reason: '合作结束' });
    expect((await submit('quancheng', { datasetId, sql })).status).toBe(403);
    expect(await agent.runOnce()).toBeNull();
    const lapsed = await ok<Job>('GET', `/api/compute/jobs/${pending.body.id}`, 'quancheng');
    expect(lapsed).toMatchObject({ status: 'refused', rule: 'basis_lapsed', result: null });
    expect(lapsed.reason).toMatch(new RegExp(`enterprise authorization ${grant.id} is revoked`));
    const after = (await ok<Dataset>('GET', `/api/compute/datasets/${datasetId}`, 'merchant')).epsilonSpent;
    expect(after).toBeCloseTo(spent - 1, 9);
  });

  it('is an authorized-operation grant over the authority’s public data, with the purpose stated', async () => {
    const m = marketClient(t);
    const { resource } = await m.listable('authority', '济南市企业公共信用评分（授权运营）', {
      subjectType: 'public',
      sectorCode: 'transport.road',
    });
    const { agent, datasetId } = await heldDataset('authority', 'public_scores', resource);
    const sql = 'SELECT count(*) AS n FROM public_scores';
    expect((await submit('quancheng', { datasetId, sql, purpose: '区域信用指数' })).status).toBe(403);

    const grant = await ok<{ id: string }>('POST', '/api/consent/operation-grants', 'authority', {
      operatorOrgId: await orgOf('quancheng'),
      scope: 'comprehensive',
      maxGrade: 'general_4',
      startsAt: inDays(-1),
      endsAt: inDays(200),
      priceGuidanceFen: 100_00,
    });
    const unstated = await submit('quancheng', { datasetId, sql });
    expect(unstated.status).toBe(400);
    expect(unstated.body.error).toMatchObject({ details: { field: 'purpose' } });
    const queued = await submit('quancheng', { datasetId, sql, purpose: '区域信用指数' });
    expect(queued.status, JSON.stringify(queued.body)).toBe(202);
    expect(queued.body).toMatchObject({
      basis: 'operation_grant',
      grantId: grant.id,
      purpose: '区域信用指数',
    });
    expect(await agent.runOnce()).toBe(queued.body.id);

    const pending = await submit('quancheng', { datasetId, sql, purpose: '区域信用指数' });
    await ok('POST', `/api/consent/operation-grants/${grant.id}/suspend`, 'authority', {
      reason: '年度评估',
    });
    expect(await agent.runOnce()).toBeNull();
    expect(await ok<Job>('GET', `/api/compute/jobs/${pending.body.id}`, 'quancheng')).toMatchObject({
      status: 'refused',
      rule: 'basis_lapsed',
    });
    const suspended = await submit('quancheng', { datasetId, sql, purpose: '区域信用指数' });
    expect(suspended.status).toBe(403);
    expect(suspended.body.error).toMatchObject({ details: { reason: 'suspended' } });
  });
});
