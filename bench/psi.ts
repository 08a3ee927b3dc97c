// `npm run bench -- --only=psi [--psi-sizes=100000,1000000]`: private set intersection of two sets of n ID-card
// numbers that share half their members, every phase as the agents run it (normalize, blind, answer, compare),
// in one process without the network. Beside it, in the same run, the intersection nobody should run: both
// sides' SM3 digests compared in the clear (what a naive "hashed ID" exchange does, and what PSI costs beyond
// it); and the same protocol's scalar multiplication on SM2's curve (OpenSSL's generic one), timed on a sample,
// which is why PSI runs over X25519.
import { createECDH } from 'node:crypto';
import { idCardCheckChar } from '@shuliu/contracts';
import { PsiKey, psiFinish, psiRequest, psiRespond, psiSet } from '../packages/core/src/compute/index.js';
import { sm3 } from '../packages/core/src/crypto/index.js';

const SIZES = (process.argv.find((a) => a.startsWith('--psi-sizes='))?.slice(12) ?? '100000')
  .split(',')
  .map(Number);

/** n distinct valid ID cards starting at `from`, a few written with a lower-case x. */
function people(from: number, n: number): string[] {
  const out: string[] = [];
  for (let i = from; i < from + n; i++) {
    const body = `3701${String(10 + (i % 80)).padStart(2, '0')}19${String(50 + ((i >> 3) % 50))}${String(1 + (i % 12)).padStart(2, '0')}${String(1 + (i % 28)).padStart(2, '0')}`;
    const seq = String(Math.floor(i / 960) % 1000).padStart(3, '0');
    const first17 = body + seq;
    out.push(first17 + idCardCheckChar(first17).toLowerCase());
  }
  return out;
}

const secs = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

export async function runPsiBenchmarks() {
  for (const n of SIZES) {
    const left = people(0, n);
    const right = people(Math.floor(n / 2), n);
    const t0 = performance.now();
    const l = psiSet(left, 'id_card');
    const r = psiSet(right, 'id_card');
    const a = new PsiKey(Buffer.alloc(32, 7), 'cjb_bench');
    const b = new PsiKey(Buffer.alloc(32, 9), 'cjb_bench');
    const t1 = performance.now();
    const { ordered, request } = await psiRequest(l.values, a);
    const t2 = performance.now();
    const response = await psiRespond(request, r.values, b, true);
    const t3 = performance.now();
    const out = await psiFinish(response, ordered, a, true);
    const t4 = performance.now();

    const c0 = performance.now();
    const mine = new Set(l.values.map((v) => sm3(Buffer.from(v)).toString('latin1')));
    let plain = 0;
    for (const v of r.values) if (mine.has(sm3(Buffer.from(v)).toString('latin1'))) plain++;
    const c1 = performance.now();
    if (plain !== out.intersection)
      throw new Error(`PSI found ${out.intersection}, the plain count ${plain}`);

    const total = t4 - t0;
    console.log(
      `psi ${n.toLocaleString('en')}×${n.toLocaleString('en')} (X25519, size only)  ${secs(total)}: normalize ${secs(t1 - t0)}, ` +
        `L blinds ${secs(t2 - t1)}, R answers ${secs(t3 - t2)}, L compares ${secs(t4 - t3)}; ` +
        `${out.intersection.toLocaleString('en')} in common; relayed ${(request.length / 2 ** 20).toFixed(1)} + ${(response.length / 2 ** 20).toFixed(1)} MiB` +
        `  |  plain SM3-digest intersection ${secs(c1 - c0)}  |  ${(total / (c1 - c0)).toFixed(0)}× the cost of exchanging digests`,
    );
  }
  // the curve: one scalar multiplication, X25519 (as PSI does it) against SM2's curve in OpenSSL
  const k = new PsiKey(Buffer.alloc(32, 5), 'cjb_curve');
  const sample = people(0, 2000);
  let t = performance.now();
  for (const v of sample) k.blind(v);
  const x25519 = (performance.now() - t) / sample.length;
  const sm2 = createECDH('SM2');
  sm2.generateKeys();
  const points = sample.slice(0, 500).map(() => {
    const e = createECDH('SM2');
    e.generateKeys();
    return e.getPublicKey(null, 'compressed');
  });
  t = performance.now();
  for (const p of points) sm2.computeSecret(p);
  const sm2us = (performance.now() - t) / points.length;
  console.log(
    `psi scalar multiplication  X25519 ${(x25519 * 1000).toFixed(0)} µs (with SM3 hashing)  |  SM2 curve ${(sm2us * 1000).toFixed(0)} µs  |  ${(sm2us / x25519).toFixed(1)}× slower on SM2`,
  );
}
