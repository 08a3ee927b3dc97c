import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SyntheticPeople } from '@shuliu/core/protect';
import { createTabularWriter, openTabular, type Row, type RowValues } from '@shuliu/core/tabular';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const BIN = join(import.meta.dirname, '../../bin/shuliu.mjs');
const dir = mkdtempSync(join(tmpdir(), 'shuliu-protect-cli-'));
const at = (name: string) => join(dir, name);
const run = (...args: string[]) =>
  spawnSync(process.execPath, [BIN, 'protect', ...args], { encoding: 'utf8', timeout: 60_000 });

const g = new SyntheticPeople(2026);
const COLUMNS = [
  'name',
  'mobile',
  'id_card',
  'id_wrong',
  'bank_card',
  'card_wrong',
  'uscc',
  'uscc_wrong',
  'email',
  'amount',
];
const ROWS: RowValues[] = Array.from({ length: 400 }, (_, i) => [
  g.name(),
  g.mobile(),
  g.idCard(),
  g.idCard(false),
  g.bankCard(),
  g.bankCard(false),
  g.uscc(),
  g.uscc(false),
  g.email(),
  String(i * 3),
]);

async function write(path: string, format: 'csv' | 'jsonl' | 'xlsx' | 'parquet') {
  const w = createTabularWriter(path, { format, columns: COLUMNS });
  await w.write(ROWS.map((r) => r.slice()));
  await w.close();
}

const read = async (path: string) => {
  const src = await openTabular(path);
  const rows: Row[] = [];
  for await (const r of src) rows.push(r);
  return { format: src.format, encoding: src.dialect?.encoding, rows };
};

