import {
  asyncBufferFromFile,
  parquetMetadataAsync,
  parquetRead,
  type AsyncBuffer,
  type SchemaElement,
} from 'hyparquet';
import { ByteWriter, ParquetWriter } from 'hyparquet-writer';
import { FormatUnsupported } from './tabular.errors.js';
import { dateText } from './tabular.xlsx.js';
import { makeSource, type Progress } from './tabular.source.js';
import { Sink } from './tabular.sink.js';
import type {
  Cell,
  ColumnKind,
  RowValues,
  TabularOutput,
  TabularSource,
  TabularWriter,
} from './tabular.types.js';

const ROW_GROUP = 65536;

/** A Parquet value as a cell: safe BIGINTs as numbers, dates as ISO text, nested values as JSON. */
export function parquetCell(v: unknown): Cell {
  if (v === null || v === undefined) return null;
  if (typeof v === 'bigint') return Number.isSafeInteger(Number(v)) ? Number(v) : String(v);
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') return v;
  if (v instanceof Date) return dateText(v);
  if (v instanceof Uint8Array) return Buffer.from(v).toString('base64');
  return JSON.stringify(v, (_k, x: unknown) => (typeof x === 'bigint' ? String(x) : x));
}

/** The kind of a top-level Parquet column, from its physical and converted types. */
export function kindOf(e: SchemaElement): ColumnKind {
  if (e.num_children) return 'string';
  if (e.type === 'BOOLEAN') return 'boolean';
  if (e.converted_type === 'DECIMAL' || e.type === 'FLOAT' || e.type === 'DOUBLE') return 'decimal';
  const plainInt = !e.converted_type || /^U?INT_/.test(e.converted_type);
  if ((e.type === 'INT32' || e.type === 'INT64') && plainInt && !e.logical_type) return 'integer';
  return 'string';
}

/** Top-level schema elements (children of the root), skipping the subtrees of nested columns. */
function topLevel(schema: SchemaElement[]): SchemaElement[] {
  const out: SchemaElement[] = [];
  let i = 1;
  const skip = (at: number): number => {
    let next = at + 1;
    for (let c = 0; c < (schema[at]!.num_children ?? 0); c++) next = skip(next);
    return next;
  };
  while (i < schema.length) {
    out.push(schema[i]!);
    i = skip(i);
  }
  return out;
}

/** Opens a Parquet file row group by row group: memory holds one decoded row group at a time. */
export async function openParquet(
  file: AsyncBuffer,
  name: string,
  progress: Progress,
): Promise<TabularSource> {
  const metadata = await parquetMetadataAsync(file).catch((e: Error) => {
    throw FormatUnsupported(
      `not a CSV/TSV/JSONL/XLSX/Parquet file: ${name} is not a readable Parquet file (${e.message})`,
    );
  });
  const elements = topLevel(metadata.schema);
  const columns = elements.map((e) => e.name);
  progress.totalBytes = file.byteLength;
  return makeSource({
    format: 'parquet',
    columns,
    columnKinds: Object.fromEntries(elements.map((e) => [e.name, kindOf(e)])),
    progress,
    close: () => undefined,
    async *batches() {
      let start = 0;
      for (const group of metadata.row_groups) {
        const end = start + Number(group.num_rows);
        let rows: unknown[][] = [];
        await parquetRead({
          file,
          metadata,
          rowStart: start,
          rowEnd: end,
          rowFormat: 'array',
          onComplete: (r) => (rows = r as unknown[][]),
        });
        progress.bytesRead += Number(group.total_compressed_size ?? 0);
        start = end;
        yield rows.map((r) => r.map(parquetCell));
      }
    },
  });
}

export const parquetFile = (path: string) => asyncBufferFromFile(path);

/** A hyparquet-writer byte writer that hands each finished row group to the sink. */
class SinkWriter extends ByteWriter {
  constructor(private readonly sink: Sink) {
    super(1 << 20);
  }
  async flush() {
    const bytes = Buffer.from(new Uint8Array(this.buffer, 0, this.index));
    this.index = 0;
    await this.sink.write(bytes);
  }
  override async finish() {
    await this.flush();
  }
}

