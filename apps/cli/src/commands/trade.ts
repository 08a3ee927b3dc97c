import { readFileSync } from 'node:fs';
import { Command } from 'commander';
import type { Usage, VerifyContractReply } from '@shuliu/contracts';
import { serverOptions, sdkFor, type Remote } from './remote.js';

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

const fen = (n: number | null) => (n === null ? '-' : `¥${(n / 100).toFixed(2)}`);
const ms = (n: number | null) => (n === null ? '-' : `${n} ms`);

/** An API order's usage through the gateway, as a table by day (or hour) and its totals. */
export function usageTable(u: Usage): string {
  const head = ['at', 'calls', 'billable', 'refused', 'p50', 'p99'];
  const rows = u.buckets.map((b) => [
    u.granularity === 'day'
      ? new Date(Date.parse(b.at) + 8 * 3600_000).toISOString().slice(0, 10)
      : `${new Date(Date.parse(b.at) + 8 * 3600_000).toISOString().slice(0, 13).replace('T', ' ')}:00`,
    String(b.calls),
    String(b.billable),
    String(b.refused),
    ms(b.p50Ms),
    ms(b.p99Ms),
  ]);
  const t = u.totals;
  rows.push(['total', String(t.calls), String(t.billable), String(t.refused), ms(t.p50Ms), ms(t.p99Ms)]);
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (r: string[]) =>
    r.map((c, i) => (i ? c.padStart(widths[i]!) : c.padEnd(widths[i]!))).join('  ');
  const reasons = Object.entries(t.byReason)
    .filter(([, n]) => n > 0)
    .map(([r, n]) => `${r} ${n}`)
    .join(', ');
  return [
    `order ${u.orderId}  ${u.from} … ${u.to} (Beijing ${u.granularity === 'day' ? 'days' : 'hours'})`,
    `quota ${u.quota ?? 'unlimited'}, used ${u.used}${u.left === null ? '' : `, left ${u.left}`}`,
    '',
    line(head),
    ...rows.map(line),
    '',
    `refused: ${reasons || 'none'}`,
    u.billing === 'per_call'
      ? `charge: ${t.billable} billable × ${fen(u.unitFen)} = ${fen(t.chargeFen)}`
      : 'charge: fixed price (not metered)',
  ].join('\n');
}

async function usage(orderId: string, o: Remote & Json & { from?: string; to?: string; hourly?: boolean }) {
  const sdk = await sdkFor(o);
  const u = await sdk.gateway.usage({
    params: { id: orderId },
    query: { from: o.from, to: o.to, granularity: o.hourly ? 'hour' : 'day' },
  });
  console.log(o.json ? JSON.stringify(u, null, 2) : usageTable(u));
}

export function tradeCommand(): Command {
  const cmd = new Command('trade').description(
    'trading (交易) on a running server: sign a contract offline, read an API order’s usage',
  );
  serverOptions(
    cmd
      .command('usage')
      .description(
        'an API order’s calls through the gateway by Beijing day: billable, refused, latency, charge',
      )
      .argument('<orderId>', 'the order, ord_…')
      .option('--from <day>', 'first day, YYYY-MM-DD (default: 30 days before --to)')
      .option('--to <day>', 'last day, YYYY-MM-DD (default: today)')
      .option('--hourly', 'by hour instead of by day (at most 31 days)')
      .option('--json', 'print the usage as JSON'),
  ).action((id: string, o) => usage(id, o));
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
