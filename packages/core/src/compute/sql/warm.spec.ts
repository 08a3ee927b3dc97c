import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { boundedSql, type BoundingOptions } from './rewrite.js';
import { openSandbox, type SandboxRow } from './sandbox.js';
import { analyzeQuery } from './sql-guard.js';
import type { GuardColumn } from './sql-types.js';
import { WarmTable, WarmTables } from './warm.js';

// A warm table bounds each unit once and answers every job with the same rows: its statistics are those of the
// per-job rewrite where no row is dropped, every unit keeps at most m rows, and its distinct-unit counts (from
// first-row flags) are exact.
const COLUMNS: GuardColumn[] = [
  { name: 'pid', type: 'text' },
  { name: 'dept', type: 'text' },
  { name: 'cost', type: 'number' },
];
const DEPTS = ['内科', '外科', '儿科'];
/** 300 patients; patient p has 1 + p % 8 visits over the departments, costs from 0 to 1,200 (some clamped). */
const ROWS = Array.from({ length: 300 }, (_, p) =>
  Array.from({ length: 1 + (p % 8) }, (_, v) => ({
    pid: `P${p}`,
    dept: DEPTS[(p + v) % 3],
    cost: (p * 37 + v * 101) % 1200,
  })),
).flat();
const catalog = { tables: [{ name: 'visits', columns: COLUMNS }] };
const OPTIONS = { timeoutMs: 30_000, maxResultRows: 1000 };
const policy = (m: number): BoundingOptions => ({
  privacyUnit: 'pid',
  maxContributions: m,
  bounds: { cost: { lower: 0, upper: 1000 } },
});
const GROUPED = 'SELECT dept, count(*) AS n, sum(cost) AS total, avg(cost) AS mean FROM visits GROUP BY dept';

/** Rows by group, numbers as numbers, so that two ways of computing them compare. */
const byGroup = (rows: SandboxRow[]) =>
  Object.fromEntries(
    rows.map((r) => [
      String(r.__g_0 ?? ''),
      Object.fromEntries(Object.entries(r).map(([k, v]) => [k, typeof v === 'string' ? Number(v) : v])),
    ]),
  );

async function cold(sql: string, m: number) {
  const sandbox = await openSandbox(OPTIONS);
  try {
    await sandbox.loadTable('visits', COLUMNS, { rows: ROWS });
    await sandbox.lock();
    return await sandbox.run(boundedSql(await analyzeQuery(sql, catalog), policy(m)));
  } finally {
    sandbox.close();
  }
}

describe('a warm table', () => {
  let all: WarmTable;
  let capped: WarmTable;
  beforeAll(async () => {
    all = await WarmTable.open(OPTIONS, 'visits', COLUMNS, { rows: ROWS }, policy(8));
    capped = await WarmTable.open(OPTIONS, 'visits', COLUMNS, { rows: ROWS }, policy(3));
  });
  afterAll(() => {
    all.close();
    capped.close();
  });

  it('gives the per-job rewrite’s statistics where no unit has more rows than m', async () => {
    for (const sql of [
      GROUPED,
      'SELECT count(*) AS n, sum(cost) AS total FROM visits',
      'SELECT dept, count(*) AS n FROM visits WHERE cost > 300 GROUP BY dept',
    ]) {
      const plan = await analyzeQuery(sql, catalog);
      expect(byGroup((await all.run(plan))!), sql).toEqual(byGroup(await cold(sql, 8)));
    }
  });

  it('keeps at most m rows of each unit, the same ones for every job, and counts its units exactly', async () => {
    const plan = await analyzeQuery(GROUPED, catalog);
    const first = byGroup((await capped.run(plan))!);
    expect(byGroup((await capped.run(plan))!)).toEqual(first);
    const units = Object.values(first).reduce((a, g) => a + Number(g.__units), 0);
    const rows = Object.values(first).reduce((a, g) => a + Number(g.__n), 0);
    // patients with p % 8 >= 2 have more than 3 visits and keep exactly 3; the others keep all theirs
    const expected = Array.from({ length: 300 }, (_, p) => Math.min(3, 1 + (p % 8))).reduce((a, b) => a + b);
    expect(rows).toBe(expected);
    // a WHERE true of every row counts distinct units with DISTINCT instead of flags: the same counts
    const where = byGroup(
      (await capped.run(
        await analyzeQuery(`${GROUPED.replace(' GROUP BY', ' WHERE cost >= 0 GROUP BY')}`, catalog),
      ))!,
    );
    for (const [g, stats] of Object.entries(first)) expect(where[g]!.__units).toBe(stats.__units);
    expect(units).toBeGreaterThanOrEqual(300);
  });

  it('leaves a query over several tables to the per-job rewrite', async () => {
    const two = {
      tables: [
        { name: 'visits', columns: COLUMNS, joinKeys: ['pid'] },
        { name: 'people', columns: [{ name: 'pid', type: 'text' as const }], joinKeys: ['pid'] },
      ],
    };
    const plan = await analyzeQuery(
      'SELECT count(*) AS n FROM visits JOIN people ON visits.pid = people.pid',
      two,
    );
    expect(await all.run(plan)).toBeNull();
  });
});

describe('an agent’s warm tables', () => {
  it('keep a table while its rows and policy stay, and open it anew when either changes', async () => {
    const warm = new WarmTables(OPTIONS, 1);
    try {
      const a = await warm.get('visits', COLUMNS, { rows: ROWS }, policy(3));
      expect(await warm.get('visits', COLUMNS, { rows: ROWS }, policy(3))).toBe(a);
      const b = await warm.get('visits', COLUMNS, { rows: ROWS }, policy(4));
      expect(b).not.toBe(a);
      const copy = [...ROWS];
      const c = await warm.get('visits', COLUMNS, { rows: copy }, policy(4));
      expect(c).not.toBe(b);
      expect(await warm.get('visits', COLUMNS, { rows: copy }, policy(4))).toBe(c);
      // one table at most: another dataset closes the one before
      await warm.get('other', COLUMNS, { rows: ROWS }, policy(4));
      expect(await warm.get('visits', COLUMNS, { rows: copy }, policy(4))).not.toBe(c);
    } finally {
      await warm.close();
    }
  });
});