beforeAll(async () => {
  for (const f of ['csv', 'jsonl', 'xlsx', 'parquet'] as const) await write(at(`people.${f}`), f);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

// every call is a fresh process running TypeScript through tsx
// offline: no database is read, so it runs once, in the PGlite run
describe.skipIf(!!process.env.DATABASE_URL)('shuliu protect', { timeout: 240_000 }, () => {
  it('scan prints rows, columns (type, pii, suggestedGrade) and datasetGrade; wrong check digits are not IDs', () => {
    const r = run('scan', at('people.csv'));
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const report = JSON.parse(r.stdout) as {
      rows: number;
      datasetGrade: string;
      columns: {
        name: string;
        type: string;
        pii: { kind: string; confidence: number } | null;
        suggestedGrade: string;
      }[];
    };
    expect(report.rows).toBe(400);
    expect(report.datasetGrade).toBe('general_4');
    const kind = Object.fromEntries(report.columns.map((c) => [c.name, c.pii?.kind ?? null]));
    expect(kind).toEqual({
      name: 'name',
      mobile: 'mobile',
      id_card: 'idCard',
      id_wrong: null,
      bank_card: 'bankCard',
      card_wrong: null,
      uscc: 'uscc',
      uscc_wrong: null,
      email: 'email',
      amount: null,
    });
    for (const c of report.columns) {
      expect(Object.keys(c)).toEqual(expect.arrayContaining(['name', 'type', 'pii', 'suggestedGrade']));
      if (c.pii) expect(c.pii.confidence).toBeGreaterThan(0.5);
    }
    expect(report.columns.find((c) => c.name === 'amount')!.type).toBe('integer');
  });

  for (const format of ['csv', 'jsonl', 'xlsx', 'parquet'] as const) {
    it(`mask ${format}: same format, same row order, identifiers masked`, async () => {
      const out = at(`masked.${format}`);
      const r = run('mask', at(`people.${format}`), '--out', out);
      expect(r.status, r.stderr).toBe(0);
      expect(r.stderr).toMatch(/masked 400 rows/);
      const back = await read(out);
      expect(back.format).toBe(format);
      back.rows.forEach((row, i) => {
        expect(String(row.amount)).toBe(String(ROWS[i]![9]));
        expect(row.id_wrong).toBe(ROWS[i]![3]);
        expect(row.id_card).toMatch(/^\d\*{15}[\dX]{2}$/);
        expect(row.bank_card).toBe(
          `${String(ROWS[i]![4]).slice(0, 6)}******${String(ROWS[i]![4]).slice(-4)}`,
        );
      });
    });
  }

  it('reads GBK and writes GBK back', async () => {
    const csv = `姓名,手机\n${Array.from({ length: 30 }, () => `${g.name()},${g.mobile()}`).join('\n')}\n`;
    writeFileSync(at('gbk.csv'), iconv.encode(csv, 'gbk'));
    const scan = JSON.parse(run('scan', at('gbk.csv')).stdout) as {
      encoding: string;
      columns: { pii: unknown }[];
    };
    expect(scan.encoding).toBe('gb18030');
    expect(scan.columns.map((c) => (c.pii as { kind: string }).kind)).toEqual(['name', 'mobile']);
    expect(run('mask', at('gbk.csv'), '-o', at('gbk.out.csv')).status).toBe(0);
    const back = await read(at('gbk.out.csv'));
    expect(back.encoding).toBe('gb18030');
    expect(String(back.rows[0]!['手机'])).toMatch(/^\d{3}\*{4}\d{4}$/);
  });

  it('pseudonymizes with a key file, the same way on every run', async () => {
    writeFileSync(at('key.hex'), `${'ab'.repeat(32)}\n`);
    writeFileSync(at('rules.json'), JSON.stringify({ columns: { name: { strategy: 'pseudonymize' } } }));
    for (const n of [1, 2])
      expect(
        run('mask', at('people.csv'), '-o', at(`p${n}.csv`), '-r', at('rules.json'), '-k', at('key.hex'))
          .status,
      ).toBe(0);
    expect(readFileSync(at('p1.csv'), 'utf8')).toBe(readFileSync(at('p2.csv'), 'utf8'));
    expect((await read(at('p1.csv'))).rows[0]!.name).toMatch(/^[0-9a-f]{16}$/);
    const noKey = run('mask', at('people.csv'), '-o', at('p3.csv'), '-r', at('rules.json'));
    expect(noKey.status).toBe(1);
    expect(noKey.stderr).toMatch(/needs a key/);
  });

  it('fails with a clear message and a non-zero exit on unreadable input, leaving no output behind', () => {
    const fails = (args: string[], message: RegExp) => {
      const r = run(...args);
      expect(r.status, args.join(' ')).not.toBe(0);
      expect(r.stderr).toMatch(message);
    };
    fails(['scan', at('missing.csv')], /cannot read .*missing\.csv: no such file/);
    writeFileSync(at('ragged.csv'), 'a,b,c\n1,2,3\n4,5\n');
    fails(['scan', at('ragged.csv')], /ragged\.csv: line 3 has 2 fields, the header has 3/);
    writeFileSync(
      at('garbage.csv'),
      Buffer.from(Array.from({ length: 5000 }, (_, i) => (i * 131 + 7) % 256)),
    );
    fails(
      ['mask', at('garbage.csv'), '-o', at('garbage.out.csv')],
      /not a CSV\/TSV\/JSONL\/XLSX\/Parquet file/,
    );
    writeFileSync(at('old.xls'), Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]));
    fails(['scan', at('old.xls')], /legacy Excel \.xls/);
    writeFileSync(at('bad.json'), '{ "columns": ');
    fails(['mask', at('people.csv'), '-o', at('x.csv'), '-r', at('bad.json')], /bad\.json is not valid JSON/);
    writeFileSync(
      at('bad-field.json'),
      JSON.stringify({ columns: { amount: { strategy: 'round', step: -1 } } }),
    );
    fails(
      ['mask', at('people.csv'), '-o', at('x.csv'), '-r', at('bad-field.json')],
      /rules\.columns\.amount\.step/,
    );
    fails(['mask', at('people.csv'), '-o', at('people.csv')], /--out must name another file/);
    fails(['scan', at('people.csv'), '--format', 'pdf'], /argument 'pdf' is invalid/);
    expect(existsSync(at('x.csv')) || existsSync(at('garbage.out.csv'))).toBe(false);
    expect(readdirSync(dir).filter((f) => f.endsWith('.partial'))).toEqual([]);
  });
});
