import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough, type Readable } from 'node:stream';
import type { BlobStore, StoredBlob } from '../blobs/index.js';
import { openStoredTable } from '../catalog/index.js';
import { createTabularWriter, type Cell, type TabularSource, type ZipLimits } from '../tabular/index.js';
import {
  embed,
  planFingerprint,
  type EmbedStats,
  type FingerprintPlan,
  type Table,
} from './fingerprint/index.js';

const BATCH = 1000;

/** A whole table read from an open source (the fingerprint marks and reads whole tables). */
export async function readWhole(source: TabularSource): Promise<Table> {
  const rows: Cell[][] = [];
  for await (const batch of source.batches()) for (const row of batch) rows.push(row);
  return { columns: source.columns, rows };
}

/** A stored table (a derivative's file, or a copy) read whole from the blob store. */
export async function readStored(
  blobs: BlobStore,
  f: { blobKey: string; name: string; format: string },
  zipLimits?: ZipLimits,
): Promise<Table> {
  const { source, cleanup } = await openStoredTable(() => blobs.read(f.blobKey), f.name, f.format, zipLimits);
  try {
    return await readWhole(source);
  } finally {
    await cleanup();
  }
}

/**
 * The buyer's copy of a derivative: the derivative's plan (the same for every buyer of it, and for every copy of
 * an order whatever rows it keeps), and the kept rows (all, or where `keep` says) with their cells marked with
 * the order's code, stored as CSV under `key`.
 */
export async function makeCopy(
  blobs: BlobStore,
  key: string,
  derivative: Table,
  mark: { secret: Uint8Array; code: string },
  keep?: readonly boolean[],
): Promise<{ plan: FingerprintPlan; stats: EmbedStats; blob: StoredBlob }> {
  const plan = planFingerprint(derivative);
  const kept = keep ? { ...derivative, rows: derivative.rows.filter((_, i) => keep[i]) } : derivative;
  const { table, stats } = embed(kept, { ...mark, plan });
  const blob = await storeTable(blobs, key, table);
  return { plan, stats, blob };
}

async function storeTable(blobs: BlobStore, key: string, table: Table): Promise<StoredBlob> {
  const out = new PassThrough();
  const stored = blobs.write(key, out);
  stored.catch(() => {}); // awaited below
  try {
    const writer = createTabularWriter(out, { format: 'csv', columns: table.columns });
    for (let i = 0; i < table.rows.length; i += BATCH) await writer.write(table.rows.slice(i, i + BATCH));
    await writer.close();
    out.end(); // the writer leaves a stream it was given open
  } catch (e) {
    out.destroy(e as Error);
    throw e;
  }
  return stored;
}

/** Text a spreadsheet would read as a number, without losing a digit (no leading zeros, ≤ 15 significant). */
const PLAIN_NUMBER = /^-?(0|[1-9]\d*)(\.\d+)?$/;
const asSpreadsheetCell = (c: Cell): Cell =>
  typeof c === 'string' && PLAIN_NUMBER.test(c) && c.replace(/[-.]/g, '').replace(/^0+/, '').length <= 15
    ? Number(c)
    : c;

/** A file made for one download, removed once it has been read (or the download is abandoned). */
export interface MadeFile {
  body: Readable;
  size: number;
  sm3: string;
}

/**
 * The copy as a workbook, made for this download in a private temporary directory: numbers are written as
 * numbers, as a spreadsheet opening the CSV would read them (the marks are read back in the plan's unit).
 */
export async function copyAsXlsx(
  blobs: BlobStore,
  copy: { blobKey: string; name: string },
): Promise<MadeFile> {
  const table = await readStored(blobs, { ...copy, format: 'csv' });
  const dir = await mkdtemp(join(tmpdir(), 'shuliu-copy-'));
  const path = join(dir, 'copy.xlsx');
  const cleanup = () => rm(dir, { recursive: true, force: true });
  try {
    const writer = createTabularWriter(path, { format: 'xlsx', columns: table.columns });
    for (let i = 0; i < table.rows.length; i += BATCH)
      await writer.write(table.rows.slice(i, i + BATCH).map((r) => r.map(asSpreadsheetCell)));
    await writer.close();
    const hash = createHash('sm3');
    for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
    const body = createReadStream(path);
    body.once('close', () => void cleanup());
    return { body, size: (await stat(path)).size, sm3: hash.digest('hex') };
  } catch (e) {
    await cleanup();
    throw e;
  }
}
