import { todayInChina } from '@shuliu/contracts';
import { newestReadyDataFile, openStoredTable } from '../catalog/index.js';
import type { TabularSource } from '../tabular/index.js';
import { checkQuality } from './quality.check.js';
import type { Rule } from './quality.schema.js';
import { valueText } from './quality.values.js';
import { checkReferencesOf } from './rule-sets.service.js';
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
    const references = await referencesOf(deps, run.resource_id, inForce.rules);
    const report = await checkQuality(open, {
      rules: inForce.rules ?? undefined,
      references,
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

/** The most distinct values a column of another resource may hold for a referential check. */
const MAX_REFERENCE_VALUES = 1_000_000;

/**
 * The values each `reference` rule naming another resource compares with: the distinct values, as the checks
 * read them, of that column in that resource's newest ready data file — still the same holder's (checked again:
 * a resource may have changed hands since the rules were saved).
 */
export async function referencesOf(
  deps: ReportsDeps,
  resourceId: string,
  rules: readonly Rule[] | null,
): Promise<Record<string, string[]> | undefined> {
  const wanted = (rules ?? []).flatMap((r) => (r.kind === 'reference' && r.resource ? [r] : []));
  if (!wanted.length) return undefined;
  const own = await deps.resources.row(resourceId);
  await checkReferencesOf(deps.resources, own!.owner_org_id, rules!);
  const out: Record<string, string[]> = {};
  for (const rule of wanted) {
    const file = await newestReadyDataFile(deps.db, rule.resource!);
    if (!file)
      throw new Error(`rule ${rule.id}: resource ${rule.resource} has no ready data file to compare with`);
    const t = await openStoredTable(
      () => deps.readBlob(file.blob_key),
      file.name,
      file.format,
      deps.zipLimits,
    );
    try {
      const at = t.source.columns.indexOf(rule.column!);
      if (at < 0)
        throw new Error(`rule ${rule.id}: resource ${rule.resource} has no column "${rule.column}"`);
      const values = new Set<string>();
      for await (const batch of t.source.batches())
        for (const row of batch) {
          const v = valueText(row[at]);
          if (v === null) continue;
          values.add(v);
          if (values.size > MAX_REFERENCE_VALUES)
            throw new Error(
              `rule ${rule.id}: column "${rule.column}" of resource ${rule.resource} holds over ${MAX_REFERENCE_VALUES.toLocaleString('en-US')} distinct values`,
            );
        }
      out[rule.id] = [...values];
    } finally {
      await t.cleanup();
    }
  }
  return out;
}
