import { readFileSync, renameSync, rmSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { Command } from 'commander';
import {
  encodingOption,
  formatOption,
  progressReporter,
  readJson,
  type ReadOptions,
} from './tabular-input.js';

// `@shuliu/core/tabular` and `@shuliu/core/protect` load inside the actions, so `--help` answers at once

/** A key file holds hex text (at least 32 hex digits) or at least 16 raw bytes. */
function readKey(path: string): Buffer {
  let raw: Buffer;
  try {
    raw = readFileSync(path);
  } catch (e) {
    throw new Error(`cannot read the key file ${path}: ${(e as Error).message}`);
  }
  const text = raw.toString('latin1').trim();
  const key = /^(?:[0-9a-fA-F]{2}){16,}$/.test(text) ? Buffer.from(text, 'hex') : raw;
  if (key.length < 16)
    throw new Error(`the key file ${path} holds ${key.length} bytes; a key needs at least 16`);
  return key;
}

async function scan(file: string, o: ReadOptions & { sample: number; pretty?: boolean }) {
  const { openTabular } = await import('@shuliu/core/tabular');
  const { scanTabular } = await import('@shuliu/core/protect');
  const progress = progressReporter();
  const source = await openTabular(file, o);
  const report = await scanTabular(source, { sampleRows: o.sample, onBatch: progress.update });
  progress.done();
  process.stdout.write(`${JSON.stringify(report, null, o.pretty ? 2 : undefined)}\n`);
}

async function mask(file: string, o: ReadOptions & { out: string; rules?: string; keyFile?: string }) {
  if (resolve(o.out) === resolve(file)) throw new Error('--out must name another file than the input');
  const { openTabular } = await import('@shuliu/core/tabular');
  const { maskTabular, parseMaskRules } = await import('@shuliu/core/protect');
  const rules = o.rules ? parseMaskRules(readJson(o.rules, 'the rules file')) : undefined;
  const key = o.keyFile ? readKey(o.keyFile) : undefined;
  const progress = progressReporter();
  const source = await openTabular(file, o);
  // written beside the target and renamed at the end, so a failed run leaves no half-masked file behind
  const partial = join(dirname(o.out), `.${basename(o.out)}.partial`);
  try {
    const r = await maskTabular(source, partial, { rules, key, onBatch: progress.update });
    renameSync(partial, o.out);
    progress.done();
    const masked = r.plan.columns.filter((c) => c.rule.strategy !== 'keep');
    console.error(
      `masked ${r.rows.toLocaleString('en-US')} rows into ${o.out}: ` +
        (masked
          .map((c) => `${c.name} (${c.rule.strategy}${c.from === 'detected' ? ', detected' : ''})`)
          .join(', ') || 'no column changed'),
    );
  } catch (e) {
    progress.done();
    rmSync(partial, { force: true });
    throw e;
  }
}

export function protectCommand() {
  const protect = new Command('protect').description(
    'find personal information in a data file, grade it (GB/T 43697) and mask it, offline',
  );
  protect
    .command('scan')
    .description('profile a CSV/TSV/JSONL/XLSX/Parquet file; print columns, detected PII and grades as JSON')
    .argument('<file>', 'the data file')
    .addOption(formatOption())
    .addOption(encodingOption())
    .option(
      '--sample <n>',
      'rows in the masked sample',
      (v: string) => {
        if (!/^\d+$/.test(v)) throw new Error(`--sample must be a whole number, got "${v}"`);
        return Number(v);
      },
      5,
    )
    .option('--pretty', 'indent the JSON')
    .action(scan);
  protect
    .command('mask')
    .description('write a masked copy of a data file: same format, same row order')
    .argument('<file>', 'the data file')
    .requiredOption('-o, --out <file>', 'where to write the masked file')
    .option(
      '-r, --rules <file>',
      'masking rules JSON: { "columns": { "<name>": { "strategy": … } }, "key"? }',
    )
    .option(
      '-k, --key-file <file>',
      'the HMAC-SM3 key for pseudonymization (hex text or raw bytes, ≥ 16 bytes)',
    )
    .addOption(formatOption())
    .addOption(encodingOption())
    .action(mask);
  return protect;
}
