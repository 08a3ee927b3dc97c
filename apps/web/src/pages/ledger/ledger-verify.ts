import {
  MerkleProofError,
  fromBase64,
  fromHex,
  leafHash,
  parseCheckpointBody,
  rootFromInclusionProof,
  sm2Verify,
  sm3Hasher,
  toBase64,
  toHex,
  verifyConsistency,
  type ConsistencyProof,
  type InclusionProof,
  type LedgerCheckpoint,
  type LedgerEntryReply,
} from '@shuliu/contracts';

/**
 * What the explorer checks in the browser, with no trust in the server: checkpoint signatures (SM2), leaf
 * hashes (SM3) and RFC 9162 proofs. Each check is a step the page shows; a failed one carries a reason key of
 * the catalogue's `ledger.reason` section and, where the verifier said more, its words.
 */
export type Reason =
  | 'bodyMalformed'
  | 'bodyMismatch'
  | 'badSignature'
  | 'unsupportedAlg'
  | 'leafMismatch'
  | 'proofMismatch'
  | 'pathInvalid'
  | 'rootMismatch'
  | 'originMismatch'
  | 'forked'
  | 'consistencyInvalid';

export type Step =
  | { status: 'ok'; values?: Record<string, string> }
  | { status: 'fail'; reason: Reason; detail?: string; values?: Record<string, string> }
  | { status: 'skip' };

export const allOk = (steps: Step[]) => steps.every((s) => s.status !== 'fail');

const fail = (reason: Reason, detail?: string, values?: Record<string, string>): Step => ({
  status: 'fail',
  reason,
  detail,
  values,
});

/** The signed body names the same origin, size and root as the fields, and the SM2 signature holds. */
export function checkCheckpoint(cp: LedgerCheckpoint): Step {
  let body: ReturnType<typeof parseCheckpointBody>;
  try {
    body = parseCheckpointBody(cp.body);
  } catch (e) {
    return fail('bodyMalformed', (e as Error).message);
  }
  if (body.origin !== cp.origin || body.treeSize !== cp.treeSize || body.rootBase64 !== cp.rootHash)
    return fail('bodyMismatch');
  return sm2Verify(cp.publicKey, cp.body, cp.signature) ? { status: 'ok' } : fail('badSignature');
}

/** The browser carries SM3 only; a log on SHA-256 is checked offline with the CLI. */
const checkAlg = (cp: LedgerCheckpoint): Step =>
  cp.hashAlg === 'sm3' ? { status: 'ok' } : fail('unsupportedAlg', cp.hashAlg);

const utf8 = (s: string) => new TextEncoder().encode(s);

/** The checkpoint root as hex, for showing beside the base64 that the checkpoint signs. */
export function rootHex(cp: LedgerCheckpoint): string {
  try {
    return toHex(fromBase64(cp.rootHash));
  } catch {
    return '—';
  }
}

export interface InclusionSteps {
  signature: Step;
  alg: Step;
  leaf: Step;
  path: Step;
  root: Step;
}

/**
 * RFC 9162 §2.1.3.2 for one entry: the leaf is recomputed from the entry text (SM3(0x00 ‖ entry)), never
 * taken from the server, and the audit path must lead from it to the signed root.
 */
export function checkInclusion(
  cp: LedgerCheckpoint,
  entry: LedgerEntryReply,
  proof: InclusionProof,
): InclusionSteps {
  const alg = checkAlg(cp);
  const leaf = leafHash(sm3Hasher, utf8(entry.entry));
  const leafValues = { computed: toHex(leaf), server: entry.leafHash };
  const path: Step =
    proof.leafIndex === entry.index && proof.treeSize === cp.treeSize
      ? { status: 'ok', values: { count: String(proof.auditPath.length) } }
      : fail('proofMismatch', `${proof.leafIndex} / ${proof.treeSize}`);
  return {
    signature: checkCheckpoint(cp),
    alg,
    leaf:
      toHex(leaf) === entry.leafHash
        ? { status: 'ok', values: leafValues }
        : fail('leafMismatch', '', leafValues),
    path,
    root:
      alg.status === 'ok' && path.status === 'ok'
        ? rootStep(cp, entry.index, leaf, proof)
        : { status: 'skip' },
  };
}

function rootStep(cp: LedgerCheckpoint, index: number, leaf: Uint8Array, proof: InclusionProof): Step {
  let root: Uint8Array;
  try {
    root = rootFromInclusionProof(sm3Hasher, index, cp.treeSize, leaf, proof.auditPath.map(fromHex));
  } catch (e) {
    return fail('pathInvalid', e instanceof MerkleProofError ? e.message : String(e));
  }
  const values = { computed: toBase64(root), signed: cp.rootHash };
  return toBase64(root) === cp.rootHash ? { status: 'ok', values } : fail('rootMismatch', '', values);
}

export interface ConsistencySteps {
  older: Step;
  newer: Step;
  seen: Step;
  proof: Step;
}

/**
 * RFC 9162 §2.1.4.2 between two signed checkpoints; when this browser remembers the root it saw at the older
 * size, the server's checkpoint at that size must still carry it (else the log was forked or rewritten).
 */
export function checkConsistency(
  older: LedgerCheckpoint,
  newer: LedgerCheckpoint,
  proof: ConsistencyProof,
  rememberedRoot: string | undefined,
): ConsistencySteps {
  const steps = { older: checkCheckpoint(older), newer: checkCheckpoint(newer) };
  const seen: Step =
    rememberedRoot === undefined
      ? { status: 'skip' }
      : rememberedRoot === older.rootHash
        ? { status: 'ok', values: { root: rememberedRoot } }
        : fail('forked', '', { root: rememberedRoot });
  return { ...steps, seen, proof: consistencyStep(older, newer, proof) };
}

function consistencyStep(older: LedgerCheckpoint, newer: LedgerCheckpoint, proof: ConsistencyProof): Step {
  const alg = checkAlg(newer);
  if (alg.status !== 'ok') return alg;
  if (older.origin !== newer.origin) return fail('originMismatch');
  if (proof.from !== older.treeSize || proof.to !== newer.treeSize)
    return fail('proofMismatch', `${proof.from} → ${proof.to}`);
  try {
    verifyConsistency(
      sm3Hasher,
      older.treeSize,
      newer.treeSize,
      proof.proof.map(fromHex),
      fromBase64(older.rootHash),
      fromBase64(newer.rootHash),
    );
  } catch (e) {
    return fail('consistencyInvalid', e instanceof MerkleProofError ? e.message : String(e));
  }
  return { status: 'ok', values: { count: String(proof.proof.length) } };
}
