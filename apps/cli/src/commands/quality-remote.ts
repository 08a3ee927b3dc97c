import type { Command } from 'commander';
import type { QualityRun, QualityRunSummary } from '@shuliu/contracts';
import { serverOptions, sdkFor, type Remote } from './remote.js';
import { readJson } from './tabular-input.js';

// the SDK loads inside the actions, so `--help` answers at once

type Json = { json?: boolean };
const print = (v: unknown) => console.log(JSON.stringify(v, null, 2));
const score = (x: number | null) => (x === null ? '-' : x.toFixed(1));
/** How often `run --wait` asks how far the run is. */
const POLL_MS = 500;

/** One run as a line of the trend: when, how it started, where it ran, its state and overall score. */
export function runLine(r: QualityRunSummary): string {
  const where = r.domain ? `in domain (agent ${r.domain.agentId})` : `file ${r.fileId ?? '-'}`;
  const state =
    r.status === 'running'
      ? `running ${Math.round(r.progress * 100)}%`
      : r.status === 'failed'
        ? `failed: ${r.error}`
        : r.status;
  return `${r.id}  ${r.createdAt.slice(0, 16).replace('T', ' ')}  ${r.trigger.padEnd(8)}  ${state.padEnd(12)}  overall ${score(r.overall).padStart(5)}  ${r.rows.toLocaleString('en-US')} rows  ${where}`;
}

async function printReport(run: QualityRun, o: Json) {
  if (o.json) return print(run);
  if (!run.report) return console.log(runLine(run));
  const { qualityTable } = await import('./quality.js');
  const { INDICATOR_LABELS } = await import('@shuliu/core/quality');
  // the API's report is the engine's, its rule kinds as text
  const report = run.report as unknown as Parameters<typeof qualityTable>[1];
  console.log(qualityTable(`${run.resourceId} (run ${run.id})`, report, INDICATOR_LABELS));
}

/**
 * The platform's quality of a resource: its rules (see, save), runs (start, wait, trend) and the latest report —
 * the same API the portal's 数据质量 tab uses.
 */
export function addRemoteQualityCommands(quality: Command) {
  serverOptions(
    quality
      .command('rules')
      .description(
        'a resource’s quality rules: the saved ones, or those suggested from its data; --save replaces them',
      )
      .argument('<resource>', 'the resource (res_…)')
      .option('--save <file>', 'a rules JSON file to save as the resource’s rules (you must own it)')
      .option('--json', 'print the answer as JSON'),
  ).action(async (id: string, o: Remote & Json & { save?: string }) => {
    const sdk = await sdkFor(o);
    const r = o.save
      ? await sdk.quality.saveRules({
          params: { id },
          body: { rules: readJson(o.save, 'the rules file') as unknown[] },
        })
      : await sdk.quality.rules({ params: { id } });
    if (o.json) return print(r);
    const origin = r.suggested
      ? r.fileId
        ? `suggested from file ${r.fileId}`
        : r.rules.length
          ? 'suggested in its domain by the agent that holds the data'
          : 'none saved, and no data to suggest them from'
      : `version ${r.version}, saved by ${r.updatedBy}`;
    console.log(`${id}: ${r.rules.length} rule(s), ${origin}`);
    for (const rule of r.rules) console.log(`  ${JSON.stringify(rule)}`);
  });

  serverOptions(
    quality
      .command('run')
      .description(
        'start a quality run of a resource (its newest data file, or its data in the domain that holds it)',
      )
      .argument('<resource>', 'the resource (res_…)')
      .option('--wait', 'wait for the run to finish and print its report')
      .option('--json', 'print the answer as JSON'),
  ).action(async (id: string, o: Remote & Json & { wait?: boolean }) => {
    const sdk = await sdkFor(o);
    const started = await sdk.quality.startRun({ params: { id } });
    if (!o.wait) return o.json ? print(started) : console.log(runLine(started));
    let run = await sdk.quality.run({ params: { id: started.id } });
    while (run.status === 'queued' || run.status === 'running') {
      if (!o.json) process.stderr.write(`\r${runLine(run)}`);
      await new Promise((r) => setTimeout(r, POLL_MS));
      run = await sdk.quality.run({ params: { id: started.id } });
    }
    if (!o.json) process.stderr.write('\n');
    await printReport(run, o);
    if (run.status === 'failed') process.exitCode = 1;
  });

  serverOptions(
    quality
      .command('runs')
      .description('a resource’s quality runs, newest first: the trend of its scores')
      .argument('<resource>', 'the resource (res_…)')
      .option('--json', 'print the answer as JSON'),
  ).action(async (id: string, o: Remote & Json) => {
    const r = await (await sdkFor(o)).quality.runs({ params: { id }, query: { page: 1, pageSize: 100 } });
    if (o.json) return print(r);
    console.log(`${r.total} run(s) of ${id}`);
    for (const run of r.items) console.log(runLine(run));
  });

  serverOptions(
    quality
      .command('report')
      .description(
        'the latest finished quality report of a resource (examples only for its holder and overseers)',
      )
      .argument('<resource>', 'the resource (res_…)')
      .option('--json', 'print the answer as JSON'),
  ).action(async (id: string, o: Remote & Json) => {
    await printReport(await (await sdkFor(o)).quality.report({ params: { id } }), o);
  });
}
