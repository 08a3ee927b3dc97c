import type { CreatedAgent, Dataset, Job, Resource } from '@shuliu/contracts';
import { jcs, verifyJobReceipt } from '@shuliu/contracts';
import { compute, crypto } from '@shuliu/core';
import { startTestServer, type TestServer } from '@shuliu/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { marketClient, type Err } from '../../server/src/routes/market.fixtures.js';
import { DomainAgent, type HeldDataset } from './agent.js';
import { must, releasePolicy } from './agent.fixtures.js';

// 匿名化导出: the agent generalizes its dataset inside the domain until k-anonymous, uploads the file signed by
// its SM3, and the holder's reviewer releases it into the catalog as a derived resource, re-graded.

let t: TestServer & { url: string };
type Body = Job & Err;

const DEPTS = ['内科', '外科', '儿科', '眼科'];
/** 800 patients: age 20–78, four departments, a cost and a mobile number no export may carry in the clear. */
const PATIENTS = Array.from({ length: 800 }, (_, i) => ({
  patient_id: `P${String(i).padStart(4, '0')}`,
  age: 20 + ((i * 13) % 59),
  dept: DEPTS[i % 4]!,
  cost: 100 + ((i * 37) % 900),
  mobile: `139${String(10_000_000 + i * 7919).slice(-8)}`,
}));
const COLUMNS: HeldDataset['columns'] = [
  { name: 'patient_id', type: 'text' },
  { name: 'age', type: 'integer' },
  { name: 'dept', type: 'text' },
  { name: 'cost', type: 'number' },
  { name: 'mobile', type: 'text' },
];
const POLICY = releasePolicy({
  privacyUnit: 'patient_id',
  bounds: { cost: { lower: 0, upper: 1000 } },
});
const DEPT_TABLE = DEPTS.map((d) => [d, d === '眼科' || d === '儿科' ? '专科' : '综合', '*']);
const SPEC = {
  title: '就诊记录（k-匿名）',
  quasiIdentifiers: [
    { column: 'age', hierarchy: { kind: 'intervals', bands: [5, 10, 20] } },
    { column: 'dept', hierarchy: { kind: 'table', rows: DEPT_TABLE } },
  ],
  sensitive: 'cost',
  k: 10,
  suppressionLimit: 0.05,
};

const ok = <T>(method: string, url: string, as: string, body?: unknown) => must<T>(t, method, url, as, body);
const submit = (as: string, anonymize: Record<string, unknown>, datasetId = patientsId) =>
  t.call<Body>('POST', '/api/compute/jobs', as, { datasetId, kind: 'anonymize', anonymize });
const job = (as: string, id: string) => ok<Job>('GET', `/api/compute/jobs/${id}`, as);
const download = (as: string, id: string) => t.call<string>('GET', `/api/compute/jobs/${id}/output`, as);

let agent: DomainAgent;
let agentId = '';
let signer: crypto.Sm2Signer;
let patientsId = '';
let unlinkedId = '';
let resourceId = '';

beforeAll(async () => {
  t = (await startTestServer({ listen: true })) as TestServer & { url: string };
  resourceId = (await marketClient(t).listable('merchant', '住院患者就诊记录', {}, false)).resource;
  const made = await ok<CreatedAgent>('POST', '/api/compute/agents', 'merchant', { name: 'qilu_export' });
  signer = crypto.Sm2Signer.generate();
  await ok('POST', '/api/compute/agent/enrol', 'merchant', {
    agentId: made.id,
    code: made.enrolmentCode,
    publicKey: signer.publicKeyHex,
  });
  agentId = made.id;
  const source = { rows: PATIENTS };
  agent = new DomainAgent({
    platformUrl: t.url,
    agentId,
    signer,
    datasets: [
      { name: 'patients', title: '住院患者', resourceId, columns: COLUMNS, source },
      { name: 'patients_local', title: '住院患者（未编目）', columns: COLUMNS, source },
    ],
  });
  const { items } = await agent.report();
  patientsId = items.find((d) => d.name === 'patients')!.id;
  unlinkedId = items.find((d) => d.name === 'patients_local')!.id;
  for (const id of [patientsId, unlinkedId])
    await ok<Dataset>('PUT', `/api/compute/datasets/${id}/policy`, 'merchant', POLICY);
});
afterAll(() => t.close());

