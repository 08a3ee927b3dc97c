/** How many profiling jobs run at once in one process, and how many of them one organization may hold. */
export interface ProfilingLimits {
  concurrency: number;
  perOrg: number;
}

type Job = { id: string; orgId: string };

/**
 * The line of profiling jobs in one process. Profiling is CPU- and memory-heavy (a workbook's shared strings
 * are held while it is read), so only `concurrency` jobs run at once, and an organization's jobs take at most
 * `perOrg` of those places: the others' files pass its waiting ones. The line itself is not the only copy of
 * anything: every waiting file is a `profiling` row, which `resumePending` picks up again after a restart.
 */
export class ProfilingQueue {
  private readonly waiting: Job[] = [];
  private readonly runningByOrg = new Map<string, number>();
  private readonly jobs = new Set<Promise<void>>();
  private readonly known = new Set<string>();

  constructor(
    private readonly limits: ProfilingLimits,
    private readonly run: (id: string) => Promise<void>,
  ) {}

  /** Puts a file in line (once: a file already waiting or running is not added again). */
  add(id: string, orgId: string): void {
    if (this.known.has(id)) return;
    this.known.add(id);
    this.waiting.push({ id, orgId });
    this.pump();
  }

  /** Jobs running now. */
  get running(): number {
    return this.jobs.size;
  }

  /** Files waiting for a place. */
  get queued(): number {
    return this.waiting.length;
  }

  /** Resolves once every job in line, and any added meanwhile, has finished. */
  async idle(): Promise<void> {
    while (this.jobs.size) await Promise.allSettled([...this.jobs]);
  }

  private pump(): void {
    while (this.jobs.size < this.limits.concurrency) {
      const next = this.waiting.findIndex((j) => (this.runningByOrg.get(j.orgId) ?? 0) < this.limits.perOrg);
      if (next < 0) return;
      const [job] = this.waiting.splice(next, 1) as [Job];
      this.runningByOrg.set(job.orgId, (this.runningByOrg.get(job.orgId) ?? 0) + 1);
      const done = this.run(job.id)
        .catch(() => {}) // a job records its own failure on the file
        .finally(() => {
          this.jobs.delete(done);
          this.known.delete(job.id);
          this.runningByOrg.set(job.orgId, this.runningByOrg.get(job.orgId)! - 1);
          this.pump();
        });
      this.jobs.add(done);
    }
  }
}
