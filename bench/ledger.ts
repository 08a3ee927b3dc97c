// Ledger and commercial-cryptography benchmarks for `npm run bench`, each beside a baseline measured in the
// same run: ledger appends vs plain INSERTs of the same rows (PGlite and PostgreSQL), inclusion proofs at
// 1,000,000 entries (PostgreSQL), offline proof verification, SM2 vs the sm-crypto package, SM3 vs SHA-256.
import { createHash } from 'node:crypto';
import {
  fromBase64,
  fromHex,
  leafHash,
  sm3Digest,
  sm3Hasher,
  verifyInclusion,
  type MerkleHasher,
} from '@shuliu/contracts';
import { createServices, crypto, ledger as ledgerDomain, loadConfig, type Database } from '@shuliu/core';
import { sql } from 'kysely';
import smCrypto from 'sm-crypto';
import { scratchDatabase } from './scratch-db.js';

const MASTER_KEY = 'be'.repeat(32);
const BATCH = 1000;
const BATCHES = 20;
const BIG = Number(process.argv.find((a) => a.startsWith('--ledger-entries='))?.slice(17) ?? 1_000_000);

const fmt = (n: number, digits = 0) =>
  n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });
const pct = (q: number, xs: number[]) =>
  [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(q * xs.length))]!;
const goal = (met: boolean) => (met ? 'met' : 'NOT met');

const item = (b: number, i: number) => ({
  type: 'certificate.issued' as const,
  objectType: 'certificate',
  objectId: `cert_${b}_${i}`,
  object: { no: `SD-DR-2026-${String(b * BATCH + i).padStart(6, '0')}`, holder: '齐鲁数据科技有限公司' },
});

/** Ledger appends in batches of 1,000 vs one plain multi-row INSERT of the same rows per batch. */
async function benchAppend(url: string | undefined) {
  const d = await scratchDatabase(url);
  try {
    const { ledger } = createServices(d.db, loadConfig({}, { masterKey: MASTER_KEY }));
    await ledger.keys.ensureSigningKey();
    await sql`create table bench_plain (idx bigint primary key, entry text not null, type text not null,
      object_type text not null, object_id text not null, created_at timestamptz not null default now())`.execute(
      d.db,
    );
    let ledgerMs = 0;
    let plainMs = 0;
    for (let b = 0; b < BATCHES + 1; b++) {
      const items = Array.from({ length: BATCH }, (_, i) => item(b, i));
      const rows = items.map((it, i) => {
        const { entry, json } = ledgerDomain.canonicalEntry(it);
        return {
          idx: b * BATCH + i,
          entry: json,
          type: entry.type,
          object_type: entry.objectType,
          object_id: entry.objectId,
        };
      });
      const runLedger = async () => {
        const t = performance.now();
        await ledger.append(items);
        return performance.now() - t;
      };
      const runPlain = async () => {
        const t = performance.now();
        await d.db.transaction().execute((tx) =>
          tx
            .insertInto('bench_plain' as never)
            .values(rows as never)
            .execute(),
        );
        return performance.now() - t;
      };
      // alternate which goes first; the first round only warms up
      const [first, second] = b % 2 ? [runLedger, runPlain] : [runPlain, runLedger];
      const a = await first();
      const c = await second();
      if (b === 0) continue;
      ledgerMs += first === runLedger ? a : c;
      plainMs += first === runPlain ? a : c;
    }
    const n = BATCHES * BATCH;
    const ours = n / (ledgerMs / 1000);
    const base = n / (plainMs / 1000);
    const verify = await ledger.verify();
    if (!verify.ok) throw new Error(`ledger broken after the benchmark: ${verify.problem}`);
    console.log(
      `ledger append (batches of ${fmt(BATCH)}) on ${d.kind.padEnd(8)} ${fmt(ours).padStart(8)} entries/s  |  plain INSERT ${fmt(base).padStart(8)} rows/s  |  ratio ${fmt(ours / base, 2)}×  (goal ≥ 0.5×: ${goal(ours / base >= 0.5)})`,
    );
  } finally {
    await d.drop();
  }
}

