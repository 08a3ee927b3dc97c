import {
  leafHash,
  nodeHash,
  rootFromInclusionProof,
  rootOfLeafHashes,
  splitPoint,
  verifyConsistency,
  verifyInclusion,
} from '@shuliu/contracts';
import { describe, expect, it } from 'vitest';
import { canonicalJson } from '../shared/hash.js';
import {
  appendLeaves,
  consistencyRanges,
  foldPieces,
  frontierOf,
  hasherFor,
  inclusionRanges,
  nodeKey,
  piecesOf,
  storedRefsOf,
  subtreeHash,
  STRIDE,
  type Node,
  type Range,
} from './ledger.rules.js';

const h = hasherFor('sm3');
const leaves = Array.from({ length: 70 }, (_, i) => leafHash(h, Buffer.from(`entry ${i}`)));

/** RFC 9162 §2.1.3.1 PATH and §2.1.4.1 PROOF, straight from the text, over leaf hashes. */
function refPath(m: number, d: Uint8Array[]): Uint8Array[] {
  if (d.length <= 1) return [];
  const k = splitPoint(d.length);
  return m < k
    ? [...refPath(m, d.slice(0, k)), rootOfLeafHashes(h, d.slice(k))]
    : [...refPath(m - k, d.slice(k)), rootOfLeafHashes(h, d.slice(0, k))];
}
function refSubproof(m: number, d: Uint8Array[], b: boolean): Uint8Array[] {
  if (m === d.length) return b ? [] : [rootOfLeafHashes(h, d)];
  const k = splitPoint(d.length);
  return m <= k
    ? [...refSubproof(m, d.slice(0, k), b), rootOfLeafHashes(h, d.slice(k))]
    : [...refSubproof(m - k, d.slice(k), false), rootOfLeafHashes(h, d.slice(0, k))];
}

/** Every complete subtree of the first n leaves, as the database would hold them after appends in batches. */
function store(n: number, batch: number): Map<string, Uint8Array> {
  const nodes = new Map<string, Uint8Array>();
  let frontier: Node[] = [];
  for (let from = 0; from < n; from += batch) {
    const r = appendLeaves(h, frontier, from, leaves.slice(from, Math.min(n, from + batch)));
    for (const c of r.created) nodes.set(nodeKey(c), c.hash);
    frontier = r.frontier;
    expect(frontier.map(nodeKey)).toEqual(frontierOf(Math.min(n, from + batch)).map(nodeKey));
  }
  return nodes;
}

const hashOf = (nodes: Map<string, Uint8Array>, r: Range) =>
  foldPieces(
    h,
    piecesOf(r).map((p) => nodes.get(nodeKey(p))!),
  );
const hex = (b: Uint8Array) => Buffer.from(b).toString('hex');

