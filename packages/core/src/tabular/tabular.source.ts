import type { Readable } from 'node:stream';
import type { Cell, Row, RowValues, TabularSource } from './tabular.types.js';

export type Progress = TabularSource['progress'];

/** The bytes of a stream, counted into `progress` as they are consumed (iteration pauses the stream). */
export async function* countedBytes(stream: Readable, progress: Progress): AsyncGenerator<Buffer> {
  for await (const chunk of stream as AsyncIterable<Buffer | string>) {
    const buf = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
    progress.bytesRead += buf.length;
    yield buf;
  }
}

/** Gives names to header cells: blanks become `column_N`, repeats get `_2`, `_3`. */
export function uniqueColumns(header: readonly Cell[]): string[] {
  const seen = new Set<string>();
  return header.map((h, i) => {
    const base = h === null || String(h).trim() === '' ? `column_${i + 1}` : String(h);
    let name = base;
    for (let k = 2; seen.has(name); k++) name = `${base}_${k}`;
    seen.add(name);
    return name;
  });
}

/** Turns a row array into a record keyed by the column names. */
export function toRecord(columns: readonly string[], values: RowValues): Row {
  const row: Row = {};
  for (let i = 0; i < columns.length; i++) row[columns[i]!] = values[i] ?? null;
  return row;
}

type SourceInit = Omit<TabularSource, 'batches' | 'close' | typeof Symbol.asyncIterator> & {
  batches: () => AsyncGenerator<RowValues[]>;
  close: () => Promise<void> | void;
};

/** Builds a source whose record iterator and batch iterator share one underlying read, started once. */
export function makeSource(init: SourceInit): TabularSource {
  let started = false;
  let closed = false;
  const close = async () => {
    if (closed) return;
    closed = true;
    await init.close();
  };
  async function* batches() {
    if (started) throw new Error('a tabular source can be read once');
    started = true;
    try {
      for await (const batch of init.batches()) {
        init.progress.rows += batch.length;
        yield batch;
      }
    } finally {
      await close();
    }
  }
  return {
    ...init,
    batches,
    close,
    async *[Symbol.asyncIterator]() {
      for await (const batch of batches()) for (const values of batch) yield toRecord(init.columns, values);
    },
  };
}

/**
 * A copy of a string that does not keep its parent alive. Cells are slices of a decoded chunk (about 64 KiB of
 * text); a sample kept for the whole pass must not pin its chunk, or memory would grow with the file.
 */
export const detach = (s: string): string => (s.length < 13 ? s : Buffer.from(s, 'utf8').toString('utf8'));
