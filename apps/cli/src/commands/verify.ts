import { createHash, hash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { Command } from 'commander';
import type { MerkleHasher, VerifyBundleReply } from '@shuliu/contracts';

const join = (parts: Uint8Array[]) => (parts.length === 1 ? parts[0]! : Buffer.concat(parts));

/** SM3 and SHA-256 through Node's OpenSSL: the same digests as the plain-TypeScript ones, faster. */
export const sm3Hash = (...parts: Uint8Array[]) => hash('sm3', join(parts), 'buffer');
const sm3 = sm3Hash;
export const hasherFor = (alg: 'sm3' | 'sha256'): MerkleHasher => ({
  name: alg,
  size: 32,
  hash: (...parts) => (alg === 'sm3' ? sm3(...parts) : createHash('sha256').update(join(parts)).digest()),
});

/**
 * Checks a certificate bundle (from `GET /api/registry/verify/{certNo}` or `shuliu registry export`) with no
 * server: the SM2 signature over the canonical credential, certHash in the ledger entry, the Merkle inclusion
 * proof and the checkpoint's signature; against `publicKey` when given, else the bundle's own keys.
 */
export async function verifyCertificateFile(raw: unknown, publicKey?: string): Promise<VerifyBundleReply> {
  const { verifyCertificateBundle } = await import('@shuliu/contracts');
  return verifyCertificateBundle(raw, { trustedKeys: publicKey ? [publicKey] : undefined, sm3, hasherFor });
}

function report(r: VerifyBundleReply, pinned: boolean) {
  for (const c of r.checks)
    (c.ok ? console.log : console.error)(`${c.ok ? '✓' : '✗'} ${c.check}: ${c.message}`);
  if (!r.valid) {
    console.error(`INVALID (${r.failure!.check}): ${r.failure!.message}`);
    return 1;
  }
  const trust = pinned ? 'the key you gave' : 'the bundle alone (pin the issuer with --public-key)';
  console.log(`VALID: certificate ${r.certNo}; signer trusted by ${trust}`);
  return 0;
}

export function verifyCommand() {
  return new Command('verify')
    .description(
      'check a certificate bundle offline (signature, certHash, Merkle inclusion, checkpoint signature); ledger proof bundles too. Exits 1 naming the first failure',
    )
    .argument(
      '<file>',
      'the bundle (JSON), e.g. from `shuliu registry export` or GET /api/registry/verify/{certNo}',
    )
    .option(
      '--public-key <hex>',
      'the issuing node’s SM2 public key you trust (04…); otherwise the bundle’s own',
    )
    .action(async (file: string, opts: { publicKey?: string }) => {
      let raw: unknown;
      try {
        raw = JSON.parse(readFileSync(file, 'utf8'));
      } catch (e) {
        console.error(`INVALID (shape): cannot read ${file} as JSON: ${(e as Error).message}`);
        process.exitCode = 1;
        return;
      }
      if (String((raw as { kind?: unknown })?.kind ?? '').startsWith('shuliu.ledger.')) {
        const { verifyBundle } = await import('./verify-ledger.js');
        const r = await verifyBundle(raw, opts.publicKey);
        if (r.ok) console.log(r.message);
        else console.error(`INVALID: ${r.message}`);
        process.exitCode = r.ok ? 0 : 1;
        return;
      }
      process.exitCode = report(await verifyCertificateFile(raw, opts.publicKey), !!opts.publicKey);
    });
}
