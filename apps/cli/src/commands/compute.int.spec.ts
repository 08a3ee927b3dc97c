import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { CreatedAgent, Dataset, Job } from '@shuliu/contracts';
import { crypto } from '@shuliu/core';
import { startTestServer, type TestServer } from '@shuliu/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { marketClient } from '../../../server/src/routes/market.fixtures.js';
import { enrolledAgent } from '../../../agent/src/agent.fixtures.js';

const BIN = join(import.meta.dirname, '../../bin/shuliu.mjs');
const run = (...args: string[]) =>
  promisify(execFile)(process.execPath, [BIN, ...args], { encoding: 'utf8', timeout: 120_000 }).then(
    (r) => ({ ...r, code: 0 }),
    (e: { code: number; stdout: string; stderr: string }) => e,
  );

let t: TestServer;
let dir: string;
let agent: ChildProcess | undefined;
let agentLog = '';
const token = async (as: string) => {
  const path = join(dir, `${as}.token`);
  writeFileSync(path, await t.login(as));
  return path;
};

beforeAll(async () => {
  t = await startTestServer({ listen: true });
  dir = mkdtempSync(join(tmpdir(), 'shuliu-cli-compute-'));
}, 120_000);
afterAll(async () => {
  agent?.kill('SIGTERM');
  await t.close();
  await rm(dir, { recursive: true, force: true });
});

