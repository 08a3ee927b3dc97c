// `npm run bench -- --only=gateway`: the metered API gateway in front of a seller's upstream — latency (p50/p99)
// at a steady rate (an open-loop client timing each call in microseconds, the direct call and the gateway in
// turn) and throughput flat out (autocannon), through the gateway (key, state, term, purpose, policy, quota and
// rate checked, usage logged, the seller's credential added) beside calling the same upstream directly, in the
// same run. Two upstreams: one that answers at once, one that works 10 ms per call as a real data API would.
import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import autocannon from 'autocannon';
import { pacedLoad, percentile } from './paced-load.js';

const DURATION = Number(process.argv.find((a) => a.startsWith('--seconds='))?.slice(10) ?? 10);
const RATE = 500;
const STEADY_CONNECTIONS = 16;
const FLAT_OUT_CONNECTIONS = 32;
const WORK_MS = [0, 10];

async function child(
  args: string[],
  env: Record<string, string> = {},
): Promise<{ p: ChildProcess; line: string }> {
  const p = spawn(process.execPath, args, {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const line = await new Promise<string>((resolve, reject) => {
    createInterface({ input: p.stdout! }).once('line', resolve);
    p.once('exit', (code) => reject(new Error(`benchmark child ${args.join(' ')} exited with ${code}`)));
  });
  return { p, line };
}

async function measure(url: string, headers: Record<string, string>, connections: number) {
  const opts = { url, headers, connections };
  await autocannon({ ...opts, duration: 2 });
  const r = await autocannon({ ...opts, duration: DURATION });
  if (r.non2xx > 0 || r.errors > 0)
    throw new Error(`${url}: ${r.non2xx} non-2xx answers, ${r.errors} errors`);
  return { rps: r.requests.average, p50: r.latency.p50, p99: r.latency.p99 };
}

/**
 * Latency at a steady rate: the direct call and the gateway in turn, ROUNDS times each, so that drift in the
 * machine's load falls on both alike; the pooled samples give p50 and p99.
 */
const ROUNDS = 4;
async function steady(direct: string, through: string, auth: Record<string, string>) {
  const o = { rate: RATE, connections: STEADY_CONNECTIONS, seconds: Math.max(2, DURATION / 2) };
  await pacedLoad(direct, {}, { ...o, seconds: 1 });
  await pacedLoad(through, auth, { ...o, seconds: 1 });
  const d: number[] = [];
  const g: number[] = [];
  for (let i = 0; i < ROUNDS; i++) {
    for (const [url, headers, into] of [
      [direct, {}, d],
      [through, auth, g],
    ] as const) {
      const r = await pacedLoad(url, headers, o);
      if (r.errors) throw new Error(`${url}: ${r.errors} failed calls`);
      into.push(...r.samples);
    }
  }
  const of = (xs: number[]) => ({ rps: RATE, p50: percentile(xs, 0.5), p99: percentile(xs, 0.99) });
  return { d: of(d), g: of(g) };
}

const fmt = (m: { rps: number; p50: number; p99: number }) =>
  `${m.rps.toFixed(0).padStart(6)} req/s  p50 ${m.p50.toFixed(1).padStart(5)} ms  p99 ${m.p99.toFixed(1).padStart(5)} ms`;

export async function runGatewayBenchmarks(databaseUrl: string | undefined) {
  const upstreams = await Promise.all(WORK_MS.map((ms) => child(['bench/gateway-upstream.mjs', String(ms)])));
  const urls = upstreams.map((u) => u.line.trim());
  const server = await child(['apps/cli/bin/tsx-run.mjs', 'bench/gateway-server.ts', ...urls], {
    DATABASE_URL: databaseUrl ?? '',
  });
  const { orders, db } = JSON.parse(server.line) as {
    orders: { gateway: string; key: string }[];
    db: string;
  };
  const auth = (key: string) => ({ 'x-api-key': key, 'x-purpose': encodeURIComponent('风控') });
  try {
    for (const [i, ms] of WORK_MS.entries()) {
      const direct = `${urls[i]}/credit/91370100MA3C000000`;
      const through = `${orders[i]!.gateway}/credit/91370100MA3C000000`;
      const { d, g } = await steady(direct, through, auth(orders[i]!.key));
      const ratio = g.p99 / Math.max(d.p99, 0.001);
      console.log(
        `gateway on ${db.padEnd(8)} upstream ${String(ms).padStart(2)} ms, ${RATE} req/s steady  ${fmt(g)}` +
          `  |  direct ${fmt(d)}  |  p99 ${ratio.toFixed(2)}× (goal ≤ 1.3×: ${ratio <= 1.3 ? 'met' : 'NOT met'})`,
      );
      const df = await measure(direct, {}, FLAT_OUT_CONNECTIONS);
      const gf = await measure(through, auth(orders[i]!.key), FLAT_OUT_CONNECTIONS);
      console.log(
        `gateway on ${db.padEnd(8)} upstream ${String(ms).padStart(2)} ms, flat out          ${fmt(gf)}` +
          `  |  direct ${fmt(df)}  |  throughput ${((gf.rps / df.rps) * 100).toFixed(0)} % of direct`,
      );
    }
  } finally {
    server.p.kill('SIGTERM');
    for (const u of upstreams) u.p.kill('SIGTERM');
  }
}
