import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  emptyRoot,
  fromBase64,
  leafHash,
  rootOfLeafHashes,
  sm3Hasher,
  toHex,
  verifyConsistency,
  verifyInclusion,
  type MerkleHasher,
} from './merkle.js';

/** transparency-dev/merkle's vectors, kept in the repository's testdata/ (see its README). */
const MERKLE = join(import.meta.dirname, '../../../../testdata/merkle');

const sha256: MerkleHasher = {
  name: 'sha256',
  size: 32,
  hash: (...parts) => {
    const h = createHash('sha256');
    for (const p of parts) h.update(p);
    return h.digest();
  },
};

function cases(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? cases(p) : f.endsWith('.json') ? [p] : [];
  });
}

const b64 = (s: string) => fromBase64(s);

interface InclusionCase {
  leafIdx: number;
  treeSize: number;
  root: string;
  leafHash: string;
  proof: string[] | null;
  wantErr: boolean;
}
interface ConsistencyCase {
  size1: number;
  size2: number;
  root1: string;
  root2: string;
  proof: string[] | null;
  wantErr: boolean;
}

const outcome = (fn: () => void) => {
  try {
    fn();
    return false;
  } catch {
    return true;
  }
};

describe('RFC 9162 verification against transparency-dev/merkle vectors (SHA-256)', () => {
  const inclusion = cases(join(MERKLE, 'inclusion'));
  const consistency = cases(join(MERKLE, 'consistency'));

  it('finds the vectors', () => {
    expect(inclusion.length).toBeGreaterThan(80);
    expect(consistency.length).toBeGreaterThan(90);
  });

  it('accepts every happy path and rejects every mutated inclusion proof', () => {
    const wrong: string[] = [];
    for (const file of inclusion) {
      const c = JSON.parse(readFileSync(file, 'utf8')) as InclusionCase;
      const failed = outcome(() =>
        verifyInclusion(
          sha256,
          c.leafIdx,
          c.treeSize,
          b64(c.leafHash),
          (c.proof ?? []).map(b64),
          b64(c.root),
        ),
      );
      if (failed !== c.wantErr) wrong.push(relative(MERKLE, file));
    }
    expect(wrong).toEqual([]);
  });

  it('accepts every happy path and rejects every mutated consistency proof', () => {
    const wrong: string[] = [];
    for (const file of consistency) {
      const c = JSON.parse(readFileSync(file, 'utf8')) as ConsistencyCase;
      const failed = outcome(() =>
        verifyConsistency(sha256, c.size1, c.size2, (c.proof ?? []).map(b64), b64(c.root1), b64(c.root2)),
      );
      if (failed !== c.wantErr) wrong.push(relative(MERKLE, file));
    }
    expect(wrong).toEqual([]);
  });

  it('reproduces the root of every tree size 0…8 in testonly-constants', () => {
    const go = readFileSync(join(MERKLE, 'testonly-constants.go.txt'), 'utf8');
    const section = (name: string) =>
      go.slice(go.indexOf(`func ${name}()`), go.indexOf('\n}\n', go.indexOf(`func ${name}()`)));
    const hd = (s: string) => [...s.matchAll(/hd\("([0-9a-f]*)"\)/g)].map((m) => m[1]!);
    const inputs = hd(section('LeafInputs')).map((h) => Buffer.from(h, 'hex'));
    const roots = hd(section('RootHashes'));
    const empty = /EmptyRootHash\(\) \[\]byte \{\s*return hd\("([0-9a-f]+)"\)/.exec(go)![1]!;
    expect(inputs).toHaveLength(8);
    expect(roots).toHaveLength(8);
    const leaves = inputs.map((d) => leafHash(sha256, d));
    expect(toHex(rootOfLeafHashes(sha256, []))).toBe(empty);
    expect(toHex(emptyRoot(sha256))).toBe(empty);
    for (let n = 1; n <= 8; n++)
      expect(toHex(rootOfLeafHashes(sha256, leaves.slice(0, n))), `size ${n}`).toBe(roots[n - 1]);
  });
});

describe('the SM3 hasher', () => {
  it('hashes leaves and nodes with the RFC 9162 domain prefixes', () => {
    expect(toHex(sm3Hasher.hash(new TextEncoder().encode('abc')))).toBe(
      '66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0',
    );
    expect(toHex(leafHash(sm3Hasher, new Uint8Array()))).toBe(toHex(sm3Hasher.hash(new Uint8Array([0]))));
  });
});
