import {
  ValuationBundle,
  ValuationReport,
  type ValuationCheckName,
  type VerifyValuationReply,
} from '../assets.js';
import { canonicalLedgerEntry, fail, runChecks, utf8 } from './check-steps.js';
import { checkCheckpoint, hasherFor, type ContractVerifyOptions } from './contract-verify.js';
import { jcs } from './jcs.js';
import { fromBase64, fromHex, leafHash, toHex, verifyInclusion } from './merkle.js';
import { verifyOrgSignature } from './org-signature.js';
import { sm3Digest } from './sm3.js';

/** The same options as a contract's: the checkpoint keys you trust, and the hash functions to use. */
export type ValuationVerifyOptions = ContractVerifyOptions;

interface Ctx {
  b: ValuationBundle;
  doc: ValuationReport;
  hash: string;
  opts: ValuationVerifyOptions;
}

function checkSignature(c: Ctx): string {
  const s = c.b.signature;
  if (!verifyOrgSignature(c.b.report, s.signature, s.publicKey, c.opts.sm3))
    fail(`the valuer’s SM2 signature (key ${s.keyId}) does not match the report: one of them was altered`);
  return `${c.doc.valuer.name} signed the canonical report (SM2, ID 1234567812345678, key ${s.keyId})`;
}

/** The entry is this report's `asset.valuation.signed`, recording its SM3, the key and the signature. */
function checkEntry(c: Ctx): string {
  const e = canonicalLedgerEntry(c.b.ledgerEntry);
  const a = e.attrs ?? {};
  const s = c.b.signature;
  if (e.type !== 'asset.valuation.signed')
    fail(`the ledger entry is a ${e.type}, not an asset.valuation.signed`);
  if (e.objectId !== c.doc.valuationId || a.valuationId !== c.doc.valuationId)
    fail(`the ledger entry is about ${String(a.valuationId ?? e.objectId)}, not ${c.doc.valuationId}`);
  if (e.objectSm3 !== c.hash || a.reportHash !== c.hash)
    fail(
      `the report hashes to ${c.hash}, but the ledger entry records ${String(a.reportHash ?? e.objectSm3)}`,
    );
  if (a.keyId !== s.keyId || a.publicKey !== s.publicKey || a.signature !== s.signature)
    fail('the ledger entry records another signature than the bundle carries');
  return `asset.valuation.signed of ${c.doc.valuationId}, recording reportHash ${c.hash}`;
}

function checkInclusion(c: Ctx): string {
  const { inclusionProof: p, checkpoint: cp } = c.b;
  if (p.treeSize !== cp.treeSize)
    fail(`the proof is for tree size ${p.treeSize}, the checkpoint for ${cp.treeSize}`);
  const h = hasherFor(c.opts, cp.hashAlg);
  try {
    const leaf = leafHash(h, utf8(c.b.ledgerEntry));
    verifyInclusion(h, p.leafIndex, cp.treeSize, leaf, p.auditPath.map(fromHex), fromBase64(cp.rootHash));
  } catch (e) {
    fail(`the inclusion proof of entry ${p.leafIndex} does not hold: ${(e as Error).message}`);
  }
  return `entry ${p.leafIndex} is in ${cp.origin} at size ${cp.treeSize}`;
}

function checkCheckpointKey(c: Ctx): string {
  const keys = c.opts.trustedKeys;
  if (!keys) return 'no key given: the bundle’s own checkpoint key is taken on trust';
  if (!keys.some((k) => k.toLowerCase() === c.b.checkpoint.publicKey.toLowerCase()))
    fail(`the checkpoint was signed by ${c.b.checkpoint.keyId}, not a key you gave`);
  return 'checkpoint signed by a key you trust';
}

const STEPS: [ValuationCheckName, (c: Ctx) => string][] = [
  ['signature', checkSignature],
  ['ledgerEntry', checkEntry],
  ['inclusion', checkInclusion],
  ['checkpointKey', checkCheckpointKey],
  ['checkpoint', (c) => checkCheckpoint(c.b.checkpoint, c.opts.sm3)],
];

/**
 * Checks a valuation report bundle with nothing but the bundle: the valuer's SM2 signature over the report's
 * RFC 8785 form; that the ledger entry is this report's `asset.valuation.signed` carrying its SM3, key and
 * signature; the RFC 9162 inclusion of that entry under the checkpoint's root; the checkpoint's own SM2
 * signature. Stops at the first failure and names it.
 */
export function verifyValuationBundle(raw: unknown, opts: ValuationVerifyOptions = {}): VerifyValuationReply {
  const checks: VerifyValuationReply['checks'] = [];
  const parsed = ValuationBundle.safeParse(raw);
  const doc = parsed.success ? ValuationReport.safeParse(parsed.data.report) : null;
  const valuationId = doc?.success ? doc.data.valuationId : null;
  if (!parsed.success || !doc?.success) {
    const issue = (parsed.success ? doc!.error! : parsed.error).issues[0];
    const message = `not a valuation bundle: ${parsed.success ? 'report.' : ''}${issue?.path.join('.')}: ${issue?.message}`;
    checks.push({ check: 'shape', ok: false, message });
    return { valid: false, valuationId, reportHash: null, checks, failure: { check: 'shape', message } };
  }
  // the hash is of the report as it came, not as parsed: a field added or changed must change it
  const hash = toHex((opts.sm3 ?? sm3Digest)(utf8(jcs(parsed.data.report))));
  checks.push({ check: 'shape', ok: true, message: `a valuation bundle for ${valuationId}` });
  const failure = runChecks(STEPS, { b: parsed.data, doc: doc.data, hash, opts }, checks);
  return { valid: !failure, valuationId, reportHash: hash, checks, failure };
}
