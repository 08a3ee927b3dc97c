import { idCardCheckChar, type Job, type ReleasePolicy } from '@shuliu/contracts';
import { startTestServer, type TestServer } from '@shuliu/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { marketClient, type Err } from '../../server/src/routes/market.fixtures.js';
import type { HeldDataset } from './agent.js';
import { enrolledAgent } from './agent.fixtures.js';

// 隐私集合求交: a consumer learns how many (or which) of its own identifiers another org's dataset holds; the two
// agents exchange blinded points through the platform, which relays lists it cannot read.

let t: TestServer & { url: string };
type Body = Job & Err & { error: { details?: Record<string, unknown> } };

/** 18-digit ID cards with their check character; about one in eleven ends in X. */
const idCard = (i: number) => {
  const body = `370102199${String(i % 10)}0101${String(1000 + i).slice(-3)}`.slice(0, 17);
  return body + idCardCheckChar(body);
};
const IDS = Array.from({ length: 400 }, (_, i) => idCard(100 + i)).filter((v, i, a) => a.indexOf(v) === i);

const PEOPLE: HeldDataset['columns'] = [
  { name: 'id_card', type: 'text' },
  { name: 'overdue', type: 'integer' },
];
const POLICY: ReleasePolicy = {
  privacyUnit: 'id_card',
  maxContributions: 1,
  k: 10,
  bounds: {},
  joinKeys: ['id_card'],
  mechanism: 'laplace',
  epsilonTotal: 10,
  deltaTotal: 0,
  consumerShare: 0.5,
  epsilonPerQuery: 1,
  manualRelease: false,
};

async function ok<T>(method: string, url: string, as: string, body?: unknown): Promise<T> {
  const r = await t.call<T & Err>(method, url, as, body);
  expect(r.status, `${method} ${url} as ${as}: ${JSON.stringify(r.body)}`).toBeLessThan(300);
  return r.body;
}
const orgOf = async (as: string) => (await ok<{ org: { id: string } }>('GET', '/api/me', as)).org.id;
const job = (id: string, as: string) => ok<Job>('GET', `/api/compute/jobs/${id}`, as);

const agentOf = (admin: string, datasets: HeldDataset[], policy?: ReleasePolicy) =>
  enrolledAgent(t, admin, datasets, policy);

let holder: Awaited<ReturnType<typeof agentOf>>;
let consumer: Awaited<ReturnType<typeof agentOf>>;
// the holder's overdue list holds every third of IDS; the consumer's customers are the first 200, written as
// people type them (a lower-case x, spaces), with a few that are no ID card at all
const overdue = IDS.filter((_, i) => i % 3 === 0);
const customers = IDS.slice(0, 200);
const common = customers.filter((v) => overdue.includes(v)).sort();

beforeAll(async () => {
  t = (await startTestServer({ listen: true })) as TestServer & { url: string };
  const m = marketClient(t);
  const { resource } = await m.listable('merchant', '逾期名单（隐私求交）', {}, false);
  holder = await agentOf(
    'merchant',
    [
      {
        name: 'overdue_people',
        title: '逾期名单',
        resourceId: resource,
        columns: PEOPLE,
        source: { rows: overdue.map((id, i) => ({ id_card: id, overdue: i % 5 })) },
      },
    ],
    POLICY,
  );
  consumer = await agentOf('quancheng', [
    {
      name: 'customers',
      title: '授信客户',
      columns: PEOPLE,
      source: {
        rows: [
          ...customers.map((id, i) => ({ id_card: i % 2 ? ` ${id.toLowerCase()} ` : id, overdue: 0 })),
          { id_card: '12345', overdue: 0 },
          { id_card: null, overdue: 0 },
        ],
      },
    },
    {
      name: 'few',
      title: '少量客户',
      columns: PEOPLE,
      source: { rows: customers.slice(0, 3).map((id) => ({ id_card: id, overdue: 0 })) },
    },
  ]);
  await ok('POST', '/api/consent/org-grants', 'merchant', {
    granteeOrgId: await orgOf('quancheng'),
    resourceIds: [resource],
    maxGrade: 'important',
    purpose: '授信前核验逾期记录',
    expiresAt: new Date(Date.now() + 30 * 86_400_000).toISOString(),
  });
});
afterAll(() => t.close());

const spec = (reveal: 'size' | 'ids', own = 'customers') => ({
  column: 'id_card',
  with: { datasetId: consumer.ids[own], column: 'id_card' },
  normalize: 'id_card',
  reveal,
});
const submit = (as: string, psi: Record<string, unknown>, datasetId = holder.ids.overdue_people) =>
  t.call<Body>('POST', '/api/compute/jobs', as, { datasetId, kind: 'psi', psi });