/** Builds a tree of `n` entries in bulk: hashes in memory, rows (entries, stored levels) in big INSERT … SELECT unnest batches. */
async function buildBigLedger(d: Database, n: number) {
  const h = ledgerDomain.hasherFor('sm3');
  let level: Uint8Array[] = [];
  const CHUNK = 50_000;
  // two INSERTs in flight on their own connections while the next chunk is hashed
  const inFlight: Promise<unknown>[] = [];
  const send = async (q: { execute(db: Database['db']): Promise<unknown> }) => {
    if (inFlight.length >= 2) await inFlight.shift();
    inFlight.push(q.execute(d.db));
  };
  for (let from = 0; from < n; from += CHUNK) {
    const idx: number[] = [];
    const entries: string[] = [];
    const hashes: string[] = [];
    for (let i = from; i < Math.min(n, from + CHUNK); i++) {
      const json = `{"at":"2026-01-01T00:00:00.000Z","objectId":"cert_${i}","objectSm3":"${'0'.repeat(64)}","objectType":"certificate","type":"certificate.issued","v":1}`;
      const leaf = leafHash(h, Buffer.from(json));
      level.push(leaf);
      idx.push(i);
      entries.push(json);
      hashes.push(Buffer.from(leaf).toString('hex'));
    }
    await send(sql`insert into ledger_entries (idx, entry, leaf_hash, type, object_type, object_id)
      select i, e, decode(x, 'hex'), 'certificate.issued', 'certificate', 'cert_' || i
      from unnest(${idx}::bigint[], ${entries}::text[], ${hashes}::text[]) as t(i, e, x)`);
  }
  // complete subtrees, level by level
  const frontier: Uint8Array[] = [];
  for (let l = 1; level.length > 1; l++) {
    if (level.length % 2) frontier.unshift(level[level.length - 1]!);
    const next: Uint8Array[] = [];
    for (let i = 0; i + 1 < level.length; i += 2)
      next.push(h.hash(Buffer.from([1]), level[i]!, level[i + 1]!));
    level = next;
    if (!ledgerDomain.isStoredLevel(l)) continue;
    for (let from = 0; from < next.length; from += CHUNK) {
      const part = next.slice(from, from + CHUNK);
      await sql`insert into ledger_nodes (level, idx, hash) select ${l}, i, decode(x, 'hex')
        from unnest(${part.map((_, k) => from + k)}::bigint[], ${part.map((x) => Buffer.from(x).toString('hex'))}::text[]) as t(i, x)`.execute(
        d.db,
      );
    }
  }
  await Promise.all(inFlight);
  if (level.length === 1) frontier.unshift(level[0]!);
  let root = frontier[frontier.length - 1]!;
  for (let i = frontier.length - 2; i >= 0; i--) root = h.hash(Buffer.from([1]), frontier[i]!, root);
  await sql`update ledger_head set tree_size = ${n}, root_hash = decode(${Buffer.from(root).toString('hex')}, 'hex'), hash_alg = 'sm3' where id = 1`.execute(
    d.db,
  );
  await sql`analyze`.execute(d.db);
}

async function benchProofs(url: string) {
  const d = await scratchDatabase(url);
  try {
    let t = performance.now();
    await buildBigLedger(d, BIG);
    const buildS = (performance.now() - t) / 1000;
    const { ledger } = createServices(d.db, loadConfig({}, { masterKey: MASTER_KEY }));
    const checkpoint = await ledger.ensureCheckpoint();
    const indexes = Array.from({ length: 2000 }, () => Math.floor(Math.random() * BIG));
    for (const i of indexes.slice(0, 200)) await ledger.inclusionProof(i, BIG); // warm the cache
    const times: number[] = [];
    const proofs: { index: number; path: string[]; leaf: string }[] = [];
    for (const i of indexes) {
      t = performance.now();
      const p = await ledger.inclusionProof(i, BIG);
      times.push(performance.now() - t);
      proofs.push({ index: i, path: p.auditPath, leaf: '' });
    }
    const consistency: number[] = [];
    for (const i of indexes.slice(0, 500)) {
      t = performance.now();
      await ledger.consistencyProof(i + 1, BIG);
      consistency.push(performance.now() - t);
    }
    for (const p of proofs.slice(0, 500)) p.leaf = (await ledger.entry(p.index)).leafHash;
    const sample = proofs.slice(0, 500);
    const root = fromBase64(checkpoint.rootHash);
    const rate = (h: MerkleHasher) => {
      const start = performance.now();
      let n = 0;
      while (performance.now() - start < 1500)
        for (const p of sample) {
          verifyInclusion(h, p.index, BIG, fromHex(p.leaf), p.path.map(fromHex), root);
          n++;
        }
      return n / ((performance.now() - start) / 1000);
    };
    const p50 = pct(0.5, times);
    console.log(
      `inclusion proof at ${fmt(BIG)} entries on postgres  p50 ${fmt(p50, 2)} ms  p99 ${fmt(pct(0.99, times), 2)} ms  (goal p50 < 2 ms: ${goal(p50 < 2)}); ` +
        `consistency p50 ${fmt(pct(0.5, consistency), 2)} ms; tree built in bulk in ${fmt(buildS, 1)} s`,
    );
    console.log(
      `offline verification of those proofs  ${fmt(rate(ledgerDomain.hasherFor('sm3')))} proofs/s (OpenSSL SM3)  |  ${fmt(rate(sm3Hasher))} proofs/s (plain-TS SM3, as in the browser)`,
    );
  } finally {
    await d.drop();
  }
}

