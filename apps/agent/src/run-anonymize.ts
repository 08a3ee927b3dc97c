import type { JobResult, LeasedJob } from '@shuliu/contracts';
import { compute } from '@shuliu/core';
import { DEFAULT_LIMITS, inSandbox, JobRefusal, type DatasetSource, type JobLimits } from './run-job.js';

/**
 * Runs an anonymized export inside the domain: the spec is checked again against the dataset and its policy,
 * the export's columns are read as text (every other column, the privacy unit first of all, stays where it
 * is), generalized until k-anonymous (l-diverse, t-close when asked) and written as a CSV. The file goes to the
 * platform only to wait for the holder's release.
 */
export async function runAnonymizeJob(
  job: LeasedJob,
  source: DatasetSource,
  limits: JobLimits = DEFAULT_LIMITS,
): Promise<{ result: JobResult; file: Buffer }> {
  const spec = job.anonymize;
  if (!spec) throw new JobRefusal('refused', null, 'an anonymize job without its spec');
  try {
    compute.checkExport(spec, job.columns, job.policy);
    const header = compute.exportColumns(spec, job.columns);
    const q = compute.quoteIdent;
    const sql = `SELECT ${header.map(q).join(', ')} FROM ${q(job.table)}`;
    const read = await inSandbox(job, source, sql, limits, limits.maxTemplateRows ?? 2_000_000);
    // as JSON values, so that a whole number of a DOUBLE column reads 100, not DuckDB's 100.0
    const rows = read.map((r) =>
      header.map((c) => (r[c] === null || r[c] === undefined ? '' : String(r[c]))),
    );
    if (!rows.length) throw new JobRefusal('refused', null, 'the dataset has no row to export');
    return compute.anonymizedExport(job.table, header, rows, spec);
  } catch (e) {
    if (e instanceof compute.QueryRefused) throw new JobRefusal('refused', e.rule, e.message);
    throw e;
  }
}
