import type { Agent, CreatedAgent, Dataset, ReleasePolicy } from '@shuliu/contracts';
import { compute, crypto } from '@shuliu/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../testing.js';

// 域内计算节点: an org administrator registers an agent, the agent enrols its own SM2 key with the one-time code,
// and from then on every call of the agent is signed — time, nonce, method, path and body — and acts in its org.
let t: TestServer;
type Err = { error: { code: string; message: string; details?: { field?: string } } };

const POLICY: ReleasePolicy = {
  privacyUnit: 'patient_id',
  maxContributions: 3,
  k: 5,
  bounds: { cost: { lower: 0, upper: 50_000 }, age: { lower: 0, upper: 110 } },
  joinKeys: ['patient_id'],
  mechanism: 'laplace',
  epsilonTotal: 10,
  deltaTotal: 1e-6,
  consumerShare: 0.3,
  epsilonPerQuery: 1,
  manualRelease: false,
};
const VISITS = {
  name: 'visits',
  title: '门诊就诊记录',
  columns: [
    { name: 'patient_id', type: 'text' },
    { name: 'age', type: 'integer' },
    { name: 'dept', type: 'text' },
    { name: 'cost', type: 'number' },
  ],
  rows: 120_000,
};

/** An agent with its key, calling the platform with signed requests. */
class TestAgent {
  readonly signer = crypto.Sm2Signer.generate();
  constructor(readonly id: string) {}

  async call<T>(method: string, url: string, body?: unknown, o: { at?: Date; headers?: object } = {}) {
    const headers = { ...compute.agentHeaders(this.signer, this.id, method, url, body, o.at), ...o.headers };
    const res = await t.app.inject({
      method: method as 'GET',
      url,
      headers,
      ...(body !== undefined && { payload: body as object }),
    });
    return { status: res.statusCode, body: res.json() as T & Err, headers };
  }
}

async function enrolled(as: string, name: string) {
  const made = await t.call<CreatedAgent & Err>('POST', '/api/compute/agents', as, { name });
  expect(made.status, JSON.stringify(made.body)).toBe(201);
  const a = new TestAgent(made.body.id);
  const e = await t.call<Agent & Err>('POST', '/api/compute/agent/enrol', undefined, {
    agentId: a.id,
    code: made.body.enrolmentCode,
    publicKey: a.signer.publicKeyHex,
    software: 'shuliu-agent/test',
  });
  expect(e.status).toBe(200);
  return a;
}

beforeAll(async () => {
  t = await startTestServer();
});
afterAll(() => t.close());

describe('agent enrolment', () => {
  it('registers an agent for its org, enrols the key it made once, and shows its health', async () => {
    const made = await t.call<CreatedAgent & Err>('POST', '/api/compute/agents', 'merchant', {
      name: 'qilu_clinic',
      description: '齐鲁数据机房内的计算节点',
    });
    expect(made.status).toBe(201);
    expect(made.body).toMatchObject({ status: 'pending', health: 'never_seen', publicKey: null });
    expect(made.body.enrolmentCode).toMatch(/^enr_/);
    expect(
      (await t.call<Err>('POST', '/api/compute/agents', 'merchant', { name: 'qilu_clinic' })).body.error.code,
    ).toBe('COMPUTE_AGENT_EXISTS');
    // only an org administrator registers one
    expect((await t.call('POST', '/api/compute/agents', 'merchant2', { name: 'x_agent' })).status).toBe(403);

    const signer = crypto.Sm2Signer.generate();
    const enrol = (code: string, publicKey = signer.publicKeyHex) =>
      t.call<Agent & Err>('POST', '/api/compute/agent/enrol', undefined, {
        agentId: made.body.id,
        code,
        publicKey,
      });
    expect((await enrol(`${made.body.enrolmentCode.slice(0, -2)}xx`)).body.error.code).toBe(
      'COMPUTE_ENROLMENT_INVALID',
    );
    const ok = await enrol(made.body.enrolmentCode);
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({ status: 'active', health: 'healthy', publicKey: signer.publicKeyHex });
    expect(ok.body.keyId).toBe(crypto.sm3Hex(Buffer.from(signer.publicKeyHex, 'hex')));
    // the code is good once
    expect((await enrol(made.body.enrolmentCode)).body.error.code).toBe('COMPUTE_ENROLMENT_INVALID');

    const mine = await t.call<{ items: Agent[] }>('GET', '/api/compute/agents', 'merchant');
    expect(mine.body.items.map((a) => a.name)).toContain('qilu_clinic');
    const others = await t.call<{ items: Agent[] }>('GET', '/api/compute/agents', 'quancheng');
    expect(others.body.items.map((a) => a.id)).not.toContain(made.body.id);
    expect((await t.call('GET', `/api/compute/agents/${made.body.id}`, 'quancheng')).status).toBe(404);
    const all = await t.call<{ items: Agent[] }>('GET', '/api/compute/agents', 'regulator');
    expect(all.body.items.map((a) => a.id)).toContain(made.body.id);
  });
});

