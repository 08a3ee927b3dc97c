import {
  idCardCheckChar,
  orgCodeCheckChar,
  usccCheckChar,
  type Job,
  type ReleasePolicy,
  type Scenario,
} from '@shuliu/contracts';
import { startTestServer, type TestServer } from '@shuliu/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { marketClient, type Err } from '../../server/src/routes/market.fixtures.js';
import type { HeldDataset } from './agent.js';
import { enrolledAgent, must, releasePolicy } from './agent.fixtures.js';

// 隐私集合求交: a consumer learns how many (or which) of its own identifiers another org's dataset holds; the two
// agents exchange blinded points through the platform, which relays lists it cannot read.

let t: TestServer & { url: string };
type Body = Job & Err & { error: { details?: Record<string, unknown> } };

/** Unified social credit codes with both check characters, some with letters in the organization code. */
const uscc = (i: number) => {
  const body8 = `${i % 7 === 0 ? 'MA' : '00'}${String(100000 + i).slice(-6)}`;
  const first17 = `91370102${body8}${orgCodeCheckChar(body8)}`;
  return first17 + usccCheckChar(first17);
};
const IDS = Array.from({ length: 400 }, (_, i) => uscc(100 + i));

const FIRMS: HeldDataset['columns'] = [
  { name: 'uscc', type: 'text' },
  { name: 'overdue', type: 'integer' },
];
const POLICY = releasePolicy({
  privacyUnit: 'uscc',
  joinKeys: ['uscc'],
});

const ok = <T>(method: string, url: string, as: string, body?: unknown) => must<T>(t, method, url, as, body);
const orgOf = async (as: string) => (await ok<{ org: { id: string } }>('GET', '/api/me', as)).org.id;
const job = (id: string, as: string) => ok<Job>('GET', `/api/compute/jobs/${id}`, as);

const agentOf = (admin: string, datasets: HeldDataset[], policy?: ReleasePolicy) =>
  enrolledAgent(t, admin, datasets, policy);

