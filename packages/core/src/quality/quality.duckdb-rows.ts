import { toRecord, type RowValues, type TabularSource } from '../tabular/index.js';

/** Rows handed over in memory, as text cells aligned with their columns (every key any row has, first seen first). */
export interface TextRows {
  columns: string[];
  cells: (string | null)[][];
}

/** Rows a source yields at a time: the checks sample and mask by the same batches whichever engine reads them. */
const BATCH = 1000;

/** A cell as text, as a file would hold it: null and undefined are empty, objects their JSON. */
function cellText(v: unknown): string | null {
  if (v === null || v === undefined) return null;
  if (typeof v === 'string') return v;
  if (typeof v === 'object') return JSON.stringify(v) ?? null;
  return String(v);
}

export function textRows(rows: readonly Record<string, unknown>[]): TextRows {
  const index = new Map<string, number>();
  for (const row of rows) for (const k of Object.keys(row)) if (!index.has(k)) index.set(k, index.size);
  const columns = [...index.keys()];
  return { columns, cells: rows.map((row) => columns.map((c) => cellText(row[c]))) };
}

/** The rows as a tabular source, for the streaming engine. */
export function textRowsSource({ columns, cells }: TextRows): TabularSource {
  const progress = { bytesRead: 0, rows: 0 };
  async function* batches(): AsyncGenerator<RowValues[]> {
    for (let i = 0; i < cells.length; i += BATCH) {
      const batch = cells.slice(i, i + BATCH);
      progress.rows += batch.length;
      yield batch;
    }
  }
  return {
    format: 'csv',
    columns,
    progress,
    batches,
    close: async () => undefined,
    async *[Symbol.asyncIterator]() {
      for await (const batch of batches()) for (const values of batch) yield toRecord(columns, values);
    },
  };
}
