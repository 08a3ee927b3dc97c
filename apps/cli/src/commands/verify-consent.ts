import { hash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { Command } from 'commander';
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
  return new Command('verify-consent')
    .description(
      'check a consent receipt offline (SM2 signature, ledger entry, Merkle inclusion, checkpoint signature); exits 1 naming the first failure',
    )
    .argument('<file>', 'the receipt bundle (JSON) from GET /api/consent/receipts/{id}')
    .option('--public-key <hex>', 'the platform’s SM2 public key you trust (04…); otherwise the bundle’s own')
    .action(async (file: string, opts: { publicKey?: string }) => {
      let raw: unknown;
      try {
        raw = JSON.parse(readFileSync(file, 'utf8'));
      } catch (e) {
        console.error(`INVALID (shape): cannot read ${file} as JSON: ${(e as Error).message}`);
        process.exitCode = 1;
        return;
      }
      const r = await verifyConsentFile(raw, opts.publicKey);
      for (const c of r.checks)
        (c.ok ? console.log : console.error)(`${c.ok ? '✓' : '✗'} ${c.check}: ${c.message}`);
      if (!r.valid) {
        console.error(`INVALID (${r.failure!.check}): ${r.failure!.message}`);
        process.exitCode = 1;
        return;
      }
      console.log(`VALID: consent receipt ${r.receiptId}`);
    });
}
