import { generateKeyPairSync } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { Command } from 'commander';
import type {
  AnonymizeSpec,
  Dataset,
  Job,
  JointSpec,
  PsiSpec,
  SubmitJobBody,
  TemplateSpec,
} from '@shuliu/contracts';
import { saveDownload, serverOptions, sdkFor, type Remote } from './remote.js';
import { sm2PrivateScalar } from './sign.js';

// the agent, the SDK and core load inside the actions, so `--help` answers at once

type Json = { json?: boolean };
const print = (v: unknown) => console.log(JSON.stringify(v, null, 2));

/**
 * The agent's configuration file (written by `shuliu agent enroll`, datasets added by the holder): where the
 * platform is, who the agent is, its key, and the datasets it holds — each a CSV file inside the domain with
 * its columns' types. Paths are relative to the file.
 */
interface AgentConfig {
  platform: string;
  agentId: string;
  keyFile: string;
  datasets: {
    name: string;
    title: string;
    resourceId?: string;
    csv: string;
    columns: { name: string; type: 'integer' | 'number' | 'text' | 'date' | 'boolean'; title?: string }[];
  }[];
}

function readConfig(path: string): AgentConfig {
  let c: AgentConfig;
  try {
    c = JSON.parse(readFileSync(path, 'utf8')) as AgentConfig;
  } catch (e) {
    throw new Error(`cannot read the agent configuration ${path}: ${(e as Error).message}`);
  }
  for (const k of ['platform', 'agentId', 'keyFile'] as const)
    if (typeof c[k] !== 'string' || !c[k]) throw new Error(`${path}: ${k} is missing`);
  if (!Array.isArray(c.datasets)) throw new Error(`${path}: datasets must be a list`);
  c.datasets.forEach((d, i) => {
    if (!d.name || !d.title || !d.csv || !Array.isArray(d.columns) || d.columns.length === 0)
      throw new Error(`${path}: datasets[${i}] needs name, title, csv and columns`);
  });
  return c;
}

async function signerOf(keyFile: string) {
  const { Sm2Signer } = await import('@shuliu/core/sm2');
  const d = sm2PrivateScalar(readFileSync(keyFile, 'utf8'));
  const signer = Sm2Signer.fromBytes(d);
  d.fill(0);
  return signer;
}

