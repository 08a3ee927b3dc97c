import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { Command } from 'commander';
import { addRemoteQualityCommands } from './quality-remote.js';
import type { Indicator, QualityExample, QualityReport, Rule } from '@shuliu/core/quality';
import {
  encodingOption,
  formatOption,
  progressReporter,
  readJson,
  type ReadOptions,
} from './tabular-input.js';

// `@shuliu/core/tabular` and `@shuliu/core/quality` load inside the action, so `--help` answers at once

/** A reference file holds one value a line; more than this is a table to join, not a code list. */
const MAX_REFERENCE_VALUES = 1_000_000;

/** The values of each `reference` rule that names a file, read relative to the rules file. */
function readReferences(rules: readonly Rule[], rulesFile: string): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  rules.forEach((r, i) => {
    if (r.kind !== 'reference' || !r.file) return;
    const path = resolve(dirname(rulesFile), r.file);
    let text: string;
    try {
      text = readFileSync(path, 'utf8');
    } catch (e) {
      const why = (e as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (e as Error).message;
      throw new Error(`rules[${i}].file: cannot read ${path}: ${why}`);
    }
    const values = text.split(/\r?\n/).flatMap((l) => (l.trim() ? [l.trim()] : []));
    if (values.length > MAX_REFERENCE_VALUES)
      throw new Error(
        `rules[${i}].file: ${path} holds over ${MAX_REFERENCE_VALUES.toLocaleString('en-US')} values`,
      );
    out[r.id] = values;
  });
  return out;
}

function asOfDate(v: string): string {
  const d = new Date(`${v}T00:00:00Z`);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(v) || Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== v)
    throw new Error(`--as-of must be a real date, YYYY-MM-DD, got "${v}"`);
  return v;
}

const score = (x: number | null) => (x === null ? '-' : x.toFixed(1));

function exampleLine(e: QualityExample): string {
  const cells = Object.entries(e.values)
    .map(([k, v]) => `${k}=${v === null || v === '' ? '(empty)' : String(v)}`)
    .join(', ');
  const where = e.row === null ? '' : `row ${e.row}: `;
  return `    ${where}${cells}${cells && e.note ? ' — ' : ''}${e.note ?? ''}`;
}

/** The report as a person reads it: indicator scores, then each rule's failures out of checks, with examples. */
export function qualityTable(file: string, r: QualityReport, labels: Record<Indicator, string>): string {
  const head = ['rule', 'indicator', 'checked', 'failed', 'score'];
  const rows = r.rules.map((x) => [x.id, x.indicator, String(x.checked), String(x.failed), score(x.score)]);
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i]!.length)));
  const line = (cells: string[]) =>
    cells.map((c, i) => (i < 2 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
  const lines = [`${file}: ${r.rows.toLocaleString('en-US')} rows, overall ${score(r.overall)}`, ''];
  for (const [k, x] of Object.entries(r.indicators))
    lines.push(`${k.padEnd(14)}${score(x).padStart(6)}  ${labels[k as Indicator]}`);
  lines.push('', line(head));
  r.rules.forEach((x, i) => lines.push(line(rows[i]!), ...x.examples.map(exampleLine)));
  if (r.suggested)
    lines.push(
      '',
      `no --rules given: the ${r.suggested.length === 1 ? 'rule' : `${r.suggested.length} rules`} above ` +
        'were suggested from the data (--json prints them as "suggested", a rules file to edit)',
    );
  return lines.join('\n');
}

async function check(
  file: string,
  o: ReadOptions & { rules?: string; weights?: string; asOf?: string; json?: boolean },
) {
  const { openTabular } = await import('@shuliu/core/tabular');
  const { checkQuality, parseQualityRules, parseQualityWeights, INDICATOR_LABELS } =
    await import('@shuliu/core/quality');
  const rules = o.rules ? parseQualityRules(readJson(o.rules, 'the rules file')) : undefined;
  const weights = o.weights ? parseQualityWeights(readJson(o.weights, 'the weights file')) : undefined;
  const references = rules && o.rules ? readReferences(rules, o.rules) : undefined;
  const progress = progressReporter();
  const report = await checkQuality(() => openTabular(file, o), {
    rules,
    weights,
    references,
    asOf: o.asOf,
    onBatch: progress.update,
  }).finally(progress.done);
  process.stdout.write(
    `${o.json ? JSON.stringify(report, null, 2) : qualityTable(file, report, INDICATOR_LABELS)}\n`,
  );
}

export function qualityCommand() {
  const quality = new Command('quality').description(
    'data quality by the six GB/T 36344 indicators: check a file offline, or a resource’s rules, runs and reports on a server',
  );
  quality
    .command('check')
    .description(
      'check a CSV/TSV/JSONL/XLSX/Parquet file against quality rules (or rules suggested from its data) and score it',
    )
    .argument('<file>', 'the data file')
    .option(
      '-r, --rules <file>',
      'quality rules JSON: [{ "kind": …, "columns": […], … }] (default: suggested)',
    )
    .option('-w, --weights <file>', 'indicator weights JSON: { "conformance": 2, … } (default: equal)')
    .option(
      '--as-of <date>',
      'the day freshness is measured at, YYYY-MM-DD (default: today in Beijing)',
      asOfDate,
    )
    .addOption(formatOption())
    .addOption(encodingOption())
    .option('--json', 'print the report as JSON')
    .action(check);
  addRemoteQualityCommands(quality);
  return quality;
}
