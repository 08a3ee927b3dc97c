import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Sandbox, SandboxLimit, openSandbox } from './sandbox.js';
import type { GuardColumn } from './sql-types.js';

const adultCsv = fileURLToPath(new URL('../../../../../testdata/adult/adult_subset.csv', import.meta.url));
const adultColumns: GuardColumn[] = [
  { name: 'sex', type: 'text' },
  { name: 'age', type: 'integer' },
  { name: 'race', type: 'text' },
  { name: 'marital-status', type: 'text' },
  { name: 'education', type: 'text' },
  { name: 'native-country', type: 'text' },
  { name: 'workclass', type: 'text' },
  { name: 'occupation', type: 'text' },
  { name: 'salary-class', type: 'text' },
];

async function limitOf(job: Promise<unknown>): Promise<SandboxLimit> {
  const e = await job.then(
    () => null,
    (err: unknown) => err,
  );
  if (!(e instanceof SandboxLimit)) throw new Error(`expected a SandboxLimit, got ${String(e)}`);
  return e;
}

describe('a locked sandbox', () => {
  let box: Sandbox;
  beforeAll(async () => {
    box = await openSandbox({ memoryLimit: '256MB', threads: 1, timeoutMs: 5_000, maxResultRows: 100 });
    await box.loadTable('adult', adultColumns, { csvPath: adultCsv, delimiter: ';' });
    await box.loadTable('t', [{ name: 'x', type: 'integer' }], {
      rows: Array.from({ length: 5_000 }, (_, i) => ({ x: i })),
    });
    await box.lock();
  });
  afterAll(() => box.close());

  it('holds the CSV loaded before the lock', async () => {
    const lines = readFileSync(adultCsv, 'utf8').trim().split('\n').length - 1;
    expect(await box.run('select count(*)::int as n from adult')).toEqual([{ n: lines }]);
  });

  it.each([
    ['SET enable_external_access = true', /locked/],
    ["SET memory_limit = '10GB'", /locked/],
    ['SET threads = 8', /locked/],
    ['SET autoload_known_extensions = true', /locked/],
    ['RESET lock_configuration', /locked/],
    ["select * from read_csv('/etc/passwd')", /disabled by configuration/],
    ["select * from read_text('/etc/passwd')", /disabled by configuration/],
    ["select * from '/etc/passwd'", /does not exist|disabled/],
    ["select * from read_csv('https://example.com/x.csv')", /disabled by configuration/],
    ['INSTALL httpfs', /disabled by configuration/],
    ['LOAD httpfs', /disabled/],
    ["ATTACH '/tmp/shuliu-sandbox.db' AS leak", /disabled by configuration/],
    ["COPY adult TO '/tmp/shuliu-sandbox.csv'", /disabled by configuration/],
  ])('refuses %s even when the guard is bypassed', async (sql, error) => {
    await expect(box.run(sql)).rejects.toThrow(error);
  });

  it('reports the locked settings', async () => {
    const [row] = await box.run(`select current_setting('enable_external_access') as ext,
      current_setting('autoinstall_known_extensions') as inst, current_setting('autoload_known_extensions') as auto,
      current_setting('allow_community_extensions') as community, current_setting('lock_configuration') as locked,
      current_setting('threads') as threads`);
    expect(row).toEqual({
      ext: false,
      inst: false,
      auto: false,
      community: false,
      locked: true,
      threads: '1',
    });
  });

  it('loads no table once locked', async () => {
    await expect(box.loadTable('late', [{ name: 'x', type: 'integer' }], { rows: [] })).rejects.toThrow(
      /locked/,
    );
  });

  it('refuses a result with more rows than allowed', async () => {
    const e = await limitOf(box.run('select * from t'));
    expect(e.kind).toBe('rows');
    expect(await box.run('select * from t limit 100')).toHaveLength(100);
  });

  it('stops a runaway self-join at the time limit', async () => {
    const quick = await openSandbox({ timeoutMs: 200, maxResultRows: 10 });
    await quick.loadTable('t', [{ name: 'x', type: 'integer' }], {
      rows: Array.from({ length: 5_000 }, (_, i) => ({ x: i })),
    });
    await quick.lock();
    const started = Date.now();
    const e = await limitOf(quick.run('select count(*) from t a, t b, t c where a.x + b.x + c.x = -1'));
    expect(e.kind).toBe('time');
    expect(Date.now() - started).toBeLessThan(3_000);
    expect(await quick.run('select count(*)::int as n from t')).toEqual([{ n: 5_000 }]);
    quick.close();
  });

  it('stops a memory-hungry job at the memory limit', async () => {
    const e = await limitOf(box.run("select list(repeat('x', 1000) || range) as l from range(2000000)"));
    expect(e.kind).toBe('memory');
  });
});

describe('sandbox limits', () => {
  it('refuses a result larger than maxResultBytes', async () => {
    const box = await openSandbox({ timeoutMs: 2_000, maxResultRows: 10, maxResultBytes: 1_000 });
    await box.lock();
    const e = await limitOf(box.run("select repeat('x', 5000) as s"));
    expect(e.kind).toBe('bytes');
    box.close();
  });

  it('runs nothing before it is locked and takes only a size as memory limit', async () => {
    const box = await openSandbox({ timeoutMs: 2_000, maxResultRows: 10 });
    await expect(box.run('select 1')).rejects.toThrow(/locked/);
    box.close();
    await expect(
      openSandbox({ memoryLimit: "1GB'; SET x='", timeoutMs: 1, maxResultRows: 1 }),
    ).rejects.toThrow(RangeError);
  });
});
