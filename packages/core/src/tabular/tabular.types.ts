import type { Readable, Writable } from 'node:stream';
import type { ZipLimits } from './tabular.zip.js';

/** One cell as the readers produce it: text formats give strings (or null for an empty unquoted field). */
export type Cell = string | number | boolean | null;
/** A row in column order, aligned with `TabularSource.columns`. */
export type RowValues = Cell[];
/** A row keyed by column name. */
export type Row = Record<string, Cell>;

export type TabularFormat = 'csv' | 'tsv' | 'jsonl' | 'xlsx' | 'parquet';
export type TextEncoding = 'utf-8' | 'gb18030' | 'utf-16le';

/** How a text file was written, so that a writer can write the same way. */
export interface TextDialect {
  encoding: TextEncoding;
  bom: boolean;
  delimiter: string;
  newline: '\n' | '\r\n';
}

/** The column types a writer may need to know (Parquet has a schema; the text formats do not). */
export type ColumnKind = 'string' | 'integer' | 'decimal' | 'boolean';

export interface TabularSource extends AsyncIterable<Row> {
  readonly format: TabularFormat;
  /** Column names, unique (a repeated or empty header gets a suffix: `name_2`, `column_3`). */
  readonly columns: string[];
  /** Text formats only: the encoding, BOM, delimiter and line ending that were detected. */
  readonly dialect?: TextDialect;
  /** Parquet only: the column kinds of the file's schema. */
  readonly columnKinds?: Record<string, ColumnKind>;
  /** Input bytes consumed so far and the total when known (a file), for progress reports. */
  readonly progress: { bytesRead: number; totalBytes?: number; rows: number };
  /** Rows in batches of arrays aligned with `columns`: the fast path (no per-row object, no per-row promise). */
  batches(): AsyncIterable<RowValues[]>;
  /** Releases the input; safe to call twice, and called by the iterators when they finish. */
  close(): Promise<void>;
}

export interface OpenOptions {
  format?: TabularFormat;
  encoding?: TextEncoding;
  delimiter?: string;
  /** Name used in error messages when the input is a stream. */
  name?: string;
  /** XLSX: what each part of the archive may inflate to (defaults: `DEFAULT_ZIP_LIMITS`). */
  zipLimits?: Partial<ZipLimits>;
}

export interface TabularWriter {
  /** Writes rows aligned with the writer's columns; the promise resolves when the output can take more. */
  write(rows: RowValues[]): Promise<void>;
  /** Flushes and closes the output. */
  close(): Promise<void>;
}

export interface WriterOptions {
  format: TabularFormat;
  columns: string[];
  dialect?: Partial<TextDialect>;
  /** Parquet: the type of each column; columns not named are inferred from the first batch. */
  columnKinds?: Record<string, ColumnKind>;
}

export type TabularInput = string | Readable;
export type TabularOutput = string | Writable;
