import { readFileSync } from 'node:fs';
import { Command } from 'commander';
import type { VerifyContractReply } from '@shuliu/contracts';
import { serverOptions, sdkFor, type Remote } from './remote.js';
import { tradeDownloadCommand } from './trade-files.js';

type Json = { json?: boolean };

/**
 * A contract signed offline with the org's own SM2 key (registered on the platform): the contract is fetched,
 * its RFC 8785 form signed here, and the signature sent naming the registered key — the buyer first, then the
 * seller, as the platform enforces.
 */
async function signContract(contractNo: string, o: Remote & Json & { key: string; keyId?: string }) {
  const { publicKeyHexOf, signDocument } = await import('./sign.js');
  let pem: string;
  try {
    pem = readFileSync(o.key, 'utf8');
  } catch (e) {
    throw new Error(`cannot read the key ${o.key}: ${(e as NodeJS.ErrnoException).code}`);
  }
  const sdk = await sdkFor(o);
  const c = await sdk.trade.contract({ params: { contractNo } });
  const orgId = c.awaiting === 'seller' ? c.sellerOrgId : c.buyerOrgId;
  let keyId = o.keyId;
  if (!keyId) {
    const mine = await publicKeyHexOf(pem);
    const { items } = await sdk.orgKeys.list({ params: { id: orgId } });
    const found = items.find((k) => k.publicKey === mine && !k.retiredAt);
    if (!found)
      throw new Error(
        `this key is not an active signing key of the ${c.awaiting ?? 'signing'} party: register its public key first (\`shuliu keygen\` prints it)`,
      );
    keyId = found.id;
  }
  const signature = await signDocument(JSON.stringify(c.document), pem);
  const signed = await sdk.trade.signContract({
    params: { contractNo },
    body: { custody: 'org', keyId, signature },
  });
  if (o.json) return console.log(JSON.stringify(signed, null, 2));
  console.log(`signed contract ${contractNo} (${signed.state}, negotiation ${signed.negotiationState})`);
  console.log(`  SM3 ${signed.contractHash}`);
  console.log(`  key ${keyId}, signature ${signature}`);
}

export function tradeCommand(): Command {
  const cmd = new Command('trade').description(
    'trading (交易) on a running server: sign a contract offline, download a delivered file',
  );
  serverOptions(
    cmd
      .command('sign-contract')
      .description('sign a contract (合同) offline with your org’s own SM2 key and send the signature')
      .argument('<contractNo>', 'the contract number, e.g. HT-2026-000001')
      .requiredOption('--key <pem>', 'your org’s SM2 private key (PKCS#8 or SEC1 PEM)')
      .option('--key-id <id>', 'the registered key (osk_…); found from the key itself when left out')
      .option('--json', 'print the contract as JSON'),
  ).action((no: string, o) => signContract(no, o));
  cmd.addCommand(tradeDownloadCommand());
  return cmd;
}

/** Checks a contract bundle with no server (the CLI's OpenSSL SM3, the verifier shared with the server). */
export async function verifyContractFile(raw: unknown, publicKey?: string): Promise<VerifyContractReply> {
  const { verifyContractBundle } = await import('@shuliu/contracts');
  const { sm3Hash, hasherFor } = await import('./verify.js');
  return verifyContractBundle(raw, {
    trustedKeys: publicKey ? [publicKey] : undefined,
    sm3: sm3Hash,
    hasherFor,
  });
}

export function verifyContractCommand(): Command {
  return new Command('verify-contract')
    .description(
      'check a contract bundle offline (both SM2 signatures over the canonical contract, the contract.signed and contract.concluded ledger entries, their Merkle inclusion, the checkpoint signature). Exits 1 naming the first failure',
    )
    .argument('<file>', 'the bundle (JSON) from GET /api/trade/contracts/{contractNo}/verify')
    .option('--public-key <hex>', 'the ledger’s checkpoint key you trust (04…); otherwise the bundle’s own')
    .action(async (file: string, opts: { publicKey?: string }) => {
      let raw: unknown;
      try {
        raw = JSON.parse(readFileSync(file, 'utf8'));
      } catch (e) {
        console.error(`INVALID (shape): cannot read ${file} as JSON: ${(e as Error).message}`);
        process.exitCode = 1;
        return;
      }
      const r = await verifyContractFile(raw, opts.publicKey);
      for (const c of r.checks)
        (c.ok ? console.log : console.error)(`${c.ok ? '✓' : '✗'} ${c.check}: ${c.message}`);
      if (!r.valid) {
        console.error(`INVALID (${r.failure!.check}): ${r.failure!.message}`);
        process.exitCode = 1;
        return;
      }
      console.log(
        `VALID: contract ${r.contractNo} (SM3 ${r.contractHash}) ${r.concluded ? 'concluded, signed by both parties' : 'signed by the buyer, awaiting the seller'}`,
      );
    });
}
