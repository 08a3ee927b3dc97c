import { type LedgerEntry, type LedgerCheckpoint } from '../ledger.js';
import {
  CertificateBundle,
  type CertificateCheckName,
  type VerifyBundleReply,
} from '../registry-certificates.js';
import { canonicalLedgerEntry, fail, runChecks, utf8 } from './check-steps.js';
import { jcs } from './jcs.js';
import {
  fromBase64,
  fromHex,
  leafHash,
  parseCheckpointBody,
  toHex,
  verifyInclusion,
  type MerkleHasher,
} from './merkle.js';
import { sm2Verify, DEFAULT_SM2_ID, type Sm3Function } from './sm2-verify.js';
import { sm3Digest } from './sm3.js';

/** Ledger entries that carry a certificate version: its first issue, and every re-signed version after. */
export const CERTIFICATE_ENTRY_TYPES: readonly string[] = ['certificate.issued', 'certificate.changed'];

export interface CertificateVerifyOptions {
  /** The issuing node's public keys you trust (hex 04‖x‖y); none: the bundle's own keys (self-consistency). */
  trustedKeys?: string[];
  /** SM3 to use (the server passes OpenSSL's; the default is the plain-TypeScript one). */
  sm3?: Sm3Function;
  /** The Merkle hasher of a log's algorithm; SM3 is built in, SHA-256 logs need one given. */
  hasherFor?: (alg: 'sm3' | 'sha256') => MerkleHasher;
}

/** The number a credential names (credentialSubject.certificateNo), or null. */
export function certNoOf(credential: Record<string, unknown>): string | null {
  const subject = credential.credentialSubject as { certificateNo?: unknown } | undefined;
  return typeof subject?.certificateNo === 'string' ? subject.certificateNo : null;
}

interface Ctx {
  b: CertificateBundle;
  canonical: string;
  certHash: string;
  certNo: string;
  opts: CertificateVerifyOptions;
}

const trusted = (opts: CertificateVerifyOptions, key: string) =>
  !opts.trustedKeys || opts.trustedKeys.some((k) => k.toLowerCase() === key.toLowerCase());

function hasher(opts: CertificateVerifyOptions, alg: 'sm3' | 'sha256'): MerkleHasher {
  if (opts.hasherFor) return opts.hasherFor(alg);
  if (alg === 'sha256') return fail('the log hashes with SHA-256; give a SHA-256 hasher');
  const sm3 = opts.sm3 ?? sm3Digest;
  return { name: 'sm3', size: 32, hash: (...parts) => sm3(...parts) };
}

function checkEntry(c: Ctx): string {
  const e = { data: canonicalLedgerEntry(c.b.ledgerEntry) };
  if (!CERTIFICATE_ENTRY_TYPES.includes(e.data.type))
    fail(`the ledger entry is a ${e.data.type}, not a certificate issue or change`);
  if (e.data.objectId !== c.certNo || e.data.attrs?.certNo !== c.certNo)
    fail(`the ledger entry is about ${String(e.data.attrs?.certNo ?? e.data.objectId)}, not ${c.certNo}`);
  return `ledger entry ${c.b.ledgerIndex} is the ${e.data.type} of ${c.certNo}`;
}

function checkCertHash(c: Ctx): string {
  const e = JSON.parse(c.b.ledgerEntry) as LedgerEntry;
  if (e.attrs?.certHash !== c.certHash || e.objectSm3 !== c.certHash)
    fail(
      `the certificate hashes to ${c.certHash}, but the ledger entry records ${String(e.attrs?.certHash)}`,
    );
  return `SM3 of the canonical certificate is ${c.certHash}, as the ledger entry records`;
}

function checkInclusion(c: Ctx): string {
  const { inclusionProof: p, checkpoint: cp, ledgerIndex } = c.b;
  if (p.leafIndex !== ledgerIndex) fail(`the proof is for entry ${p.leafIndex}, not ${ledgerIndex}`);
  if (p.treeSize !== cp.treeSize)
    fail(`the proof is for tree size ${p.treeSize}, the checkpoint for ${cp.treeSize}`);
  const h = hasher(c.opts, cp.hashAlg);
  try {
    const leaf = leafHash(h, utf8(c.b.ledgerEntry));
    verifyInclusion(h, ledgerIndex, cp.treeSize, leaf, p.auditPath.map(fromHex), fromBase64(cp.rootHash));
  } catch (e) {
    fail(`the inclusion proof does not hold: ${(e as Error).message}`);
  }
  return `entry ${ledgerIndex} is in ${cp.origin} at size ${cp.treeSize} (root ${cp.rootHash})`;
}

