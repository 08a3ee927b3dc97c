import { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import { FormatUnsupported, RaggedRow } from './tabular.errors.js';
import { makeSource, uniqueColumns, type Progress } from './tabular.source.js';
import type { Cell, RowValues, TabularOutput, TabularSource, TabularWriter } from './tabular.types.js';

const BATCH = 1000;

/** A date as `YYYY-MM-DD` when it has no time of day, otherwise as ISO 8601 (UTC). */
export const dateText = (d: Date): string => {
  const iso = d.toISOString();
  return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : iso;
};

/** An ExcelJS cell value as a cell: rich text joined, formulas as their cached result, dates as ISO text. */
export function excelCell(v: unknown): Cell {
  if (v === null || v === undefined) return null;
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') return v;
  if (v instanceof Date) return dateText(v);
  const o = v as { richText?: { text: string }[]; result?: unknown; text?: unknown; error?: string };
  if (o.richText) return o.richText.map((r) => r.text).join('');
  if ('result' in o) return excelCell(o.result);
  if ('text' in o) return excelCell(o.text);
  if (o.error) return o.error;
  return JSON.stringify(v);
}

const notXlsx = (name: string, why: string) =>
  FormatUnsupported(
    `not a CSV/TSV/JSONL/XLSX/Parquet file: ${name} is not a readable XLSX workbook (${why})`,
  );

type SheetRow = { number: number; values: unknown };
type Rows = AsyncIterator<SheetRow>;

/** The first worksheet's rows, through ExcelJS's streaming reader. */
async function firstSheetRows(input: Readable, name: string): Promise<Rows> {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(input, {
    sharedStrings: 'cache',
    styles: 'cache',
    hyperlinks: 'ignore',
    worksheets: 'emit',
    entries: 'ignore',
  });
  try {
    for await (const sheet of reader as AsyncIterable<AsyncIterable<SheetRow>>)
      return sheet[Symbol.asyncIterator]();
  } catch (e) {
    throw notXlsx(name, (e as Error).message);
  }
  throw notXlsx(name, 'it has no worksheet');
}

const cellsOf = (row: SheetRow): Cell[] => {
  const values = Array.isArray(row.values) ? (row.values as unknown[]) : [];
  const out: Cell[] = [];
  for (let i = 1; i < values.length; i++) out.push(excelCell(values[i]));
  return out;
};

/**
 * Opens the first worksheet of an XLSX workbook; its first non-empty row is the header. Memory: rows stream,
 * but the shared-strings table (every distinct text of the workbook) is held while reading.
 */
export async function openXlsx(
  input: Readable,
  name: string,
  progress: Progress,
  close: () => void,
): Promise<TabularSource> {
  const rows = await firstSheetRows(input, name);
  let head = await rows.next();
  while (!head.done && cellsOf(head.value).every((c) => c === null)) head = await rows.next();
  if (head.done) throw FormatUnsupported(`${name} is empty: its first worksheet has no header row`);
  const columns = uniqueColumns(cellsOf(head.value));
  const align = (row: SheetRow): RowValues => {
    const cells = cellsOf(row);
    const extra = cells.findIndex((c, i) => i >= columns.length && c !== null);
    if (extra >= 0)
      throw RaggedRow(
        `${name}: row ${row.number} has a value in column ${extra + 1}, beyond the ${columns.length} header columns`,
      );
    cells.length = columns.length;
    for (let i = 0; i < cells.length; i++) cells[i] ??= null;
    return cells;
  };
  return makeSource({
    format: 'xlsx',
    columns,
    progress,
    close,
    async *batches() {
      let batch: RowValues[] = [];
      for (let r = await rows.next(); !r.done; r = await rows.next()) {
        batch.push(align(r.value));
        if (batch.length < BATCH) continue;
        yield batch;
        batch = [];
      }
      if (batch.length) yield batch;
    },
  });
}

/** Writes one worksheet through ExcelJS's streaming writer (rows are committed as they come, no shared strings). */
export class XlsxWriter implements TabularWriter {
  private readonly book: ExcelJS.stream.xlsx.WorkbookWriter;
  private readonly sheet: ExcelJS.Worksheet;

  constructor(target: TabularOutput, columns: string[]) {
    const to = typeof target === 'string' ? { filename: target } : { stream: target };
    this.book = new ExcelJS.stream.xlsx.WorkbookWriter({ ...to, useSharedStrings: false, useStyles: false });
    this.sheet = this.book.addWorksheet('Sheet1');
    this.sheet.addRow(columns).commit();
  }

  async write(rows: RowValues[]): Promise<void> {
    for (const row of rows) this.sheet.addRow(row).commit();
  }

  async close(): Promise<void> {
    this.sheet.commit();
    await this.book.commit();
  }
}

export const toReadable = (bytes: AsyncIterable<Buffer>) => Readable.from(bytes, { objectMode: false });
