import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Cell } from '../../tabular/index.js';
import {
  binomialTail,
  detect,
  embed,
  fingerprintCode,
  planFingerprint,
  readTable,
  traceFile,
  writeTable,
  type Candidate,
  type FingerprintPlan,
  type Table,
} from './index.js';

// UCI Adult, 3,016 rows as shipped by ARX (testdata/README.md): one numeric column (age), eight categorical
const ADULT = join(import.meta.dirname, '../../../../../testdata/adult/adult_subset.csv');
const SECRET = Buffer.from('a3f1c09e5b7d24680f1e2d3c4b5a69788796a5b4c3d2e1f00f1e2d3c4b5a6978', 'hex');
const ORDERS = ['ord_buyer_a', 'ord_buyer_b', 'ord_buyer_c', 'ord_buyer_d'];
const CANDIDATES: Candidate[] = ORDERS.map((id) => ({ id, code: fingerprintCode(SECRET, id) }));
const [A, B] = CANDIDATES as [Candidate, Candidate];

let dir: string;
let original: Table;
let plan: FingerprintPlan;
let copyA: Table;
let copyB: Table;

/** A small seeded generator, so that every shuffle and every dropped row is the same on every run. */
function seeded(seed: number) {
  let s = seed;
  return () => ((s = (Math.imul(s, 1103515245) + 12345) >>> 0), s / 2 ** 32);
}
const shuffled = (t: Table, seed: number): Table => {
  const r = seeded(seed);
  const rows = t.rows.map((row) => ({ row, k: r() }));
  return { columns: t.columns, rows: rows.sort((a, b) => a.k - b.k).map((x) => x.row) };
};
const someRows = (t: Table, share: number, seed: number): Table => {
  const r = seeded(seed);
  return { columns: t.columns, rows: t.rows.filter(() => r() < share) };
};
const columnsOf = (t: Table, names: string[]): Table => {
  const at = names.map((n) => t.columns.indexOf(n));
  return { columns: names, rows: t.rows.map((row) => at.map((i) => row[i] ?? null)) };
};
/** What a spreadsheet does when it opens a CSV: text that reads as a number becomes a number. */
const asSpreadsheet = (t: Table): Table => ({
  columns: t.columns,
  rows: t.rows.map((row) =>
    row.map((c): Cell => (typeof c === 'string' && /^-?\d+(\.\d+)?$/.test(c) ? Number(c) : c)),
  ),
});
async function roundTrip(t: Table, format: 'csv' | 'xlsx', name: string): Promise<Table> {
  const path = join(dir, `${name}.${format}`);
  await writeTable(path, t, format);
  const { columns, rows } = await readTable(path);
  return { columns, rows };
}
const traced = (t: Table, candidates = CANDIDATES) => detect(t, { secret: SECRET, candidates, plan });

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'shuliu-fingerprint-'));
  const { columns, rows } = await readTable(ADULT);
  original = { columns, rows };
  plan = planFingerprint(original);
  copyA = embed(original, { secret: SECRET, code: A.code, plan }).table;
  copyB = embed(original, { secret: SECRET, code: B.code, plan }).table;
});
afterAll(() => rm(dir, { recursive: true, force: true }));

describe('the plan', () => {
  it('marks the numeric column and anchors on the categorical ones with more than two values', () => {
    expect(plan.marked).toEqual([{ name: 'age', decimals: 0 }]);
    expect(plan.anchors).not.toContain('sex');
    expect(plan.anchors).not.toContain('salary-class');
    expect(plan.anchors).toEqual(expect.arrayContaining(['education', 'occupation', 'native-country']));
  });

  it('never marks identifiers, coded categories or years; keeps decimals, numbers and small values', () => {
    const rows: Cell[][] = Array.from({ length: 200 }, (_, i) => [
      String(1000 + i),
      i % 2,
      String(1990 + (i % 30)),
      `${(100 + i * 1.37).toFixed(2)}`,
      i % 3 === 0 ? 0 : 50 + i,
      ['甲', '乙', '丙'][i % 3]!,
    ]);
    const t: Table = { columns: ['seq', 'sex', 'birth_year', 'amount', 'income', 'city'], rows };
    const p = planFingerprint(t);
    expect(p.marked).toEqual([
      { name: 'amount', decimals: 2 },
      { name: 'income', decimals: 0 },
    ]);
    const { table: m } = embed(t, { secret: SECRET, code: A.code, plan: p });
    for (let i = 0; i < rows.length; i++) {
      const [seq, sex, year, amount, income, city] = m.rows[i]!;
      expect([seq, sex, year, city]).toEqual([rows[i]![0], rows[i]![1], rows[i]![2], rows[i]![5]]);
      expect(amount).toMatch(/^\d+\.\d{2}$/);
      expect(typeof income).toBe('number');
      if (rows[i]![4] === 0) expect(income).toBe(0);
    }
  });
});