describe('an anonymized export', () => {
  it('is generalized in the domain, waits for the holder, and once released becomes a derived catalog resource', async () => {
    const queued = await submit('merchant', SPEC);
    expect(queued.status, JSON.stringify(queued.body)).toBe(202);
    expect(queued.body).toMatchObject({ kind: 'anonymize', status: 'queued', epsilon: 0, anonymize: SPEC });
    expect(queued.body.queryHash).toBe(crypto.sm3Hex(jcs({ ...SPEC, keep: [] } as never)));

    expect(await agent.runOnce()).toBe(queued.body.id);
    const review = await job('merchant', queued.body.id);
    expect(review.status).toBe('review'); // an export always waits for its holder
    expect(review.privacySpent).toEqual({ epsilon: 0, delta: 0 });
    const e = review.result!.export!;
    expect(e.columns).toEqual(['age', 'dept', 'cost']); // the privacy unit and the mobile stay in the domain
    expect(e.rows).toBe(PATIENTS.length);
    expect(e.transformation.map((x) => x.column)).toEqual(['age', 'dept']);
    expect(e.transformation.map((x) => x.height)).toEqual([5, 3]);
    expect(e.lattice.nodes).toBe(15);
    expect(e.lattice.view[0]!.levels).toEqual(e.transformation.map((x) => x.level));
    expect(e.loss.loss).toBeGreaterThan(0);
    expect(e.loss.loss).toBeLessThan(1);
    expect(verifyJobReceipt(review.result!, review.receipt!).ok).toBe(true);

    // the file is the one the summary describes, and every class of (age, dept) holds at least k rows
    const file = await download('merchant', review.id);
    expect(file.status).toBe(200);
    const text = file.raw.body;
    expect(crypto.sm3Hex(Buffer.from(text, 'utf8'))).toBe(e.sm3);
    const lines = text.trim().split('\r\n');
    expect(lines[0]).toBe('age,dept,cost');
    expect(lines[1]).toMatch(/,\d+$/); // a whole cost of a DOUBLE column reads 100, not 100.0
    const classes = new Map<string, number>();
    for (const line of lines.slice(1)) {
      const [age, dept] = line.split(',');
      if (age === '*') continue;
      classes.set(`${age}|${dept}`, (classes.get(`${age}|${dept}`) ?? 0) + 1);
    }
    expect(Math.min(...classes.values())).toBeGreaterThanOrEqual(10);
    expect(lines.length - 1 - [...classes.values()].reduce((a, b) => a + b, 0)).toBe(e.suppressed);

    // nobody else reads it before release
    expect((await download('quancheng', review.id)).status).toBe(404);

    const done = await ok<Job>('POST', `/api/compute/jobs/${review.id}/review`, 'merchant', {
      decision: 'release',
    });
    expect(done.status).toBe('done');
    expect(done.derivedResourceId).toMatch(/^res_/);
    const derived = await ok<Resource>('GET', `/api/catalog/resources/${done.derivedResourceId}`, 'merchant');
    expect(derived).toMatchObject({ status: 'draft', derivedFrom: resourceId, processing: 'masked' });
    // its file is profiled like any other: the export carries no personal identifier in the clear
    let files: { status: string; sm3: string | null }[] = [];
    for (let i = 0; i < 100; i++) {
      files = (
        await ok<{ items: typeof files }>('GET', `/api/catalog/resources/${derived.id}/files`, 'merchant')
      ).items;
      if (files[0]?.status === 'ready') break;
      await new Promise((r) => setTimeout(r, 100));
    }
    expect(files).toEqual([expect.objectContaining({ status: 'ready', sm3: e.sm3 })]);
    const profiled = await ok<Resource>('GET', `/api/catalog/resources/${derived.id}`, 'merchant');
    expect(profiled.schema.map((c) => [c.name, c.pii])).toEqual([
      ['age', null],
      ['dept', null],
      ['cost', null],
    ]);
  });

  it('is refused by rule before it runs: the privacy unit, k below the policy, a ragged hierarchy, l without a sensitive column, no catalog resource', async () => {
    const cases: [Record<string, unknown>, string, string?][] = [
      [{ ...SPEC, keep: ['patient_id'] }, 'privacy_unit_exported'],
      [{ ...SPEC, k: 5 }, 'k_below_policy'],
      [
        {
          ...SPEC,
          quasiIdentifiers: [
            {
              column: 'dept',
              hierarchy: {
                kind: 'table',
                rows: [
                  ['内科', '*'],
                  ['外科', '综合', '*'],
                ],
              },
            },
          ],
        },
        'hierarchy_invalid',
      ],
      [
        { ...SPEC, quasiIdentifiers: [{ column: 'dept', hierarchy: { kind: 'intervals', bands: [5] } }] },
        'hierarchy_invalid',
      ],
      [
        { ...SPEC, quasiIdentifiers: [{ column: 'age', hierarchy: { kind: 'intervals', bands: [5, 7] } }] },
        'hierarchy_invalid',
      ],
      [{ ...SPEC, sensitive: undefined, l: 2 }, 'sensitive_missing'],
      [{ ...SPEC, keep: ['ward'] }, 'unknown_column'],
    ];
    for (const [spec, rule] of cases) {
      const r = await submit('merchant', spec);
      expect(r.status, `${rule}: ${JSON.stringify(r.body)}`).toBe(422);
      expect(r.body.error).toMatchObject({
        code: 'COMPUTE_QUERY_REFUSED',
        details: { rule, field: 'anonymize' },
      });
    }
    const unlinked = await submit('merchant', SPEC, unlinkedId);
    expect(unlinked.status).toBe(409);
    expect(unlinked.body.error.message).toMatch(/names no catalog resource/);
    const both = await t.call<Body>('POST', '/api/compute/jobs', 'merchant', {
      datasetId: patientsId,
      kind: 'anonymize',
      anonymize: SPEC,
      sql: 'SELECT count(*) FROM patients',
    });
    expect(both.status).toBe(400);
  });

  it('is refused by the agent when a kept column holds identifiers, or when nothing meets k within the limit; nothing is kept', async () => {
    const kept = await submit('merchant', { ...SPEC, keep: ['mobile'] });
    expect(kept.status).toBe(202);
    await agent.runOnce();
    const refused = await job('merchant', kept.body.id);
    expect(refused).toMatchObject({ status: 'refused', rule: 'identifier_kept', result: null });
    expect(refused.reason).toMatch(/mobile holds mobile values/);

    const strict = await submit('merchant', { ...SPEC, k: 900, suppressionLimit: 0 });
    await agent.runOnce();
    expect(await job('merchant', strict.body.id)).toMatchObject({ status: 'refused', rule: 'unsatisfiable' });
    expect((await download('merchant', strict.body.id)).status).toBe(404);
  });

  it('is linked only to a catalog resource of the agent’s own organization', async () => {
    const foreign = (await marketClient(t).listable('quancheng', '他人的资源', {}, false)).resource;
    const report = (resourceId: string) =>
      agent.client
        .call('PUT', '/api/compute/agent/datasets', {
          datasets: [{ name: 'patients', title: '住院患者', resourceId, columns: COLUMNS, rows: 800 }],
          software: 'test',
        })
        .catch((e: Error) => e);
    for (const id of [foreign, `res_${'0'.repeat(26)}`])
      expect(String(await report(id))).toMatch(/not a catalog resource of the agent’s organization/);
    // nothing changed: the dataset is still linked and active
    expect((await ok<Dataset>('GET', `/api/compute/datasets/${patientsId}`, 'merchant')).resourceId).toBe(
      resourceId,
    );
  });

  it('withheld, its file is gone; a file that is not the one signed is refused', async () => {
    const queued = await submit('merchant', { ...SPEC, title: '另一份导出' });
    await agent.runOnce();
    const withheld = await ok<Job>('POST', `/api/compute/jobs/${queued.body.id}/review`, 'merchant', {
      decision: 'withhold',
      reason: '年龄分段过细',
    });
    expect(withheld).toMatchObject({ status: 'withheld', derivedResourceId: null });
    expect((await download('merchant', withheld.id)).status).toBe(404);

    // an upload whose bytes differ from the SM3 the agent signed is refused and leaves nothing behind
    const next = await submit('merchant', { ...SPEC, title: '第三份导出' });
    const { job: leased } = await agent.client.call<{ job: { id: string } }>(
      'POST',
      '/api/compute/agent/jobs/lease',
    );
    expect(leased.id).toBe(next.body.id);
    const path = `/api/compute/agent/jobs/${leased.id}/output`;
    const res = await fetch(`${t.url}${path}`, {
      method: 'PUT',
      headers: {
        ...agentHeaders(path, crypto.sm3Hex(Buffer.from('age\r\n1\r\n'))),
        'content-type': 'application/octet-stream',
      },
      body: Buffer.from('age\r\n2\r\n'),
    });
    expect(res.status).toBe(401);
    // a result that names a file never uploaded is refused as well
    const r = await agent.client
      .call('POST', `/api/compute/agent/jobs/${leased.id}/result`, fakeResult())
      .catch((e: Error) => e);
    expect(String(r)).toMatch(/COMPUTE_RESULT_INVALID/);
  });
});

/** Signed headers for a raw upload, as the agent's client makes them. */
const agentHeaders = (path: string, sm3: string) =>
  compute.agentHeadersFor(signer, agentId, 'PUT', path, sm3);

/** A result that describes a file the agent never uploaded. */
function fakeResult() {
  const result = {
    columns: ['age'],
    rows: [['20-24']],
    suppressedGroups: 0,
    mechanism: 'k = 10',
    export: {
      fileName: 'patients-k10.csv',
      rows: 1,
      columns: ['age'],
      size: 9,
      sm3: crypto.sm3Hex('age\r\n1\r\n'),
      suppressed: 0,
      classes: 1,
      transformation: [{ column: 'age', level: 1, height: 5 }],
      loss: { metric: 'loss', loss: 0.1, precision: 0.1, discernibility: 1, avgClassSize: 1 },
      lattice: { nodes: 5, checked: 1, anonymousCount: 1, minimal: [[1]], timeMs: 1, view: [] },
    },
  };
  return {
    result,
    privacySpent: { epsilon: 0, delta: 0 },
    resultHash: crypto.sm3Hex(jcs(result as never)),
    signature: '0'.repeat(128),
  };
}