/** Runs the agent from its configuration until SIGINT/SIGTERM. */
async function run(o: { config: string; pollMs: number }) {
  const c = readConfig(o.config);
  const base = dirname(resolve(o.config));
  const { DomainAgent } = await import('@shuliu/agent');
  const agent = new DomainAgent({
    platformUrl: c.platform,
    agentId: c.agentId,
    signer: await signerOf(resolve(base, c.keyFile)),
    datasets: c.datasets.map((d) => ({
      name: d.name,
      title: d.title,
      resourceId: d.resourceId,
      columns: d.columns,
      source: { csvPath: resolve(base, d.csv) },
    })),
    pollMs: o.pollMs,
    log: (line) => console.log(`${new Date().toISOString()} ${line}`),
  });
  await agent.start();
  console.log(`agent ${c.agentId} serving ${c.datasets.length} dataset(s) for ${c.platform}`);
  await new Promise<void>((done) => {
    const stop = () => void agent.stop().then(done);
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
}

/** Makes the agent's SM2 key, enrols its public half with the one-time code and writes the configuration. */
async function enroll(o: { server: string; agent: string; code: string; key: string; out: string }) {
  const { Sm2Signer } = await import('@shuliu/core/sm2');
  const { privateKey } = generateKeyPairSync('ec', {
    namedCurve: 'SM2',
    privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
    publicKeyEncoding: { type: 'spki', format: 'pem' },
  });
  const d = sm2PrivateScalar(privateKey);
  const publicKey = Sm2Signer.fromBytes(d).publicKeyHex;
  d.fill(0);
  const sdk = await sdkFor({ server: o.server });
  const agent = await sdk.compute.enrol({
    body: { agentId: o.agent, code: o.code, publicKey, software: 'shuliu-agent/0.1' },
  });
  try {
    writeFileSync(o.key, privateKey, { mode: 0o600, flag: 'wx' });
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
    throw new Error(`${o.key} exists: enroll never overwrites a key`);
  }
  const config: AgentConfig = { platform: o.server, agentId: agent.id, keyFile: o.key, datasets: [] };
  writeFileSync(o.out, `${JSON.stringify(config, null, 2)}\n`, { flag: 'wx' });
  console.log(
    `enrolled ${agent.name} (${agent.id}) of ${agent.orgName ?? agent.orgId}; key id ${agent.keyId}`,
  );
  console.log(
    `wrote ${o.key} (mode 0600) and ${o.out}: add the datasets it holds, then run \`shuliu agent --config ${o.out}\``,
  );
}

export function agentCommand() {
  const cmd = new Command('agent')
    .description(
      'the compute agent (域内计算节点): runs inside the data holder’s domain, only calls out, computes approved jobs and returns released results, SM2-signed',
    )
    .option('--config <file>', 'the agent configuration written by `shuliu agent enroll`', 'agent.json')
    .option('--poll-ms <ms>', 'how often an idle agent asks for work', (v) => Number(v), 1000)
    .action((o: { config: string; pollMs: number }) => run(o));
  cmd
    .command('enroll')
    .description(
      'make the agent’s SM2 key pair and enrol its public key with the one-time code from the org administrator',
    )
    .requiredOption('-s, --server <url>', 'the Shuliu platform, e.g. http://localhost:8080')
    .requiredOption('--agent <id>', 'the agent (agt_…) the administrator registered')
    .requiredOption('--code <code>', 'the one-time enrolment code (enr_…)')
    .option('--key <file>', 'where to write the agent’s private key', 'agent-key.pem')
    .option('--out <file>', 'where to write the configuration', 'agent.json')
    .action((o) => enroll(o));
  return cmd;
}

function parsed<T>(option: string, text: string): T {
  try {
    return JSON.parse(text) as T;
  } catch (e) {
    throw new Error(`${option} is not JSON: ${(e as Error).message}`);
  }
}

const datasetLine = (d: Dataset) =>
  `${d.id}  ${d.table.padEnd(24)} ${String(d.rows).padStart(9)} rows  k ${d.k ?? '—'}  ε left ${d.epsilonRemaining}` +
  `  ${d.title} — ${d.orgName ?? d.orgId}${d.policy ? '' : '  (no release policy yet)'}`;

function printJob(j: Job) {
  console.log(
    `${j.id}  ${j.status}  ${j.kind}  ${j.table} (${j.datasetId})  ε ${j.epsilon}${j.contractNo ? `  under ${j.contractNo}` : ''}${j.grantId ? `  under ${j.grantId}` : ''}`,
  );
  if (j.joint)
    console.log(
      `  joint ${j.joint.statistic}${j.joint.column ? ` of ${j.joint.column}` : ''} over ${[j.datasetId, ...j.joint.with].join(', ')}` +
        (j.joint.groupBy ? ` by ${j.joint.groupBy.column}` : ''),
    );
  if (j.psi)
    console.log(
      `  PSI of ${j.table}.${j.psi.column} with ${j.psi.with.datasetId}.${j.psi.with.column} (${j.psi.normalize}), revealing ${j.psi.reveal}`,
    );
  if (j.reason) console.log(`  ${j.rule ? `${j.rule}: ` : ''}${j.reason}`);
  const e = j.result?.export;
  if (e) {
    const levels = e.transformation.map((x) => `${x.column} ${x.level}/${x.height - 1}`).join(', ');
    console.log(
      `  ${e.fileName}: ${e.rows} rows, ${e.classes} classes, ${e.suppressed} suppressed; levels ${levels}`,
    );
    console.log(
      `  information loss ${(e.loss.loss * 100).toFixed(1)}%, 1 − precision ${(e.loss.precision * 100).toFixed(1)}%, ` +
        `average class ${e.loss.avgClassSize.toFixed(1)} rows; lattice ${e.lattice.checked} of ${e.lattice.nodes} nodes checked in ${e.lattice.timeMs} ms`,
    );
    console.log(
      `  file SM3 ${e.sm3}${j.derivedResourceId ? `; catalog resource ${j.derivedResourceId}` : ''}`,
    );
  }
  if (j.result) {
    console.log(`  ${j.result.columns.join('\t')}`);
    for (const r of j.result.rows)
      console.log(`  ${r.map((v) => (v === null ? '—' : String(v))).join('\t')}`);
    if (j.result.suppressedGroups) console.log(`  (${j.result.suppressedGroups} group(s) below k held back)`);
    console.log(`  ${j.kind === 'psi' ? 'protocol' : 'noise'}: ${j.result.mechanism}`);
  }
  for (const part of j.jointParts ?? [])
    console.log(
      `  part of ${part.datasetId}: SM3 ${part.localHash}, signed by ${part.agentId} (${part.keyId})`,
    );
  if (j.kind === 'joint' && j.ledgerIndex !== null) console.log(`  ledger #${j.ledgerIndex}`);
  if (j.receipt)
    console.log(
      `  receipt: ledger #${j.receipt.ledgerIndex}, result SM3 ${j.receipt.resultHash}, signed by ${j.receipt.keyId}`,
    );
}

const TERMINAL = new Set(['done', 'refused', 'failed', 'withheld', 'review']);
const PSI_NORMALIZE = ['id_card', 'uscc', 'phone', 'email', 'text'];

type BasisOptions = { contract?: string; grant?: string; purpose?: string; consent?: string; wait?: boolean };

/** Submits a job under the basis the options name; with --wait, polls until it settles (ten minutes at most). */
async function submitJob(
  o: Remote & BasisOptions,
  body: Omit<SubmitJobBody, 'kind'> & { kind: SubmitJobBody['kind'] },
) {
  const sdk = await sdkFor(o);
  let j = await sdk.compute.submitJob({
    body: {
      ...body,
      ...(o.contract && { contractNo: o.contract }),
      ...(o.grant && { grantId: o.grant }),
      ...(o.purpose && { purpose: o.purpose }),
      ...(o.consent && { consentVersionId: o.consent }),
    },
  });
  for (const started = Date.now(); o.wait && !TERMINAL.has(j.status) && Date.now() - started < 600_000;) {
    await new Promise((r) => setTimeout(r, 1000));
    j = await sdk.compute.job({ params: { id: j.id } });
  }
  return j;
}

export function computeCommand() {
  const cmd = new Command('compute').description(
    'compute-to-data: datasets you may compute on, jobs and their results',
  );
  serverOptions(
    cmd
      .command('datasets')
      .description('the datasets you may compute on (or hold): the table name for SQL, k and the budget left')
      .argument('[query]', 'words to look for')
      .option('--json', 'print the answer as JSON'),
  ).action(async (q: string | undefined, o: Remote & Json) => {
    const r = await (await sdkFor(o)).compute.datasets({ query: { q, page: 1, pageSize: 100 } });
    if (o.json) return print(r);
    console.log(`${r.total} dataset(s)`);
    for (const d of r.items) console.log(datasetLine(d));
  });
  serverOptions(
    cmd
      .command('submit')
      .description(
        'submit SQL on a dataset: refused at once by rule if outside the allow-list; --wait for the result',
      )
      .requiredOption('--dataset <id>', 'the dataset (cds_…)')
      .option('--sql <sql>', 'one SELECT of aggregates over the dataset’s table')
      .option(
        '--anonymize <file>',
        'an anonymized export instead: a JSON file of quasi-identifiers with hierarchies, k (l, t), suppressionLimit, title',
      )
      .option(
        '--joint <json>',
        'a joint statistic over this and other agents’ datasets instead, e.g. {"with":["cds_…"],"statistic":"mean","column":"cost","groupBy":{"column":"dept","categories":["内科","外科"]}}',
      )
      .option(
        '--template <json>',
        'an approved algorithm instead, e.g. {"name":"mean","column":"cost"} (histogram, quantiles, sum, mean, correlation, linear_regression, logistic_regression)',
      )
      .option('--epsilon <ε>', 'the privacy to spend (default: the policy’s per query)', Number)
      .option('--contract <no>', 'the concluded compute contract you compute under')
      .option('--grant <id>', 'the enterprise authorization (eag_…) or authorized-operation grant (aog_…)')
      .option('--consent <scv>', 'on another org’s personal data: your consent scenario version (scv_…)')
      .option('--purpose <text>', 'the purpose (default: the contract’s)')
      .option('--wait', 'wait until the job is done, refused or failed')
      .option('--json', 'print the job as JSON'),
  ).action(
    async (
      o: Remote &
        Json & {
          dataset: string;
          sql?: string;
          template?: string;
          anonymize?: string;
          joint?: string;
          epsilon?: number;
        } & BasisOptions,
    ) => {
      if ([o.sql, o.template, o.anonymize, o.joint].filter(Boolean).length !== 1)
        throw new Error('give one of --sql, --template, --anonymize or --joint');
      const j = await submitJob(o, {
        datasetId: o.dataset,
        ...(o.sql
          ? { kind: 'sql', sql: o.sql }
          : o.joint
            ? { kind: 'joint', joint: parsed<JointSpec>('--joint', o.joint) }
            : o.template
              ? { kind: 'template', template: parsed<TemplateSpec>('--template', o.template) }
              : {
                  kind: 'anonymize',
                  anonymize: parsed<AnonymizeSpec>('--anonymize', readFileSync(o.anonymize!, 'utf8')),
                }),
        ...(o.epsilon !== undefined && { epsilon: o.epsilon }),
      });
      if (o.json) return print(j);
      printJob(j);
    },
  );
  serverOptions(
    cmd
      .command('psi')
      .description(
        'private set intersection: how many (or which) identifiers of your own dataset another dataset holds; the two agents exchange only blinded points',
      )
      .requiredOption('--dataset <id>', 'the other org’s dataset (cds_…)')
      .requiredOption('--column <name>', 'its identifier column (one of its declared join keys)')
      .requiredOption('--with <id[:column]>', 'your own dataset and its column (default: the same name)')
      .option('--normalize <kind>', 'id_card, uscc, phone, email or text', 'id_card')
      .option('--reveal <what>', 'size, or ids: which of your own identifiers match', 'size')
      .option('--contract <no>', 'the concluded compute contract you compute under')
      .option('--grant <id>', 'the enterprise authorization (eag_…) or authorized-operation grant (aog_…)')
      .option('--consent <scv>', 'on another org’s personal data: your consent scenario version (scv_…)')
      .option('--purpose <text>', 'the purpose (default: the contract’s or grant’s)')
      .option('--wait', 'wait until the job is done, refused or failed')
      .option('-o, --output <path>', 'with --reveal ids and --wait: save the matching identifiers as CSV')
      .option('--json', 'print the job as JSON'),
  ).action(
    async (
      o: Remote &
        Json &
        BasisOptions & {
          dataset: string;
          column: string;
          with: string;
          normalize: string;
          reveal: string;
          output?: string;
        },
    ) => {
      const [own, ownColumn] = o.with.split(':');
      if (!PSI_NORMALIZE.includes(o.normalize))
        throw new Error(`--normalize must be one of ${PSI_NORMALIZE.join(', ')}`);
      if (o.reveal !== 'size' && o.reveal !== 'ids') throw new Error('--reveal must be size or ids');
      const psi = {
        column: o.column,
        with: { datasetId: own!, column: ownColumn || o.column },
        normalize: o.normalize as PsiSpec['normalize'],
        reveal: o.reveal,
      } satisfies PsiSpec;
      const j = await submitJob(o, { datasetId: o.dataset, kind: 'psi', psi });
      if (o.output && j.result && o.reveal === 'ids') {
        const lines = [j.result.columns[0], ...j.result.rows.map((r) => String(r[0]))];
        writeFileSync(o.output, `${lines.join('\n')}\n`, { mode: 0o600 });
        console.error(`saved ${j.result.rows.length} matching identifier(s) to ${o.output}`);
      }
      if (o.json) return print(j);
      printJob(j);
    },
  );
  serverOptions(
    cmd
      .command('job')
      .description('one job: status, reason, the released result and its receipt')
      .argument('<id>', 'the job (cjb_…)')
      .option('--json', 'print the job as JSON'),
  ).action(async (id: string, o: Remote & Json) => {
    const j = await (await sdkFor(o)).compute.job({ params: { id } });
    if (o.json) return print(j);
    printJob(j);
  });
  serverOptions(
    cmd
      .command('output')
      .description('save an anonymized export’s CSV (the holder in review, the consumer once released)')
      .argument('<id>', 'the job (cjb_…)')
      .option('-o, --output <path>', 'where to save it (default: the file’s name, here)'),
  ).action(async (id: string, o: Remote & { output?: string }) => {
    const sdk = await sdkFor(o);
    const { api } = await import('@shuliu/contracts');
    const res = await sdk.client.download(api.compute.jobDownload, { params: { id } });
    const { path, size } = await saveDownload(res, o.output, `${id}.csv`);
    console.log(`saved ${path} (${size} bytes) from job ${id}`);
  });
  return cmd;
}
