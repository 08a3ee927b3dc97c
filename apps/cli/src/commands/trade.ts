import { readFileSync } from 'node:fs';
import { Command } from 'commander';
import type { VerifyContractReply } from '@shuliu/contracts';
import { fetchBytes, serverOptions, sdkFor, type Remote } from './remote.js';

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

const yuan = (fen: number) =>
  `${fen < 0 ? '-' : ''}${Math.floor(Math.abs(fen) / 100)}.${String(Math.abs(fen) % 100).padStart(2, '0')}`;

/**
 * 对账单: a settlement period's statement — the caller's org's own lines, or (operator, regulator) every party's
 * or one org's; with --csv the server's CSV export as it is, for a spreadsheet.
 */
async function statements(period: string, o: Remote & Json & { csv?: boolean; org?: string }) {
  if (o.csv) {
    const q = o.org ? `?org=${encodeURIComponent(o.org)}` : '';
    const bytes = await fetchBytes(
      o,
      `/api/trade/settlement/periods/${encodeURIComponent(period)}/statements.csv${q}`,
    );
    return void process.stdout.write(bytes);
  }
  const sdk = await sdkFor(o);
  const s = await sdk.settlement.statements({ params: { period }, query: { org: o.org, pageSize: 500 } });
  if (o.json) return console.log(JSON.stringify(s, null, 2));
  if (s.state === 'open')
    return console.log(`period ${period} is open: its statements are issued when it is closed`);
  console.log(`period ${period} (closed ${s.closedAt}), platform fee ${s.platformFeeBp} bp`);
  console.log(`  gross ${yuan(s.grossFen)} over ${s.orders} orders; parties together ${yuan(s.fen)}`);
  for (const p of s.parties) {
    const roles = Object.entries(p.byRole)
      .map(([r, fen]) => `${r} ${yuan(fen)}`)
      .join(', ');
    console.log(`  ${p.orgName ?? p.orgId} (${p.orgId}): ${yuan(p.fen)} — ${roles}; ${p.orders} orders`);
  }
  console.log(`lines (${s.lines.length} of ${s.totalLines}):`);
  for (const l of s.lines)
    console.log(
      `  ${l.orderId}  ${l.role.padEnd(11)} ${yuan(l.fen).padStart(14)}  ${l.orgName ?? l.orgId}  ${l.productTitle ?? l.productId}`,
    );
  if (s.totalLines > s.lines.length) console.log('  … more lines: use --csv for all of them');
  console.log(`remainder rule: ${s.remainderRule}`);
}

export function tradeCommand(): Command {
  const cmd = new Command('trade').description(
    'trading (交易) on a running server: sign a contract offline, read settlement statements',
  );
  serverOptions(
    cmd
      .command('statements')
      .description(
        'a settlement period’s statement (对账单): your org’s lines, or every party’s for the operator and regulator',
      )
      .argument('<period>', 'the month, YYYY-MM (Beijing time)')
      .option('--csv', 'print the CSV export (UTF-8 with a byte-order mark) instead')
      .option('--org <id>', 'one organization’s lines (operator and regulator)')
      .option('--json', 'print the statement as JSON'),
  ).action((period: string, o) => statements(period, o));
  serverOptions(
    cmd
      .command('sign-contract')
      .description('sign a contract (合同) offline with your org’s own SM2 key and send the signature')
      .argument('<contractNo>', 'the contract number, e.g. HT-2026-000001')
      .requiredOption('--key <pem>', 'your org’s SM2 private key (PKCS#8 or SEC1 PEM)')
      .option('--key-id <id>', 'the registered key (osk_…); found from the key itself when left out')
      .option('--json', 'print the contract as JSON'),
  ).action((no: string, o) => signContract(no, o));
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
