import {
  ContractCheckName,
  fromBase64,
  fromHex,
  leafHash,
  sm3Hasher,
  verifyContractBundle,
  verifyInclusion,
  verifyOrgSignature,
  type ContractBundle,
  type ContractSide,
  type VerifyContractReply,
} from '@shuliu/contracts';

export type CheckStatus = 'ok' | 'fail' | 'skip';
export interface CheckRow {
  check: ContractCheckName;
  status: CheckStatus;
  message?: string;
}

export type PartyCheckName = 'signature' | 'ledgerEntry' | 'inclusion';
/** One party's signature as this browser found it: each check's status, and the first failing one's words. */
export interface PartyVerdict {
  party: ContractSide;
  keyId: string;
  checks: Record<PartyCheckName, CheckStatus>;
  failure: { check: PartyCheckName; message: string } | null;
}

const utf8 = (s: string) => new TextEncoder().encode(s);

/** The i-th signature: over the canonical contract, recorded as the i-th ledger entry, proven under the checkpoint. */
function verifyParty(b: ContractBundle, i: number, hash: string | null): PartyVerdict {
  const s = b.signatures[i]!;
  const checks: PartyVerdict['checks'] = { signature: 'skip', ledgerEntry: 'skip', inclusion: 'skip' };
  const verdict: PartyVerdict = { party: s.party, keyId: s.keyId, checks, failure: null };
  const fail = (check: PartyCheckName, message: string) => {
    checks[check] = 'fail';
    verdict.failure ??= { check, message };
  };
  if (verifyOrgSignature(b.contract, s.signature, s.publicKey)) checks.signature = 'ok';
  else fail('signature', `the SM2 signature of key ${s.keyId} does not match the contract’s canonical text`);
  const entry = b.ledgerEntries[i];
  let e: { type?: string; attrs?: Record<string, unknown> } = {};
  try {
    e = JSON.parse(entry ?? 'null') ?? {};
  } catch {
    /* an unreadable entry is a missing one */
  }
  const a = e.attrs ?? {};
  const same =
    e.type === 'contract.signed' &&
    a.party === s.party &&
    a.keyId === s.keyId &&
    a.signature === s.signature &&
    a.contractHash === hash;
  if (same) checks.ledgerEntry = 'ok';
  else
    fail('ledgerEntry', `ledger entry ${i} does not record this ${s.party} signature of SM3 ${hash ?? '?'}`);
  const proof = b.inclusionProofs[i];
  const cp = b.checkpoint;
  try {
    if (!entry || !proof || proof.treeSize !== cp.treeSize)
      throw new Error('no proof at the checkpoint’s size');
    const leaf = leafHash(sm3Hasher, utf8(entry));
    verifyInclusion(
      sm3Hasher,
      proof.leafIndex,
      cp.treeSize,
      leaf,
      proof.auditPath.map(fromHex),
      fromBase64(cp.rootHash),
    );
    checks.inclusion = 'ok';
  } catch (err) {
    fail(
      'inclusion',
      `entry ${proof?.leafIndex ?? i} is not proven in the ledger at size ${cp.treeSize}: ${(err as Error).message}`,
    );
  }
  return verdict;
}

/**
 * Checks a contract bundle here, in the browser, with the same verifier as `shuliu verify-contract`
 * (packages/contracts: SM2, SM3, RFC 9162), and each party's signature on its own so the page can show a ✓ or
 * ✗ beside every party. Checks after the verifier's first failure did not run and show as skipped.
 */
export function verifyContractInBrowser(
  bundle: ContractBundle,
  trustedKeys?: string[],
): { reply: VerifyContractReply; rows: CheckRow[]; parties: PartyVerdict[] } {
  let reply: VerifyContractReply;
  try {
    reply = verifyContractBundle(bundle, { trustedKeys });
  } catch (e) {
    const message = (e as Error).message;
    const failure = { check: 'shape' as const, message };
    reply = {
      valid: false,
      contractNo: null,
      contractHash: null,
      concluded: false,
      checks: [{ ...failure, ok: false }],
      failure,
    };
  }
  const rows = ContractCheckName.options.map((check): CheckRow => {
    const c = reply.checks.find((x) => x.check === check);
    return c ? { check, status: c.ok ? 'ok' : 'fail', message: c.message } : { check, status: 'skip' };
  });
  const parties = bundle.signatures.map((_, i) => verifyParty(bundle, i, reply.contractHash));
  return { reply, rows, parties };
}