/** Runs the three phases: the consumer's agent, the holder's, the consumer's again. */
async function runPhases(id: string) {
  expect(await consumer.agent.runOnce()).toBe(id);
  expect((await job(id, 'quancheng')).status).toBe('queued');
  expect(await holder.agent.runOnce()).toBe(id);
  expect(await consumer.agent.runOnce()).toBe(id);
  return job(id, 'quancheng');
}

describe('private set intersection between two agents', () => {
  it('releases the size of the intersection, the identifiers normalized on both sides', async () => {
    const queued = await submit('quancheng', spec('size'));
    expect(queued.status, JSON.stringify(queued.body)).toBe(202);
    expect(queued.body).toMatchObject({ kind: 'psi', basis: 'org_grant', epsilon: 0, status: 'queued' });
    const done = await runPhases(queued.body.id);
    expect(done.status, done.reason ?? '').toBe('done');
    expect(done.result).toMatchObject({
      columns: ['left_distinct', 'right_distinct', 'intersection'],
      rows: [[200, overdue.length, common.length]],
    });
    expect(done.result!.mechanism).toMatch(/X25519.*1 not a valid id_card, left out/);
    expect(done.receipt).toMatchObject({ epsilon: 0, agentId: consumer.agent.client.agentId });
    expect(done.privacySpent).toEqual({ epsilon: 0, delta: 0 });
    // the holder sees the job ran on its data
    expect((await job(queued.body.id, 'merchant')).result?.rows).toEqual([
      [200, overdue.length, common.length],
    ]);
  });

  it('lists which of the consumer’s own identifiers match, and the relayed lists hold only points', async () => {
    const { body } = await submit('quancheng', spec('ids'));
    expect(await consumer.agent.runOnce()).toBe(body.id);

    // what the holder's agent reads is the consumer's request: 32 bytes a value, no identifier in it
    const path = `/api/compute/agent/jobs/${body.id}/psi`;
    expect(await consumer.agent.client.download(path).catch((e: Error) => e.message)).toMatch(/^404/);
    await holder.agent.client.call('POST', '/api/compute/agent/jobs/lease');
    const request = await holder.agent.client.download(path);
    expect(request.length).toBe(8 + 200 * 32);
    for (const id of customers.slice(0, 20)) expect(request.includes(Buffer.from(id))).toBe(false);
    // a list sent in the wrong phase is refused
    const early = await holder.agent.client
      .call('POST', `/api/compute/agent/jobs/${body.id}/result`, {})
      .catch((e: Error) => e.message);
    expect(early).toMatch(/^400|^409/);

    // the holder's agent takes it again once its lease lapses; here it answers at once through a fresh lease
    await t.services.db
      .updateTable('compute_jobs')
      .set({ lease_expires_at: new Date(0) })
      .where('id', '=', body.id)
      .execute();
    expect(await holder.agent.runOnce()).toBe(body.id);
    expect(await consumer.agent.runOnce()).toBe(body.id);
    const done = await job(body.id, 'quancheng');
    expect(done.status, done.reason ?? '').toBe('done');
    expect(done.result).toMatchObject({ columns: ['id_card'], rows: common.map((v) => [v]) });
    const row = await t.services.db
      .selectFrom('compute_jobs')
      .select('psi_blob')
      .where('id', '=', body.id)
      .executeTakeFirst();
    expect(row?.psi_blob).toBeNull();
  });

  it('refuses a column that is no declared join key, a side that is not the consumer’s own, and a side below k', async () => {
    const notKey = await submit('quancheng', { ...spec('size'), column: 'overdue' });
    expect(notKey.status).toBe(422);
    expect(notKey.body.error).toMatchObject({
      code: 'COMPUTE_QUERY_REFUSED',
      details: { rule: 'psi_not_join_key', field: 'psi' },
    });
    const notOwn = await submit('quancheng', {
      ...spec('size'),
      with: { datasetId: holder.ids.overdue_people, column: 'id_card' },
    });
    expect(notOwn.body.error).toMatchObject({ details: { rule: 'psi_not_own' } });
    const unknown = await submit('quancheng', {
      ...spec('size'),
      with: { ...spec('size').with, column: 'nope' },
    });
    expect(unknown.body.error).toMatchObject({ details: { rule: 'unknown_column' } });
    const both = await t.call<Body>('POST', '/api/compute/jobs', 'quancheng', {
      datasetId: holder.ids.overdue_people,
      kind: 'psi',
      psi: spec('size'),
      sql: 'SELECT 1',
    });
    expect(both.status).toBe(400);
    // without a basis on the holder's dataset
    const stranger = await submit('buyer', spec('size'));
    expect(stranger.status).toBeGreaterThanOrEqual(403);

    // three identifiers would ask about three persons: the consumer's own agent refuses to send them
    const few = await submit('quancheng', spec('size', 'few'));
    expect(few.status).toBe(202);
    expect(await consumer.agent.runOnce()).toBe(few.body.id);
    expect(await job(few.body.id, 'quancheng')).toMatchObject({
      status: 'refused',
      rule: 'psi_set_too_small',
    });
  });
});
