import { writeFileSync } from 'node:fs';
import { Command, Option } from 'commander';
import { GrantStatus, type ConsentGrant } from '@shuliu/contracts';
import { serverOptions, sdkFor, type Remote } from './remote.js';

type Json = { json?: boolean };
const day = (iso: string) => iso.slice(0, 10);
const print = (v: unknown) => console.log(JSON.stringify(v, null, 2));

function grantLine(g: ConsentGrant): string {
  const who = g.subjectName ? `  ${g.subjectName}` : '';
  return (
    `${g.id}  ${g.status.padEnd(10)} ${g.scenarioTitle} v${g.version} → ${g.orgName ?? g.orgId}${who}\n` +
    `    fields ${g.fields.map((f) => f.name).join(', ')}; until ${day(g.expiresAt)}; ` +
    `receipts ${g.receipts.map((r) => `${r.id} (${r.event})`).join(', ')}`
  );
}

async function grants(o: Remote & Json & { received?: boolean; status?: GrantStatus; page: number }) {
  const sdk = await sdkFor(o);
  const r = await sdk.consent.grants({
    query: { box: o.received ? 'received' : 'mine', status: o.status, page: o.page, pageSize: 50 },
  });
  if (o.json) return print(r);
  console.log(`${r.total} grants${o.received ? ' received' : ''} (page ${r.page})`);
  for (const g of r.items) console.log(grantLine(g));
}

async function receipt(id: string, o: Remote & { out?: string }) {
  const sdk = await sdkFor(o);
  const text = `${JSON.stringify(await sdk.consent.receipt({ params: { id } }), null, 2)}\n`;
  if (!o.out) return void process.stdout.write(text);
  writeFileSync(o.out, text);
  console.error(`wrote ${o.out}; check it offline with: shuliu verify-consent ${o.out}`);
}

/** Exit status 0 when allowed, 3 when denied, so that scripts can branch on it. */
async function check(o: Remote & Json & { subject: string; versionId: string; fields: string; at?: string }) {
  const sdk = await sdkFor(o);
  const fields = o.fields
    .split(',')
    .map((f) => f.trim())
    .filter(Boolean);
  const d = await sdk.consent.check({
    body: { subjectId: o.subject, versionId: o.versionId, fields, ...(o.at && { at: o.at }) },
  });
  if (o.json) print(d);
  else if (d.allow) console.log(`ALLOW (${d.reason}) under ${d.grantId}`);
  else
    console.log(
      `DENY (${d.reason})${d.missingFields.length ? `: not granted ${d.missingFields.join(', ')}` : ''}`,
    );
  if (!d.allow) process.exitCode = 3;
}

async function revoke(id: string, o: Remote & Json) {
  const sdk = await sdkFor(o);
  const g = await sdk.consent.revoke({ params: { id } });
  if (o.json) return print(g);
  console.log(grantLine(g));
  const last = g.receipts.at(-1);
  if (last) console.log(`revocation receipt: shuliu consent receipt ${last.id} --server ${o.server} -o …`);
}

async function uses(o: Remote & Json & { grant?: string; page: number }) {
  const sdk = await sdkFor(o);
  const r = await sdk.consent.uses({ query: { grantId: o.grant, page: o.page, pageSize: 50 } });
  if (o.json) return print(r);
  console.log(`${r.total} checks of your consent (page ${r.page}), newest first`);
  for (const u of r.items)
    console.log(
      `${u.at}  ${(u.allow ? 'ALLOW' : 'DENY').padEnd(5)} ${u.reason.padEnd(18)} ${u.orgName ?? 'platform'}  ` +
        `${u.scenarioTitle ?? '?'}${u.version ? ` v${u.version}` : ''}  ${u.fields.map((f) => f.label).join('、')}`,
    );
}

async function operators(o: Remote & Json) {
  const sdk = await sdkFor(o);
  const r = await sdk.consent.authorizedOperators();
  if (o.json) return print(r);
  if (r.items.length === 0) return void console.log('no organization is authorized to operate public data');
  for (const x of r.items)
    console.log(
      `${x.orgName}  ${x.scope === 'comprehensive' ? '综合授权' : `分领域授权 ${x.sectors.join('、')}`}  ` +
        `up to ${x.maxGrade}, until ${day(x.endsAt)}, by ${x.authorityOrgName}`,
    );
}

export function consentCommand(): Command {
  const cmd = new Command('consent').description(
    'the authorization hub of a running server: grants, receipts, consent checks, authorized operators',
  );
  serverOptions(
    cmd
      .command('grants')
      .description('a person’s own (and wards’) grants, or with --received those an org’s scenarios hold')
      .option('--received', 'grants to the caller org’s scenarios')
      .addOption(new Option('--status <status>', 'only grants in this state').choices(GrantStatus.options))
      .option('--page <n>', 'page number', (v) => Number(v), 1)
      .option('--json', 'print the answer as JSON'),
  ).action((o) => grants(o));
  serverOptions(
    cmd
      .command('receipt')
      .description('download a consent receipt bundle, which `shuliu verify-consent` checks offline')
      .argument('<receiptId>', 'the receipt (rcp_…)')
      .option('-o, --out <file>', 'write the bundle here instead of standard output'),
  ).action((id: string, o) => receipt(id, o));
  serverOptions(
    cmd
      .command('check')
      .description('consent.check: may these fields of this person be used under this scenario version?')
      .requiredOption('--subject <usr>', 'the person (usr_…)')
      .requiredOption('--version-id <scv>', 'the scenario version (scv_…)')
      .requiredOption('--fields <a,b>', 'comma-separated field names')
      .option('--at <iso>', 'decide as of this instant (default: now)')
      .option('--json', 'print the decision as JSON'),
  ).action((o) => check(o));
  serverOptions(
    cmd
      .command('revoke')
      .description('revoke one of your grants, with immediate effect')
      .argument('<grantId>', 'the grant (cgr_…)')
      .option('--json', 'print the grant as JSON'),
  ).action((id: string, o) => revoke(id, o));
  serverOptions(
    cmd
      .command('uses')
      .description('who checked your consent (and your wards’): when, which fields, and the answer')
      .option('--grant <cgr>', 'only the checks decided on this grant')
      .option('--page <n>', 'page number', (v) => Number(v), 1)
      .option('--json', 'print the answer as JSON'),
  ).action((o) => uses(o));
  serverOptions(
    cmd
      .command('operators')
      .description('the public list of organizations authorized to operate public data (授权运营主体)')
      .option('--json', 'print the answer as JSON'),
  ).action((o) => operators(o));
  return cmd;
}