let holder: Awaited<ReturnType<typeof agentOf>>;
let consumer: Awaited<ReturnType<typeof agentOf>>;
// the holder's overdue list holds every third of IDS; the consumer's customers are the first 200, written as
// people type them (lower case, spaces), with one that is no credit code at all
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
        columns: FIRMS,
        source: { rows: overdue.map((id, i) => ({ uscc: id, overdue: i % 5 })) },
      },
    ],
    POLICY,
  );
  consumer = await agentOf('quancheng', [
    {
      name: 'customers',
      title: '授信客户',
      columns: FIRMS,
      source: {
        rows: [
          ...customers.map((id, i) => ({ uscc: i % 2 ? ` ${id.toLowerCase()} ` : id, overdue: 0 })),
          { uscc: '12345', overdue: 0 },
          { uscc: null, overdue: 0 },
        ],
      },
    },
    {
      name: 'few',
      title: '少量客户',
      columns: FIRMS,
      source: { rows: customers.slice(0, 3).map((id) => ({ uscc: id, overdue: 0 })) },
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
  column: 'uscc',
  with: { datasetId: consumer.ids[own], column: 'uscc' },
  normalize: 'uscc',
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
    expect(done.result!.mechanism).toMatch(/X25519.*1 not a valid uscc, left out/);
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
    expect(done.result).toMatchObject({ columns: ['uscc'], rows: common.map((v) => [v]) });
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
      with: { datasetId: holder.ids.overdue_people, column: 'uscc' },
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

describe('on persons’ data (一场景一授权)', () => {
  /** 18-digit ID cards with their check character. */
  const idCard = (i: number) => {
    const first17 = `37010219900101${String(100 + i)}`;
    return first17 + idCardCheckChar(first17);
  };
  const PERSONS = Array.from({ length: 12 }, (_, i) => idCard(i));
  const inDays = (d: number) => new Date(Date.now() + d * 86_400_000).toISOString();

  it('computes only on the persons whose consent to the consumer’s scenario is live, and refuses without one', async () => {
    const { resource } = await marketClient(t).listable('merchant', '借款人名单（授权求交）', {}, false);
    const columns: HeldDataset['columns'] = [
      { name: 'id_card', type: 'text' },
      { name: 'amount', type: 'integer' },
    ];
    const lender = await agentOf(
      'merchant',
      [
        {
          name: 'borrowers',
          title: '借款人名单',
          resourceId: resource,
          columns,
          source: { rows: PERSONS.map((id, i) => ({ id_card: id, amount: 1000 * (i + 1) })) },
        },
      ],
      { ...POLICY, privacyUnit: 'id_card', joinKeys: ['id_card'], k: 2 },
    );
    const bank = await agentOf('quancheng', [
      {
        name: 'applicants',
        title: '贷款申请人',
        columns,
        source: { rows: PERSONS.map((id) => ({ id_card: id.toLowerCase(), amount: 0 })) },
      },
    ]);
    // the agent found ID card numbers in the values: the dataset is personal data
    const borrowers = await ok<{ columns: { name: string; personal?: string }[] }>(
      'GET',
      `/api/compute/datasets/${lender.ids.borrowers}`,
      'merchant',
    );
    expect(borrowers.columns.find((c) => c.name === 'id_card')?.personal).toBe('idCard');
    await ok('POST', '/api/consent/org-grants', 'merchant', {
      granteeOrgId: await orgOf('quancheng'),
      resourceIds: [resource],
      maxGrade: 'important',
      purpose: '授信前核验借款记录',
      expiresAt: inDays(30),
    });
    const scenarioBody = {
      title: '授信前核验借款记录',
      purpose: '核验申请人在其他机构的借款记录以决定授信',
      legalBasis: '取得个人同意',
      recipient: '泉城数智信息服务有限公司',
      processingMethod: '隐私集合求交，只得知是否在名单中',
      retentionDays: 90,
      crossBorder: false,
      automatedDecision: false,
      fields: [
        { name: 'name', label: '姓名', category: 'basic', required: true, justification: '识别申请人' },
        {
          name: 'id_number',
          label: '身份证号',
          category: 'identity',
          required: true,
          justification: '匹配借款记录',
        },
      ],
    };
    const scenario = await ok<Scenario>('POST', '/api/consent/scenarios', 'quancheng', scenarioBody);
    const versionId = scenario.versions[0]!.id;
    await ok('POST', `/api/consent/scenarios/${scenario.id}/review`, 'operator', {
      versionId,
      approve: true,
      pipiaRef: 'PIPIA-2026-PSI',
      strike: [],
    });
    // four of the persons have accounts; three consent to the bank's scenario
    for (const i of [0, 1, 2, 3]) {
      const made = await t.call('POST', '/api/consent/persons', undefined, {
        username: `psi-person-${i}`,
        password: 'Shuliu2026!',
        displayName: `借款人${i}`,
        idCard: PERSONS[i],
        phone: '13800138000',
      });
      expect(made.status, JSON.stringify(made.body)).toBe(201);
    }
    const grants: string[] = [];
    for (const i of [0, 1, 2])
      grants.push(
        (
          await ok<{ id: string }>('POST', '/api/consent/grants', `psi-person-${i}`, {
            versionId,
            fields: ['name', 'id_number'],
            expiresAt: inDays(30),
          })
        ).id,
      );

    const psi = {
      column: 'id_card',
      with: { datasetId: bank.ids.applicants, column: 'id_card' },
      normalize: 'id_card',
      reveal: 'ids',
    };
    const submit = (extra: Record<string, unknown> = {}) =>
      t.call<Body>('POST', '/api/compute/jobs', 'quancheng', {
        datasetId: lender.ids.borrowers,
        kind: 'psi',
        psi,
        ...extra,
      });
    const none = await submit();
    expect(none.status).toBe(403);
    expect(none.body.error).toMatchObject({
      code: 'COMPUTE_CONSENT_REQUIRED',
      details: { field: 'consentVersionId' },
    });
    // a scenario that asks for names only does not reach the ID card numbers the borrowers' list holds
    const namesOnly = await ok<Scenario>('POST', '/api/consent/scenarios', 'quancheng', {
      ...scenarioBody,
      title: '授信前核对申请人姓名',
      fields: scenarioBody.fields.slice(0, 1),
    });
    await ok('POST', `/api/consent/scenarios/${namesOnly.id}/review`, 'operator', {
      versionId: namesOnly.versions[0]!.id,
      approve: true,
      pipiaRef: 'PIPIA-2026-PSI-NAMES',
      strike: [],
    });
    const uncovered = await submit({ consentVersionId: namesOnly.versions[0]!.id });
    expect(uncovered.status).toBe(403);
    expect(uncovered.body.error).toMatchObject({
      code: 'COMPUTE_CONSENT_REQUIRED',
      details: { field: 'consentVersionId', categories: ['identity'] },
    });
    const run = async () => {
      const queued = await submit({ consentVersionId: versionId });
      expect(queued.status, JSON.stringify(queued.body)).toBe(202);
      expect(await bank.agent.runOnce()).toBe(queued.body.id);
      expect(await lender.agent.runOnce()).toBe(queued.body.id);
      expect(await bank.agent.runOnce()).toBe(queued.body.id);
      return job(queued.body.id, 'quancheng');
    };
    const first = await run();
    expect(first.status, first.reason ?? '').toBe('done');
    expect(first.consentVersionId).toBe(versionId);
    expect(first.result!.rows).toEqual(
      PERSONS.slice(0, 3)
        .sort()
        .map((v) => [v]),
    );

    // a withdrawal counts from the next job on
    await ok('POST', `/api/consent/grants/${grants[2]}/revoke`, 'psi-person-2');
    const second = await run();
    expect(second.result!.rows).toEqual(
      PERSONS.slice(0, 2)
        .sort()
        .map((v) => [v]),
    );
  });
});
