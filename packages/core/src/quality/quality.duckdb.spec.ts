import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openTabular } from '../tabular/index.js';
import { checkQuality } from './quality.check.js';
import { textRows, textRowsSource } from './quality.duckdb-rows.js';
import { checkQualityInDomain, type DomainCheckOptions } from './quality.duckdb.js';
import { parseQualityRules, type Rule, type RuleInput } from './quality.schema.js';

const DATA = join(import.meta.dirname, '../../../../testdata/quality');
const FIXTURE = join(DATA, 'customers.csv');
const RULES = parseQualityRules(JSON.parse(readFileSync(join(DATA, 'rules.json'), 'utf8')));
const AS_OF = '2025-07-15';

const dir = mkdtempSync(join(tmpdir(), 'shuliu-quality-duckdb-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

type Rows = Record<string, unknown>[];

/** The streaming engine's report on the same rows, as the reference. */
const streamed = (rows: Rows, rules?: readonly Rule[], asOf = AS_OF) =>
  checkQuality(async () => textRowsSource(textRows(rows)), { rules, asOf });

/** Asserts that DuckDB ran and gave the streaming engine's report, deep-equal. */
async function same(rows: Rows, rules?: RuleInput[], asOf = AS_OF) {
  const parsed = rules && parseQualityRules(rules);
  const got = await checkQualityInDomain({ rows }, { rules: parsed, asOf });
  expect(got.engine).toBe('duckdb');
  expect(got.report).toEqual(await streamed(rows, parsed, asOf));
  return got.report;
}

async function fileRows(path: string): Promise<Rows> {
  const out: Rows = [];
  for await (const row of await openTabular(path)) out.push(row);
  return out;
}

const csvFile = (name: string, text: string) => {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
};

async function sameFile(path: string, opts: DomainCheckOptions = {}, engine: 'duckdb' | 'stream' = 'duckdb') {
  const got = await checkQualityInDomain({ csvPath: path }, { asOf: AS_OF, ...opts });
  expect(got.engine).toBe(engine);
  expect(got.report).toEqual(await checkQuality(() => openTabular(path), { asOf: AS_OF, ...opts }));
  return got.report;
}

describe('checkQualityInDomain gives the streaming engine’s report', () => {
  it('on the known-defect fixture, with its rules and with the rules suggested from it', async () => {
    const rows = await fileRows(FIXTURE);
    const r = await same(rows, RULES);
    expect(r.rules.find((x) => x.id === 'id-card-check')).toMatchObject({ checked: 20, failed: 2 });
    expect(r.rules.find((x) => x.id === 'ordered:updated_at')).toMatchObject({ checked: 19, failed: 1 });
    const suggested = await same(rows);
    expect(suggested.suggested!.length).toBeGreaterThan(5);
    await sameFile(FIXTURE, { rules: RULES });
    await sameFile(FIXTURE);
    // stale: 2025-06-30 is 32 days before 2025-08-01
    const stale = await same(rows, RULES, '2025-08-01');
    expect(stale.rules.find((x) => x.kind === 'freshness')!.examples[0]!.note).toMatch(/32 days/);
  });

  it('luhn, pattern, type, range and reference judge each non-empty value', async () => {
    const rows = [
      { card: '6222020200112233446', code: 'AB-12', n: '7', day: '2025-02-28', city: '济南' },
      { card: '6222020200112233440', code: 'ab-12', n: 'x', day: '2025-02-30', city: '北京' },
      { card: '', code: 'AB-999', n: '12.5', day: '', city: '青岛' },
      { card: '4111 1111 1111 1111', code: ' AB-99 ', n: ' 1e3', day: '2025/2/3', city: ' 济南 ' },
      { card: '1234567', code: 'AB-1', n: '.5', day: '2025-2-28T', city: null },
      { card: '0000000000000000000', code: 'AB-1234', n: '+3', day: '0025-01-01', city: '上海' },
      { card: '79927398713', code: 'ＡB-12', n: '1e400', day: '2024-02-29', city: '青岛' },
    ];
    const r = await same(rows, [
      { kind: 'check_digit', standard: 'luhn', columns: ['card'] },
      { kind: 'pattern', pattern: '[A-Z]{2}-\\d{2,3}', columns: ['code'] },
      { kind: 'type', type: 'integer', columns: ['n'] },
      { kind: 'type', type: 'number', columns: ['n'] },
      { kind: 'range', min: 0, max: 10, columns: ['n'] },
      { kind: 'range', min: 1, columns: ['n'] },
      { kind: 'type', type: 'date', columns: ['day'] },
      { kind: 'range', min: '2025-01-01', max: '2025-02-28', columns: ['day'] },
      { kind: 'reference', values: ['济南', ' 青岛'], columns: ['city'] },
      { kind: 'enum', values: ['济南', '上海'], columns: ['city', 'code'] },
    ]);
    expect(r.rules.map((x) => [x.id, x.checked, x.failed])).toContainEqual(['type:day', 6, 2]);
  });

  it('every check digit, format and type, on values made to sit at their edges', async () => {
    const ids = ['11010519491231002X', '11010519491231002x', '110105194912310021', '11010518991231002X'];
    const values = [
      ...ids,
      '110105202502300021',
      '91350100M000100Y43',
      '91350100m000100y43',
      '91350100M000100Y44',
      '9135010OM000100Y43',
      '13800138000',
      '+86 138-0013-8000',
      '8613800138000',
      '1380013800',
      '12800138000',
      '138 0013 8000',
      'a@b.cn',
      'a@b.c',
      '@b.cn',
      'a@@b.cn',
      'a b@c.cn',
      'a@.cn',
      'a@b.c😀',
      'a.b@c',
      '192.168.1.1',
      '192.168.01.1',
      '::1',
      'fe80::1%eth0',
      '2001:db8::ff00:42:8329',
      '1.2.3',
      '::ffff:1.2.3.4',
      '鲁A12345',
      '鲁a12345',
      '京AD12345',
      '鲁I12345',
      '鲁A1234挂',
      '鲁Aſ2345',
      '鲁A1234ß',
      'true',
      'FALSE',
      '1',
      '0',
      'yes',
      '2025-01-02T03:04:05Z',
      '2025-01-02 03:04',
      '2025-01-02T24:00',
      '2025-01-02T03:04:05.123+08:00',
      '2025-01-02T03:04:60',
      '2025-1-2',
      '2025/01/02',
      '2025-13-01',
      '1e3',
      '.5',
      '+3',
      '-0',
      '0000-02-29',
      '0000-01-01',
      '0099-12-31',
      '2024-02-29',
      '2025-02-29',
      '2025-01-02T03:04:05.123456789-0130',
      '9999-12-31T23:59:59Z',
      '1.',
      '.',
      '',
      '   ',
      '中文',
      ' 6222020200112233446 ',
    ];
    const rows = values.map((v, i) => ({ v, i: String(i) }));
    const kinds: RuleInput[] = [
      { id: 'id', kind: 'check_digit', standard: 'id_card', columns: ['v'] },
      { id: 'uscc', kind: 'check_digit', standard: 'uscc', columns: ['v'] },
      { id: 'luhn', kind: 'check_digit', standard: 'luhn', columns: ['v'] },
      ...(['mobile', 'email', 'ip', 'plate'] as const).map((f) => ({
        id: f,
        kind: 'format' as const,
        format: f,
        columns: ['v'],
      })),
      ...(['integer', 'number', 'date', 'datetime', 'boolean'] as const).map((t) => ({
        id: t,
        kind: 'type' as const,
        type: t,
        columns: ['v'],
      })),
      { id: 'days', kind: 'range', min: '1900-01-01', max: '1999-12-31', columns: ['v'] },
      { id: 'order', kind: 'ordered', columns: ['v'] },
    ];
    // one rule at a time, so that each rule's failures (not five of the first) show
    for (const rule of kinds)
      for (let i = 0; i < rows.length; i += 5) await same(rows.slice(i, i + 5), [rule]);
  });

  it('judges random values as the streaming engine does (a seeded fuzz of every value kind)', async () => {
    const pieces = [
      '1',
      '9',
      '0',
      '-',
      '/',
      ':',
      '.',
      '@',
      'T',
      ' ',
      'X',
      'x',
      '+',
      'e',
      'a',
      'Z',
      '鲁',
      'ſ',
      'ß',
      '\u3000',
      '%',
      '86',
      '2025',
      '13',
    ];
    let seed = 36344;
    const next = (n: number) => (seed = (seed * 1103515245 + 12345) % 2 ** 31) % n;
    const rows = Array.from({ length: 400 }, () => ({
      v: Array.from({ length: 1 + next(20) }, () => pieces[next(pieces.length)]).join(''),
      w: Array.from({ length: 1 + next(6) }, () => pieces[next(pieces.length)]).join(''),
    }));
    await same(rows, [
      ...(['id_card', 'uscc', 'luhn'] as const).map((standard) => ({
        kind: 'check_digit' as const,
        standard,
        columns: ['v'],
      })),
      ...(['mobile', 'email', 'ip', 'plate'] as const).map((format) => ({
        kind: 'format' as const,
        format,
        columns: ['v'],
      })),
      ...(['integer', 'number', 'date', 'datetime', 'boolean'] as const).map((type) => ({
        kind: 'type' as const,
        type,
        columns: ['v', 'w'],
      })),
      { kind: 'range', min: -5, max: 1e3, columns: ['v', 'w'] },
      { kind: 'range', min: '2025-01-01', columns: ['v', 'w'] },
      { kind: 'pattern', pattern: '[0-9a-z]+(?:\\.[0-9]+)?\\s?.', columns: ['v'] },
      { kind: 'compare', op: '<', columns: ['v', 'w'] },
      { kind: 'compare', op: '!=', columns: ['v', 'w'] },
      { kind: 'ordered', columns: ['w'] },
      { kind: 'unique', columns: ['w'] },
    ]);
  });

  it('compare, derived, ordered and freshness, including values that do not compare', async () => {
    const rows = [
      { a: '1', b: '2', id: '11010519491231002X', birth: '1949-12-31', sex: '女', d: '2025-01-01' },
      {
        a: '3',
        b: '2',
        id: '11010519491231002X',
        birth: '19491231',
        sex: '男',
        d: '2025-01-01T10:00:00+08:00',
      },
      { a: '2025-01-01', b: 'x', id: '110105194912310021', birth: '1949/12/31', sex: 'F', d: '' },
      { a: '1e400', b: '1e400', id: ' 11010519491231002x ', birth: '1950-01-01', sex: 'female', d: '3' },
      { a: 'x', b: 'x', id: 'abc', birth: 'x', sex: 'M', d: '2024-12-31' },
      { a: '2025-01-01', b: '2025-01-01T00:00:00Z', id: '', birth: '1949-12-31', sex: '', d: '2' },
    ];
    for (const op of ['<', '<=', '=', '!=', '>=', '>'] as const)
      await same(rows, [{ kind: 'compare', op, columns: ['a', 'b'] }]);
    await same(rows, [
      { kind: 'derived', derive: 'birth_date', columns: ['id', 'birth'] },
      { kind: 'derived', derive: 'sex', columns: ['id', 'sex'] },
      { kind: 'ordered', columns: ['d'] },
      { kind: 'ordered', columns: ['a'] },
      { kind: 'freshness', maxAgeDays: 10, columns: ['d'] },
      { kind: 'freshness', maxAgeDays: 10, columns: ['sex'] },
      { kind: 'record_complete', columns: ['a', 'd', 'sex'] },
      { kind: 'not_null', columns: ['d', 'sex', 'd'] },
    ]);
  });

  it('unique skips keys with an empty part; duplicate_rows counts whole rows, blanks and white space as one', async () => {
    const rows = [
      { a: '1', b: 'x' },
      { a: '1', b: 'y' },
      { a: '1 ', b: 'x' },
      { a: null, b: 'x' },
      { a: '', b: 'x' },
      { a: '  ', b: 'x' },
      { a: '2', b: 'z' },
      { a: '1', b: 'x' },
    ];
    const rules: RuleInput[] = [
      { kind: 'unique', columns: ['a', 'b'] },
      { kind: 'unique', columns: ['a'] },
      { kind: 'duplicate_rows' },
      { kind: 'duplicate_rows', columns: ['b'] } as unknown as RuleInput, // the schema type loses this optional field
    ];
    const r = await same(rows, rules);
    expect(r.rules.map((x) => [x.checked, x.failed])).toEqual([
      [5, 2],
      [5, 3],
      [8, 4],
      [8, 5],
    ]);
  });

  it('an empty table, Chinese column names and a rule naming a column the table lacks', async () => {
    await same([], undefined);
    const rows = [
      { 客户编号: 'C1', 姓名: '王伟' },
      { 客户编号: 'C1', 姓名: ' 李娜 ' },
    ];
    await same(rows, [
      { kind: 'unique', columns: ['客户编号'] },
      { kind: 'not_null', columns: ['姓名'] },
    ]);
    await same(rows);
    const missing = parseQualityRules([{ kind: 'not_null', columns: ['手机号'] }]);
    await expect(checkQualityInDomain({ rows }, { rules: missing, asOf: AS_OF })).rejects.toThrow(
      'rules[0].columns[0]: the table has no column "手机号" (it has: 客户编号, 姓名)',
    );
    await expect(checkQualityInDomain({ rows }, { rules: missing, asOf: '2025-02-30' })).rejects.toThrow(
      /asOf: "2025-02-30" is not a real date/,
    );
  });
});

describe('a CSV file in the domain', () => {
  it('reads quoted fields, CRLF, blank cells and a BOM as the streaming reader does', async () => {
    const path = csvFile(
      'quoted.csv',
      '\ufeffid,name,note\r\n1,"王, 伟","say ""hi""\r\nthere"\r\n2,,""\r\n3, 李娜 ,x\r\n1,"王, 伟","say ""hi""\r\nthere"\r\n',
    );
    const r = await sameFile(path, {
      rules: parseQualityRules([
        { kind: 'not_null', columns: ['name', 'note'] },
        { kind: 'duplicate_rows' },
        { kind: 'enum', values: ['x'], columns: ['note', 'name'] },
      ]),
    });
    expect(r.rows).toBe(4);
    await sameFile(path);
    await sameFile(csvFile('semicolon.csv', 'a;b\n1;2\n1;2\n'));
    await sameFile(csvFile('header-only.csv', 'a,b\n'), {
      rules: parseQualityRules([{ kind: 'not_null', columns: ['a'] }]),
    });
  });

  it('streams what DuckDB would read otherwise or not at all, and says so', async () => {
    const rules = parseQualityRules([{ kind: 'not_null', columns: ['a', 'b'] }, { kind: 'readable' }]);
    // spaces beside quotes, blank lines before the header, a ragged row, GBK, no file at all
    await sameFile(csvFile('spaced.csv', 'a,b\n"1" ,2\n'), { rules }, 'stream');
    await sameFile(csvFile('blank-first.csv', '\n\na,b\n1,2\n'), { rules }, 'stream');
    const ragged = await sameFile(
      csvFile('ragged.csv', `a,b\n${'1,2\n'.repeat(20_000)}3\n`),
      { rules },
      'stream',
    );
    expect(ragged.indicators.accessibility).toBe(0);
    writeFileSync(join(dir, 'gbk.csv'), Buffer.from([0x61, 0x2c, 0x62, 0x0a, 0xc4, 0xe3, 0x2c, 0x31, 0x0a]));
    await sameFile(join(dir, 'gbk.csv'), { rules }, 'stream');
    await sameFile(csvFile('empty.csv', ''), { rules }, 'stream');
  });

  it('streams a pattern RE2 cannot run, and a reference file fails as it does there', async () => {
    const rows = [{ a: 'ab' }, { a: 'ac' }];
    const look = parseQualityRules([{ kind: 'pattern', pattern: 'a(?=b).', columns: ['a'] }]);
    const got = await checkQualityInDomain({ rows }, { rules: look, asOf: AS_OF });
    expect(got.engine).toBe('stream');
    expect(got.report).toEqual(await streamed(rows, look));
    expect(got.report.rules[0]).toMatchObject({ checked: 2, failed: 1 });
    const file = parseQualityRules([{ kind: 'reference', file: 'codes.txt', columns: ['a'] }]);
    await expect(checkQualityInDomain({ rows }, { rules: file, asOf: AS_OF })).rejects.toThrow(
      'rules[0].file: the values of codes.txt were not given',
    );
  });

  it('reads random text as the streaming reader does, or streams it (a seeded fuzz of quotes, blanks, line ends)', async () => {
    const alphabet = ['a', '1', ' ', '"', ',', '\n', '\r\n', '中', '', ';'];
    let seed = 19;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) % alphabet.length;
    const engines = new Set<string>();
    for (let i = 0; i < 120; i++) {
      const body = Array.from({ length: 8 + (i % 30) }, () => alphabet[next()]).join('');
      const path = csvFile(`fuzz-${i}.csv`, `h1,h2\n${body}\n`);
      const opened = await openTabular(path).catch(() => null);
      const columns = opened?.columns ?? [];
      await opened?.close();
      const rules = columns.length
        ? parseQualityRules([
            { kind: 'enum', values: ['zzz'], columns },
            { kind: 'not_null', columns },
            { kind: 'duplicate_rows' },
            { kind: 'readable' },
          ])
        : undefined;
      const got = await checkQualityInDomain({ csvPath: path }, { rules, asOf: AS_OF });
      engines.add(got.engine);
      expect(got.report, body).toEqual(await checkQuality(() => openTabular(path), { rules, asOf: AS_OF }));
    }
    expect([...engines].sort()).toEqual(['duckdb', 'stream']);
  });

  it('streams a table whose rules compare with values given apart (another resource’s), and fails without them', async () => {
    const rules = parseQualityRules([
      {
        id: 'in-codes',
        kind: 'reference',
        columns: ['status'],
        resource: 'res_01jz0000000000000000000000',
        column: 'code',
      },
    ]);
    const report = await sameFile(
      FIXTURE,
      { rules, references: { 'in-codes': ['active', 'suspended'] } },
      'stream',
    );
    expect(report.rules[0]).toMatchObject({ indicator: 'consistency', checked: 20, failed: 4 });
    await expect(checkQualityInDomain({ csvPath: FIXTURE }, { rules, asOf: AS_OF })).rejects.toThrow(
      'rules[0].resource: the values of column code of resource res_01jz0000000000000000000000 were not given',
    );
  });

  it('keeps the file’s row order with two threads', async () => {
    const lines = Array.from({ length: 400_000 }, (_, i) => {
      const id = i === 399_990 ? 'K000007' : `K${String(i).padStart(6, '0')}`;
      const day = `2025-01-${String(1 + (i % 28)).padStart(2, '0')}`;
      return `${id},${i % 50_000 === 7 ? 'x' : i},${i === 250_000 ? '2024-12-31' : day}`;
    });
    const path = csvFile('ordered.csv', `id,n,day\n${lines.join('\n')}\n`);
    const rules = parseQualityRules([
      { kind: 'unique', columns: ['id'] },
      { kind: 'type', type: 'integer', columns: ['n'] },
      { kind: 'range', min: '2025-01-01', columns: ['day'] },
      { kind: 'freshness', maxAgeDays: 30, columns: ['day'] },
    ]);
    const r = await sameFile(path, { rules, threads: 2 });
    expect(r.rules.map((x) => x.examples.map((e) => e.row))).toEqual([
      [399_991],
      [8, 50_008, 100_008, 150_008, 200_008],
      [250_001],
      [28], // the first row of the newest day, 2025-01-28, stale on 2025-07-15
    ]);
  }, 60_000);

  it('stops at its deadline', async () => {
    const path = csvFile('big.csv', `a,b\n${'1,2\n'.repeat(200_000)}`);
    await expect(checkQualityInDomain({ csvPath: path }, { timeoutMs: 1 })).rejects.toThrow(
      /time: the check ran longer/,
    );
  });
});
