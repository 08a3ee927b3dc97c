import {
  createTabularWriter,
  openTabular,
  type Cell,
  type TabularFormat,
  type TextDialect,
} from '../../tabular/index.js';
import { detect } from './fingerprint.detect.js';
import type { Candidate, Detection, FingerprintPlan, Table } from './fingerprint.types.js';

const BATCH = 1000;

/** Reads a whole CSV/TSV/XLSX (or JSONL/Parquet) file through the catalogue's tabular readers. */
export async function readTable(
  path: string,
): Promise<Table & { format: TabularFormat; dialect?: TextDialect }> {
  const source = await openTabular(path);
  try {
    const rows: Cell[][] = [];
    for await (const batch of source.batches()) for (const row of batch) rows.push(row);
    return { columns: source.columns, rows, format: source.format, dialect: source.dialect };
  } finally {
    await source.close();
  }
}

/** Writes a table as CSV (in the dialect given) or XLSX through the catalogue's tabular writers. */
export async function writeTable(
  path: string,
  table: Table,
  format: TabularFormat,
  dialect?: Partial<TextDialect>,
): Promise<void> {
  const writer = createTabularWriter(path, { format, columns: table.columns, dialect });
  for (let i = 0; i < table.rows.length; i += BATCH) await writer.write(table.rows.slice(i, i + BATCH));
  await writer.close();
}

/**
 * Developer helper: which of the candidate orders a leaked file was delivered for, offline. The platform's
 * `shuliu trace` will call a server route instead, which holds the secret, the orders and each derivative's plan.
 */
export async function traceFile(
  path: string,
  candidates: Candidate[],
  secret: Uint8Array,
  plan?: FingerprintPlan,
): Promise<Detection> {
  return detect(await readTable(path), { secret, candidates, plan });
}
