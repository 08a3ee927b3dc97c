import { readFileSync } from 'node:fs';
import { Command, Option } from 'commander';
import {
  NEGOTIATION_STATES,
  ORDER_STATES,
  type NegotiationSummary,
  type Order,
  type OrderDetail,
  type Usage,
  type VerifyContractReply,
} from '@shuliu/contracts';
import { fetchBytes, serverOptions, sdkFor, type Remote } from './remote.js';
import { tradeDownloadCommand } from './trade-files.js';
import { bundleVerifyCommand } from './verify-bundle.js';

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

const yuan = (fen: number | null) => (fen === null ? '—' : `¥${(fen / 100).toFixed(2)}`);
const negotiationLine = (n: NegotiationSummary) =>
  `${n.id}  ${n.state.padEnd(10)} ${(n.awaiting ?? '—').padEnd(6)} ${yuan(n.terms.priceFen).padStart(14)}  ` +
  `${n.productTitle ?? n.productId}  ⇄ ${n.buyerName ?? n.buyerOrgId} / ${n.sellerName ?? n.sellerOrgId}`;
const orderLine = (o: Order) =>
  `${o.id}  ${o.contractNo}  ${o.state.padEnd(16)} ${(o.awaiting ?? '—').padEnd(8)} ${yuan(o.amountFen).padStart(14)}  ` +
  `${o.productTitle ?? o.productId}  (${o.buyerName ?? o.buyerOrgId} ← ${o.sellerName ?? o.sellerOrgId})`;

function printOrder(o: OrderDetail, json?: boolean) {
  if (json) return console.log(JSON.stringify(o, null, 2));
  console.log(orderLine(o));
  console.log(
    `  ${o.deliveryMode}, ${o.billing}${o.quota === null ? '' : `, ${o.quota} calls`}, term ${o.startsOn} ~ ${o.endsOn}`,
  );
  console.log(`  pay by ${o.payBy}${o.paymentRef ? `, paid ${o.paidAt} (${o.paymentRef})` : ''}`);
  if (o.deliveredAt) console.log(`  delivered ${o.deliveredAt}, accept by ${o.acceptBy}`);
  if (o.acceptedAt) console.log(`  accepted ${o.acceptedAt} (${o.acceptedHow})`);
  if (o.disputeReason) console.log(`  objection: ${o.disputeReason}`);
  if (o.closedReason)
    console.log(`  closed: ${o.closedReason}${o.refundRef ? ` (refund ${o.refundRef})` : ''}`);
  for (const e of o.timeline)
    console.log(
      `  ${String(e.seq).padStart(3)}. ${e.at}  ${e.side.padEnd(8)} ${e.kind.padEnd(8)} → ${e.state}${e.message ? `  ${e.message}` : ''}`,
    );
}

type ListOpts = Remote & Json & { side?: string; state?: string; page?: string; q?: string };
const page = (o: ListOpts) => ({ page: Number(o.page ?? 1), pageSize: 50 });

async function listNegotiations(o: ListOpts) {
  const sdk = await sdkFor(o);
  const r = await sdk.trade.negotiations({
    query: { side: o.side as 'buyer' | undefined, state: o.state as 'requested' | undefined, ...page(o) },
  });
  if (o.json) return console.log(JSON.stringify(r, null, 2));
  if (!r.items.length) return console.log('no negotiations');
  for (const n of r.items) console.log(negotiationLine(n));
  console.log(`${r.items.length} of ${r.total}`);
}

async function listOrders(o: ListOpts) {
  const sdk = await sdkFor(o);
  const r = await sdk.orders.orders({
    query: { side: o.side as 'buyer' | undefined, state: o.state as 'paid' | undefined, q: o.q, ...page(o) },
  });
  if (o.json) return console.log(JSON.stringify(r, null, 2));
  if (!r.items.length) return console.log('no orders');
  for (const x of r.items) console.log(orderLine(x));
  console.log(`${r.items.length} of ${r.total}`);
}