function opsPerSecond(f: (i: number) => void, ms = 1500): number {
  const start = performance.now();
  let n = 0;
  while (performance.now() - start < ms) f(n++);
  return n / ((performance.now() - start) / 1000);
}

function benchSm2() {
  const { sm2 } = smCrypto;
  const ID = crypto.DEFAULT_SM2_ID;
  const ours = crypto.Sm2Signer.generate();
  ours.sign('warm-up: builds the fixed-base table', ID);
  const kp = sm2.generateKeyPairHex();
  const messages = Array.from({ length: 64 }, (_, i) => `checkpoint body ${i}\n${'x'.repeat(60)}`);
  const ourSigs = messages.map((m) => ours.sign(m, ID));
  const theirSigs = messages.map((m) =>
    sm2.doSignature(m, kp.privateKey, { hash: true, publicKey: kp.publicKey, userId: ID }),
  );
  const sign = opsPerSecond((i) => ours.sign(messages[i % 64]!, ID));
  const theirSign = opsPerSecond((i) =>
    sm2.doSignature(messages[i % 64]!, kp.privateKey, { hash: true, publicKey: kp.publicKey, userId: ID }),
  );
  const verify = opsPerSecond((i) =>
    crypto.sm2Verify(ours.publicKey, messages[i % 64]!, ourSigs[i % 64]!, ID),
  );
  const theirVerify = opsPerSecond((i) =>
    sm2.doVerifySignature(messages[i % 64]!, theirSigs[i % 64]!, kp.publicKey, { hash: true, userId: ID }),
  );
  console.log(
    `SM2 sign    ${fmt(sign).padStart(7)} ops/s  |  sm-crypto ${fmt(theirSign).padStart(6)} ops/s  |  ratio ${fmt(sign / theirSign, 1)}×  (goal ≥ 2×: ${goal(sign / theirSign >= 2)})`,
  );
  console.log(
    `SM2 verify  ${fmt(verify).padStart(7)} ops/s  |  sm-crypto ${fmt(theirVerify).padStart(6)} ops/s  |  ratio ${fmt(verify / theirVerify, 1)}×  (goal ≥ 2×: ${goal(verify / theirVerify >= 2)})`,
  );
}

function benchSm3() {
  const chunk = Buffer.alloc(1 << 20, 0x5a);
  const mbps = (f: () => void) => opsPerSecond(f, 1500);
  const sm3 = mbps(() => crypto.sm3(chunk));
  const sha = mbps(() => createHash('sha256').update(chunk).digest());
  const pure = mbps(() => sm3Digest(chunk));
  console.log(
    `SM3 (OpenSSL) ${fmt(sm3).padStart(6)} MB/s  |  SHA-256 (Node) ${fmt(sha).padStart(6)} MB/s  |  ratio ${fmt(sm3 / sha, 2)}×;  plain-TS SM3 (browser) ${fmt(pure)} MB/s`,
  );
}

export async function runLedgerBenchmarks(postgresUrl: string | undefined) {
  console.log('');
  benchSm2();
  benchSm3();
  await benchAppend(undefined);
  if (postgresUrl) {
    await benchAppend(postgresUrl);
    await benchProofs(postgresUrl);
  } else console.log('ledger append and proofs on postgres: skipped (no PostgreSQL)');
}
