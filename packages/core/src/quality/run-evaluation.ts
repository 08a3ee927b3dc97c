import { todayInChina } from '@shuliu/contracts';
import { newestReadyDataFile, openStoredTable } from '../catalog/index.js';
import type { TabularSource } from '../tabular/index.js';
import { checkQuality } from './quality.check.js';
import { qualityRepository as repo, type RunRow } from './quality.repository.js';
import type { QualityReport } from './quality.types.js';
import type { ReportsDeps } from './reports.service.js';

/** How often a run writes its progress (ms). */
const PROGRESS_EVERY = 1000;

/** A run's report, and the version of the saved rules it was scored by (null: suggested rules). */
export type Evaluated = QualityReport & { rulesVersion: number | null };

/**
 * Scores the run's file by the rules in force (or, none saved, by rules suggested in a first pass), streaming
 * it batch by batch out of the encrypted blob store and writing progress as it reads.
 */
export async function evaluateRun(deps: ReportsDeps, run: RunRow): Promise<Evaluated> {
  const { db } = deps;
  const file = await newestReadyDataFile(db, run.resource_id);
  if (!file) throw new Error('the resource has no ready data file any more');
  // a file that became ready while this run waited is the one to score (its own upload's run was not doubled)
  if (file.id !== run.file_id) await repo.updateRun(db, run.id, { file_id: file.id });
  const inForce = await deps.rules.inForce(run.resource_id);
  const weights = inForce.weights ?? (await deps.settings.weights());
  const cleanups: (() => Promise<void>)[] = [];
  const open = async (): Promise<TabularSource> => {
    const t = await openStoredTable(
      () => deps.readBlob(file.blob_key),
      file.name,
      file.format,
      deps.zipLimits,
    );
    cleanups.push(t.cleanup);
    return t.source;
  };
  let last = 0;
  const size = Math.max(1, Number(file.size_bytes));
  const onBatch = (p: TabularSource['progress']) => {
    const now = Date.now();
    if (now - last < PROGRESS_EVERY) return;
    last = now;
    const progress = Math.min(0.99, p.bytesRead / (p.totalBytes ?? size));
    // progress is advisory; the final write is the one that counts
    void repo.updateRun(db, run.id, { progress, rows_read: p.rows, updated_at: new Date() }).catch(() => {});
  };
  try {
    const report = await checkQuality(open, {
      rules: inForce.rules ?? undefined,
      weights,
      // freshness is measured on the platform's clock, in Beijing
      asOf: todayInChina(deps.now()),
      onBatch,
    });
    return { ...report, rulesVersion: inForce.version };
  } finally {
    for (const c of cleanups) await c().catch(() => {});
  }
}
