import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, describe, expect, it } from 'vitest';
import { createTabularWriter, detectFormat, openTabular } from './tabular.open.js';
import type { Row, RowValues, TabularFormat, TabularSource } from './tabular.types.js';

const dir = mkdtempSync(join(tmpdir(), 'shuliu-tabular-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const records = async (s: TabularSource) => {
  const out: Row[] = [];
  for await (const r of s) out.push(r);
  return out;
};

const columns = ['id', 'name', 'score', 'ok', 'note'];
const rows: RowValues[] = [
  [1, '张三', 9.5, true, 'a,"b"'],
  [2, '李四', null, false, null],
  [9007199254740991, '王五', -3, true, '多\n行'],
];

async function write(format: TabularFormat, path: string, data = rows) {
  const w = createTabularWriter(path, { format, columns });
  await w.write(data);
  await w.close();
}

describe('format detection', () => {
  const b = (s: string | number[]) => Buffer.from(s as string);
  it('trusts the magic bytes of XLSX and Parquet, then the extension, then the text', () => {
    expect(detectFormat(b([0x50, 0x4b, 0x03, 0x04]), 'x.bin')).toBe('xlsx');
    expect(detectFormat(b('PAR1....'), 'x')).toBe('parquet');
    expect(detectFormat(b('a\tb\n'), 'x.tsv')).toBe('tsv');
    expect(detectFormat(b('{"a":1}\n'), 'x.log')).toBe('jsonl');
    expect(detectFormat(b('a,b\n'), 'x')).toBe('csv');
  });

  it('names what it cannot read', () => {
    expect(() => detectFormat(b([0xd0, 0xcf, 0x11, 0xe0]), 'old.xls')).toThrow(/legacy Excel \.xls/);
    expect(() => detectFormat(b([0x1f, 0x8b, 8]), 'x.csv.gz')).toThrow(/gzip/);
    expect(() => detectFormat(b('a,b\n'), 'x.parquet')).toThrow(
      /not a CSV\/TSV\/JSONL\/XLSX\/Parquet file: x.parquet/,
    );
    expect(() => detectFormat(b('[{"a":1}]'), 'x.json')).toThrow(/JSON array/);
  });

  it('reports a missing file, a directory and an empty file', async () => {
    await expect(openTabular(join(dir, 'nope.csv'))).rejects.toThrow(/cannot read .*nope.csv: no such file/);
    await expect(openTabular(dir)).rejects.toThrow(/not a regular file/);
    writeFileSync(join(dir, 'empty.csv'), '');
    await expect(openTabular(join(dir, 'empty.csv'))).rejects.toThrow(/is empty/);
  });
});

describe('round trips', () => {
  it('JSON Lines keeps types, nested values as JSON text, and columns first seen later', async () => {
    const path = join(dir, 'a.jsonl');
    writeFileSync(path, '{"a":1,"b":"x"}\n\n{"a":2.5,"c":{"d":[1]}}\n{"b":null,"a":true}');
    const src = await openTabular(path);
    expect(await records(src)).toEqual([
      { a: 1, b: 'x', c: null },
      { a: 2.5, b: null, c: '{"d":[1]}' },
      { a: true, b: null, c: null },
    ]);
    expect(src.columns).toEqual(['a', 'b', 'c']);
    writeFileSync(path, '{"a":1}\n{"a":\n');
    await expect(openTabular(path).then(records)).rejects.toThrow(/line 2 is not valid JSON/);
  });

  for (const format of ['jsonl', 'xlsx', 'parquet'] as const) {
    it(`${format}: what is written reads back in the same order`, async () => {
      const path = join(dir, `rt.${format}`);
      await write(format, path);
      const src = await openTabular(path);
      expect(src.format).toBe(format);
      expect(src.columns).toEqual(columns);
      const back = await records(src);
      expect(back.map((r) => r.name)).toEqual(['张三', '李四', '王五']);
      expect(back[0]).toEqual({ id: 1, name: '张三', score: 9.5, ok: true, note: 'a,"b"' });
      expect(back[1]).toMatchObject({ score: null, note: null });
      expect(back[2]!.id).toBe(9007199254740991);
    });
  }

  it('Parquet keeps column types and spans row groups; a stream input is read the same way', async () => {
    const path = join(dir, 'big.parquet');
    const many = Array.from({ length: 70_000 }, (_, i): RowValues => [i, `n${i}`, i / 2, i % 2 === 0, null]);
    await write('parquet', path, many);
    const src = await openTabular(path);
    expect(src.columnKinds).toEqual({
      id: 'integer',
      name: 'string',
      score: 'decimal',
      ok: 'boolean',
      note: 'string',
    });
    let n = 0;
    for await (const b of src.batches()) for (const r of b) expect(r[0]).toBe(n++);
    expect(n).toBe(70_000);
    const fromStream = await openTabular(
      Readable.from([await import('node:fs').then((f) => f.readFileSync(path))]),
    );
    expect(fromStream.format).toBe('parquet');
  });

  it('XLSX from a stream, and a cell beyond the header is an error naming the row', async () => {
    const path = join(dir, 'wide.xlsx');
    const w = createTabularWriter(path, { format: 'xlsx', columns: ['a', 'b'] });
    await w.write([['1', '2'], ['3', '4', 'extra'] as RowValues]);
    await w.close();
    const { createReadStream } = await import('node:fs');
    const src = await openTabular(createReadStream(path));
    await expect(records(src)).rejects.toThrow(/row 3 has a value in column 3, beyond the 2 header columns/);
  });

  it('a corrupt workbook or Parquet file is a clear error', async () => {
    const zip = join(dir, 'bad.xlsx');
    writeFileSync(zip, Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(200, 1)]));
    await expect(openTabular(zip).then(records)).rejects.toThrow(/not a readable XLSX workbook/);
    const pq = join(dir, 'bad.parquet');
    writeFileSync(pq, Buffer.concat([Buffer.from('PAR1'), Buffer.alloc(200, 1)]));
    await expect(openTabular(pq)).rejects.toThrow(/not a readable Parquet file/);
  });
});
