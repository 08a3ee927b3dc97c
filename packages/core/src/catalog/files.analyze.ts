import type { FileFormat, FileProfile } from '@shuliu/contracts';
import { createWriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { extname, join } from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import {
  DEFAULT_GRADING_SETTINGS,
  DEFAULT_PROTECT_SETTINGS,
  scanTabular,
  type GradingSettings,
  type ScanReport,
} from '../protect/index.js';
import { openTabular, type TabularFormat, type TabularSource, type ZipLimits } from '../tabular/index.js';

const BY_EXTENSION: Record<string, FileFormat> = {
  '.csv': 'csv',
  '.tsv': 'tsv',
  '.tab': 'tsv',
  '.jsonl': 'jsonl',
  '.ndjson': 'jsonl',
  '.xlsx': 'xlsx',
  '.parquet': 'parquet',
};

/** The tabular format a file name promises ('other' when it is none of ours). */
export const formatOfName = (name: string): FileFormat =>
  BY_EXTENSION[extname(name).toLowerCase()] ?? 'other';

/**
 * Opens a stored table. Parquet needs random access, so it is decrypted into a private temporary file first
 * (removed by `cleanup`); the other formats stream straight from the blob.
 */
export async function openStoredTable(
  open: () => Promise<Readable>,
  name: string,
  format: string,
  zipLimits?: ZipLimits,
): Promise<{ source: TabularSource; cleanup: () => Promise<void> }> {
  if (format !== 'parquet') {
    const source = await openTabular(await open(), { name, format: format as TabularFormat, zipLimits });
    return { source, cleanup: () => source.close() };
  }
  const dir = await mkdtemp(join(tmpdir(), 'shuliu-parquet-'));
  const path = join(dir, 'table.parquet');
  try {
    await pipeline(await open(), createWriteStream(path, { mode: 0o600 }));
    const source = await openTabular(path, { name, format: 'parquet' });
    return {
      source,
      cleanup: async () => {
        await source.close();
        await rm(dir, { recursive: true, force: true });
      },
    };
  } catch (e) {
    await rm(dir, { recursive: true, force: true });
    throw e;
  }
}

/** Profiles a stored table in one streaming pass: statistics, personal information, grades, a masked sample. */
export async function analyzeTable(
  open: () => Promise<Readable>,
  name: string,
  format: string,
  onProgress: (bytesRead: number) => void,
  zipLimits?: ZipLimits,
  piiGrades: GradingSettings['piiGrades'] = DEFAULT_GRADING_SETTINGS.piiGrades,
): Promise<FileProfile> {
  const { source, cleanup } = await openStoredTable(open, name, format, zipLimits);
  // the operator's grades of each kind of personal information (RULES.md ⚠, platform settings)
  const settings = {
    ...DEFAULT_PROTECT_SETTINGS,
    grading: { ...DEFAULT_PROTECT_SETTINGS.grading, piiGrades },
  };
  try {
    const report = await scanTabular(source, {
      sampleRows: 10,
      settings,
      onBatch: (p) => onProgress(p.bytesRead),
    });
    return toFileProfile(report);
  } finally {
    await cleanup();
  }
}

export function toFileProfile(r: ScanReport): FileProfile {
  return {
    rows: r.rows,
    encoding: r.encoding ?? null,
    datasetGrade: r.datasetGrade,
    columns: r.columns.map((c) => ({
      name: c.name,
      type: c.type,
      nullRate: c.nullRate,
      distinct: c.distinct,
      min: c.min,
      max: c.max,
      pii: c.pii,
      sensitive: c.sensitive,
      suggestedGrade: c.suggestedGrade,
      defaultRule: c.pii ? (c.defaultStrategy as unknown as Record<string, unknown>) : null,
    })),
    sample: r.sample,
  };
}
