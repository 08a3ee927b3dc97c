import type { LedgerCheckpoint, LedgerEntry } from '../ledger.js';
import {
  ContractBundle,
  ContractDoc,
  type ContractCheckName,
  type ContractSide,
  type VerifyContractReply,
} from '../trade-contracts.js';
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
import { verifyOrgSignature } from './org-signature.js';
import { DEFAULT_SM2_ID, sm2Verify, type Sm3Function } from './sm2-verify.js';
import { sm3Digest } from './sm3.js';

export interface ContractVerifyOptions {
  /** The ledger's checkpoint keys you trust (hex 04‖x‖y); none: the bundle's own (self-consistency). */
  trustedKeys?: string[];
  sm3?: Sm3Function;
  hasherFor?: (alg: 'sm3' | 'sha256') => MerkleHasher;
}

interface Ctx {
  b: ContractBundle;
  doc: ContractDoc;
  hash: string;
  entries: LedgerEntry[];
  opts: ContractVerifyOptions;
}

const ORDER: ContractSide[] = ['buyer', 'seller'];

function checkSignatures(c: Ctx): string {
  const sides = c.b.signatures.map((s) => s.party);
  if (!sides.length) fail('the contract carries no signature');
  if (sides.join() !== ORDER.slice(0, sides.length).join())
    fail(`the signatures are ${sides.join(', ')}: the buyer signs first, then the seller, once each`);
  for (const s of c.b.signatures)
    if (!verifyOrgSignature(c.b.contract, s.signature, s.publicKey, c.opts.sm3))
      fail(
        `the ${s.party}’s SM2 signature (key ${s.keyId}) does not match the contract: one of them was altered`,
      );
  return `${sides.join(' and ')} signed the canonical contract (SM2, ID 1234567812345678)`;
}

/** The entries are this contract's: one contract.signed per signature, naming its key, then contract.concluded. */
function checkEntries(c: Ctx): string {
  const { b, doc, hash } = c;
  const concluded = b.signatures.length === 2;
  const want = [...b.signatures.map(() => 'contract.signed'), ...(concluded ? ['contract.concluded'] : [])];
  if (b.ledgerEntries.length !== want.length)
    fail(
      `${b.ledgerEntries.length} ledger entries for ${b.signatures.length} signatures; expected ${want.length}`,
    );
  c.entries = b.ledgerEntries.map(canonicalLedgerEntry);
  c.entries.forEach((e, i) => {
    const a = e.attrs ?? {};
    if (e.type !== want[i]) fail(`ledger entry ${i} is a ${e.type}, not a ${want[i]}`);
    if (e.objectId !== doc.contractNo || a.contractNo !== doc.contractNo)
      fail(`ledger entry ${i} is about ${String(a.contractNo ?? e.objectId)}, not ${doc.contractNo}`);
    if (e.objectSm3 !== hash || a.contractHash !== hash)
      fail(`the contract hashes to ${hash}, but ledger entry ${i} records ${String(a.contractHash)}`);
    const s = b.signatures[i];
    if (
      s &&
      (a.party !== s.party ||
        a.keyId !== s.keyId ||
        a.publicKey !== s.publicKey ||
        a.signature !== s.signature)
    )
      fail(`ledger entry ${i} records another ${String(a.party)} signature than the bundle carries`);
  });
  return `${want.join(', ')} of ${doc.contractNo}, each recording contractHash ${hash}`;
}

function checkInclusion(c: Ctx): string {
  const { inclusionProofs: proofs, checkpoint: cp, ledgerEntries } = c.b;
  if (proofs.length !== ledgerEntries.length)
    fail(`${proofs.length} inclusion proofs for ${ledgerEntries.length} ledger entries`);
  const h = hasherFor(c.opts, cp.hashAlg);
  proofs.forEach((p, i) => {
    if (p.treeSize !== cp.treeSize)
      fail(`proof ${i} is for tree size ${p.treeSize}, the checkpoint for ${cp.treeSize}`);
    try {
      const leaf = leafHash(h, utf8(ledgerEntries[i]!));
      verifyInclusion(h, p.leafIndex, cp.treeSize, leaf, p.auditPath.map(fromHex), fromBase64(cp.rootHash));
    } catch (e) {
      fail(`the inclusion proof of entry ${i} (index ${p.leafIndex}) does not hold: ${(e as Error).message}`);
    }
  });
  return `entries ${proofs.map((p) => p.leafIndex).join(', ')} are in ${cp.origin} at size ${cp.treeSize}`;
}

