import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from './config.js';
import { platformJobs, runLocked, startJobs, type Job } from './jobs.js';
import { createServices } from './services.js';
import { createTestDatabase, testDbKind } from './testing/index.js';

let database: Awaited<ReturnType<typeof createTestDatabase>>;
beforeAll(async () => {
  database = await createTestDatabase();
}, 60_000);
afterAll(() => database.close());

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('periodic jobs', () => {
  it('run once per interval and never overlap a run still going', async () => {
    let runs = 0;
    let inside = 0;
    let most = 0;
    const job: Job = {
      name: `overlap-${Date.now()}`,
      intervalSeconds: 0.02,
      run: async () => {
        runs += 1;
        inside += 1;
        most = Math.max(most, inside);
        await sleep(70);
        inside -= 1;
      },
    };
    const stop = startJobs(database.db, database.kind, [job], () => {});
    await sleep(400);
    stop();
    await sleep(100);
    expect(runs).toBeGreaterThanOrEqual(2);
    expect(most).toBe(1);
  });

  it('report a failed run and go on with the next', async () => {
    const failures: string[] = [];
    let runs = 0;
    const job: Job = {
      name: `fails-${Date.now()}`,
      intervalSeconds: 0.02,
      run: async () => {
        runs += 1;
        throw new Error(`run ${runs}`);
      },
    };
    const stop = startJobs(database.db, database.kind, [job], (j, e) =>
      failures.push(`${j.name}: ${(e as Error).message}`),
    );
    await sleep(200);
    stop();
    expect(failures.length).toBeGreaterThanOrEqual(2);
    expect(failures[0]).toBe(`${job.name}: run 1`);
  });

  it('do not start one whose interval is 0 or less', async () => {
    let runs = 0;
    const stop = startJobs(
      database.db,
      database.kind,
      [{ name: 'off', intervalSeconds: 0, run: async () => void (runs += 1) }],
      () => {},
    );
    await sleep(100);
    stop();
    expect(runs).toBe(0);
  });
});

describe("the platform's jobs", () => {
  it('anchor the audit chain, expire certificates, sweep orders and take the survey snapshot when one is due', async () => {
    const config = { ...loadConfig(), surveySnapshotIntervalSeconds: 3600 };
    const jobs = platformJobs(createServices(database.db, config), config);
    expect(jobs.map((j) => j.name)).toEqual([
      'ledger.anchor-audit',
      'registry.expire-certificates',
      'market.suspend-listings',
      'market.expire-demands',
      'trade.sweep-orders',
      'compute.sweep-nonces',
      'quality.rerun-due',
      'catalog.survey-snapshot',
    ]);
    const snapshot = jobs.find((j) => j.name === 'catalog.survey-snapshot')!;
    const taken = async () =>
      (await database.db.selectFrom('catalog_survey_snapshots').select('id').execute()).length;
    const before = await taken();
    expect(await snapshot.run()).toBe(true);
    // a second run within the interval (a restart, another process) takes none
    expect(await snapshot.run()).toBe(false);
    expect(await taken()).toBe(before + 1);
  });
});

// Several server processes on one PostgreSQL: each run takes the job's advisory lock (PGlite is one process).
describe.runIf(testDbKind() === 'postgres')('a job on PostgreSQL with several processes', () => {
  it('runs in one process at a time: a second run while the first holds the lock is skipped', async () => {
    let release = () => {};
    const held = new Promise<void>((r) => (release = r));
    let runs = 0;
    const job: Job = {
      name: `locked-${Date.now()}`,
      intervalSeconds: 60,
      run: async () => {
        runs += 1;
        await held;
      },
    };
    const first = runLocked(database.db, job);
    await sleep(100);
    expect(await runLocked(database.db, job)).toBe(false);
    release();
    expect(await first).toBe(true);
    // the lock is released with the run: the next one goes ahead
    expect(await runLocked(database.db, { ...job, run: async () => void (runs += 1) })).toBe(true);
    expect(runs).toBe(2);
  });
});
