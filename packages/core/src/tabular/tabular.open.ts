import { createReadStream, createWriteStream } from 'node:fs';
import { mkdtemp, open, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { extname, join } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { AsyncBuffer } from 'hyparquet';
import { openDelimited, DelimitedWriter } from './tabular.csv.js';
import { FileUnreadable, FormatUnsupported } from './tabular.errors.js';
import { openJsonl, JsonlWriter } from './tabular.jsonl.js';
import { openParquet, parquetFile, ParquetFileWriter } from './tabular.parquet.js';
import { countedBytes, type Progress } from './tabular.source.js';
import { openXlsx, XlsxWriter } from './tabular.xlsx.js';
import { DEFAULT_ZIP_LIMITS } from './tabular.zip.js';
import type {
  OpenOptions,
  TabularFormat,
  TabularInput,
  TabularOutput,
  TabularSource,
  TabularWriter,
  WriterOptions,
} from './tabular.types.js';

const BY_EXTENSION: Record<string, TabularFormat> = {
  '.csv': 'csv',
  '.txt': 'csv',
  '.tsv': 'tsv',
  '.tab': 'tsv',
  '.jsonl': 'jsonl',
  '.ndjson': 'jsonl',
  '.json': 'jsonl',
  '.xlsx': 'xlsx',
  '.parquet': 'parquet',
};

const startsWith = (head: Buffer, ...bytes: number[]) => bytes.every((b, i) => head[i] === b);
const unsupported = (name: string, why: string) =>
  FormatUnsupported(`not a CSV/TSV/JSONL/XLSX/Parquet file: ${name} ${why}`);

/** Decides the format: the magic bytes of XLSX (a ZIP) and Parquet first, then the extension, then the text. */
export function detectFormat(head: Buffer, name: string): TabularFormat {
  const byExt = BY_EXTENSION[extname(name).toLowerCase()];
  if (startsWith(head, 0x50, 0x4b, 0x03, 0x04)) return 'xlsx';
  if (startsWith(head, 0x50, 0x41, 0x52, 0x31)) return 'parquet';
  if (startsWith(head, 0xd0, 0xcf, 0x11, 0xe0))
    throw unsupported(name, 'is a legacy Excel .xls workbook (save it as .xlsx)');
  if (startsWith(head, 0x1f, 0x8b)) throw unsupported(name, 'is gzip-compressed (decompress it first)');
  if (byExt === 'xlsx' || byExt === 'parquet')
    throw unsupported(name, `does not start like a${byExt === 'xlsx' ? 'n XLSX' : ' Parquet'} file`);
  const text = head
    .toString('latin1')
    .replace(/^\xef\xbb\xbf/, '')
    .trimStart();
  if (byExt === 'jsonl' && text.startsWith('['))
    throw unsupported(name, 'is a JSON array (JSON Lines is supported: one object per line)');
  if (byExt) return byExt;
  return text.startsWith('{') ? 'jsonl' : 'csv';
}

/** Reads the first bytes of a stream and gives back an iterator that still yields them. */
async function peek(stream: Readable, progress: Progress) {
  const it = countedBytes(stream, progress);
  const first = await it.next();
  const head = first.done ? Buffer.alloc(0) : first.value;
  async function* all() {
    if (!first.done) yield first.value;
    yield* { [Symbol.asyncIterator]: () => it };
  }
  return { head, bytes: all() };
}

async function fileHead(path: string): Promise<{ size: number; head: Buffer }> {
  const info = await stat(path).catch((e: NodeJS.ErrnoException) => {
    throw FileUnreadable(`cannot read ${path}: ${e.code === 'ENOENT' ? 'no such file' : e.message}`);
  });
  if (!info.isFile()) throw FileUnreadable(`cannot read ${path}: not a regular file`);
  const fh = await open(path, 'r');
  try {
    const head = Buffer.alloc(Math.min(info.size, 4096));
    await fh.read(head, 0, head.length, 0);
    return { size: info.size, head };
  } finally {
    await fh.close();
  }
}

const bufferFile = (buf: Buffer): AsyncBuffer => ({
  byteLength: buf.length,
  slice: (start, end) =>
    buf.buffer.slice(buf.byteOffset + start, buf.byteOffset + (end ?? buf.length)) as ArrayBuffer,
});

/**
 * Opens a table from a path or a byte stream: CSV/TSV (RFC 4180, BOM, CRLF, UTF-8 or GBK/GB18030), JSON Lines,
 * XLSX (first worksheet) or Parquet, detected from the content and the extension unless `format` is given.
 * The promise resolves once the header is read; rows then stream through `batches()` or `for await`.
 * Memory: CSV/TSV/JSONL hold one chunk (64 KiB) and its records; XLSX holds the workbook's shared-strings table;
 * Parquet holds one row group, and a Parquet *stream* (no random access) is buffered whole: pass a path.
 */
export async function openTabular(input: TabularInput, opts: OpenOptions = {}): Promise<TabularSource> {
  // a caller's name first: a path may be a private temporary file, which messages must not show
  const name = opts.name ?? (typeof input === 'string' ? input : 'the input');
  const progress: Progress = { bytesRead: 0, rows: 0 };
  let stream: Readable;
  let head: Buffer;
  if (typeof input === 'string') {
    const file = await fileHead(input);
    progress.totalBytes = file.size;
    head = file.head;
    const format = opts.format ?? detectFormat(head, name);
    if (format === 'parquet') return openParquet(await parquetFile(input), name, progress);
    if (format === 'xlsx') {
      progress.bytesRead = file.size;
      return openXlsx(input, name, progress, () => {}, { ...DEFAULT_ZIP_LIMITS, ...opts.zipLimits });
    }
    stream = createReadStream(input, { highWaterMark: 1 << 16 });
  } else stream = input;
  const peeked = await peek(stream, progress);
  head = peeked.head;
  const format = opts.format ?? detectFormat(head, name);
  const close = () => stream.destroy();
  const text = {
    bytes: peeked.bytes[Symbol.asyncIterator](),
    name,
    encoding: opts.encoding,
    progress,
    close,
  };
  if (format === 'csv' || format === 'tsv')
    return openDelimited({ ...text, tsv: format === 'tsv', delimiter: opts.delimiter });
  if (format === 'jsonl') return openJsonl(text);
  if (format === 'xlsx') return spooledXlsx(peeked.bytes, name, progress, opts);
  const chunks: Buffer[] = [];
  for await (const c of peeked.bytes) chunks.push(c);
  return openParquet(bufferFile(Buffer.concat(chunks)), name, progress);
}

/**
 * A workbook is read through its central directory at the end of the archive, so a stream is first written to
 * a private temporary file (removed on close); messages name the workbook, never that file.
 */
async function spooledXlsx(
  bytes: AsyncIterable<Buffer>,
  name: string,
  progress: Progress,
  opts: OpenOptions,
) {
  const dir = await mkdtemp(join(tmpdir(), 'shuliu-xlsx-'));
  const cleanup = () => rm(dir, { recursive: true, force: true });
  const path = join(dir, 'book.xlsx');
  try {
    await pipeline(Readable.from(bytes), createWriteStream(path, { mode: 0o600 }));
  } catch (e) {
    await cleanup();
    throw e;
  }
  return openXlsx(path, name, progress, cleanup, { ...DEFAULT_ZIP_LIMITS, ...opts.zipLimits });
}

/** Opens a writer for the format (and, for text, the dialect) of a source, so output matches input. */
export function createTabularWriter(target: TabularOutput, opts: WriterOptions): TabularWriter {
  switch (opts.format) {
    case 'csv':
    case 'tsv':
      return new DelimitedWriter(target, opts.columns, {
        ...opts.dialect,
        delimiter: opts.dialect?.delimiter || (opts.format === 'tsv' ? '\t' : ','),
      });
    case 'jsonl':
      return new JsonlWriter(target, opts.columns, opts.dialect?.encoding);
    case 'xlsx':
      return new XlsxWriter(target, opts.columns);
    case 'parquet':
      return new ParquetFileWriter(target, opts.columns, opts.columnKinds);
  }
}