function checkCheckpoint(cp: LedgerCheckpoint, sm3: Sm3Function | undefined): string {
  let body;
  try {
    body = parseCheckpointBody(cp.body);
  } catch (e) {
    return fail((e as Error).message);
  }
  if (body.origin !== cp.origin || body.treeSize !== cp.treeSize || body.rootBase64 !== cp.rootHash)
    fail('the checkpoint’s fields do not match its signed body');
  if (!sm2Verify(cp.publicKey, cp.body, cp.signature, DEFAULT_SM2_ID, sm3))
    fail(`the SM2 signature of the checkpoint at size ${cp.treeSize} is not valid`);
  return `checkpoint at size ${cp.treeSize} signed by ${cp.keyId}`;
}

const STEPS: [CertificateCheckName, (c: Ctx) => string][] = [
  [
    'issuerKey',
    (c) =>
      trusted(c.opts, c.b.issuerPublicKey)
        ? c.opts.trustedKeys
          ? 'signed by a key you trust'
          : 'no key given: the bundle’s own key is taken on trust'
        : fail(`the certificate was signed by ${c.b.issuerPublicKey.slice(0, 18)}…, not the key you gave`),
  ],
  [
    'signature',
    (c) =>
      sm2Verify(c.b.issuerPublicKey, c.canonical, c.b.signature, DEFAULT_SM2_ID, c.opts.sm3)
        ? 'the SM2 signature (ID 1234567812345678) over the canonical credential is valid'
        : fail('the SM2 signature does not match the certificate and key: one of them was altered'),
  ],
  ['ledgerEntry', checkEntry],
  ['certHash', checkCertHash],
  ['inclusion', checkInclusion],
  [
    'checkpointKey',
    (c) =>
      trusted(c.opts, c.b.checkpoint.publicKey)
        ? 'checkpoint signer accepted'
        : fail(`the checkpoint was signed by ${c.b.checkpoint.keyId}, not a key you gave`),
  ],
  ['checkpoint', (c) => checkCheckpoint(c.b.checkpoint, c.opts.sm3)],
];

/**
 * Checks a certificate bundle with nothing but the bundle (and the keys you trust): the SM2 signature over the
 * RFC 8785 form of the credential, that the ledger entry names this certificate and its SM3 certHash, the
 * RFC 9162 inclusion of that entry under the checkpoint's root, and the checkpoint's own SM2 signature.
 * Stops at the first failure and names it.
 */
export function verifyCertificateBundle(
  raw: unknown,
  opts: CertificateVerifyOptions = {},
): VerifyBundleReply {
  const checks: VerifyBundleReply['checks'] = [];
  const parsed = CertificateBundle.safeParse(raw);
  const certificate = parsed.success ? parsed.data.certificate : null;
  const certNo = certificate ? certNoOf(certificate) : null;
  const shapeProblem = !parsed.success
    ? `not a certificate bundle: ${parsed.error.issues[0]?.path.join('.')}: ${parsed.error.issues[0]?.message}`
    : !certNo
      ? 'not a certificate bundle: the credential names no credentialSubject.certificateNo'
      : 'proof' in certificate!
        ? 'the certificate must be given without its proof (the signature is beside it)'
        : null;
  if (shapeProblem) {
    checks.push({ check: 'shape', ok: false, message: shapeProblem });
    return { valid: false, certNo, checks, failure: { check: 'shape', message: shapeProblem } };
  }
  checks.push({ check: 'shape', ok: true, message: `a certificate bundle for ${certNo}` });
  const canonical = jcs(certificate);
  const certHash = toHex((opts.sm3 ?? sm3Digest)(utf8(canonical)));
  const c: Ctx = { b: parsed.data!, canonical, certHash, certNo: certNo!, opts };
  const failure = runChecks(STEPS, c, checks);
  return { valid: !failure, certNo, checks, failure };
}
