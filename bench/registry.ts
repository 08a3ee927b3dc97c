// Registry benchmarks for `npm run bench -- --only=registry`, each beside a baseline measured in the same run:
// offline certificate-bundle verification (what `shuliu verify` and the browser do) vs raw SM2 verifications,
// and issuance latency under 20 concurrent issuances on PostgreSQL vs one issuance at a time.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { jcs, verifyCertificateBundle, type VerifyCertificateReply } from '@shuliu/contracts';
import { createServices, crypto, demo, ledger, loadConfig } from '@shuliu/core';
import { approvedRegistrations, loginAs } from '@shuliu/core/testing';
import { scratchDatabase } from './scratch-db.js';

const CONCURRENCY = 20;
const ROUNDS = Number(process.argv.find((a) => a.startsWith('--issuance-rounds='))?.slice(18) ?? 5);
const MASTER_KEY = 'c3'.repeat(32);

const fmt = (n: number, digits = 0) =>
  n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });
const pct = (q: number, xs: number[]) =>
  [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(q * xs.length))]!;

function perSecond(f: () => void, ms = 2000): number {
  for (let i = 0; i < 20; i++) f(); // warm-up: the JIT and the fixed-base tables
  const start = performance.now();
  let n = 0;
  while (performance.now() - start < ms) {
    f();
    n++;
  }
  return n / ((performance.now() - start) / 1000);
}

/** A throw-away schema on PostgreSQL with a pool big enough for every concurrent issuance. */
/** A scratch database with the demo orgs, and the registry's services on it. */
async function registryOn(url: string | undefined, blobDir: string, poolSize = 4) {
  const d = await scratchDatabase(url, poolSize);
  const config = loadConfig({}, { masterKey: MASTER_KEY, blobDir, logLevel: 'silent' });
  await demo.seedDemo(d.db, config, { catalog: false });
  return { d, s: createServices(d.db, config) };
}

/**
 * Offline verification of a real bundle (signature, certHash, ledger entry, inclusion proof, checkpoint) per
 * second, with OpenSSL's SM3 and with the plain-TypeScript SM3 the browser runs, beside raw SM2 signature
 * verifications of the same credential: a bundle holds two SM2 signatures, so about half is the ceiling.
 */
async function benchVerify(blobDir: string) {
  const { d, s } = await registryOn(undefined, blobDir);
  try {
    const [id] = await approvedRegistrations(s, 1, 'verify');
    const issued = await s.registry.issuance.issue(await loginAs(s, 'operator'), id!);
    const bundle: VerifyCertificateReply = await s.registry.verify.verify(issued.resultCertificateNo!);
    const trustedKeys = [bundle.issuerPublicKey];
    const openssl = {
      trustedKeys,
      sm3: (...p: Uint8Array[]) => crypto.sm3(...p),
      hasherFor: ledger.hasherFor,
    };
    if (!verifyCertificateBundle(bundle, openssl).valid)
      throw new Error('the benchmark bundle does not verify');
    const canonical = jcs(bundle.certificate);
    const q = crypto.parsePublicKey(bundle.issuerPublicKey);
    const raw = perSecond(() => crypto.sm2Verify(q, canonical, bundle.signature, crypto.DEFAULT_SM2_ID));
    const ours = perSecond(() => verifyCertificateBundle(bundle, openssl));
    const browser = perSecond(() => verifyCertificateBundle(bundle, { trustedKeys }));
    console.log(
      `certificate bundle verification (offline)  ${fmt(ours).padStart(6)} bundles/s  |  raw SM2 verify ${fmt(raw).padStart(6)} ops/s  |  ratio ${fmt(ours / raw, 2)}× (2 signatures a bundle: ≤ 0.5×);  plain-TS SM3 as in the browser ${fmt(browser)} bundles/s`,
    );
  } finally {
    await d.drop();
  }
}

async function timed(f: () => Promise<unknown>): Promise<number> {
  const t = performance.now();
  await f();
  return performance.now() - t;
}

/** Issuance latency: rounds of 20 concurrent issuances on PostgreSQL, beside issuances one at a time. */
async function benchIssuance(url: string, blobDir: string) {
  const { d, s } = await registryOn(url, blobDir, CONCURRENCY + 2);
  try {
    const operator = await loginAs(s, 'operator');
    const alone = await approvedRegistrations(s, CONCURRENCY, 'alone');
    const together = await approvedRegistrations(s, CONCURRENCY * ROUNDS, 'together');
    await s.registry.issuance.issue(operator, alone.pop()!); // warm-up: the signing key, the caches
    const sequential: number[] = [];
    for (const id of alone) sequential.push(await timed(() => s.registry.issuance.issue(operator, id)));
    const concurrent: number[] = [];
    const start = performance.now();
    for (let r = 0; r < ROUNDS; r++) {
      const batch = together.slice(r * CONCURRENCY, (r + 1) * CONCURRENCY);
      concurrent.push(
        ...(await Promise.all(batch.map((id) => timed(() => s.registry.issuance.issue(operator, id))))),
      );
    }
    const rate = concurrent.length / ((performance.now() - start) / 1000);
    const verified = await s.ledger.verify();
    if (!verified.ok) throw new Error(`ledger broken after the benchmark: ${verified.problem}`);
    console.log(
      `certificate issuance on postgres, ${CONCURRENCY} concurrent (${concurrent.length} issued)  p50 ${fmt(pct(0.5, concurrent), 1)} ms  p99 ${fmt(pct(0.99, concurrent), 1)} ms  (${fmt(rate)} issued/s)  |  one at a time p50 ${fmt(pct(0.5, sequential), 1)} ms  p99 ${fmt(pct(0.99, sequential), 1)} ms`,
    );
  } finally {
    await d.drop();
  }
}

export async function runRegistryBenchmarks(postgresUrl: string | undefined) {
  console.log('');
  const blobDir = mkdtempSync(join(tmpdir(), 'shuliu-bench-registry-'));
  try {
    await benchVerify(blobDir);
    if (postgresUrl) await benchIssuance(postgresUrl, blobDir);
    else console.log('certificate issuance on postgres: skipped (no PostgreSQL)');
  } finally {
    rmSync(blobDir, { recursive: true, force: true });
  }
}
