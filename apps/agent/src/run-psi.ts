import type { JobResult, LeasedJob } from '@shuliu/contracts';
import { MAX_RESULT_ROWS } from '@shuliu/contracts';
import { compute } from '@shuliu/core';
import { DEFAULT_LIMITS, inSandbox, JobRefusal, type DatasetSource, type JobLimits } from './run-job.js';

/** One PSI step as the agent takes it: phases 1 and 2 send a list on, phase 3 returns the result. */
export type PsiStepOutcome = { send: Buffer } | { result: JobResult };

/**
 * Runs the agent's phase of a PSI job inside its domain. The identifier column is read, normalized and made
 * distinct; only blinded points leave. The secret scalar is derived from the agent's own key and the job, so a
 * restarted agent finishes a job it began. A side with fewer distinct identifiers than the dataset's k is
 * refused (a list of one would ask whether one person is in the other's data).
 */
export async function runPsiStep(
  job: LeasedJob,
  source: DatasetSource,
  secret: Uint8Array,
  input: () => Promise<Buffer>,
  limits: JobLimits = DEFAULT_LIMITS,
): Promise<PsiStepOutcome> {
  const spec = job.psi;
  const phase = job.psiPhase;
  if (!spec || !phase) throw new JobRefusal('refused', null, 'a PSI job without its spec or phase');
  const column = phase === 2 ? spec.column : spec.with.column;
  if (!job.columns.some((c) => c.name === column))
    throw new JobRefusal('refused', 'unknown_column', `${column} is not a column of ${job.table}`);
  const q = compute.quoteIdent;
  const rows = await inSandbox(
    job,
    source,
    `SELECT DISTINCT ${q(column)} AS v FROM ${q(job.table)} WHERE ${q(column)} IS NOT NULL`,
    limits,
    compute.PSI_MAX_ITEMS + 1,
  );
  const set = compute.psiSet(
    rows.map((r) => r.v),
    spec.normalize,
  );
  if (set.values.length > compute.PSI_MAX_ITEMS)
    throw new JobRefusal(
      'refused',
      'psi_set_too_large',
      `${job.table}.${column} holds more than ${compute.PSI_MAX_ITEMS} distinct identifiers`,
    );
  if (set.values.length < job.policy.k)
    throw new JobRefusal(
      'refused',
      'psi_set_too_small',
      `${job.table}.${column} holds ${set.values.length} distinct ${spec.normalize} identifiers (${set.invalid} values were none); an intersection needs at least k = ${job.policy.k}`,
    );
  const key = new compute.PsiKey(secret, job.id);
  const shuffled = spec.reveal === 'size';
  try {
    if (phase === 1) return { send: (await compute.psiRequest(set.values, key)).request };
    if (phase === 2) return { send: await compute.psiRespond(await input(), set.values, key, shuffled) };
    // the same order as phase 1's, which the key alone decides
    const ordered = key.order(set.values);
    const r = await compute.psiFinish(await input(), ordered, key, shuffled);
    return { result: psiResult(spec, r, set.invalid) };
  } catch (e) {
    if (e instanceof compute.PsiFormatError) throw new JobRefusal('failed', null, e.message);
    throw e;
  }
}

function psiResult(
  spec: NonNullable<LeasedJob['psi']>,
  r: { left: number; right: number; intersection: number; matched: string[] | null },
  invalid: number,
): JobResult {
  const mechanism =
    `ECDH-PSI over X25519 with SM3 hashing; ${spec.normalize} identifiers normalized; ` +
    `${r.left} distinct on our side (${invalid} not a valid ${spec.normalize}, left out), ${r.right} on theirs, ${r.intersection} in common`;
  if (spec.reveal === 'size')
    return {
      columns: ['left_distinct', 'right_distinct', 'intersection'],
      rows: [[r.left, r.right, r.intersection]],
      suppressedGroups: 0,
      mechanism,
    };
  if (r.matched!.length > MAX_RESULT_ROWS)
    throw new JobRefusal(
      'refused',
      'psi_too_many_ids',
      `${r.matched!.length} identifiers match, more than the ${MAX_RESULT_ROWS} a result lists: ask for the size`,
    );
  return {
    columns: [spec.with.column],
    rows: r.matched!.map((v) => [v]),
    suppressedGroups: 0,
    mechanism,
  };
}