describe('signed agent requests', () => {
  let a: TestAgent;
  beforeAll(async () => {
    a = await enrolled('merchant', 'qilu_lab');
  });

  it('takes a request signed with the enrolled key once, near its time, with the body it signed', async () => {
    const beat = await a.call<{ agentId: string }>('POST', '/api/compute/agent/heartbeat');
    expect(beat.status).toBe(200);
    expect(beat.body.agentId).toBe(a.id);

    // the same request again: its nonce is spent
    const replay = await t.app.inject({
      method: 'POST',
      url: '/api/compute/agent/heartbeat',
      headers: beat.headers,
    });
    expect(replay.statusCode).toBe(401);
    expect(replay.json().error.code).toBe('COMPUTE_AGENT_SIGNATURE_INVALID');
    // ten minutes old
    const stale = await a.call('POST', '/api/compute/agent/heartbeat', undefined, {
      at: new Date(Date.now() - 600_000),
    });
    expect(stale.body.error.code).toBe('COMPUTE_AGENT_SIGNATURE_INVALID');
    // signed by another key
    const forger = new TestAgent(a.id);
    expect((await forger.call('POST', '/api/compute/agent/heartbeat')).status).toBe(401);
    // a body other than the one signed
    const body = { datasets: [VISITS] };
    const signed = compute.agentHeaders(a.signer, a.id, 'PUT', '/api/compute/agent/datasets', body);
    const swapped = await t.app.inject({
      method: 'PUT',
      url: '/api/compute/agent/datasets',
      headers: signed,
      payload: { datasets: [{ ...VISITS, rows: 1 }] },
    });
    expect(swapped.statusCode).toBe(401);
    expect(swapped.json().error.message).toMatch(/x-content-sm3/);
    // a path other than the one signed
    const moved = await t.app.inject({
      method: 'POST',
      url: '/api/compute/agent/heartbeat?x=1',
      headers: compute.agentHeaders(a.signer, a.id, 'POST', '/api/compute/agent/heartbeat', undefined),
    });
    expect(moved.statusCode).toBe(401);
  });

  it('reaches only the agents’ routes, and a login of an agent account does not reach them', async () => {
    expect((await a.call('GET', '/api/me')).status).toBe(403);
    expect((await a.call('POST', '/api/me/tokens', { name: 'x', roles: ['agent'] })).status).toBe(403);
    // the demo's agent machine account holds the role, but not the key: its token is not taken here
    const token = await t.call<Err>('POST', '/api/compute/agent/heartbeat', 'qilu-agent');
    expect(token.status).toBe(403);
    expect(token.body.error.code).toBe('COMPUTE_AGENT_SIGNATURE_REQUIRED');
  });

  it('reports datasets (schema, never rows); the holder sets a release policy that must fit the columns', async () => {
    const r = await a.call<{ items: Dataset[] }>('PUT', '/api/compute/agent/datasets', {
      datasets: [VISITS, { ...VISITS, name: 'labs', title: '检验结果' }],
    });
    expect(r.status).toBe(200);
    expect(r.body.items.map((d) => d.table).sort()).toEqual(['labs', 'visits']);
    const visits = r.body.items.find((d) => d.name === 'visits')!;
    expect(visits).toMatchObject({ status: 'active', policy: null, rows: 120_000, agentName: 'qilu_lab' });

    const set = (body: object, as = 'merchant') =>
      t.call<Dataset & Err>('PUT', `/api/compute/datasets/${visits.id}/policy`, as, body);
    const bad = await set({ ...POLICY, bounds: { dept: { lower: 0, upper: 1 } } });
    expect(bad.status).toBe(400);
    expect(bad.body.error).toMatchObject({
      code: 'COMPUTE_POLICY_INVALID',
      details: { field: 'bounds.dept' },
    });
    expect((await set({ ...POLICY, privacyUnit: 'nobody' })).body.error.details?.field).toBe('privacyUnit');
    expect((await set(POLICY, 'quancheng')).status).toBe(404);
    const ok = await set(POLICY);
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({ k: 5, epsilonRemaining: 10, policy: { privacyUnit: 'patient_id' } });

    // another org sees it offered, with its share of the budget; a dataset without a policy is not offered
    const seen = await t.call<{ items: Dataset[] }>('GET', '/api/compute/datasets', 'quancheng');
    const offered = seen.body.items.find((d) => d.id === visits.id)!;
    expect(offered.epsilonRemaining).toBeCloseTo(3);
    expect(seen.body.items.some((d) => d.name === 'labs' && d.agentId === a.id)).toBe(false);

    // the next report drops `labs`: withdrawn; a changed column that the policy names drops the policy
    const again = await a.call<{ items: Dataset[] }>('PUT', '/api/compute/agent/datasets', {
      datasets: [{ ...VISITS, columns: VISITS.columns.filter((c) => c.name !== 'cost') }],
    });
    expect(again.body.items.find((d) => d.name === 'labs')!.status).toBe('withdrawn');
    expect(again.body.items.find((d) => d.name === 'visits')!.policy).toBeNull();
  });

  it('refuses every call once its org administrator revokes it, and withdraws its datasets', async () => {
    const b = await enrolled('merchant', 'qilu_archive');
    await b.call('PUT', '/api/compute/agent/datasets', { datasets: [VISITS] });
    const revoked = await t.call<Agent>('POST', `/api/compute/agents/${b.id}/revoke`, 'merchant');
    expect(revoked.body).toMatchObject({ status: 'revoked', health: 'revoked', datasetCount: 0 });
    expect((await b.call('POST', '/api/compute/agent/heartbeat')).status).toBe(401);
    const audit = await t.call<{ items: { action: string; objectId: string }[] }>(
      'GET',
      '/api/audit/events?action=compute.agent.revoke',
      'regulator',
    );
    expect(audit.body.items.some((e) => e.objectId === b.id)).toBe(true);
  });
});
