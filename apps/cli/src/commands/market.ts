import { Command, InvalidArgumentError, Option } from 'commander';
import {
  DeliveryMode,
  Grade,
  PriceModelKind,
  type PriceModel,
  type Product,
  type ProductQuery,
} from '@shuliu/contracts';
import { serverOptions, sdkFor, type Remote } from './remote.js';

type Json = { json?: boolean };
const print = (v: unknown) => console.log(JSON.stringify(v, null, 2));

/** Integer fen as yuan, without floating point: 12345 → ¥123.45. */
export const yuan = (fen: number) =>
  `¥${Math.trunc(fen / 100)}.${String(Math.abs(fen % 100)).padStart(2, '0')}`;

const PER = { per_call: '/call', monthly: '/month', yearly: '/year', fixed: '' } as const;

/** A price model in one line, as a buyer reads it. */
export function priceLine(m: PriceModel | null): string {
  if (!m) return 'no price';
  switch (m.kind) {
    case 'fixed':
      return yuan(m.amountFen);
    case 'per_call':
      return `${yuan(m.unitFen)}/call`;
    case 'subscription':
      return `${yuan(m.amountFen)}${PER[m.period]}`;
    case 'tiered':
      return `tiered per ${m.unit}: ${m.tiers.map((t) => `${t.upTo === null ? 'beyond' : `≤${t.upTo}`} ${yuan(t.unitFen)}`).join(', ')}`;
    case 'government_guided':
      return `government-guided ${yuan(m.amountFen)}${PER[m.basis]}${m.capFen === null ? '' : ` (cap ${yuan(m.capFen)})`}`;
  }
}

const line = (p: Product) =>
  `${p.id}  ${p.grade.padEnd(9)} ${p.deliveryModes.join('+').padEnd(14)} ${priceLine(p.priceModel).padEnd(20)} ` +
  `${p.title}  — ${p.orgName ?? p.orgId}  [${p.boards.map((b) => b.name).join('、')}]`;

async function products(
  q: string | undefined,
  o: Remote &
    Json & {
      board?: string[];
      sector?: string[];
      delivery?: string[];
      priceModel?: string[];
      grade?: string[];
      sort: NonNullable<ProductQuery['sort']>;
      page: number;
    },
) {
  const sdk = await sdkFor(o);
  const r = await sdk.market.products({
    query: {
      q,
      board: o.board,
      sector: o.sector,
      deliveryMode: o.delivery as ProductQuery['deliveryMode'],
      priceModel: o.priceModel as ProductQuery['priceModel'],
      grade: o.grade as ProductQuery['grade'],
      sort: o.sort,
      page: o.page,
      pageSize: 20,
    },
  });
  if (o.json) return print(r);
  console.log(`${r.total} listed products${q ? ` matching "${q}"` : ''} (page ${r.page})`);
  for (const p of r.items) console.log(line(p));
  const facet = (name: string, list: { value: string; label: string | null; count: number }[]) =>
    list.length &&
    console.log(`  ${name}: ${list.map((b) => `${b.label ?? b.value} ${b.count}`).join(', ')}`);
  facet('boards', r.facets.board);
  facet('delivery', r.facets.deliveryMode);
  facet('price models', r.facets.priceModel);
}

async function product(id: string, o: Remote & Json) {
  const sdk = await sdkFor(o);
  const p = await sdk.market.product({ params: { id } });
  if (o.json) return print(p);
  console.log(`${p.title}  (${p.id}, ${p.status})`);
  console.log(`  seller       ${p.orgName ?? p.orgId}`);
  console.log(`  boards       ${p.boards.map((b) => `${b.name} (${b.code})`).join(', ')}`);
  console.log(`  sector       ${p.sectorName ?? p.sector}, region ${p.region}, grade ${p.grade}`);
  console.log(`  delivery     ${p.deliveryModes.join(', ')}`);
  console.log(`  price        ${priceLine(p.priceModel)}`);
  console.log(`  certificates ${p.certificateNos.join(', ') || '-'}`);
  console.log(`  declaration  SM3 ${p.declaration.hash}${p.declaration.signature ? ' (signed)' : ''}`);
  if (p.listing)
    console.log(`  ledger       listing.published #${p.listing.ledgerIndex}, SM3 ${p.listing.hash}`);
  console.log(`  resources    ${p.resources.map((r) => `${r.title ?? r.id} (${r.basis})`).join('; ')}`);
  for (const s of p.scenarios) console.log(`  scenario     ${s.title}: ${s.description}`);
  console.log(`\n${p.summary}\n\n${p.description}`);
}

