import { readFileSync } from 'node:fs';
import { Command } from 'commander';
import type { ConsistencyBundle, InclusionBundle, LedgerCheckpoint } from '@shuliu/contracts';

export interface BundleCheck {
  ok: boolean;
  message: string;
}

/**
 * Checks a proof bundle written by `shuliu ledger prove` with nothing but the bundle (and, to trust the
 * signer, its public key): the checkpoint's SM2 signature over its body, the body against its fields, the
 * entry's leaf hash, and the RFC 9162 inclusion or consistency proof against the signed root(s).
 */
export async function verifyBundle(raw: unknown, pinnedKey?: string): Promise<BundleCheck> {
  const c = await import('@shuliu/contracts');
  const { crypto, ledger } = await import('@shuliu/core');
  const kind = (raw as { kind?: string })?.kind;
  const parsed =
    kind === 'shuliu.ledger.consistency/v1'
      ? c.ConsistencyBundle.safeParse(raw)
      : c.InclusionBundle.safeParse(raw);
  if (!parsed.success)
    return { ok: false, message: `not a proof bundle: ${parsed.error.issues[0]?.message}` };
  const checkpoint = (cp: LedgerCheckpoint): string | null => {
    const body = c.parseCheckpointBody(cp.body);
    if (body.origin !== cp.origin || body.treeSize !== cp.treeSize || body.rootBase64 !== cp.rootHash)
      return `the checkpoint's fields do not match its signed body`;
    if (pinnedKey && pinnedKey.toLowerCase() !== cp.publicKey)
      return `the checkpoint was signed by ${cp.keyId} (${cp.publicKey.slice(0, 18)}…), not the key you gave`;
    const q = crypto.parsePublicKey(cp.publicKey);
    return crypto.sm2Verify(q, cp.body, cp.signature, crypto.DEFAULT_SM2_ID)
      ? null
      : `the SM2 signature of the checkpoint at size ${cp.treeSize} is not valid`;
  };
  const trust = pinnedKey ? 'the key you gave' : 'the bundle alone (pin the key with --public-key)';
  try {
    if (parsed.data.kind === 'shuliu.ledger.inclusion/v1') {
      const b = parsed.data as InclusionBundle;
      const h = ledger.hasherFor(b.checkpoint.hashAlg);
      const bad = checkpoint(b.checkpoint);
      if (bad) return { ok: false, message: bad };
      const leaf = c.leafHash(h, new TextEncoder().encode(b.entry.entry));
      if (c.toHex(leaf) !== b.entry.leafHash)
        return { ok: false, message: 'the entry does not hash to its leaf hash' };
      if (b.proof.leafIndex !== b.entry.index || b.proof.treeSize !== b.checkpoint.treeSize)
        return { ok: false, message: 'the proof is for another entry or tree size than the bundle names' };
      c.verifyInclusion(
        h,
        b.entry.index,
        b.checkpoint.treeSize,
        leaf,
        b.proof.auditPath.map(c.fromHex),
        c.fromBase64(b.checkpoint.rootHash),
      );
      const e = JSON.parse(b.entry.entry) as { type: string; objectId: string };
      return {
        ok: true,
        message: `VALID: entry ${b.entry.index} (${e.type} ${e.objectId}) is in ${b.checkpoint.origin} at size ${b.checkpoint.treeSize}, root ${b.checkpoint.rootHash}, signed by ${b.checkpoint.keyId}; signer trusted by ${trust}`,
      };
    }
    const b = parsed.data as ConsistencyBundle;
    const h = ledger.hasherFor(b.newer.hashAlg);
    const bad = checkpoint(b.older) ?? checkpoint(b.newer);
    if (bad) return { ok: false, message: bad };
    if (
      b.proof.from !== b.older.treeSize ||
      b.proof.to !== b.newer.treeSize ||
      b.older.origin !== b.newer.origin
    )
      return { ok: false, message: 'the proof is for other tree sizes or another log than its checkpoints' };
    c.verifyConsistency(
      h,
      b.proof.from,
      b.proof.to,
      b.proof.proof.map(c.fromHex),
      c.fromBase64(b.older.rootHash),
      c.fromBase64(b.newer.rootHash),
    );
    return {
      ok: true,
      message: `VALID: ${b.newer.origin} at size ${b.newer.treeSize} extends its size ${b.older.treeSize} without rewriting it; signer trusted by ${trust}`,
    };
  } catch (e) {
    return { ok: false, message: (e as Error).message };
  }
}

export function verifyLedgerCommand() {
  return new Command('verify-ledger')
    .description(
      'check a ledger proof bundle (from `shuliu ledger prove`) offline: signature, entry hash and Merkle proof; exits 1 if invalid',
    )
    .argument('<bundle>', 'the bundle file (JSON)')
    .option(
      '--public-key <hex>',
      'the platform public key you trust (04…); otherwise the bundle’s own is used',
    )
    .action(async (file: string, opts: { publicKey?: string }) => {
      const r = await verifyBundle(JSON.parse(readFileSync(file, 'utf8')), opts.publicKey);
      if (r.ok) console.log(r.message);
      else console.error(`INVALID: ${r.message}`);
      if (!r.ok) process.exitCode = 1;
    });
}