describe('embedding', () => {
  it('changes only ages, each by one year at most and by at most 5 % of it', () => {
    const { stats } = embed(original, { secret: SECRET, code: A.code, plan });
    expect(stats.maxUnitsChanged).toBe(1);
    expect(stats.maxRelativeChange).toBeLessThanOrEqual(0.05);
    expect(stats.cellsChanged).toBeGreaterThan(0);
    const age = original.columns.indexOf('age');
    let changed = 0;
    original.rows.forEach((row, i) =>
      row.forEach((cell, j) => {
        const marked = copyA.rows[i]![j];
        if (j !== age) return expect(marked).toBe(cell);
        const d = Math.abs(Number(marked) - Number(cell));
        expect(d).toBeLessThanOrEqual(1);
        expect(d / Number(cell)).toBeLessThanOrEqual(0.05);
        if (d) changed++;
      }),
    );
    expect(changed).toBe(stats.cellsChanged);
  });

  it('is deterministic: the same inputs give the same copy, another order another copy', () => {
    expect(embed(original, { secret: SECRET, code: A.code, plan }).table).toEqual(copyA);
    expect(copyB).not.toEqual(copyA);
  });
});

describe('tracing a leaked copy', () => {
  it("names buyer A for A's copy as delivered, and B for B's", () => {
    expect(traced(copyA).match?.id).toBe(A.id);
    expect(traced(copyB).match?.id).toBe(B.id);
  });

  it('survives (a) re-sorting the rows', () => {
    const byEducation = columnsOf(copyA, copyA.columns);
    const edu = copyA.columns.indexOf('education');
    byEducation.rows.sort((x, y) => String(x[edu]).localeCompare(String(y[edu])));
    expect(traced(byEducation).match?.id).toBe(A.id);
    expect(traced(shuffled(copyA, 7)).match?.id).toBe(A.id);
  });

  it('survives (b) dropping half the columns, whichever half keeps the age', () => {
    for (const kept of [
      ['age', 'education', 'occupation', 'workclass', 'sex'],
      ['age', 'native-country', 'marital-status', 'race', 'salary-class'],
    ]) {
      const d = traced(columnsOf(copyA, kept));
      expect(d.match?.id, kept.join()).toBe(A.id);
    }
  });

  it('survives (c) dropping half the rows', () => {
    expect(traced(someRows(copyA, 0.5, 11)).match?.id).toBe(A.id);
  });

  it('survives (d) CSV→XLSX, as a spreadsheet would read it, and XLSX→CSV', async () => {
    const xlsx = await roundTrip(asSpreadsheet(copyA), 'xlsx', 'a-as-xlsx');
    expect(xlsx.rows[0]![1]).toBeTypeOf('number');
    expect(traced(xlsx).match?.id).toBe(A.id);
    const csv = await roundTrip(xlsx, 'csv', 'a-back-to-csv');
    expect(traced(csv).match?.id).toBe(A.id);
  });

  it('survives (e) all at once: re-sorted, five of nine columns, half the rows, through XLSX and back', async () => {
    const kept = ['occupation', 'age', 'education', 'sex', 'workclass'];
    const leaked = someRows(shuffled(columnsOf(copyA, kept), 3), 0.5, 5);
    const back = await roundTrip(await roundTrip(asSpreadsheet(leaked), 'xlsx', 'e'), 'csv', 'e');
    const d = traced(back);
    expect(d.match?.id).toBe(A.id);
    expect(d.scores[0]!.matches).toBeGreaterThanOrEqual(d.scores[0]!.observed - 1);
  });

  it("does not name B for A's copy when A is not among the candidates", () => {
    const d = traced(copyA, CANDIDATES.slice(1));
    expect(d.match).toBeNull();
    expect(d.scores[0]!.pValue).toBeGreaterThan(1e-3);
  });

  it('traces the unmarked original, other people in the same schema and a copy under another key to nothing', () => {
    expect(traced(original).match).toBeNull();
    const firstHalf = { columns: original.columns, rows: original.rows.slice(0, 1500) };
    const others = { columns: original.columns, rows: original.rows.slice(1500) };
    const half = embed(firstHalf, { secret: SECRET, code: A.code, plan }).table;
    expect(traced(half).match?.id).toBe(A.id);
    expect(traced(others).match).toBeNull();
    const otherKey = Buffer.alloc(32, 9);
    const foreign = embed(original, { secret: otherKey, code: fingerprintCode(otherKey, A.id), plan }).table;
    expect(traced(foreign).match).toBeNull();
  });

  it('reads files offline through traceFile', async () => {
    const path = join(dir, 'leaked.xlsx');
    await writeTable(path, asSpreadsheet(shuffled(copyB, 1)), 'xlsx');
    expect((await traceFile(path, CANDIDATES, SECRET, plan)).match?.id).toBe(B.id);
    expect((await traceFile(ADULT, CANDIDATES, SECRET, plan)).match).toBeNull();
  });
});

describe('binomialTail', () => {
  it('is the chance of k or more heads in n fair tosses', () => {
    expect(binomialTail(0, 10)).toBe(1);
    expect(binomialTail(10, 10)).toBeCloseTo(1 / 1024, 12);
    expect(binomialTail(9, 10)).toBeCloseTo(11 / 1024, 12);
    expect(binomialTail(256, 256)).toBeCloseTo(2 ** -256, 90);
    expect(binomialTail(11, 10)).toBe(0);
  });
});
