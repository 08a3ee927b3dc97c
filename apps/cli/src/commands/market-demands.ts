import { Option, type Command } from 'commander';
import type { Demand, DemandMatch, DemandQuery } from '@shuliu/contracts';
import { serverOptions, sdkFor, type Remote } from './remote.js';

type Json = { json?: boolean };
const print = (v: unknown) => console.log(JSON.stringify(v, null, 2));
const yuan = (fen: number) => `¥${Math.trunc(fen / 100)}.${String(Math.abs(fen % 100)).padStart(2, '0')}`;

/** A budget as a buyer states it: a range, an upper or lower end, or 面议. */
export function budgetLine(d: Pick<Demand, 'budgetMinFen' | 'budgetMaxFen'>): string {
  const { budgetMinFen: lo, budgetMaxFen: hi } = d;
  if (lo === null && hi === null) return 'budget open (面议)';
  if (lo === null) return `up to ${yuan(hi!)}`;
  if (hi === null) return `from ${yuan(lo)}`;
  return `${yuan(lo)}–${yuan(hi)}`;
}

const line = (d: Demand) =>
  `${d.id}  ${d.deadline}  ${budgetLine(d).padEnd(22)} ${d.title}  — ${d.orgName ?? d.orgId}` +
  `  [${d.sectorName ?? d.sector}${d.region ? ` ${d.region}` : ''}]`;

/** One match in a line: the score and each part's points. */
export const matchLine = (m: DemandMatch) =>
  `${String(m.score).padStart(3)}${m.good ? '★' : ' '} ${m.productId}  ${m.productTitle ?? ''} — ${m.orgName ?? m.orgId}\n` +
  `       ${m.parts.map((p) => `${p.key} ${p.value === null ? 'not yet rated' : `${p.points}/${p.weight}`}`).join(', ')}`;

async function demands(
  q: string | undefined,
  o: Remote &
    Json & { sector?: string[]; region?: string; sort: NonNullable<DemandQuery['sort']>; page: number },
) {
  const sdk = await sdkFor(o);
  const r = await sdk.demands.board({
    query: { q, sector: o.sector, region: o.region, sort: o.sort, page: o.page, pageSize: 20 },
  });
  if (o.json) return print(r);
  console.log(`${r.total} open demands${q ? ` matching "${q}"` : ''} (page ${r.page})`);
  for (const d of r.items) console.log(line(d));
  const facet = (name: string, list: { value: string; label: string | null; count: number }[]) =>
    list.length &&
    console.log(`  ${name}: ${list.map((b) => `${b.label ?? b.value} ${b.count}`).join(', ')}`);
  facet('sectors', r.facets.sector);
  facet('provinces', r.facets.region);
}

async function demand(id: string, o: Remote & Json) {
  const sdk = await sdkFor(o);
  const d = await sdk.demands.get({ params: { id } });
  // the ranking is the posting org's: others see the demand alone
  const matches =
    o.token || o.tokenFile ? await sdk.demands.matches({ params: { id } }).catch(() => null) : null;
  if (o.json) return print({ ...d, matches });
  console.log(`${d.title}  (${d.id}, ${d.state})`);
  console.log(`  buyer     ${d.orgName ?? d.orgId}`);
  console.log(
    `  sector    ${d.sectorName ?? d.sector}, region ${d.region ?? 'any'}, grades ${d.grades.join(', ')}`,
  );
  console.log(`  budget    ${budgetLine(d)}, deadline ${d.deadline}`);
  console.log(`  answers   ${d.answerCount}, matches ${d.matchCount}`);
  console.log(`\n${d.description}\n\n  purpose: ${d.purpose}`);
  if (!matches) return;
  console.log(`\nmatches (★ good: both sides told)`);
  for (const m of matches.items) console.log(matchLine(m));
  if (matches.merchants.length)
    console.log(
      `merchants: ${matches.merchants.map((x) => `${x.orgName ?? x.orgId} ${x.bestScore}`).join(', ')}`,
    );
}

const list = (v: string, prev: string[] = []) => [...prev, v];

/** `shuliu market demands` and `shuliu market demand <id>`: the demand board and one demand with its matches. */
export function addDemandCommands(cmd: Command): void {
  serverOptions(
    cmd
      .command('demands')
      .description('search the open demands (数据需求): Chinese full text, sector and province facets')
      .argument('[query]', 'words to look for')
      .option('--sector <code>', 'a catalog sector (repeatable)', list)
      .option('--region <code>', 'a GB/T 2260 division: demands for it and places within it')
      .addOption(
        new Option('--sort <order>', 'the order')
          .choices(['relevance', 'newest', 'deadline', 'budget_desc'])
          .default('relevance'),
      )
      .option('--page <n>', 'page number', (v) => Number(v), 1)
      .option('--json', 'print the answer as JSON'),
  ).action((q: string | undefined, o) => demands(q, o));
  serverOptions(
    cmd
      .command('demand')
      .description('show one demand; with a token of the posting org, its matches and each score’s parts')
      .argument('<id>', 'the demand (dmd_…)')
      .option('--json', 'print the demand (and its matches) as JSON'),
  ).action((id: string, o) => demand(id, o));
}
