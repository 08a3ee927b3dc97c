import { hash } from 'node:crypto';
import { bundleVerifyCommand } from './verify-bundle.js';
import type { ReceiptVerifyReply } from '@shuliu/contracts';

const join = (parts: Uint8Array[]) => (parts.length === 1 ? parts[0]! : Buffer.concat(parts));
/** SM3 through Node's OpenSSL: the same digests as the plain-TypeScript one, faster. */
const sm3 = (...parts: Uint8Array[]) => hash('sm3', join(parts), 'buffer');

/** Verifies a consent receipt bundle offline with the code the server and the portal share. */
export async function verifyConsentFile(raw: unknown, publicKey?: string): Promise<ReceiptVerifyReply> {
  const { verifyConsentReceipt } = await import('@shuliu/contracts');
  return verifyConsentReceipt(raw, { trustedKeys: publicKey ? [publicKey] : undefined, sm3 });
}

export function verifyConsentCommand() {
  return bundleVerifyCommand({
    name: 'verify-consent',
    description:
      'check a consent receipt offline (SM2 signature, ledger entry, Merkle inclusion, checkpoint signature); exits 1 naming the first failure',
    source: 'GET /api/consent/receipts/{id}',
    keyOf: 'the platform’s SM2 public key',
    verify: verifyConsentFile,
    valid: (r) => `consent receipt ${r.receiptId}`,
  });
}