/**
 * 声明承诺制, offline: signs a product's declaration with the org's own SM2 key (registered on the platform)
 * and sends the signature, naming the registered key it was made with.
 */
async function sign(id: string, o: Remote & Json & { key: string; keyId?: string }) {
  const { readFileSync } = await import('node:fs');
  const { publicKeyHexOf, signDocument } = await import('./sign.js');
  let pem: string;
  try {
    pem = readFileSync(o.key, 'utf8');
  } catch (e) {
    throw new Error(`cannot read the key ${o.key}: ${(e as NodeJS.ErrnoException).code}`);
  }
  const sdk = await sdkFor(o);
  const p = await sdk.market.product({ params: { id } });
  let keyId = o.keyId;
  if (!keyId) {
    const mine = await publicKeyHexOf(pem);
    const { items } = await sdk.orgKeys.list({ params: { id: p.orgId } });
    const found = items.find((k) => k.publicKey === mine && !k.retiredAt);
    if (!found)
      throw new Error(
        `this key is not an active signing key of ${p.orgName ?? p.orgId}: register its public key first (\`shuliu keygen\` prints it)`,
      );
    keyId = found.id;
  }
  const signature = await signDocument(JSON.stringify(p.declaration.document), pem);
  const signed = await sdk.market.signDeclaration({
    params: { id },
    body: { custody: 'org', keyId, signature },
  });
  if (o.json) return print(signed.declaration);
  console.log(`signed the declaration of ${signed.title} (${signed.id})`);
  console.log(`  SM3 ${signed.declaration.hash}`);
  console.log(`  key ${keyId}, signature ${signature}`);
}

const list = (v: string, prev: string[] = []) => [...prev, v];
/** A repeatable option whose values must be among `choices`. */
const oneOf =
  (choices: readonly string[]) =>
  (v: string, prev: string[] = []) => {
    if (!choices.includes(v)) throw new InvalidArgumentError(`must be one of ${choices.join(', ')}`);
    return [...prev, v];
  };

export function marketCommand(): Command {
  const cmd = new Command('market').description(
    'the data marketplace (数据产品) of a running server: browse, and sign a declaration offline',
  );
  serverOptions(
    cmd
      .command('products')
      .description('search the listed products (Chinese full text, facets)')
      .argument('[query]', 'words to look for')
      .option('--board <code>', 'an industry board, e.g. health (repeatable)', list)
      .option('--sector <code>', 'a catalog sector (repeatable)', list)
      .addOption(
        new Option(
          '--delivery <mode>',
          `a delivery mode (repeatable): ${DeliveryMode.options.join(', ')}`,
        ).argParser(oneOf(DeliveryMode.options)),
      )
      .addOption(
        new Option(
          '--price-model <kind>',
          `a price model (repeatable): ${PriceModelKind.options.join(', ')}`,
        ).argParser(oneOf(PriceModelKind.options)),
      )
      .addOption(
        new Option('--grade <grade>', `a grade (repeatable): ${Grade.options.join(', ')}`).argParser(
          oneOf(Grade.options),
        ),
      )
      .addOption(
        new Option('--sort <order>', 'the order')
          .choices(['relevance', 'newest', 'price_asc', 'price_desc', 'title'])
          .default('relevance'),
      )
      .option('--page <n>', 'page number', (v) => Number(v), 1)
      .option('--json', 'print the answer as JSON'),
  ).action((q: string | undefined, o) => products(q, o));
  serverOptions(
    cmd
      .command('product')
      .description('show one product: price, certificates, declaration hash, ledger entry')
      .argument('<id>', 'the product (prd_…)')
      .option('--json', 'print the product as JSON'),
  ).action((id: string, o) => product(id, o));
  serverOptions(
    cmd
      .command('sign')
      .description(
        'sign a product’s declaration (声明承诺) offline with your org’s own SM2 key and send the signature',
      )
      .argument('<id>', 'the product (prd_…), a draft of your org')
      .requiredOption('--key <pem>', 'your org’s SM2 private key (PKCS#8 or SEC1 PEM)')
      .option('--key-id <id>', 'the registered key (osk_…); found from the key itself when left out')
      .option('--json', 'print the signed declaration as JSON'),
  ).action((id: string, o) => sign(id, o));
  return cmd;
}
