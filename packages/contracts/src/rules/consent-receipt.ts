import type { LedgerCheckpoint } from '../ledger.js';
import { ReceiptBundle, type ReceiptVerifyReply } from '../consent.js';
import { canonicalLedgerEntry, fail, runChecks, utf8 } from './check-steps.js';
import { jcs } from './jcs.js';
import { fromBase64, fromHex, leafHash, parseCheckpointBody, toHex, verifyInclusion } from './merkle.js';
import { DEFAULT_SM2_ID, sm2Verify, type Sm3Function } from './sm2-verify.js';
import { sm3Digest } from './sm3.js';

/** Ledger entry types a consent receipt may be attested by. */
export const RECEIPT_ENTRY_TYPES = { granted: 'consent.granted', revoked: 'consent.revoked' } as const;

export interface ReceiptVerifyOptions {
  /** Platform public keys you trust (hex 04‖x‖y); none: the bundle's own key is taken on trust. */
  trustedKeys?: string[];
  sm3?: Sm3Function;
}

const trusted = (o: ReceiptVerifyOptions, key: string) =>
  !o.trustedKeys || o.trustedKeys.some((k) => k.toLowerCase() === key.toLowerCase());

interface Ctx {
  b: ReceiptBundle;
  canonical: string;
  hash: string;
  o: ReceiptVerifyOptions;
}

function checkEntry(c: Ctx): string {
  const e = { data: canonicalLedgerEntry(c.b.ledgerEntry) };
  const want = RECEIPT_ENTRY_TYPES[c.b.receipt.event];
  if (e.data.type !== want) fail(`the ledger entry is a ${e.data.type}, not ${want}`);
  if (e.data.objectId !== c.b.receipt.consentReceiptID)
    fail(`the ledger entry is about ${e.data.objectId}, not ${c.b.receipt.consentReceiptID}`);
  if (e.data.objectSm3 !== c.hash)
    fail(`the receipt hashes to ${c.hash}, but the ledger entry records ${e.data.objectSm3}`);
  return `ledger entry ${c.b.ledgerIndex} (${want}) records the receipt's SM3 ${c.hash}`;
}

function checkInclusion(c: Ctx): string {
  const { inclusionProof: p, checkpoint: cp, ledgerIndex } = c.b;
  if (p.leafIndex !== ledgerIndex || p.treeSize !== cp.treeSize)
    fail('the proof is for another entry or tree size than the bundle names');
  if (cp.hashAlg !== 'sm3') fail('the log hashes with SHA-256; verify it with the ledger tools');
  const sm3 = c.o.sm3 ?? sm3Digest;
  const h = { name: 'sm3', size: 32, hash: (...parts: Uint8Array[]) => sm3(...parts) };
  try {
    const leaf = leafHash(h, utf8(c.b.ledgerEntry));
    verifyInclusion(h, ledgerIndex, cp.treeSize, leaf, p.auditPath.map(fromHex), fromBase64(cp.rootHash));
  } catch (e) {
    fail(`the inclusion proof does not hold: ${(e as Error).message}`);
  }
  return `entry ${ledgerIndex} is in ${cp.origin} at size ${cp.treeSize}`;
}

function checkCheckpoint(cp: LedgerCheckpoint, o: ReceiptVerifyOptions): string {
  let body;
  try {
    body = parseCheckpointBody(cp.body);
  } catch (e) {
    return fail((e as Error).message);
  }
  if (body.origin !== cp.origin || body.treeSize !== cp.treeSize || body.rootBase64 !== cp.rootHash)
    fail('the checkpoint’s fields do not match its signed body');
  if (!trusted(o, cp.publicKey)) fail(`the checkpoint was signed by ${cp.keyId}, not a key you gave`);
  if (!sm2Verify(cp.publicKey, cp.body, cp.signature, DEFAULT_SM2_ID, o.sm3))
    fail(`the SM2 signature of the checkpoint at size ${cp.treeSize} is not valid`);
  return `checkpoint at size ${cp.treeSize} signed by ${cp.keyId}`;
}

const STEPS: [string, (c: Ctx) => string][] = [
  [
    'signerKey',
    (c) =>
      trusted(c.o, c.b.publicKey)
        ? 'signer key accepted'
        : fail(`the receipt was signed by ${c.b.publicKey.slice(0, 18)}…, not a key you gave`),
  ],
  [
    'signature',
    (c) =>
      c.b.signerId === DEFAULT_SM2_ID &&
      sm2Verify(c.b.publicKey, c.canonical, c.b.signature, DEFAULT_SM2_ID, c.o.sm3)
        ? 'the SM2 signature (ID 1234567812345678) over the canonical receipt is valid'
        : fail('the SM2 signature does not match the receipt and key: one of them was altered'),
  ],
  ['ledgerEntry', checkEntry],
  ['inclusion', checkInclusion],
  ['checkpoint', (c) => checkCheckpoint(c.b.checkpoint, c.o)],
];

/**
 * Verifies a consent receipt bundle offline (PIPL Art. 15/17: the person keeps proof of what they agreed and
 * withdrew): the SM2 signature over the RFC 8785 form of the receipt, the ledger entry that records its SM3,
 * the RFC 9162 inclusion of that entry and the checkpoint's signature. Stops at the first failure, naming it.
 */
export function verifyConsentReceipt(raw: unknown, o: ReceiptVerifyOptions = {}): ReceiptVerifyReply {
  const parsed = ReceiptBundle.safeParse(raw);
  if (!parsed.success) {
    const i = parsed.error.issues[0];
    const message = `not a consent receipt bundle: ${i?.path.join('.')}: ${i?.message}`;
    return {
      valid: false,
      receiptId: null,
      checks: [{ check: 'shape', ok: false, message }],
      failure: { check: 'shape', message },
    };
  }
  const b = parsed.data;
  const canonical = jcs(b.receipt);
  const c: Ctx = { b, canonical, hash: toHex((o.sm3 ?? sm3Digest)(utf8(canonical))), o };
  const checks: ReceiptVerifyReply['checks'] = [
    { check: 'shape', ok: true, message: 'a consent receipt bundle' },
  ];
  const failure = runChecks(STEPS, c, checks);
  return { valid: !failure, receiptId: b.receipt.consentReceiptID, checks, failure };
}
