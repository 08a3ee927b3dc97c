// Child process of the quality benchmark, so that each figure has a process of its own to measure: `parse FILE`
// reads the table to its end; `check FILE RULES` runs `shuliu quality check`'s path (checkQuality with a rules
// file). Prints {ms, rows, maxRssMb} (and the report's overall score) as JSON.
import { readFileSync } from 'node:fs';
import { checkQuality, parseQualityRules } from '../packages/core/src/quality/index.js';
import { openTabular } from '../packages/core/src/tabular/index.js';

const [mode, file, rulesFile] = process.argv.slice(2);
const started = performance.now();
let rows = 0;
let overall: number | null = null;
if (mode === 'parse') {
  const source = await openTabular(file!);
  for await (const batch of source.batches()) rows += batch.length;
} else {
  const rules = parseQualityRules(JSON.parse(readFileSync(rulesFile!, 'utf8')));
  const report = await checkQuality(() => openTabular(file!), { rules, asOf: '2026-12-01' });
  rows = report.rows;
  overall = report.overall;
}
const ms = performance.now() - started;
console.log(JSON.stringify({ ms, rows, overall, maxRssMb: process.resourceUsage().maxRSS / 1024 }));
