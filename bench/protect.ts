// `npm run bench -- --only=protect`: `protect scan` and `protect mask` over a generated 1,000,000-row, 12-column
// CSV, beside a plain parse-and-write of the same file with the same reader and writer, each pass in its own
// process so that its peak RSS is its own.
import { spawnSync } from 'node:child_process';
import { createWriteStream, mkdtempSync, rmSync, statSync } from 'node:fs';
import { once } from 'node:events';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { maskTabular, scanTabular, SyntheticPeople } from '@shuliu/core/protect';
import { createTabularWriter, openTabular } from '@shuliu/core/tabular';

const ROWS = Number(process.argv.find((a) => a.startsWith('--protect-rows='))?.slice(15) ?? 1_000_000);
const fmt = (n: number, digits = 0) =>
  n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });

/** Writes the benchmark table: names, mobiles, ID cards, bank cards, emails, addresses and numbers. */
async function generate(path: string, rows: number) {
  const g = new SyntheticPeople(42);
  const out = createWriteStream(path);
  out.write('id,name,mobile,id_card,bank_card,email,address,age,income,city,signup_date,score\n');
  let chunk = '';
  for (let i = 1; i <= rows; i++) {
    const date = `20${10 + g.int(15)}-0${1 + g.int(9)}-${10 + g.int(18)}`;
    chunk += `${i},${g.name()},${g.mobile()},${g.idCard()},${g.bankCard()},${g.email()},${g.address()},${18 + g.int(70)},${(g.random() * 50000).toFixed(2)},${g.pick(['济南', '青岛', '烟台', '潍坊'])},${date},${g.int(1000) / 10}\n`;
    if (i % 10_000 === 0) {
      if (!out.write(chunk)) await once(out, 'drain');
      chunk = '';
    }
  }
  out.end(chunk);
  await once(out, 'close');
}

/** One measured pass, run in a child process: prints `{ rows, ms, rssMiB }`. */
async function child(pass: string, file: string, out: string) {
  const t = performance.now();
  const source = await openTabular(file);
  let rows = 0;
  if (pass === 'baseline') {
    const writer = createTabularWriter(out, {
      format: source.format,
      columns: source.columns,
      dialect: source.dialect,
    });
    for await (const batch of source.batches()) {
      await writer.write(batch);
      rows += batch.length;
    }
    await writer.close();
  } else if (pass === 'scan') rows = (await scanTabular(source)).rows;
  else rows = (await maskTabular(source, out)).rows;
  const ms = performance.now() - t;
  console.log(JSON.stringify({ rows, ms, rssMiB: process.resourceUsage().maxRSS / 1024 }));
}

function measure(pass: string, file: string, out: string) {
  const r = spawnSync(
    process.execPath,
    ['apps/cli/bin/tsx-run.mjs', 'bench/protect.ts', `--child=${pass}`, file, out],
    {
      encoding: 'utf8',
    },
  );
  if (r.status !== 0) throw new Error(`protect benchmark ${pass} failed: ${r.stderr}`);
  return JSON.parse(r.stdout.trim().split('\n').pop()!) as { rows: number; ms: number; rssMiB: number };
}

export async function runProtectBenchmarks() {
  const dir = mkdtempSync(join(tmpdir(), 'shuliu-bench-protect-'));
  try {
    const file = join(dir, 'people.csv');
    const t = performance.now();
    await generate(file, ROWS);
    const mib = statSync(file).size / 2 ** 20;
    console.log(
      `\nprotect: ${fmt(ROWS)} rows × 12 columns, ${fmt(mib, 1)} MiB CSV (generated in ${fmt((performance.now() - t) / 1000, 1)} s)`,
    );
    // two rounds, alternating the order; the best of each pass counts
    const best: Record<string, { rows: number; ms: number; rssMiB: number }> = {};
    for (const round of [0, 1])
      for (const pass of round ? ['mask', 'scan', 'baseline'] : ['baseline', 'scan', 'mask']) {
        const r = measure(pass, file, join(dir, `${pass}.csv`));
        if (!best[pass] || r.ms < best[pass].ms) best[pass] = r;
      }
    const rate = (p: string) => best[p]!.rows / (best[p]!.ms / 1000);
    const base = rate('baseline');
    for (const pass of ['scan', 'mask']) {
      const ratio = rate(pass) / base;
      console.log(
        `protect ${pass.padEnd(4)} ${fmt(rate(pass)).padStart(9)} rows/s  peak RSS ${fmt(best[pass]!.rssMiB).padStart(4)} MiB  |  plain parse+write ${fmt(base).padStart(9)} rows/s  peak RSS ${fmt(best.baseline!.rssMiB).padStart(4)} MiB  |  ratio ${fmt(ratio, 2)}×  (goal ≥ 0.5×: ${ratio >= 0.5 ? 'met' : 'NOT met'})`,
      );
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const pass = process.argv.find((a) => a.startsWith('--child='))?.slice(8);
if (pass) {
  const [file, out] = process.argv.slice(-2) as [string, string];
  await child(pass, file, out);
} else if (process.argv[1]?.endsWith('protect.ts')) await runProtectBenchmarks();
