// `npm run bench -- --only=quality`: `shuliu quality check` on a 1M-row, 12-column CSV (--quality-rows=N) with
// the rules it suggests for that file (check digits, formats, enums, types, not-null, a unique key, duplicate
// rows, readability), beside a plain parse of the same file, each in a process of its own, in the same run
// (goal: ≥ 0.5× the parse's speed, under 300 MB). Startup excluded; peak RSS from the process's own count.
import { execFileSync } from 'node:child_process';
import { createWriteStream, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { once } from 'node:events';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { idCardCheckChar } from '@shuliu/contracts';
import { checkQuality } from '../packages/core/src/quality/index.js';
import { openTabular } from '../packages/core/src/tabular/index.js';

const ROOT = resolve(fileURLToPath(new URL('..', import.meta.url)));
const ROWS = Number(process.argv.find((a) => a.startsWith('--quality-rows='))?.slice(15) ?? 1_000_000);
const CITIES = ['济南市', '青岛市', '淄博市', '枣庄市', '东营市', '烟台市', '潍坊市', '济宁市'];
const STATUS = ['正常', '注销', '冻结'];

/** 12 columns; about 1 % of the ID cards carry a wrong check character and 0.5 % of the mobiles are cut. */
async function writeCsv(path: string) {
  const out = createWriteStream(path);
  const write = async (s: string) => {
    if (!out.write(s)) await once(out, 'drain');
  };
  await write(
    '客户编号,姓名,身份证号,统一社会信用代码,手机号,邮箱,城市,状态,授信额度,开户日期,到期日期,更新时间\n',
  );
  for (let i = 0; i < ROWS; i++) {
    const first17 = `370102${1960 + (i % 40)}${String(1 + (i % 12)).padStart(2, '0')}${String(1 + (i % 28)).padStart(2, '0')}${String(i % 1000).padStart(3, '0')}`;
    const check = idCardCheckChar(first17);
    const id = first17 + (i % 100 === 7 ? (check === '0' ? '1' : '0') : check);
    const mobile =
      i % 200 === 3
        ? `1380013${i % 1000}`
        : `13${String(800000000 + ((i * 7919) % 199999999)).padStart(9, '0')}`;
    const day = `2026-${String(1 + (i % 12)).padStart(2, '0')}-${String(1 + (i % 28)).padStart(2, '0')}`;
    await write(
      `C${String(i).padStart(8, '0')},客户${i % 9973},${id},91370100MA3C${String(i % 1000000).padStart(6, '0')},${mobile},` +
        `u${i}@example.cn,${CITIES[i % 8]},${STATUS[i % 3]},${(1000 + (i % 997) * 13.5).toFixed(2)},2020-01-01,${day},${day}\n`,
    );
  }
  out.end();
  await once(out, 'finish');
}

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
    await writeCsv(csv);
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
