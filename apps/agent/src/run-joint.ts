import type { JointLocal, LeasedJob } from '@shuliu/contracts';
import { compute } from '@shuliu/core';
import { DEFAULT_LIMITS, inSandbox, JobRefusal, type DatasetSource, type JobLimits } from './run-job.js';

/**
 * Computes the agent's part of a joint statistic inside its domain: its dataset's exact count and clamped sum
 * per declared category, each privacy unit's rows bounded to the policy's m. The part goes to the platform,
 * which adds every agent's up and adds the noise once; no other agent sees it.
 */
export async function runJointPart(
  job: LeasedJob,
  source: DatasetSource,
  limits: JobLimits = DEFAULT_LIMITS,
): Promise<JointLocal> {
  const spec = job.joint;
  if (!spec || !job.policy.privacyUnit)
    throw new JobRefusal('refused', null, 'a joint statistic needs its spec and a privacy unit');
  const own = { id: job.datasetId, name: job.table, orgId: '', columns: job.columns, policy: job.policy };
  try {
    // the statistic against this dataset alone: the platform checked every dataset when it was submitted
    compute.checkJoint(spec, [own]);
  } catch (e) {
    if (e instanceof compute.QueryRefused) throw new JobRefusal('refused', e.rule, e.message);
    throw e;
  }
  const rows = await inSandbox(
    job,
    source,
    compute.jointLocalSql(spec, job.table, job.policy),
    limits,
    compute.JOINT_MAX_LOCAL_GROUPS + 1,
  );
  if (rows.length > compute.JOINT_MAX_LOCAL_GROUPS)
    throw new JobRefusal(
      'refused',
      'joint_too_many_groups',
      `${job.table}.${spec.groupBy?.column} has more than ${compute.JOINT_MAX_LOCAL_GROUPS} distinct values`,
    );
  return compute.jointLocal(spec, job.datasetId, rows as { key: unknown; n: unknown; s: unknown }[]);
}