describe('shuliu agent and shuliu compute', () => {
  it('enrolls an agent, runs it on a CSV in its domain, and exports the CSV k-anonymized through the holder’s review', async () => {
    const made = (
      await t.call<CreatedAgent>('POST', '/api/compute/agents', 'merchant', {
        name: `cli_clinic_${Date.now() % 100000}`,
      })
    ).body;
    const cfg = join(dir, `${made.id}.json`);
    const key = join(dir, `${made.id}.pem`);
    const enrolled = await run(
      'agent',
      'enroll',
      '-s',
      t.url,
      '--agent',
      made.id,
      '--code',
      made.enrolmentCode,
      '--key',
      key,
      '--out',
      cfg,
    );
    expect(enrolled.code, enrolled.stderr).toBe(0);
    expect(statSync(key).mode & 0o777).toBe(0o600);
    expect(
      (
        await run(
          'agent',
          'enroll',
          '-s',
          t.url,
          '--agent',
          made.id,
          '--code',
          made.enrolmentCode,
          '--key',
          key,
          '--out',
          join(dir, 'again.json'),
        )
      ).code,
    ).toBe(1);

    // the holder names the CSV the agent holds and the catalog resource it is
    const { resource } = await marketClient(t).listable('merchant', '社区门诊记录', {}, false);
    const rows = Array.from(
      { length: 600 },
      (_, i) => `P${i},${20 + ((i * 13) % 59)},${['内科', '外科', '儿科'][i % 3]},${100 + ((i * 37) % 900)}`,
    );
    writeFileSync(join(dir, 'visits.csv'), ['patient_id,age,dept,cost', ...rows].join('\n'));
    const config = JSON.parse(readFileSync(cfg, 'utf8')) as Record<string, unknown>;
    writeFileSync(
      cfg,
      JSON.stringify({
        ...config,
        datasets: [
          {
            name: 'visits',
            title: '社区门诊',
            resourceId: resource,
            csv: 'visits.csv',
            columns: [
              { name: 'patient_id', type: 'text' },
              { name: 'age', type: 'integer' },
              { name: 'dept', type: 'text' },
              { name: 'cost', type: 'number' },
            ],
          },
        ],
      }),
    );
    agent?.kill('SIGTERM'); // a retried test starts its own
    agent = spawn(process.execPath, [BIN, 'agent', '--config', cfg, '--poll-ms', '200'], { stdio: 'pipe' });
    agent.stdout!.on('data', (b: Buffer) => (agentLog += b.toString()));
    agent.stderr!.on('data', (b: Buffer) => (agentLog += b.toString()));
    let dataset: Dataset | undefined;
    for (let i = 0; i < 100 && !dataset; i++) {
      await new Promise((r) => setTimeout(r, 200));
      const { body } = await t.call<{ items: Dataset[] }>(
        'GET',
        '/api/compute/datasets?q=社区门诊',
        'merchant',
      );
      dataset = body.items?.find((d) => d.agentId === made.id);
    }
    expect(dataset, agentLog).toBeDefined();
    const put = await t.call('PUT', `/api/compute/datasets/${dataset!.id}/policy`, 'merchant', {
      privacyUnit: 'patient_id',
      maxContributions: 1,
      k: 5,
      bounds: { cost: { lower: 0, upper: 1000 } },
      joinKeys: [],
      mechanism: 'laplace',
      epsilonTotal: 10,
      deltaTotal: 0,
      consumerShare: 0.5,
      epsilonPerQuery: 1,
      manualRelease: false,
    });
    expect(put.status).toBe(200);

    const holder = await token('merchant');
    const listed = await run('compute', 'datasets', '社区门诊', '-s', t.url, '--token-file', holder);
    expect(listed.stdout).toContain(`${dataset!.id}  visits`);

    const spec = join(dir, 'export.json');
    writeFileSync(
      spec,
      JSON.stringify({
        title: '社区门诊（k-匿名）',
        quasiIdentifiers: [
          { column: 'age', hierarchy: { kind: 'intervals', bands: [5, 10, 20] } },
          {
            column: 'dept',
            hierarchy: {
              kind: 'table',
              rows: [
                ['内科', '*'],
                ['外科', '*'],
                ['儿科', '*'],
              ],
            },
          },
        ],
        sensitive: 'cost',
        k: 5,
        suppressionLimit: 0.02,
      }),
    );
    const submitted = await run(
      'compute',
      'submit',
      '--dataset',
      dataset!.id,
      '--anonymize',
      spec,
      '--wait',
      '--json',
      '-s',
      t.url,
      '--token-file',
      holder,
    );
    expect(submitted.code, submitted.stderr + agentLog).toBe(0);
    const j = JSON.parse(submitted.stdout) as Job;
    expect(j).toMatchObject({ kind: 'anonymize', status: 'review' });

    const shown = await run('compute', 'job', j.id, '-s', t.url, '--token-file', holder);
    expect(shown.stdout).toMatch(
      /visits-k5\.csv: 600 rows, \d+ classes, \d+ suppressed; levels age \d\/4, dept \d\/1/,
    );
    expect(shown.stdout).toMatch(/information loss \d+\.\d%/);

    const out = join(dir, 'export.csv');
    const saved = await run('compute', 'output', j.id, '-o', out, '-s', t.url, '--token-file', holder);
    expect(saved.code, saved.stderr).toBe(0);
    expect(crypto.sm3Hex(readFileSync(out))).toBe(j.result!.export!.sm3);
    expect(readFileSync(out, 'utf8').split('\r\n')[0]).toBe('age,dept,cost');

    const bad = await run(
      'compute',
      'submit',
      '--dataset',
      dataset!.id,
      '--anonymize',
      spec,
      '--sql',
      'SELECT 1',
      '-s',
      t.url,
      '--token-file',
      holder,
    );
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('give one of --sql, --template, --anonymize or --joint');
  });

  it('intersects the caller’s own dataset with another org’s by PSI, saving the matches, and counts across both jointly', async () => {
    const { resource } = await marketClient(t).listable('merchant', '注销商户（CLI 求交）', {}, false);
    // merchants' shop codes: identifiers of businesses, not persons (a person's would need their consent)
    const shop = (i: number) => `SHOP-${String(i).padStart(4, '0')}`;
    const holder = await enrolledAgent(
      t,
      'merchant',
      [
        {
          name: 'closed_shops',
          title: '注销商户',
          resourceId: resource,
          columns: [{ name: 'shop', type: 'text' }],
          source: { rows: Array.from({ length: 80 }, (_, i) => ({ shop: shop(i * 2) })) },
        },
      ],
      {
        privacyUnit: 'shop',
        maxContributions: 1,
        k: 5,
        bounds: {},
        joinKeys: ['shop'],
        mechanism: 'laplace',
        epsilonTotal: 10,
        deltaTotal: 0,
        consumerShare: 0.5,
        epsilonPerQuery: 1,
        manualRelease: false,
      },
    );
    // the applicants' codes as typed: stray spaces around them
    const consumer = await enrolledAgent(t, 'quancheng', [
      {
        name: 'applicants',
        title: '贷款申请人',
        columns: [{ name: 'code', type: 'text' }],
        source: {
          rows: Array.from({ length: 40 }, (_, i) => ({
            code: i % 2 ? `  ${shop(i)} ` : shop(i),
          })),
        },
      },
    ]);
    const me = await t.call<{ org: { id: string } }>('GET', '/api/me', 'quancheng');
    await t.call('POST', '/api/consent/org-grants', 'merchant', {
      granteeOrgId: me.body.org.id,
      resourceIds: [resource],
      maxGrade: 'important',
      purpose: '贷前核验商户状态',
      expiresAt: new Date(Date.now() + 86_400_000).toISOString(),
    });
    await holder.agent.start();
    await consumer.agent.start();
    try {
      const as = await token('quancheng');
      const args = ['--dataset', holder.ids.closed_shops!, '--with', `${consumer.ids.applicants}:code`];
      const out = join(dir, 'matched.csv');
      const psi = await run(
        'compute',
        'psi',
        ...args,
        '--column',
        'shop',
        '--normalize',
        'text',
        '--reveal',
        'ids',
        '--wait',
        '-o',
        out,
        '-s',
        t.url,
        '--token-file',
        as,
      );
      expect(psi.code, psi.stderr).toBe(0);
      expect(psi.stdout).toContain(`PSI of closed_shops.shop with ${consumer.ids.applicants}.code (text)`);
      expect(psi.stdout).toMatch(/done {2}psi .*under eag_/);
      const evens = Array.from({ length: 20 }, (_, i) => shop(i * 2)).sort();
      expect(readFileSync(out, 'utf8').trim().split('\n')).toEqual(['code', ...evens]);

      // a joint count over both: each agent signs its exact part, the platform adds the noise once
      await t.call('PUT', `/api/compute/datasets/${consumer.ids.applicants}/policy`, 'quancheng', {
        privacyUnit: 'code',
        maxContributions: 1,
        k: 5,
        bounds: {},
        joinKeys: [],
        mechanism: 'laplace',
        epsilonTotal: 10,
        deltaTotal: 0,
        consumerShare: 1,
        epsilonPerQuery: 1,
        manualRelease: false,
      });
      const joint = await run(
        'compute',
        'submit',
        '--dataset',
        holder.ids.closed_shops!,
        '--joint',
        JSON.stringify({ with: [consumer.ids.applicants], statistic: 'count' }),
        '--wait',
        '-s',
        t.url,
        '--token-file',
        as,
      );
      expect(joint.code, joint.stderr).toBe(0);
      expect(joint.stdout).toContain(
        `joint count over ${holder.ids.closed_shops}, ${consumer.ids.applicants}`,
      );
      expect(joint.stdout.match(/part of cds_\w+: SM3 [0-9a-f]{64}, signed by agt_/g)).toHaveLength(2);

      const refused = await run(
        'compute',
        'psi',
        ...args,
        '--column',
        'nope',
        '-s',
        t.url,
        '--token-file',
        as,
      );
      expect(refused.code).toBe(1);
      expect(refused.stderr).toMatch(/unknown_column|psi_not_join_key/);
    } finally {
      await holder.agent.stop();
      await consumer.agent.stop();
    }
  });
});