/** One step on an order (pay, deliver, accept, dispute, cancel), printing the order as it now stands. */
async function orderStep(
  id: string,
  step: string,
  o: Remote & Json & { reference?: string; reason?: string; note?: string },
) {
  const sdk = await sdkFor(o);
  const params = { id };
  const note = o.note ?? null;
  const r =
    step === 'pay'
      ? await sdk.orders.pay({ params, body: { reference: o.reference! } })
      : step === 'deliver'
        ? await sdk.orders.deliver({ params, body: { note } })
        : step === 'accept'
          ? await sdk.orders.accept({ params, body: { note } })
          : step === 'dispute'
            ? await sdk.orders.dispute({ params, body: { reason: o.reason! } })
            : await sdk.orders.cancel({ params, body: { reason: o.reason! } });
  printOrder(r, o.json);
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

const fenText = (fen: number) =>
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
  console.log(`  gross ${fenText(s.grossFen)} over ${s.orders} orders; parties together ${fenText(s.fen)}`);
  for (const p of s.parties) {
    const roles = Object.entries(p.byRole)
      .map(([r, fen]) => `${r} ${fenText(fen)}`)
      .join(', ');
    console.log(`  ${p.orgName ?? p.orgId} (${p.orgId}): ${fenText(p.fen)} — ${roles}; ${p.orders} orders`);
  }
  console.log(`lines (${s.lines.length} of ${s.totalLines}):`);
  for (const l of s.lines)
    console.log(
      `  ${l.orderId}  ${l.role.padEnd(11)} ${fenText(l.fen).padStart(14)}  ${l.orgName ?? l.orgId}  ${l.productTitle ?? l.productId}`,
    );
  if (s.totalLines > s.lines.length) console.log('  … more lines: use --csv for all of them');
  console.log(`remainder rule: ${s.remainderRule}`);
}

export function tradeCommand(): Command {
  const cmd = new Command('trade').description(
    'trading (交易) on a running server: negotiations, contracts signed offline, orders and their escrow, downloads of delivered files, an API order’s usage, settlement statements',
  );
  serverOptions(
    cmd
      .command('negotiations')
      .description('your org’s negotiations (磋商), newest activity first')
      .addOption(new Option('--side <side>', 'as buyer or seller').choices(['buyer', 'seller']))
      .addOption(new Option('--state <state>', 'one state').choices([...NEGOTIATION_STATES]))
      .option('--page <n>', 'the page (50 a page)')
      .option('--json', 'print JSON'),
  ).action((o: ListOpts) => listNegotiations(o));
  serverOptions(
    cmd
      .command('orders')
      .description('your org’s orders (订单); every order for the operator and regulator with --side all')
      .addOption(
        new Option('--side <side>', 'as buyer, seller, or all (overseers)').choices([
          'buyer',
          'seller',
          'all',
        ]),
      )
      .addOption(new Option('--state <state>', 'one state').choices([...ORDER_STATES]))
      .option('-q, --q <text>', 'a contract number, order id or product title')
      .option('--page <n>', 'the page (50 a page)')
      .option('--json', 'print JSON'),
  ).action((o: ListOpts) => listOrders(o));
  serverOptions(
    cmd
      .command('order')
      .description('one order with its history')
      .argument('<orderId>', 'the order, ord_…')
      .option('--json', 'print JSON'),
  ).action(async (id: string, o: Remote & Json) =>
    printOrder(await (await sdkFor(o)).orders.order({ params: { id } }), o.json),
  );
  serverOptions(
    cmd
      .command('place-order')
      .description('order on a concluded contract (the buyer); the same --key again places nothing new')
      .argument('<contractNo>', 'the contract number, e.g. HT-2026-000001')
      .requiredOption('--key <idempotencyKey>', 'your key for this order (8–100 of A–Z a–z 0–9 _ . : -)')
      .option('--json', 'print JSON'),
  ).action(async (contractNo: string, o: Remote & Json & { key: string }) =>
    printOrder(await (await sdkFor(o)).orders.place({ body: { contractNo, idempotencyKey: o.key } }), o.json),
  );
  for (const [step, what, extra] of [
    ['pay', 'mark an order paid into escrow (the buyer or the operator)', 'reference'],
    ['deliver', 'deliver a paid order (the seller): the acceptance period starts', 'note'],
    ['accept', 'accept a delivery (the buyer)', 'note'],
    ['dispute', 'object in writing within the acceptance period (the buyer)', 'reason'],
    ['cancel', 'cancel before delivery (either party): a paid order is refunded', 'reason'],
  ] as const) {
    const c = cmd
      .command(`${step}-order`)
      .description(what)
      .argument('<orderId>', 'the order, ord_…')
      .option('--json', 'print JSON');
    if (extra === 'note') c.option('--note <text>', 'a note for the other party');
    else
      c.requiredOption(
        `--${extra} <text>`,
        extra === 'reference' ? 'the payment’s transaction number' : 'why',
      );
    serverOptions(c).action((id: string, o: Remote & Json) => orderStep(id, step, o));
  }
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
  return bundleVerifyCommand({
    name: 'verify-contract',
    description:
      'check a contract bundle offline (both SM2 signatures over the canonical contract, the contract.signed and contract.concluded ledger entries, their Merkle inclusion, the checkpoint signature). Exits 1 naming the first failure',
    source: 'GET /api/trade/contracts/{contractNo}/verify',
    keyOf: 'the ledger’s checkpoint key',
    verify: verifyContractFile,
    valid: (r) =>
      `contract ${r.contractNo} (SM3 ${r.contractHash}) ${r.concluded ? 'concluded, signed by both parties' : 'signed by the buyer, awaiting the seller'}`,
  });
}
