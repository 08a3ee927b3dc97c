import { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import { DomainError } from '../shared/errors.js';
import { FormatUnsupported, RaggedRow } from './tabular.errors.js';
import { makeSource, uniqueColumns, type Progress } from './tabular.source.js';
import { DEFAULT_ZIP_LIMITS, ZipArchive, type ZipEntry, type ZipLimits } from './tabular.zip.js';
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

/**
 * The parts of ExcelJS's streaming reader that parse one workbook part each (ExcelJS 4.4, the last release).
 * Its own `parse()` unzips every entry through `unzipper` with no bound on what an entry inflates to, so the
 * archive is opened here instead and only the parts a first sheet needs are handed over, each bounded.
 */
interface PartParsers {
  _parseRels(part: Readable): Promise<void>;
  _parseWorkbook(part: Readable): Promise<void>;
  _parseSharedStrings(part: Readable): AsyncIterable<unknown>;
  _parseStyles(part: Readable): Promise<void>;
  _parseWorksheet(part: Readable, sheetNo: string): Iterable<{ value: AsyncIterable<SheetRow> }>;
  workbookRels?: { Id: string; Target: string }[];
  model?: { sheets?: { rId: string }[] };
}

const SHEET = /^xl\/worksheets\/sheet(\d+)\.xml$/;

/** The first sheet in the workbook's order, else the first sheet part in the archive. */
function firstSheet(book: PartParsers, zip: ZipArchive): ZipEntry | undefined {
  const rId = book.model?.sheets?.[0]?.rId;
  const target = book.workbookRels?.find((r) => r.Id === rId)?.Target;
  const path = target && (target.startsWith('/') ? target.slice(1) : `xl/${target}`);
  const named = path ? zip.entries.get(path) : undefined;
  return named && SHEET.test(named.name) ? named : [...zip.entries.values()].find((e) => SHEET.test(e.name));
}

/** The first worksheet's rows: the workbook, its relations, shared strings and styles are read first. */
async function firstSheetRows(zip: ZipArchive, name: string, parts: Readable[]): Promise<Rows> {
  const book = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from([]), {
    sharedStrings: 'cache',
    styles: 'cache',
    hyperlinks: 'ignore',
    worksheets: 'emit',
    entries: 'ignore',
  }) as unknown as PartParsers;
  const part = async (path: string) => {
    const entry = zip.entries.get(path);
    if (!entry) return undefined;
    const stream = await zip.read(entry);
    parts.push(stream);
    return stream;
  };
  const rels = await part('xl/_rels/workbook.xml.rels');
  if (rels) await book._parseRels(rels);
  const workbook = await part('xl/workbook.xml');
  if (!workbook) throw notXlsx(name, 'it has no xl/workbook.xml');
  await book._parseWorkbook(workbook);
  const strings = await part('xl/sharedStrings.xml');
  if (strings) for await (const _ of book._parseSharedStrings(strings));
  const styles = await part('xl/styles.xml');
  if (styles) await book._parseStyles(styles);
  const sheet = firstSheet(book, zip);
  if (!sheet) throw notXlsx(name, 'it has no worksheet');
  const sheetNo = SHEET.exec(sheet.name)![1]!;
  for (const { value } of book._parseWorksheet((await part(sheet.name))!, sheetNo))
    return value[Symbol.asyncIterator]();
  throw notXlsx(name, 'it has no worksheet');
}

/** Our own errors as they are; anything else (damaged XML or deflate data) says the workbook is unreadable. */
const asXlsxError = (name: string, e: unknown) =>
  e instanceof DomainError ? e : notXlsx(name, (e as Error).message);

const cellsOf = (row: SheetRow): Cell[] => {
  const values = Array.isArray(row.values) ? (row.values as unknown[]) : [];
  const out: Cell[] = [];
  for (let i = 1; i < values.length; i++) out.push(excelCell(values[i]));
  return out;
};

/**
 * Opens the first worksheet of an XLSX workbook file; its first non-empty row is the header. Every part read
 * is bounded by `limits` (zip bombs). Memory: rows stream, but the shared-strings table (every distinct text
 * of the workbook, itself at most `limits.maxEntryBytes` of XML) is held while reading.
 */
export async function openXlsx(
  path: string,
  name: string,
  progress: Progress,
  close: () => Promise<void> | void,
  limits: ZipLimits = DEFAULT_ZIP_LIMITS,
): Promise<TabularSource> {
  const parts: Readable[] = [];
  let zip: ZipArchive | undefined;
  const release = async () => {
    for (const p of parts) p.destroy();
    await zip?.close();
    await close();
  };
  let rows: Rows;
  let head: IteratorResult<SheetRow>;
  try {
    zip = await ZipArchive.open(path, name, limits);
    rows = await firstSheetRows(zip, name, parts);
    head = await rows.next();
    while (!head.done && cellsOf(head.value).every((c) => c === null)) head = await rows.next();
  } catch (e) {
    await release();
    throw asXlsxError(name, e);
  }
  if (head.done) {
    await release();
    throw FormatUnsupported(`${name} is empty: its first worksheet has no header row`);
  }
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
    close: release,
    async *batches() {
      let batch: RowValues[] = [];
      const next = () => rows.next().catch((e: unknown) => Promise.reject(asXlsxError(name, e)));
      for (let r = await next(); !r.done; r = await next()) {
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