const BASIC = { string: 'STRING', integer: 'INT64', decimal: 'DOUBLE', boolean: 'BOOLEAN' } as const;
const PARQUET_SCHEMA: Record<ColumnKind, Omit<SchemaElement, 'name'>> = {
  string: { type: 'BYTE_ARRAY', converted_type: 'UTF8', repetition_type: 'OPTIONAL' },
  integer: { type: 'INT64', repetition_type: 'OPTIONAL' },
  decimal: { type: 'DOUBLE', repetition_type: 'OPTIONAL' },
  boolean: { type: 'BOOLEAN', repetition_type: 'OPTIONAL' },
};

/** The kind a column's first batch of values implies: all integers, all numbers, all booleans, else text. */
export function inferKind(values: Iterable<Cell>): ColumnKind {
  let kind: ColumnKind | undefined;
  for (const v of values) {
    if (v === null) continue;
    const k: ColumnKind =
      typeof v === 'boolean'
        ? 'boolean'
        : typeof v === 'number'
          ? Number.isInteger(v)
            ? 'integer'
            : 'decimal'
          : 'string';
    kind =
      kind === undefined || kind === k
        ? k
        : (kind === 'integer' && k === 'decimal') || (kind === 'decimal' && k === 'integer')
          ? 'decimal'
          : 'string';
  }
  return kind ?? 'string';
}

/** Coerces a cell to the column's kind (text that is not a number in a numeric column is an error). */
function coerce(v: Cell, kind: ColumnKind, column: string): Cell | bigint {
  if (v === null) return null;
  if (kind === 'string') return typeof v === 'string' ? v : String(v);
  if (kind === 'boolean') return typeof v === 'boolean' ? v : v === 'true';
  const n = typeof v === 'number' ? v : Number(v);
  if (Number.isNaN(n) || (kind === 'integer' && !Number.isInteger(n)))
    throw FormatUnsupported(`column ${column}: "${String(v)}" does not fit the Parquet ${BASIC[kind]} type`);
  return kind === 'integer' ? BigInt(n) : n;
}

/** Writes Parquet in row groups of 65,536 rows (memory: one row group), SNAPPY-compressed. */
export class ParquetFileWriter implements TabularWriter {
  private readonly sink: Sink;
  private pq: ParquetWriter | undefined;
  private kinds: ColumnKind[] = [];
  private buffered: RowValues[] = [];

  constructor(
    target: TabularOutput,
    private readonly columns: string[],
    private readonly given: Record<string, ColumnKind> = {},
  ) {
    this.sink = new Sink(target);
  }

  async write(rows: RowValues[]): Promise<void> {
    for (const r of rows) this.buffered.push(r);
    if (this.buffered.length >= ROW_GROUP) await this.flushGroup();
  }

  async close(): Promise<void> {
    await this.flushGroup();
    this.start();
    await this.pq!.finish();
    await this.sink.close();
  }

  private start() {
    if (this.pq) return;
    this.kinds = this.columns.map(
      (c, i) => this.given[c] ?? inferKind(this.buffered.map((r) => r[i] ?? null)),
    );
    const schema: SchemaElement[] = [{ name: 'root', num_children: this.columns.length }];
    this.columns.forEach((name, i) => schema.push({ name, ...PARQUET_SCHEMA[this.kinds[i]!] }));
    this.pq = new ParquetWriter({ writer: new SinkWriter(this.sink), schema });
  }

  private async flushGroup() {
    if (this.buffered.length === 0) return;
    this.start();
    const rows = this.buffered;
    this.buffered = [];
    const columnData = this.columns.map((name, i) => ({
      name,
      data: rows.map((r) => coerce(r[i] ?? null, this.kinds[i]!, name)),
    }));
    await this.pq!.write({ columnData, rowGroupSize: rows.length });
  }
}
