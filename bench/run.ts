// `npm run bench`: each benchmark prints our figure beside a baseline measured in the same run.
import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import autocannon from 'autocannon';
import pg from 'pg';
import { runLedgerBenchmarks } from './ledger.js';
import { runProtectBenchmarks } from './protect.js';
import { runCatalogBenchmarks } from './catalog.js';
import { runConsentBenchmarks } from './consent.js';
import { runRegistryBenchmarks } from './registry.js';
import { runPolicyBenchmarks } from './policy.js';
import { runMarketBenchmarks } from './market.js';
import { runFingerprintBenchmarks } from './fingerprint.js';
import { runShapleyBenchmarks } from './shapley.js';
import { runOrderBenchmarks } from './orders.js';
import { runGatewayBenchmarks } from './gateway.js';
import { runQualityBenchmarks } from './quality.js';
import { runQualityDomainBenchmarks } from './quality-domain.js';
import { runAnonymizeBenchmarks } from './anonymize.js';
import { runComputeBenchmarks } from './compute.js';
import { runPsiBenchmarks } from './psi.js';

const DURATION = Number(process.argv.find((a) => a.startsWith('--seconds='))?.slice(10) ?? 10);
const CONNECTIONS = 32;
const PG_URL = 'postgres://postgres@127.0.0.1:5432/test';

interface Target {
  me: string;
  bare: string;
  token: string;
  db: string;
}

async function startChild(databaseUrl: string | undefined) {
  const env = { ...process.env, DATABASE_URL: databaseUrl ?? '' };
  const child = spawn(process.execPath, ['apps/cli/bin/tsx-run.mjs', 'bench/me-server.ts'], {
    env,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const line = await new Promise<string>((resolve, reject) => {
    createInterface({ input: child.stdout }).once('line', resolve);
    child.once('exit', (code) => reject(new Error(`benchmark server exited with ${code}`)));
  });
  return { child, target: JSON.parse(line) as Target };
}

async function load(url: string, headers: Record<string, string> = {}) {
  // a short warm-up lets the JIT and connection pool settle before the measured run
  await autocannon({ url, connections: CONNECTIONS, duration: 2, headers });
  const r = await autocannon({ url, connections: CONNECTIONS, duration: DURATION, headers });
  if (r.non2xx > 0 || r.errors > 0)
    throw new Error(`${url}: ${r.non2xx} non-2xx answers, ${r.errors} errors`);
  return { rps: r.requests.average, p99: r.latency.p99 };
}

async function postgresReachable() {
  const c = new pg.Client({
    connectionString: process.env.DATABASE_URL || PG_URL,
    connectionTimeoutMillis: 2000,
  });
  try {
    await c.connect();
    await c.end();
    return true;
  } catch {
    return false;
  }
}

async function benchMe(databaseUrl: string | undefined) {
  const { child, target } = await startChild(databaseUrl);
  try {
    const bare = await load(target.bare);
    const me = await load(target.me, { authorization: `Bearer ${target.token}` });
    const ratio = me.rps / bare.rps;
    console.log(
      `GET /api/me on ${target.db.padEnd(8)}  ${me.rps.toFixed(0).padStart(7)} req/s  p99 ${String(me.p99).padStart(3)} ms` +
        `  |  bare Fastify ${bare.rps.toFixed(0).padStart(7)} req/s  p99 ${String(bare.p99).padStart(3)} ms  |  ratio ${(ratio * 100).toFixed(1)} %` +
        (target.db === 'postgres' ? `  (goal ≥ 40 %: ${ratio >= 0.4 ? 'met' : 'NOT met'})` : ''),
    );
  } finally {
    child.kill('SIGTERM');
  }
}

console.log(
  `Shuliu benchmarks — ${CONNECTIONS} connections, ${DURATION} s per measurement, autocannon on loopback\n`,
);
// `npm run bench -- --only=NAME` runs one group: me, ledger, protect, catalog, registry, consent,
// policy, market, fingerprint, shapley, orders, anonymize, compute, psi, quality, quality-domain or gateway
const only = process.argv.find((a) => a.startsWith('--only='))?.slice(7);
const postgres = await postgresReachable();
if (!only || only === 'me') {
  await benchMe(undefined);
  if (postgres) await benchMe(process.env.DATABASE_URL || PG_URL);
  else console.log('GET /api/me on postgres: skipped (no PostgreSQL at DATABASE_URL or 127.0.0.1:5432)');
}
if (!only || only === 'ledger')
  await runLedgerBenchmarks(postgres ? process.env.DATABASE_URL || PG_URL : undefined);
if (!only || only === 'protect') await runProtectBenchmarks();
if (!only || only === 'catalog')
  await runCatalogBenchmarks(postgres ? process.env.DATABASE_URL || PG_URL : undefined);
if (!only || only === 'registry')
  await runRegistryBenchmarks(postgres ? process.env.DATABASE_URL || PG_URL : undefined);
if (!only || only === 'consent')
  await runConsentBenchmarks(postgres ? process.env.DATABASE_URL || PG_URL : undefined);
if (!only || only === 'policy') await runPolicyBenchmarks();
if (!only || only === 'market')
  await runMarketBenchmarks(postgres ? process.env.DATABASE_URL || PG_URL : undefined);
if (!only || only === 'fingerprint') await runFingerprintBenchmarks();
if (!only || only === 'shapley') await runShapleyBenchmarks();
if (!only || only === 'orders') await runOrderBenchmarks(process.env.DATABASE_URL || PG_URL);
if (!only || only === 'anonymize') await runAnonymizeBenchmarks();
if (!only || only === 'compute') await runComputeBenchmarks();
if (!only || only === 'psi') await runPsiBenchmarks();
if (!only || only === 'quality') await runQualityBenchmarks();
if (!only || only === 'quality-domain') await runQualityDomainBenchmarks();
if (!only || only === 'gateway') {
  await runGatewayBenchmarks(undefined);
  if (postgres) await runGatewayBenchmarks(process.env.DATABASE_URL || PG_URL);
}
