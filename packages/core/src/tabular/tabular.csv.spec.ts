import { Readable } from 'node:stream';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { CsvParser } from './tabular.csv-parser.js';
import { sniffDelimiter } from './tabular.csv.js';
import { createTabularWriter, openTabular } from './tabular.open.js';
import type { RowValues, TabularSource } from './tabular.types.js';
import { Writable } from 'node:stream';

const parse = (text: string, pieces = 1) => {
  const p = new CsvParser(',', 't.csv');
  const out: RowValues[] = [];
  const size = Math.ceil(text.length / pieces);
  for (let i = 0; i < text.length; i += size) p.push(text.slice(i, i + size), false, out);
  p.push('', true, out);
  return out;
};

const all = async (s: TabularSource) => {
  const rows: RowValues[] = [];
  for await (const b of s.batches()) rows.push(...b);
  return rows;
};

/** Collects what a writer writes into a Buffer. */
function memory() {
  const chunks: Buffer[] = [];
  const stream = new Writable({
    write(c: Buffer, _e, cb) {
      chunks.push(c);
      cb();
    },
  });
  return { stream, bytes: () => Buffer.concat(chunks) };
}

async function roundTrip(input: Buffer): Promise<Buffer> {
  const src = await openTabular(Readable.from([input]), { name: 'in.csv' });
  const out = memory();
  const w = createTabularWriter(out.stream, {
    format: src.format,
    columns: src.columns,
    dialect: src.dialect,
  });
  for await (const b of src.batches()) await w.write(b);
  await w.close();
  return out.bytes();
}

describe('RFC 4180 parsing', () => {
  const text = 'a,b,c\r\n1,"x, ""y""\r\nz",\r\n"",,"q"\r\n';

  it('reads quoted delimiters, doubled quotes and line breaks; empty unquoted is null, "" is empty text', () => {
    expect(parse(text)).toEqual([
      ['a', 'b', 'c'],
      ['1', 'x, "y"\r\nz', null],
      ['', null, 'q'],
    ]);
  });

  it('gives the same records however the text is cut into chunks', () => {
    const whole = parse(text);
    for (let pieces = 2; pieces <= text.length; pieces++) expect(parse(text, pieces)).toEqual(whole);
  });

  it('names the line of a ragged record, counting line breaks inside quoted fields', () => {
    expect(() => parse('a,b\n"multi\nline",2\n3,4,5\n')).toThrow(/line 4 has 3 fields, the header has 2/);
    expect(() => parse('a,b\n1\n')).toThrow(/line 2 has 1 fields/);
  });

  it('skips blank lines and reads a last record without a line break', () => {
    expect(parse('a,b\n\n1,2\n\n3,4')).toEqual([
      ['a', 'b'],
      ['1', '2'],
      ['3', '4'],
    ]);
  });

  it('sniffs the delimiter from the header line', () => {
    expect(sniffDelimiter('sex;age;race\nMale;39;White', ',')).toBe(';');
    expect(sniffDelimiter('a\tb\tc', ',')).toBe('\t');
    expect(sniffDelimiter('"a;b",c', ',')).toBe(',');
    expect(sniffDelimiter('single', '\t')).toBe('\t');
  });
});

describe('text encodings and dialects', () => {
  it('writes back exactly what it read: BOM, CRLF, quoting, null vs empty', async () => {
    const input = Buffer.from('\uFEFFname,note\r\n张三,"a,""b"""\r\n李四,\r\n王五,""\r\n');
    expect((await roundTrip(input)).equals(input)).toBe(true);
  });

  it('detects GBK (read as GB18030) and writes GBK back', async () => {
    const input = iconv.encode('姓名,城市\n张三,济南\n李四,青岛\n', 'gbk');
    const src = await openTabular(Readable.from([input]));
    expect(src.dialect?.encoding).toBe('gb18030');
    expect(await all(src)).toEqual([
      ['张三', '济南'],
      ['李四', '青岛'],
    ]);
    expect((await roundTrip(input)).equals(input)).toBe(true);
  });

  it('waits for the first non-ASCII byte to decide, even chunks later', async () => {
    const ascii = Buffer.from(`a,b\n${'x,1\n'.repeat(5000)}`);
    const src = await openTabular(Readable.from([ascii, iconv.encode('张三,2\n', 'gbk')]));
    const rows = await all(src);
    expect(rows.at(-1)).toEqual(['张三', '2']);
    expect(src.dialect?.encoding).toBe('gb18030');
  });

  it('reads UTF-16LE with a BOM (Excel "Unicode text") as TSV', async () => {
    const input = Buffer.concat([
      Buffer.from([0xff, 0xfe]),
      Buffer.from('姓名\t年龄\n张三\t30\n', 'utf16le'),
    ]);
    const src = await openTabular(Readable.from([input]), { name: 'x.txt' });
    expect([src.format, src.dialect?.encoding]).toEqual(['tsv', 'utf-16le']);
    expect(await all(src)).toEqual([['张三', '30']]);
  });

  it('rejects invalid UTF-8 after UTF-8 was chosen, naming the offsets', async () => {
    const src = await openTabular(
      Readable.from([Buffer.from('a,b\n张三,1\n'), Buffer.from([0x61, 0xff, 0xfe, 0x0a])]),
    );
    await expect(all(src)).rejects.toThrow(/invalid utf-8 between byte offsets 13 and 17/);
  });

  it('rejects binary content', async () => {
    const garbage = Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256));
    await expect(openTabular(Readable.from([garbage]), { name: 'g.csv' })).rejects.toThrow(
      /not a CSV\/TSV\/JSONL\/XLSX\/Parquet file: g.csv holds binary content/,
    );
  });
});
