import type { VerifyValuationReply } from '@shuliu/contracts';
import type { Command } from 'commander';
import { bundleVerifyCommand } from './verify-bundle.js';

/** Checks a valuation bundle with no server (the CLI's OpenSSL SM3, the verifier shared with the server and portal). */
export async function verifyValuationFile(raw: unknown, publicKey?: string): Promise<VerifyValuationReply> {
  const { verifyValuationBundle } = await import('@shuliu/contracts');
  const { sm3Hash, hasherFor } = await import('./verify.js');
  return verifyValuationBundle(raw, {
    trustedKeys: publicKey ? [publicKey] : undefined,
    sm3: sm3Hash,
    hasherFor,
  });
}

export function verifyValuationCommand(): Command {
  return bundleVerifyCommand({
    name: 'verify-valuation',
    description:
      'check a data asset valuation report offline (the valuer’s SM2 signature over the canonical report, the SM3 in its asset.valuation.signed ledger entry, its Merkle inclusion, the checkpoint signature). Exits 1 naming the first failure',
    source: 'GET /api/assets/valuations/{id}/verify',
    keyOf: 'the ledger’s checkpoint key',
    verify: verifyValuationFile,
    valid: (r) => `valuation ${r.valuationId} (SM3 ${r.reportHash}) signed by its valuer and in the ledger`,
  });
}