export function hasherFor(opts: ContractVerifyOptions, alg: 'sm3' | 'sha256'): MerkleHasher {
  if (opts.hasherFor) return opts.hasherFor(alg);
  if (alg === 'sha256') return fail('the log hashes with SHA-256; give a SHA-256 hasher');
  const sm3 = opts.sm3 ?? sm3Digest;
  return { name: 'sm3', size: 32, hash: (...parts) => sm3(...parts) };
}

export function checkCheckpoint(cp: LedgerCheckpoint, sm3: Sm3Function | undefined): string {
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

const trusted = (opts: ContractVerifyOptions, key: string) =>
  !opts.trustedKeys || opts.trustedKeys.some((k) => k.toLowerCase() === key.toLowerCase());

const STEPS: [ContractCheckName, (c: Ctx) => string][] = [
  ['signatures', checkSignatures],
  ['ledgerEntries', checkEntries],
  ['inclusion', checkInclusion],
  [
    'checkpointKey',
    (c) =>
      trusted(c.opts, c.b.checkpoint.publicKey)
        ? c.opts.trustedKeys
          ? 'checkpoint signed by a key you trust'
          : 'no key given: the bundle’s own checkpoint key is taken on trust'
        : fail(`the checkpoint was signed by ${c.b.checkpoint.keyId}, not a key you gave`),
  ],
  ['checkpoint', (c) => checkCheckpoint(c.b.checkpoint, c.opts.sm3)],
];

/**
 * Checks a contract bundle with nothing but the bundle: each party's SM2 signature over the RFC 8785 form of
 * the contract, buyer first; that the ledger entries are this contract's `contract.signed` (recording the very
 * key and signature) and `contract.concluded`, each carrying the SM3 contractHash; the RFC 9162 inclusion of
 * the i-th entry by the i-th proof under the checkpoint's root; the checkpoint's own SM2 signature. Stops at
 * the first failure and names it; `concluded` only when both signed and everything holds.
 */
export function verifyContractBundle(raw: unknown, opts: ContractVerifyOptions = {}): VerifyContractReply {
  const checks: VerifyContractReply['checks'] = [];
  const parsed = ContractBundle.safeParse(raw);
  const doc = parsed.success ? ContractDoc.safeParse(parsed.data.contract) : null;
  const contractNo = doc?.success ? doc.data.contractNo : null;
  if (!parsed.success || !doc?.success) {
    const issue = (parsed.success ? doc!.error! : parsed.error).issues[0];
    const message = `not a contract bundle: ${parsed.success ? 'contract.' : ''}${issue?.path.join('.')}: ${issue?.message}`;
    checks.push({ check: 'shape', ok: false, message });
    return {
      valid: false,
      contractNo,
      contractHash: null,
      concluded: false,
      checks,
      failure: { check: 'shape', message },
    };
  }
  // the hash is of the contract as it came, not as parsed: a field added or changed must change it
  const hash = toHex((opts.sm3 ?? sm3Digest)(utf8(jcs(parsed.data.contract))));
  checks.push({ check: 'shape', ok: true, message: `a contract bundle for ${contractNo}` });
  const c: Ctx = { b: parsed.data, doc: doc.data, hash, entries: [], opts };
  const failure = runChecks(STEPS, c, checks);
  const concluded = !failure && parsed.data.signatures.length === 2;
  return { valid: !failure, contractNo, contractHash: hash, concluded, checks, failure };
}
