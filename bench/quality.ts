// `npm run bench -- --only=quality`: `shuliu quality check` on a 1M-row, 12-column CSV (--quality-rows=N) with
// the rules it suggests for that file (check digits, formats, enums, types, not-null, a unique key, duplicate
// rows, readability), beside a plain parse of the same file, each in a process of its own, in the same run
// (goal: ≥ 0.5× the parse's speed, under 300 MB). Startup excluded; peak RSS from the process's own count.
import { execFileSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { checkQuality } from '../packages/core/src/quality/index.js';
import { openTabular } from '../packages/core/src/tabular/index.js';
import { writeQualityCsv } from './quality-data.js';

const ROOT = resolve(fileURLToPath(new URL('..', import.meta.url)));
const ROWS = Number(process.argv.find((a) => a.startsWith('--quality-rows='))?.slice(15) ?? 1_000_000);
function child(args: string[]): { ms: number; rows: number; overall: number | null; maxRssMb: number } {
  const out = execFileSync(
    process.execPath,
    ['apps/cli/bin/tsx-run.mjs', 'bench/quality-child.ts', ...args],
    { cwd: ROOT, encoding: 'utf8', maxBuffer: 1 << 20 },
  );
  return JSON.parse(out.trim().split('\n').pop()!);
}

export async function runQualityBenchmarks() {
  const dir = join(ROOT, 'bench/tmp');
  mkdirSync(dir, { recursive: true });
  const csv = join(dir, `quality-${ROWS}.csv`);
  const rulesFile = join(dir, `quality-${ROWS}.rules.json`);
  try {
    await writeQualityCsv(csv, ROWS);
    // the rules `shuliu quality check` suggests for this file, saved as a holder would save them
    const suggested = await checkQuality(() => openTabular(csv));
    writeFileSync(rulesFile, JSON.stringify(suggested.suggested));
    const parse = child(['parse', csv]);
    const check = child(['check', csv, rulesFile]);
    const ratio = parse.ms / check.ms;
    console.log(
      `quality check ${ROWS.toLocaleString('en')} rows × 12 columns, ${suggested.suggested!.length} rules  ` +
        `${check.ms.toFixed(0).padStart(6)} ms, peak ${check.maxRssMb.toFixed(0)} MB  |  plain parse ` +
        `${parse.ms.toFixed(0).padStart(6)} ms, peak ${parse.maxRssMb.toFixed(0)} MB  |  ${ratio.toFixed(2)}× ` +
        `(goal ≥ 0.5× and < 300 MB: ${ratio >= 0.5 && check.maxRssMb < 300 ? 'met' : 'NOT met'}); overall ${check.overall}`,
    );
  } finally {
    rmSync(csv, { force: true });
    rmSync(rulesFile, { force: true });
  }
}
