import { sql, type Kysely } from 'kysely';
import type { Config } from './config.js';
import type { DB } from './db/schema.js';
import type { DbKind } from './db/database.js';
import type { Services } from './services.js';

/** A periodic background job of the platform. */
export interface Job {
  /** Names the job in logs and in the lock that keeps two processes from running it at once. */
  name: string;
  /** Seconds between runs; 0 or less turns the job off. */
  intervalSeconds: number;
  /** One run. A run is skipped while the previous one (here or in another process) is still going. */
  run: () => Promise<unknown>;
}

/** Every periodic job, from the configured intervals. Each run is safe to repeat (it checks what is due). */
export function platformJobs(s: Services, config: Config): Job[] {
  return [
    {
      name: 'ledger.anchor-audit',
      intervalSeconds: config.ledgerAnchorIntervalSeconds,
      run: () => s.ledger.anchorAuditChain(),
    },
    {
      name: 'registry.expire-certificates',
      intervalSeconds: config.registryExpiryIntervalSeconds,
      run: () => s.registry.certificates.expireDue(),
    },
    {
      name: 'market.suspend-listings',
      intervalSeconds: config.marketSuspensionIntervalSeconds,
      run: () => s.market.suspensions.sweep(),
    },
    {
      // a demand past its deadline already reads as expired; this records it and tells the buyer
      name: 'market.expire-demands',
      intervalSeconds: config.marketDemandExpiryIntervalSeconds,
      run: () => s.market.demands.expireDue(),
    },
    {
      // deliveries accepted when their acceptance period ends; unpaid orders cancelled past their deadline
      name: 'trade.sweep-orders',
      intervalSeconds: config.tradeOrderSweepIntervalSeconds,
      run: () => s.trade.orders.sweep(),
    },
    {
      // a signed agent request is taken within minutes of its time: older nonces can no longer be replayed
      name: 'compute.sweep-nonces',
      intervalSeconds: config.computeNonceSweepIntervalSeconds,
      run: () => s.compute.agents.sweepNonces(),
    },
    {
      // GB/T 36344 时效性: data is checked again once its declared update period has passed since its last run
      name: 'quality.rerun-due',
      intervalSeconds: config.qualityRerunIntervalSeconds,
      run: () => s.quality.reports.sweep(),
    },
    {
      // named when the survey was part of the catalog; the name is also its lock, so it stays
      name: 'catalog.survey-snapshot',
      intervalSeconds: config.surveySnapshotIntervalSeconds,
      run: () => s.sharing.survey.snapshotIfDue(config.surveySnapshotIntervalSeconds),
    },
  ];
}

/**
 * Runs each job every interval (the first run one interval after start, so short-lived processes such as
 * tests never run them). On PostgreSQL several processes may serve one database: a run takes a session
 * advisory lock named after its job and is skipped when another process holds it. The embedded PGlite is one
 * process by design and needs none. Failures are reported, not thrown. Returns the stopper.
 */
export function startJobs(
  db: Kysely<DB>,
  kind: DbKind,
  jobs: readonly Job[],
  onError: (job: Job, e: unknown) => void,
): () => void {
  const timers = jobs
    .filter((job) => job.intervalSeconds > 0)
    .map((job) => {
      let running = false;
      const timer = setInterval(() => {
        if (running) return;
        running = true;
        (kind === 'postgres' ? runLocked(db, job) : job.run())
          .catch((e: unknown) => onError(job, e))
          .finally(() => (running = false));
      }, job.intervalSeconds * 1000);
      timer.unref();
      return timer;
    });
  return () => timers.forEach(clearInterval);
}

/** One run under a session advisory lock on a connection of its own; false when another process had it. */
export async function runLocked(db: Kysely<DB>, job: Job): Promise<boolean> {
  return db.connection().execute(async (conn) => {
    // per schema: platforms that share one PostgreSQL in schemas of their own do not hold each other up
    const key = sql`hashtextextended(current_schema() || ${`:shuliu.job:${job.name}`}, 0)`;
    const { rows } = await sql<{ got: boolean }>`select pg_try_advisory_lock(${key}) as got`.execute(conn);
    if (!rows[0]?.got) return false;
    try {
      await job.run();
      return true;
    } finally {
      await sql`select pg_advisory_unlock(${key})`.execute(conn);
    }
  });
}
