import { sm3Digest } from './sm3.js';

/**
 * RFC 9162 (Certificate Transparency 2.0) Merkle tree hashing and proof verification, with the hash
 * function given: SM3 for the Shuliu ledger, SHA-256 for the RFC's own test vectors. Pure and synchronous,
 * so the server, the offline verifier and the browser run the same code. Sizes are JS numbers (exact up to
 * 2^53) and never go through 32-bit bitwise operators.
 */
export interface MerkleHasher {
  name: string;
  /** Digest length in bytes. */
  size: number;
  hash(...parts: Uint8Array[]): Uint8Array;
}

export const sm3Hasher: MerkleHasher = { name: 'sm3', size: 32, hash: (...parts) => sm3Digest(...parts) };

const LEAF = new Uint8Array([0]);
const NODE = new Uint8Array([1]);

/** RFC 9162 §2.1.1: MTH({d}) = HASH(0x00 ‖ d). */
export const leafHash = (h: MerkleHasher, data: Uint8Array) => h.hash(LEAF, data);
/** RFC 9162 §2.1.1: MTH(D[n]) = HASH(0x01 ‖ MTH(D[0:k]) ‖ MTH(D[k:n])). */
export const nodeHash = (h: MerkleHasher, left: Uint8Array, right: Uint8Array) => h.hash(NODE, left, right);
/** RFC 9162 §2.1.1: the hash of an empty tree is the hash of the empty string. */
export const emptyRoot = (h: MerkleHasher) => h.hash();

/** The largest power of two strictly smaller than n (n ≥ 2). */
export function splitPoint(n: number): number {
  let k = 1;
  while (k * 2 < n) k *= 2;
  return k;
}

/** Reference MTH over leaf hashes, by the RFC's recursive definition (tests and small trees only). */
export function rootOfLeafHashes(h: MerkleHasher, leaves: Uint8Array[]): Uint8Array {
  if (leaves.length === 0) return emptyRoot(h);
  if (leaves.length === 1) return leaves[0]!;
  const k = splitPoint(leaves.length);
  return nodeHash(h, rootOfLeafHashes(h, leaves.slice(0, k)), rootOfLeafHashes(h, leaves.slice(k)));
}

export class MerkleProofError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'MerkleProofError';
  }
}

export function bytesEqual(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i++) diff |= a[i]! ^ b[i]!;
  return diff === 0;
}

const odd = (n: number) => n % 2 === 1;
const half = (n: number) => Math.floor(n / 2);
const isSize = (n: number) => Number.isSafeInteger(n) && n >= 0;

/** RFC 9162 §2.1.3.2, steps 2–4: the root that `proof` leads to from leaf `index` in a tree of `size`. */
export function rootFromInclusionProof(
  h: MerkleHasher,
  index: number,
  size: number,
  leaf: Uint8Array,
  proof: Uint8Array[],
): Uint8Array {
  if (!isSize(index) || !isSize(size)) throw new MerkleProofError('index and size must be whole numbers');
  if (index >= size) throw new MerkleProofError(`index ${index} is not below tree size ${size}`);
  if (leaf.length !== h.size) throw new MerkleProofError(`a leaf hash is ${h.size} bytes`);
  if (proof.some((p) => p.length !== h.size)) throw new MerkleProofError(`proof hashes are ${h.size} bytes`);
  let fn = index;
  let sn = size - 1;
  let r = leaf;
  for (const p of proof) {
    if (sn === 0) throw new MerkleProofError('the proof is longer than the tree is deep');
    if (odd(fn) || fn === sn) {
      r = nodeHash(h, p, r);
      if (!odd(fn)) {
        while (!odd(fn) && fn !== 0) {
          fn = half(fn);
          sn = half(sn);
        }
      }
    } else r = nodeHash(h, r, p);
    fn = half(fn);
    sn = half(sn);
  }
  if (sn !== 0) throw new MerkleProofError('the proof is shorter than the tree is deep');
  return r;
}

