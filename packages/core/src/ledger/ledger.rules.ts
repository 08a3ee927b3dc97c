import { hash } from 'node:crypto';
import { emptyRoot, nodeHash, splitPoint, type MerkleHasher } from '@shuliu/contracts';
import { sm3 } from '../crypto/index.js';

/**
 * Tree arithmetic for a log stored as perfect subtrees. A node (level L, index i) is the hash of the
 * complete subtree over leaves [i·2^L, (i+1)·2^L); it is written once, when its last leaf arrives, and
 * never changes. Sizes are JS numbers, exact below 2^53; no 32-bit bitwise operators are used on them.
 */

export interface NodeRef {
  level: number;
  index: number;
}
export interface Node extends NodeRef {
  hash: Uint8Array;
}
/** A leaf range [start, end) whose RFC 9162 subtree hash a proof needs. */
export interface Range {
  start: number;
  end: number;
}

export const nodeKey = (n: NodeRef) => `${n.level}:${n.index}`;

/**
 * Levels kept in storage: the leaves (level 0, in the entry rows) and every STRIDE-th level above them
 * (in ledger_nodes). A subtree between two stored levels is folded from its 2^(L mod STRIDE) descendants at
 * the stored level below, so a proof reads at most 2^(STRIDE−1)·(number of pieces) rows.
 */
export const STRIDE = 2;
export const isStoredLevel = (level: number) => level % STRIDE === 0;

/** The stored nodes a subtree's hash is computed from: itself when its level is stored. */
export function storedRefsOf(p: NodeRef): NodeRef[] {
  const m = p.level % STRIDE;
  const count = 2 ** m;
  return Array.from({ length: count }, (_, k) => ({ level: p.level - m, index: p.index * count + k }));
}

/** A perfect subtree's hash from its stored descendants, pairing them level by level. */
export function subtreeHash(h: MerkleHasher, hashes: Uint8Array[]): Uint8Array {
  let level = hashes;
  while (level.length > 1) {
    const up: Uint8Array[] = [];
    for (let i = 0; i < level.length; i += 2) up.push(nodeHash(h, level[i]!, level[i + 1]!));
    level = up;
  }
  return level[0]!;
}

/** The Merkle hash functions, through OpenSSL. RFC 9162 hashing with SM3 (default) or SHA-256. */
export function hasherFor(alg: 'sm3' | 'sha256'): MerkleHasher {
  if (alg === 'sm3') return { name: 'sm3', size: 32, hash: (...parts) => sm3(...parts) };
  return {
    name: 'sha256',
    size: 32,
    hash: (...parts) => hash('sha256', parts.length === 1 ? parts[0]! : Buffer.concat(parts), 'buffer'),
  };
}

/**
 * The aligned perfect subtrees covering [start, end), left to right. For the ranges RFC 9162 proofs name
 * (start aligned to the enclosing split), their sizes strictly decrease, so the range's hash is their
 * right fold.
 */
export function piecesOf({ start, end }: Range): NodeRef[] {
  const out: NodeRef[] = [];
  while (start < end) {
    let size = 1;
    while (start % (size * 2) === 0 && start + size * 2 <= end) size *= 2;
    out.push({ level: Math.log2(size), index: start / size });
    start += size;
  }
  return out;
}

/** The perfect subtrees of a tree of `size` leaves: its "frontier", one per set bit, largest first. */
export const frontierOf = (size: number): NodeRef[] => piecesOf({ start: 0, end: size });

/** RFC 9162 §2.1.1 over stored pieces: MTH of a range is the right fold of its perfect subtrees. */
export function foldPieces(h: MerkleHasher, hashes: Uint8Array[]): Uint8Array {
  if (hashes.length === 0) return emptyRoot(h);
  let r = hashes[hashes.length - 1]!;
  for (let i = hashes.length - 2; i >= 0; i--) r = nodeHash(h, hashes[i]!, r);
  return r;
}

/**
 * Appends leaf hashes to a tree given by its frontier. Returns every node that completes (the leaves
 * themselves at level 0, then each parent as its right child arrives) and the new frontier.
 */
export function appendLeaves(
  h: MerkleHasher,
  frontier: Node[],
  firstIndex: number,
  leaves: Uint8Array[],
): { created: Node[]; frontier: Node[] } {
  const stack = [...frontier];
  const created: Node[] = [];
  for (let i = 0; i < leaves.length; i++) {
    let node: Node = { level: 0, index: firstIndex + i, hash: leaves[i]! };
    created.push(node);
    while (stack.length && stack[stack.length - 1]!.level === node.level) {
      const left = stack.pop()!;
      node = { level: node.level + 1, index: left.index / 2, hash: nodeHash(h, left.hash, node.hash) };
      created.push(node);
    }
    stack.push(node);
  }
  return { created, frontier: stack };
}

/** RFC 9162 §2.1.3.1 PATH(m, D[start:end]): the ranges whose hashes form the audit path, leaf level first. */
export function inclusionRanges(m: number, start: number, end: number): Range[] {
  const out: Range[] = [];
  // walk down from the root, collecting siblings; the path lists them bottom-up, so reverse at the end
  while (end - start > 1) {
    const k = splitPoint(end - start);
    if (m - start < k) {
      out.push({ start: start + k, end });
      end = start + k;
    } else {
      out.push({ start, end: start + k });
      start += k;
    }
  }
  return out.reverse();
}

/** RFC 9162 §2.1.4.1 PROOF(m, D[n]) = SUBPROOF(m, D[n], true), as ranges in proof order. */
export function consistencyRanges(m: number, n: number): Range[] {
  const out: Range[] = [];
  let start = 0;
  let end = n;
  let complete = true;
  while (m !== end) {
    const k = splitPoint(end - start);
    if (m <= start + k) {
      out.push({ start: start + k, end });
      end = start + k;
    } else {
      out.push({ start, end: start + k });
      start += k;
      complete = false;
    }
  }
  if (!complete) out.push({ start, end });
  return out.reverse();
}
