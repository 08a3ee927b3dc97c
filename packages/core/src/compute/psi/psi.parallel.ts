import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';

/**
 * The PSI's scalar multiplications spread over worker threads: each takes a slice of the list and the
 * scalar, and returns its slice's points in order. Plain JavaScript on node:crypto alone, so a worker needs
 * no loader whatever runs the agent. Small lists stay on the calling thread, where starting workers would
 * cost more than it saves.
 */

const POINT = 32;
/** Below this many multiplications the work stays on the calling thread. */
export const PARALLEL_FROM = 4000;

const WORKER = `
const { parentPort, workerData } = require('node:worker_threads');
const { createHash, createPrivateKey, createPublicKey, diffieHellman } = require('node:crypto');
const PKCS8 = Buffer.from('302e020100300506032b656e04220420', 'hex');
const DOMAIN = Buffer.from('shuliu/psi/v1\\0');
const key = createPrivateKey({ key: Buffer.concat([PKCS8, Buffer.from(workerData.scalar)]), format: 'der', type: 'pkcs8' });
const raise = (p) => diffieHellman({
  privateKey: key,
  publicKey: createPublicKey({ key: { kty: 'OKP', crv: 'X25519', x: Buffer.from(p).toString('base64url') }, format: 'jwk' }),
});
const toPoint = (v) => {
  const h = createHash('sm3').update(DOMAIN).update(Buffer.from(v, 'utf8')).digest();
  h[31] &= 0x7f;
  return h;
};
const out = Buffer.from(new ArrayBuffer(workerData.count * 32));
if (workerData.values) workerData.values.forEach((v, i) => raise(toPoint(v)).copy(out, i * 32));
else {
  const points = Buffer.from(workerData.points);
  for (let i = 0; i < workerData.count; i++) raise(points.subarray(i * 32, i * 32 + 32)).copy(out, i * 32);
}
parentPort.postMessage(out.buffer, [out.buffer]);
`;

/** How many threads a PSI step uses by default: the machine's cores, at most eight. */
export const defaultThreads = () => Math.max(1, Math.min(8, availableParallelism()));

type Work = { values: string[] } | { points: Buffer };

/**
 * `k·H(v)` for each value, or `k·P` for each point of a concatenated list, in order, as one buffer of 32-byte
 * points; `local` does a slice on the calling thread.
 */
export async function raiseAll(
  scalar: Buffer,
  work: Work,
  threads: number,
  local: (work: Work) => Buffer,
): Promise<Buffer> {
  const count = 'values' in work ? work.values.length : work.points.length / POINT;
  if (threads <= 1 || count < PARALLEL_FROM) return local(work);
  const per = Math.ceil(count / threads);
  const slices: Promise<Buffer>[] = [];
  for (let from = 0; from < count; from += per) {
    const to = Math.min(count, from + per);
    const data =
      'values' in work
        ? { values: work.values.slice(from, to) }
        : { points: work.points.subarray(from * POINT, to * POINT) };
    slices.push(inWorker({ scalar, count: to - from, ...data }));
  }
  return Buffer.concat(await Promise.all(slices));
}

function inWorker(workerData: {
  scalar: Buffer;
  count: number;
  values?: string[];
  points?: Buffer;
}): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const w = new Worker(WORKER, { eval: true, workerData });
    w.once('message', (b: ArrayBuffer) => {
      resolve(Buffer.from(b));
      void w.terminate();
    });
    w.once('error', reject);
    w.once('exit', (code) => {
      if (code !== 0) reject(new Error(`a PSI worker exited with ${code}`));
    });
  });
}
