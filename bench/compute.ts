// `npm run bench -- --only=compute`: a differentially private aggregate through the whole path an agent runs —
// the allow-list's analysis, the bounded statistics on the dataset's warm table (loaded and bounded once for its
// policy: each privacy unit's rows capped at m, values clamped), the noisy release — beside the same GROUP BY
// run raw on the same data loaded in a plain sandbox, in the same run. 10M rows by default (--compute-rows=N),
// 2M patients, one thread for both. Loading, bounding once, a grouping's first job (its flags) and the per-job
// rewrite without a warm table (what a job filtered by consent runs) are measured apart.
import { mkdirSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DuckDBInstance } from '@duckdb/node-api';
import {
  analyzeQuery,
  boundedSql,
  openSandbox,
  releaseAggregates,
  WarmTable,
  type AnalysisPlan,
  type GuardColumn,
  type SandboxRow,
  type SufficientRow,
} from '../packages/core/src/compute/index.js';

const ROOT = resolve(fileURLToPath(new URL('..', import.meta.url)));
const ROWS = Number(process.argv.find((a) => a.startsWith('--compute-rows='))?.slice(15) ?? 10_000_000);
const ROUNDS = 5;
const COLUMNS: GuardColumn[] = [
  { name: 'patient_id', type: 'text' },
  { name: 'age', type: 'integer' },
  { name: 'dept', type: 'text' },
  { name: 'cost', type: 'number' },
];
const SQL = 'SELECT dept, count(*) AS visits, avg(cost) AS avg_cost FROM visits GROUP BY dept';
const POLICY = {
  k: 20,
  maxContributions: 5,
  bounds: { cost: { lower: 0, upper: 1000 } },
  mechanism: 'laplace' as const,
};

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1]!;
async function timed(run: () => Promise<unknown>) {
  await run();
  const ms: number[] = [];
  for (let i = 0; i < ROUNDS; i++) {
    const t = performance.now();
    await run();
    ms.push(performance.now() - t);
  }
  return median(ms);
}

/** Writes the visits as CSV with DuckDB itself: 5 departments, costs spread over [0, 1000). */
async function writeCsv(path: string) {
  const db = await DuckDBInstance.create(':memory:');
  const c = await db.connect();
  const patients = Math.max(1, Math.floor(ROWS / 5));
  await c.run(
    `COPY (SELECT 'P' || (i % ${patients}) AS patient_id, (i % 90)::BIGINT AS age,
       ['内科','外科','儿科','眼科','口腔'][(i % 5) + 1] AS dept, ((i * 37) % 1000)::DOUBLE AS cost
       FROM range(${ROWS}) t(i)) TO '${path}' (HEADER, DELIMITER ',')`,
  );
  c.closeSync();
  db.closeSync();
}

export async function runComputeBenchmarks() {
  const dir = join(ROOT, 'bench/tmp');
  mkdirSync(dir, { recursive: true });
  const csv = join(dir, `compute-visits-${ROWS}.csv`);
  let t = performance.now();
  await writeCsv(csv);
  const written = performance.now() - t;
  const options = { timeoutMs: 600_000, maxResultRows: 1000, memoryLimit: '8GB', threads: 1 };
  const bounding = {
    privacyUnit: 'patient_id',
    maxContributions: POLICY.maxContributions,
    bounds: POLICY.bounds,
  };
  const sandbox = await openSandbox(options);
  let warm: WarmTable | undefined;
  try {
    t = performance.now();
    await sandbox.loadTable('visits', COLUMNS, { csvPath: csv });
    const loaded = performance.now() - t;
    await sandbox.lock();
    t = performance.now();
    warm = await WarmTable.open(options, 'visits', COLUMNS, { csvPath: csv }, bounding);
    const prepared = performance.now() - t;
    const raw = await timed(() => sandbox.run(SQL));
    const catalog = { tables: [{ name: 'visits', columns: COLUMNS }] };
    let released: ReturnType<typeof releaseAggregates> | undefined;
    /** The whole path of one job, its statistics from `statistics`. */
    const job = async (statistics: (plan: AnalysisPlan) => Promise<SandboxRow[]>) => {
      const plan = await analyzeQuery(SQL, catalog);
      const rows = await statistics(plan);
      const groups = rows.map((r) => ({ ...r, dept: r.__g_0 }) as SufficientRow);
      released = releaseAggregates(
        groups,
        {
          groupBy: ['dept'],
          aggregates: plan.aggregates.map((a) => ({ alias: a.alias, fn: a.fn, column: a.column })),
        },
        POLICY,
        1,
        1e-6,
      );
    };
    const onWarm = async (plan: AnalysisPlan) => (await warm!.run(plan))!;
    t = performance.now();
    await job(onWarm);
    const firstOfGrouping = performance.now() - t;
    const ours = await timed(() => job(onWarm));
    const perJob = await timed(() => job((plan) => sandbox.run(boundedSql(plan, bounding))));
    const ratio = raw / ours;
    console.log(
      `compute DP aggregate at ${ROWS.toLocaleString('en')} rows (1 thread)  ${ours.toFixed(0).padStart(6)} ms` +
        `  |  raw DuckDB GROUP BY ${raw.toFixed(0).padStart(6)} ms  |  ratio ${(ratio * 100).toFixed(1)} %` +
        `  (goal ≥ 80 %: ${ratio >= 0.8 ? 'met' : 'NOT met'})`,
    );
    console.log(
      `  once per dataset and policy: load ${loaded.toFixed(0)} ms, load and bound ${prepared.toFixed(0)} ms;` +
        ` a grouping's first job ${firstOfGrouping.toFixed(0)} ms (its first-row flags);` +
        ` bounded per job instead ${perJob.toFixed(0)} ms (${((raw / perJob) * 100).toFixed(1)} %)`,
    );
    console.log(
      `  CSV written in ${written.toFixed(0)} ms; ` +
        `released ${released!.rows.length} groups, ${released!.suppressedGroups} held back`,
    );
  } finally {
    warm?.close();
    sandbox.close();
    rmSync(csv, { force: true });
  }
}
