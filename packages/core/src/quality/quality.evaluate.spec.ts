import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import iconv from 'iconv-lite';
import { afterAll, describe, expect, it } from 'vitest';
import { createTabularWriter, openTabular, type Row } from '../tabular/index.js';
import { checkQuality } from './quality.check.js';
import { evaluateQuality } from './quality.evaluate.js';
import { parseQualityRules, type RuleInput } from './quality.schema.js';
import type { QualityReport } from './quality.types.js';

const DATA = join(import.meta.dirname, '../../../../testdata/quality');
const FIXTURE = join(DATA, 'customers.csv');
const RULES = parseQualityRules(JSON.parse(readFileSync(join(DATA, 'rules.json'), 'utf8')));
/** 15 days after the newest `updated_at` (2025-06-30): fresh under the fixture's 30-day rule. */
const AS_OF = '2025-07-15';

const dir = mkdtempSync(join(tmpdir(), 'shuliu-quality-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const check = (path: string, opts: Parameters<typeof checkQuality>[1] = {}) =>
  checkQuality(() => openTabular(path), { rules: RULES, asOf: AS_OF, ...opts });
const csv = (text: string) => openTabular(Readable.from([Buffer.from(text)]), { name: 'inline.csv' });
const run = async (text: string, rules: RuleInput[], asOf = AS_OF) =>
  evaluateQuality(await csv(text), parseQualityRules(rules), { asOf });
const rule = (r: QualityReport, id: string) => r.rules.find((x) => x.id === id)!;

/**
 * The fixture (testdata/quality/customers.csv, 20 rows) and its known defects: rows 3 and 11 have a wrong
 * ID-card check digit, row 5 a wrong credit-code check character, rows 4, 9 and 15 no mobile, row 18 a
 * 10-digit mobile, row 12 repeats row 6's customer_id, row 8 starts after it ends, row 14 has status
 * `unknown`, and row 17's updated_at (2024-01-10) goes back from row 16's.
 */
describe('the fixture, scored by testdata/quality/rules.json', () => {
  it('counts every rule exactly', async () => {
    const r = await check(FIXTURE);
    expect(r.rows).toBe(20);
    const counts = Object.fromEntries(r.rules.map((x) => [x.id, [x.checked, x.failed, x.score]]));
    expect(counts).toEqual({
      'id-card-check': [20, 2, 90], // 18/20
      'check_digit:uscc': [20, 1, 95], // 19/20
      'enum:status': [20, 1, 95],
      'type:start_date+end_date': [40, 0, 100], // two columns × 20 cells
      'not_null:mobile': [20, 3, 85],
      'not_null:name': [20, 0, 100],
      'record_complete:customer_id+name+id_card+mobile': [20, 3, 85],
      'unique:customer_id': [20, 1, 95],
      duplicate_rows: [20, 0, 100],
      'format:mobile': [17, 1, 94.1], // 16/17 = 94.12: the 3 empty cells are not checked
      'compare:start_date+end_date': [20, 1, 95],
      'freshness:updated_at': [1, 0, 100], // 2025-06-30 is 15 days before 2025-07-15 (≤ 30)
      'ordered:updated_at': [19, 1, 94.7], // 19 pairs of neighbours, 18/19 = 94.74
      readable: [1, 0, 100],
    });
  });

  it('scores each indicator as the mean of its rules, and overall as their mean', async () => {
    const r = await check(FIXTURE);
    expect(r.indicators).toEqual({
      conformance: 95, // (90 + 95 + 95 + 100) / 4
      completeness: 90, // (85 + 100 + 85) / 3
      accuracy: 96.4, // (95 + 100 + 1600/17) / 3 = 96.3725
      consistency: 95,
      timeliness: 97.4, // (100 + 1800/19) / 2 = 97.3684
      accessibility: 100,
    });
    // (95 + 90 + 96.3725 + 95 + 97.3684 + 100) / 6 = 573.7409 / 6 = 95.6235
    expect(r.overall).toBe(95.6);
  });

  it('a wrong check digit is a conformance failure, and the example shows the row, masked', async () => {
    const r = await check(FIXTURE);
    const id = rule(r, 'id-card-check');
    expect(id.indicator).toBe('conformance');
    expect(id.examples.map((e) => e.row)).toEqual([3, 11]);
    for (const e of id.examples) expect(e.values.id_card).toMatch(/^\d\*{15}[\dX]{2}$/);
    expect(rule(r, 'check_digit:uscc').examples).toEqual([
      { row: 5, values: { uscc: '91**************90' } },
    ]);
  });

  it('prints no raw ID number, mobile or name anywhere in the report', async () => {
    const text = JSON.stringify(await check(FIXTURE));
    const rows: Row[] = [];
    for await (const row of await openTabular(FIXTURE)) rows.push(row);
    for (const row of rows)
      for (const c of ['id_card', 'mobile', 'name'])
        if (row[c]) expect(text, `${c} ${row[c]}`).not.toContain(String(row[c]));
    expect(rule(await check(FIXTURE), 'record_complete:customer_id+name+id_card+mobile').examples[0]).toEqual(
      {
        row: 4,
        values: { customer_id: 'C004', name: '刘*', id_card: '4***************34', mobile: null },
      },
    );
  });

  it('weights change the overall score, renormalised over the indicators that have one', async () => {
    // accessibility out: (95 + 90 + 96.3725 + 95 + 97.3684) / 5 = 473.7409 / 5 = 94.7482
    expect((await check(FIXTURE, { weights: { accessibility: 0 } })).overall).toBe(94.7);
    // conformance ×3, the rest 1: (3 × 95 + 478.7409) / 8 = 763.7409 / 8 = 95.4676
    expect((await check(FIXTURE, { weights: { conformance: 3 } })).overall).toBe(95.5);
    // only timeliness rules: the other five are null and weigh nothing
    const only = await check(FIXTURE, { rules: RULES.filter((x) => x.indicator === 'timeliness') });
    expect(only.indicators).toMatchObject({ conformance: null, timeliness: 97.4, accessibility: null });
    expect(only.overall).toBe(97.4);
  });

  it('freshness fails once the newest date is older than allowed', async () => {
    // 2025-08-01 − 2025-06-30 = 32 days > 30
    const r = await check(FIXTURE, { asOf: '2025-08-01' });
    expect(rule(r, 'freshness:updated_at')).toMatchObject({ checked: 1, failed: 1, score: 0 });
    expect(rule(r, 'freshness:updated_at').examples[0]).toEqual({
      row: 20,
      values: { updated_at: '2025-06-30' },
      note: 'the newest date is 32 days before 2025-08-01 (at most 30)',
    });
    expect(r.indicators.timeliness).toBe(47.4); // (0 + 94.7368) / 2
  });

  it('reads the same table from XLSX and from GBK text', async () => {
    const rows: Row[] = [];
    const src = await openTabular(FIXTURE);
    for await (const row of src) rows.push(row);
    const xlsx = join(dir, 'customers.xlsx');
    const w = createTabularWriter(xlsx, { format: 'xlsx', columns: src.columns });
    await w.write(rows.map((row) => src.columns.map((c) => row[c] ?? null)));
    await w.close();
    const gbk = join(dir, 'customers.gbk.csv');
    writeFileSync(gbk, iconv.encode(readFileSync(FIXTURE, 'utf8'), 'gbk'));
    const base = await check(FIXTURE);
    for (const path of [xlsx, gbk]) {
      const r = await check(path);
      expect(r.indicators).toEqual(base.indicators);
      expect(r.rules).toEqual(base.rules);
    }
  });
});

describe('rule kinds', () => {
  it('luhn, pattern, type, range and reference judge each non-empty value', async () => {
    const r = await run(
      'card,code,n,day,city\n6222020200112233446,AB-12,7,2025-02-28,济南\n6222020200112233440,ab-12,x,2025-02-30,北京\n,AB-999,12.5,,青岛\n',
      [
        { kind: 'check_digit', standard: 'luhn', columns: ['card'] },
        { kind: 'pattern', pattern: '[A-Z]{2}-\\d{2,3}', columns: ['code'] },
        { kind: 'type', type: 'integer', columns: ['n'] },
        { kind: 'range', min: 0, max: 10, columns: ['n'] },
        { kind: 'type', type: 'date', columns: ['day'] },
        { kind: 'range', min: '2025-01-01', max: '2025-02-28', columns: ['day'] },
        { kind: 'reference', values: ['济南', '青岛'], columns: ['city'] },
      ],
    );
    expect(r.rules.map((x) => [x.id, x.checked, x.failed])).toEqual([
      ['check_digit:card', 2, 1], // …446 passes Luhn, …440 does not
      ['pattern:code', 3, 1], // lower case fails
      ['type:n', 3, 2], // x and 12.5
      ['range:n', 3, 2], // x is no number, 12.5 > 10
      ['type:day', 2, 1], // 30 February
      ['range:day', 2, 1],
      ['reference:city', 3, 1],
    ]);
  });

  it('unique skips keys with an empty part; duplicate_rows counts whole rows', async () => {
    const r = await run('a,b\n1,x\n1,y\n1,x\n,x\n,x\n', [
      { kind: 'unique', columns: ['a', 'b'] },
      { kind: 'duplicate_rows' },
    ]);
    expect(r.rules.map((x) => [x.checked, x.failed, x.examples.map((e) => e.row)])).toEqual([
      [3, 1, [3]],
      [5, 2, [3, 5]],
    ]);
  });

  it('derived: the ID card agrees with the birth date and the sex columns', async () => {
    const r = await run(
      'id,birth,sex\n11010519491231002X,1949-12-31,女\n11010519491231002X,19491231,男\n110105194912310021,1950-01-01,F\n',
      [
        { kind: 'derived', derive: 'birth_date', columns: ['id', 'birth'] },
        { kind: 'derived', derive: 'sex', columns: ['id', 'sex'] },
      ],
    );
    // the 17th digit 2 is even: female
    expect(r.rules.map((x) => [x.checked, x.failed])).toEqual([
      [3, 1],
      [3, 1],
    ]);
    expect(r.indicators.consistency).toBe(66.7);
    expect(JSON.stringify(r)).not.toMatch(/11010519491231002/);
  });

  it('ordered compares each number or date with the one before it; freshness needs a date', async () => {
    const r = await run('n,d\n1,x\n2,\n1,\nabc,\n3,\n', [
      { kind: 'ordered', columns: ['n'] },
      { kind: 'freshness', maxAgeDays: 1, columns: ['d'] },
    ]);
    // 1 → 2 holds, 2 → 1 goes back, abc is skipped, 1 → 3 holds
    expect(r.rules[0]).toMatchObject({ checked: 3, failed: 1 });
    expect(r.rules[0]!.examples).toEqual([{ row: 3, values: { n: '1' }, note: 'goes back from row 2' }]);
    expect(r.rules[1]).toMatchObject({ checked: 1, failed: 1 });
    expect(r.rules[1]!.examples).toEqual([{ row: null, values: {}, note: 'the column holds no date' }]);
  });

  it('compare refuses values that are not both numbers or both dates', async () => {
    const r = await run('a,b\n1,2\n3,2\n2025-01-01,x\n', [{ kind: 'compare', op: '<', columns: ['a', 'b'] }]);
    expect(r.rules[0]).toMatchObject({ checked: 3, failed: 2 });
    expect(r.rules[0]!.examples[1]!.note).toBe('the values are not both numbers or both dates');
  });

  it('a table that stops parsing scores 0 for accessibility, and the rows read before it are scored', async () => {
    // past the first 64 KiB chunk, so the reader has opened the table and yielded rows when it fails
    const path = join(dir, 'long-ragged.csv');
    writeFileSync(path, `a,b\n${'1,2\n'.repeat(20_000)}3\n`);
    const rules = parseQualityRules([{ kind: 'not_null', columns: ['a'] }, { kind: 'readable' }]);
    const r = await evaluateQuality(await openTabular(path), rules, { asOf: AS_OF });
    expect(r.rows).toBeGreaterThan(0);
    expect(rule(r, 'not_null:a')).toMatchObject({ checked: r.rows, failed: 0 });
    expect(r.indicators).toMatchObject({ completeness: 100, accessibility: 0 });
    expect(rule(r, 'readable').examples).toEqual([
      { row: null, values: {}, note: `${path}: line 20002 has 1 fields, the header has 2` },
    ]);
  });

  it('a file that does not open as a table is reported, with readable the only rule suggested', async () => {
    const bad = join(dir, 'ragged.csv');
    writeFileSync(bad, 'a,b\n1,2\n3\n');
    const r = await checkQuality(() => openTabular(bad), { asOf: AS_OF });
    expect(r).toMatchObject({ rows: 0, overall: 0, indicators: { accessibility: 0, completeness: null } });
    expect(r.suggested!.map((x) => x.kind)).toEqual(['readable']);
    expect(r.rules[0]!.examples[0]!.note).toMatch(/ragged\.csv: line 3 has 1 fields, the header has 2/);
    const given = await check(bad);
    expect(given.rules.map((x) => [x.id, x.checked, x.failed])).toContainEqual(['readable', 1, 1]);
    expect(given.indicators).toMatchObject({ conformance: null, accessibility: 0 });
    await expect(check(join(dir, 'missing.csv'))).rejects.toThrow(/missing\.csv: no such file/);
    // a JSON parser quotes the record it choked on: the note keeps the line, not the record
    const jsonl = join(dir, 'bad.jsonl');
    writeFileSync(jsonl, '{"id_card": "11010519491231002X"}\n{"id_card": "11010519491231002X",\n');
    const j = await checkQuality(() => openTabular(jsonl), { asOf: AS_OF });
    expect(j.rules[0]!.examples[0]!.note).toBe(`${jsonl}: line 2 is not valid JSON`);
  });

  it('refuses a rule naming a column the table lacks, with the rule and its place', async () => {
    await expect(
      run('a\n1\n', [
        { kind: 'unique', columns: ['a'] },
        { kind: 'not_null', columns: ['b'] },
      ]),
    ).rejects.toThrow('rules[1].columns[0]: the table has no column "b" (it has: a)');
    await expect(run('a\n1\n', [{ kind: 'reference', file: 'codes.txt', columns: ['a'] }])).rejects.toThrow(
      'rules[0].file: the values of codes.txt were not given',
    );
    await expect(run('a\n1\n', [], '2025-02-30')).rejects.toThrow(/asOf: "2025-02-30" is not a real date/);
  });
});