/** RFC 9162 §2.1.3.2: throws MerkleProofError unless `proof` proves `leaf` at `index` under `root`. */
export function verifyInclusion(
  h: MerkleHasher,
  index: number,
  size: number,
  leaf: Uint8Array,
  proof: Uint8Array[],
  root: Uint8Array,
): void {
  const got = rootFromInclusionProof(h, index, size, leaf, proof);
  if (!bytesEqual(got, root)) throw new MerkleProofError('the proof leads to another root');
}

/**
 * RFC 9162 §2.1.4.2: throws MerkleProofError unless `proof` shows that the tree of `size2` with `root2`
 * extends the tree of `size1` with `root1`. A proof from the empty tree is refused (it proves nothing), also
 * when both sizes are zero.
 */
export function verifyConsistency(
  h: MerkleHasher,
  size1: number,
  size2: number,
  proof: Uint8Array[],
  root1: Uint8Array,
  root2: Uint8Array,
): void {
  if (!isSize(size1) || !isSize(size2)) throw new MerkleProofError('sizes must be whole numbers');
  if (size2 < size1) throw new MerkleProofError(`size2 ${size2} is below size1 ${size1}`);
  if (size1 === 0) throw new MerkleProofError('a consistency proof from the empty tree proves nothing');
  if (size1 === size2) {
    if (proof.length) throw new MerkleProofError('equal sizes need an empty proof');
    if (!bytesEqual(root1, root2)) throw new MerkleProofError('equal sizes but different roots');
    return;
  }
  if (!proof.length) throw new MerkleProofError('the proof is empty');
  if (proof.some((p) => p.length !== h.size)) throw new MerkleProofError(`proof hashes are ${h.size} bytes`);
  const path = isPowerOfTwo(size1) ? [root1, ...proof] : proof;
  let fn = size1 - 1;
  let sn = size2 - 1;
  while (odd(fn)) {
    fn = half(fn);
    sn = half(sn);
  }
  let fr = path[0]!;
  let sr = path[0]!;
  for (const c of path.slice(1)) {
    if (sn === 0) throw new MerkleProofError('the proof is longer than needed');
    if (odd(fn) || fn === sn) {
      fr = nodeHash(h, c, fr);
      sr = nodeHash(h, c, sr);
      if (!odd(fn)) {
        while (!odd(fn) && fn !== 0) {
          fn = half(fn);
          sn = half(sn);
        }
      }
    } else sr = nodeHash(h, sr, c);
    fn = half(fn);
    sn = half(sn);
  }
  if (sn !== 0) throw new MerkleProofError('the proof is shorter than needed');
  if (!bytesEqual(fr, root1)) throw new MerkleProofError('the proof does not lead to the first root');
  if (!bytesEqual(sr, root2)) throw new MerkleProofError('the proof does not lead to the second root');
}

function isPowerOfTwo(n: number): boolean {
  while (n > 1 && !odd(n)) n = half(n);
  return n === 1;
}

/** The C2SP checkpoint body the platform signs: origin, tree size, base64 root, each on its own line. */
export const checkpointBody = (origin: string, treeSize: number, rootBase64: string) =>
  `${origin}\n${treeSize}\n${rootBase64}\n`;

export function parseCheckpointBody(body: string): { origin: string; treeSize: number; rootBase64: string } {
  const m = /^([^\n]+)\n(0|[1-9]\d*)\n([A-Za-z0-9+/]+={0,2})\n$/.exec(body);
  if (!m) throw new MerkleProofError('not a checkpoint body: origin, size and base64 root on three lines');
  return { origin: m[1]!, treeSize: Number(m[2]), rootBase64: m[3]! };
}

export const toHex = (b: Uint8Array) => Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('');

export function fromHex(hex: string): Uint8Array {
  if (!/^([0-9a-fA-F]{2})*$/.test(hex)) throw new MerkleProofError('not a hex string');
  const out = new Uint8Array(hex.length / 2);
  for (let i = 0; i < out.length; i++) out[i] = parseInt(hex.slice(i * 2, i * 2 + 2), 16);
  return out;
}

export const toBase64 = (b: Uint8Array) => btoa(String.fromCharCode(...b));
export const fromBase64 = (s: string) => Uint8Array.from(atob(s), (c) => c.charCodeAt(0));
