import { readFileSync } from 'node:fs';
import { Option } from 'commander';

// what `shuliu protect` and `shuliu quality` share to read a data file; `@shuliu/core/tabular` itself loads
// inside their actions, so `--help` answers at once
export type Progress = { bytesRead: number; totalBytes?: number; rows: number };

export interface ReadOptions {
  format?: 'csv' | 'tsv' | 'jsonl' | 'xlsx' | 'parquet';
  encoding?: 'utf-8' | 'gb18030' | 'utf-16le';
}

export const formatOption = () =>
  new Option('--format <format>', 'the input format (default: detected)').choices([
    'csv',
    'tsv',
    'jsonl',
    'xlsx',
    'parquet',
  ]);
export const encodingOption = () =>
  new Option(
    '--encoding <encoding>',
    'the text encoding (default: UTF-8, or GB18030 when not UTF-8)',
  ).choices(['utf-8', 'gb18030', 'utf-16le']);

/** Rows, rows/s and bytes % on one stderr line, only when a person is watching (stderr is a terminal). */
export function progressReporter(): { update(p: Progress): void; done(): void } {
  if (!process.stderr.isTTY) return { update: () => undefined, done: () => undefined };
  const started = performance.now();
  let last = 0;
  return {
    update(p) {
      const now = performance.now();
      if (now - last < 250) return;
      last = now;
      const rate = p.rows / ((now - started) / 1000);
      const pct = p.totalBytes ? `  ${((100 * p.bytesRead) / p.totalBytes).toFixed(0)} %` : '';
      process.stderr.write(
        `\r${p.rows.toLocaleString('en-US')} rows  ${Math.round(rate).toLocaleString('en-US')} rows/s${pct}   `,
      );
    },
    done: () => process.stderr.write('\r\x1b[K'),
  };
}

export function readJson(path: string, what: string): unknown {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    throw new Error(
      `cannot read ${what} ${path}: ${(e as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (e as Error).message}`,
    );
  }
  try {
    return JSON.parse(text);
  } catch (e) {
    throw new Error(`${what} ${path} is not valid JSON: ${(e as Error).message}`);
  }
}
