import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  createTabularWriter,
  openTabular,
  type Row,
  type RowValues,
  type TabularFormat,
} from '../tabular/index.js';
import { SyntheticPeople } from './protect.fixtures.js';
import { buildMaskPlan, maskedKinds } from './protect.plan.js';
import { maskTabular } from './protect.run.js';
import { scanTabular } from './protect.scan.js';
import { parseMaskRules } from './protect.schema.js';

const dir = mkdtempSync(join(tmpdir(), 'shuliu-protect-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const g = new SyntheticPeople(5);
const COLUMNS = ['姓名', 'mobile', 'id_card', 'id_bad', 'card', 'age', 'region'];
const ROWS: RowValues[] = Array.from({ length: 1500 }, (_, i) => [
  g.name(),
  g.mobile(),
  g.idCard(),
  g.idCard(false),
  g.bankCard(),
  String(18 + (i % 60)),
  g.pick(['370202', '370102', null]),
]);

async function fixture(format: TabularFormat): Promise<string> {
  const path = join(dir, `people.${format}`);
  const w = createTabularWriter(path, { format, columns: COLUMNS });
  await w.write(ROWS.map((r) => r.slice()));
  await w.close();
  return path;
}

const read = async (path: string) => {
  const rows: Row[] = [];
  for await (const r of await openTabular(path)) rows.push(r);
  return rows;
};

describe('scan', () => {
  it('profiles, detects, grades (就高从严) and masks the preview in one pass', async () => {
    const r = await scanTabular(await openTabular(await fixture('csv')), { sampleRows: 3 });
    expect(r.rows).toBe(1500);
    const col = (n: string) => r.columns.find((c) => c.name === n)!;
    expect(col('姓名').pii?.kind).toBe('name');
    expect(col('id_card')).toMatchObject({
      type: 'string',
      pii: { kind: 'idCard' },
      suggestedGrade: 'general_4',
      sensitive: true,
    });
    expect(col('id_bad').pii).toBeNull();
    expect(col('age')).toMatchObject({
      type: 'integer',
      pii: null,
      min: 18,
      max: 77,
      suggestedGrade: 'general_1',
    });
    expect(col('region').nullRate).toBeGreaterThan(0.2);
    expect(r.datasetGrade).toBe('general_4');
    expect(r.publishable).toBe(true);
    // neither the preview nor min/max leak a raw identifier
    expect(r.sample).toHaveLength(3);
    expect(r.sample[0]!.id_card).toMatch(/^\d\*{15}[\dX]{2}$/);
    expect(String(col('id_card').min)).toMatch(/\*{15}/);
    expect(r.sample[0]!.mobile).toMatch(/^\d{3}\*{4}\d{4}$/);
  });
});

describe('mask', () => {
  for (const format of ['csv', 'jsonl', 'xlsx', 'parquet'] as const) {
    it(`${format}: same format, same row order, detected columns masked, the rest untouched`, async () => {
      const out = join(dir, `masked.${format}`);
      const res = await maskTabular(await openTabular(await fixture(format)), out);
      expect(res.rows).toBe(1500);
      const rows = await read(out);
      expect(rows).toHaveLength(1500);
      rows.forEach((r, i) => {
        expect(String(r.age)).toBe(String(ROWS[i]![5]));
        expect(r.id_bad).toBe(ROWS[i]![3]);
        expect(r.id_card).toBe(
          `${String(ROWS[i]![2]).slice(0, 1)}${'*'.repeat(15)}${String(ROWS[i]![2]).slice(16)}`,
        );
      });
      expect(String(rows[0]!['姓名']).slice(1)).toMatch(/^\*+$/);
    });
  }

  it('follows the rules document, with keyed pseudonyms stable across runs', async () => {
    const rules = parseMaskRules({
      key: '00112233445566778899aabbccddeeff',
      columns: {
        card: { strategy: 'pseudonymize' },
        age: { strategy: 'generalize', method: 'band', width: 10 },
        region: { strategy: 'generalize', method: 'prefix', keep: 4 },
        mobile: { strategy: 'keep' },
      },
    });
    const src = await fixture('parquet');
    const a = join(dir, 'r1.parquet');
    const b = join(dir, 'r2.parquet');
    await maskTabular(await openTabular(src), a, { rules });
    await maskTabular(await openTabular(src), b, { rules });
    const [ra, rb] = [await read(a), await read(b)];
    expect(ra.map((r) => r.card)).toEqual(rb.map((r) => r.card));
    expect(ra[0]).toMatchObject({
      age: `${Math.floor(Number(ROWS[0]![5]) / 10) * 10}-${Math.floor(Number(ROWS[0]![5]) / 10) * 10 + 9}`,
      mobile: ROWS[0]![1],
    });
    expect(ra.every((r) => r.region === null || r.region === '370200' || r.region === '370100')).toBe(true);
  });
});

describe('rules', () => {
  it('names the offending field of a bad document', () => {
    const bad = (doc: unknown) => {
      try {
        parseMaskRules(doc);
      } catch (e) {
        return (e as Error).message;
      }
      return 'valid';
    };
    expect(bad({ columns: { age: { strategy: 'round' } } })).toMatch(
      /rules\.columns\.age: give exactly one of step or buckets/,
    );
    expect(bad({ columns: { a: { strategy: 'mask', format: 'nope' } } })).toMatch(
      /rules\.columns\.a\.format/,
    );
    expect(bad({ columns: { a: { strategy: 'shred' } } })).toMatch(/rules\.columns\.a\.strategy/);
    expect(bad({ columns: {}, key: 'abc' })).toMatch(/rules\.key: must be hex/);
    expect(bad({ columns: {}, extra: 1 })).toMatch(/rules: .*extra/);
    expect(bad({ columns: { a: { strategy: 'keep' } } })).toBe('valid');
  });

  it('refuses rules for columns the table lacks, and pseudonyms without a key', () => {
    const plan = (rules: unknown) => () =>
      buildMaskPlan({ columns: ['a'], detections: [null], rules: parseMaskRules(rules) });
    expect(plan({ columns: { b: { strategy: 'keep' } } })).toThrow(
      /rules\.columns\.b: the table has no column "b"/,
    );
    expect(plan({ columns: { a: { strategy: 'pseudonymize' } } })).toThrow(/needs a key/);
  });

  it('types the output: transformed columns become text unless they stay numeric', () => {
    const p = buildMaskPlan({
      columns: ['a', 'b', 'c', 'd'],
      detections: [null, null, null, { kind: 'mobile', confidence: 0.9 }],
      rules: parseMaskRules({
        columns: { a: { strategy: 'noise', scale: 1, decimals: 0 }, b: { strategy: 'round', step: 0.5 } },
      }),
    });
    expect(maskedKinds(p, { a: 'integer', b: 'integer', c: 'boolean', d: 'integer' })).toEqual({
      a: 'integer',
      b: 'decimal',
      c: 'boolean',
      d: 'string',
    });
  });
});

it('a GBK CSV is masked back into GBK', async () => {
  const iconv = (await import('iconv-lite')).default;
  const path = join(dir, 'gbk.csv');
  writeFileSync(
    path,
    iconv.encode(
      `姓名,手机\n${Array.from({ length: 50 }, () => `${g.name()},${g.mobile()}`).join('\n')}\n`,
      'gbk',
    ),
  );
  const out = join(dir, 'gbk.masked.csv');
  await maskTabular(await openTabular(path), out);
  const src = await openTabular(out);
  expect(src.dialect?.encoding).toBe('gb18030');
  for await (const r of src) expect(String(r['手机'])).toMatch(/^\d{3}\*{4}\d{4}$/);
});