describe('ledger tree arithmetic (perfect subtrees)', () => {
  it('stores exactly the complete subtrees, and the frontier folds to the RFC root, for every size', () => {
    for (let n = 1; n <= 70; n++) {
      const nodes = store(n, 1 + (n % 7));
      let complete = 0;
      for (let level = 0; 2 ** level <= n; level++) complete += Math.floor(n / 2 ** level);
      expect(nodes.size, `size ${n}`).toBe(complete);
      const root = hashOf(nodes, { start: 0, end: n });
      expect(hex(root), `size ${n}`).toBe(hex(rootOfLeafHashes(h, leaves.slice(0, n))));
    }
  });

  it('computes every subtree from the stored level below it', () => {
    const nodes = store(70, 9);
    for (const [key, hash] of nodes) {
      const [level, index] = key.split(':').map(Number) as [number, number];
      const parts = storedRefsOf({ level, index });
      expect(parts.every((p) => p.level % STRIDE === 0)).toBe(true);
      expect(
        hex(
          subtreeHash(
            h,
            parts.map((p) => nodes.get(nodeKey(p))!),
          ),
        ),
        key,
      ).toBe(hex(hash));
    }
  });

  it('builds every inclusion proof of trees up to 70 leaves as the RFC defines it, and they verify', () => {
    const nodes = store(70, 13);
    for (let n = 1; n <= 70; n++) {
      const root = rootOfLeafHashes(h, leaves.slice(0, n));
      for (let m = 0; m < n; m++) {
        const proof = inclusionRanges(m, 0, n).map((r) => hashOf(nodes, r));
        expect(proof.map(hex)).toEqual(refPath(m, leaves.slice(0, n)).map(hex));
        verifyInclusion(h, m, n, leaves[m]!, proof, root);
        expect(proof.length).toBeLessThanOrEqual(Math.ceil(Math.log2(n)));
      }
    }
  });

  it('builds every consistency proof between sizes up to 70 as the RFC defines it, and they verify', () => {
    const nodes = store(70, 5);
    for (let n = 1; n <= 70; n++) {
      const root2 = rootOfLeafHashes(h, leaves.slice(0, n));
      for (let m = 1; m <= n; m++) {
        const proof = consistencyRanges(m, n).map((r) => hashOf(nodes, r));
        expect(proof.map(hex), `${m}→${n}`).toEqual(refSubproof(m, leaves.slice(0, n), true).map(hex));
        verifyConsistency(h, m, n, proof, rootOfLeafHashes(h, leaves.slice(0, m)), root2);
      }
    }
  });

  it('needs O(log n) stored nodes for any proof in a tree of 2^40 + 12345 leaves', () => {
    const n = 2 ** 40 + 12345;
    for (const m of [0, 1, 2 ** 39, n - 1, 987654321]) {
      expect(inclusionRanges(m, 0, n).flatMap(piecesOf).length).toBeLessThanOrEqual(2 * 41);
      expect(consistencyRanges(m + 1, n).flatMap(piecesOf).length).toBeLessThanOrEqual(2 * 41);
    }
  });

  it('uses the RFC 9162 hashes: leaf 0x00 prefix, node 0x01 prefix', () => {
    const a = h.hash(Buffer.from([0]), Buffer.from('a'));
    expect(hex(leafHash(h, Buffer.from('a')))).toBe(hex(a));
    expect(hex(nodeHash(h, a, a))).toBe(hex(h.hash(Buffer.from([1]), a, a)));
    expect(hex(rootFromInclusionProof(h, 0, 1, a, []))).toBe(hex(a));
  });
});

describe('RFC 8785 canonical JSON of entries', () => {
  it('sorts keys by UTF-16 code units and writes numbers and strings as ECMAScript does', () => {
    // RFC 8785 §3.2.3 example of key order, and §3.2.2 number and string forms
    expect(
      canonicalJson({
        '\u20ac': 'Euro Sign',
        '\r': 'Carriage Return',
        '\ufb33': 'Hebrew Letter Dalet With Dagesh',
        '1': 'One',
        '\ud83d\ude00': 'Emoji: Grinning Face',
        '\u0080': 'Control',
        '\u00f6': 'Latin Small Letter O With Diaeresis',
      }),
    ).toBe(
      '{"\\r":"Carriage Return","1":"One","\u0080":"Control","\u00f6":"Latin Small Letter O With Diaeresis","\u20ac":"Euro Sign","\ud83d\ude00":"Emoji: Grinning Face","\ufb33":"Hebrew Letter Dalet With Dagesh"}',
    );
    expect(
      canonicalJson({
        numbers: [Number('333333333.33333329'), 1e30, 4.5, 0.002, 1e-27],
        literals: [null, true, false],
      }),
    ).toBe('{"literals":[null,true,false],"numbers":[333333333.3333333,1e+30,4.5,0.002,1e-27]}');
    expect(canonicalJson({ string: '\u20ac$\u000f\u000aA\'\u0042\u0022\u005c\\"/' })).toBe(
      '{"string":"€$\\u000f\\nA\'B\\"\\\\\\\\\\"/"}',
    );
  });
});
