// `npm run bench -- --only=quality-domain`: the quality check a compute agent runs in the data holder's domain
// (checkQualityInDomain: load the CSV into DuckDB as text, every rule as SQL, examples, masking, the report) on a
// 10M-row, 12-column CSV (--quality-domain-rows=N) with 21 rules, beside the hand-written DuckDB SQL an analyst
// would write for the same checks (load as VARCHAR, then the counts, no examples), in the same run, with the same
// threads (--quality-domain-threads=1,2) and memory limit (--quality-domain-memory=512MB).
// Goal: the hand-written time over ours ≥ 0.8.
import { mkdirSync, rmSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DuckDBInstance } from '@duckdb/node-api';
import { checkQualityInDomain, parseQualityRules } from '../packages/core/src/quality/index.js';
import { writeQualityCsv } from './quality-data.js';

const ROOT = resolve(fileURLToPath(new URL('..', import.meta.url)));
const arg = (name: string) => process.argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1];
const ROWS = Number(arg('quality-domain-rows') ?? 10_000_000);
const THREADS = (arg('quality-domain-threads') ?? '1').split(',').map(Number);
const MEMORY = arg('quality-domain-memory') ?? '512MB';
const AS_OF = '2026-12-01';

const CITIES = ['济南市', '青岛市', '淄博市', '枣庄市', '东营市', '烟台市', '潍坊市', '济宁市'];
const RULES = parseQualityRules([
  { kind: 'check_digit', standard: 'id_card', columns: ['身份证号'] },
  { kind: 'check_digit', standard: 'uscc', columns: ['统一社会信用代码'] },
  { kind: 'format', format: 'mobile', columns: ['手机号'] },
  { kind: 'format', format: 'email', columns: ['邮箱'] },
  { kind: 'enum', values: CITIES, columns: ['城市'] },
  { kind: 'enum', values: ['正常', '注销', '冻结'], columns: ['状态'] },
  { kind: 'type', type: 'number', columns: ['授信额度'] },
  { kind: 'type', type: 'date', columns: ['开户日期', '到期日期'] },
  { kind: 'type', type: 'date', columns: ['更新时间'] },
  { kind: 'not_null', columns: ['客户编号'] },
  { kind: 'not_null', columns: ['姓名'] },
  { kind: 'not_null', columns: ['身份证号'] },
  { kind: 'not_null', columns: ['手机号'] },
  { kind: 'record_complete', columns: ['客户编号', '姓名', '身份证号'] },
  { kind: 'unique', columns: ['客户编号'] },
  { kind: 'duplicate_rows' },
  { kind: 'range', min: 0, max: 20000, columns: ['授信额度'] },
  { kind: 'range', min: '2020-01-01', max: '2026-12-31', columns: ['到期日期'] },
  { kind: 'compare', op: '<=', columns: ['开户日期', '到期日期'] },
  { kind: 'freshness', maxAgeDays: 30, columns: ['更新时间'] },
  { kind: 'readable' },
]);

const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const USCC_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
const USCC_SET = "'0123456789ABCDEFGHJKLMNPQRTUWXY'";
/** A check-digit sum unrolled into plain arithmetic, as an analyst tuning it would write it. */
const weighted = (weights: number[], digit: (i: number) => string) =>
  weights.map((w, i) => `${digit(i + 1)} * ${w}`).join(' + ');
const idSum = (c: string) => weighted(ID_WEIGHTS, (i) => `(ascii(substr(trim(${c}), ${i}, 1)) - 48)`);
/** GB 11714: the organization code inside a credit code (its chars 9–16), each a digit or a letter (A = 10). */
const ORG_WEIGHTS = [3, 7, 9, 10, 5, 8, 4, 2];
const orgSum = (c: string) =>
  weighted(ORG_WEIGHTS, (i) => {
    const ch = `ascii(substr(upper(trim(${c})), ${i + 8}, 1))`;
    return `(${ch} - CASE WHEN ${ch} >= 65 THEN 55 ELSE 48 END)`;
  });
const orgCheck = (c: string) =>
  `substr('0123456789X0', 11 - (${orgSum(c)}) % 11 + 1, 1) = substr(upper(trim(${c})), 17, 1)`;
const usccSum = (c: string) =>
  weighted(USCC_WEIGHTS, (i) => `(strpos(${USCC_SET}, substr(upper(trim(${c})), ${i}, 1)) - 1)`);
const blank = (c: string) => `(${c} IS NULL OR trim(${c}) = '')`;
const filled = (c: string) => `NOT ${blank(c)}`;
const date = (c: string) => `try_cast(trim(${c}) AS DATE)`;

/**
 * The same 21 checks as an analyst would write them: counts only, the check digits in plain arithmetic, every
 * value trimmed (and the credit code upper-cased) once as the table is loaded rather than in each check.
 */
const HAND_WRITTEN_CHECKS = `SELECT count(*),
  count(*) FILTER (WHERE ${filled('身份证号')} AND NOT (regexp_full_match(trim(身份证号), '\\d{17}[\\dXx]')
    AND try_strptime(substr(trim(身份证号), 7, 8), '%Y%m%d') IS NOT NULL
    AND substr('10X98765432', (${idSum('身份证号')}) % 11 + 1, 1) = upper(substr(trim(身份证号), 18, 1)))),
  count(*) FILTER (WHERE ${filled('统一社会信用代码')} AND NOT (regexp_full_match(upper(trim(统一社会信用代码)), '[0-9A-HJ-NPQRTUWXY]{18}')
    AND ${orgCheck('统一社会信用代码')}
    AND substr(${USCC_SET}, (31 - (${usccSum('统一社会信用代码')}) % 31) % 31 + 1, 1) = substr(upper(trim(统一社会信用代码)), 18, 1))),
  count(*) FILTER (WHERE ${filled('手机号')} AND NOT regexp_full_match(regexp_replace(trim(手机号), '[\\s-]', '', 'g'), '(\\+?86)?1[3-9]\\d{9}')),
  count(*) FILTER (WHERE ${filled('邮箱')} AND NOT regexp_full_match(trim(邮箱), '[^@\\s]+@[^@\\s]+\\.[^@\\s.]{2,}')),
  count(*) FILTER (WHERE ${filled('城市')} AND trim(城市) NOT IN (${CITIES.map((c) => `'${c}'`).join(', ')})),
  count(*) FILTER (WHERE ${filled('状态')} AND trim(状态) NOT IN ('正常', '注销', '冻结')),
  count(*) FILTER (WHERE ${filled('授信额度')} AND try_cast(trim(授信额度) AS DOUBLE) IS NULL),
  count(*) FILTER (WHERE ${filled('开户日期')} AND ${date('开户日期')} IS NULL) + count(*) FILTER (WHERE ${filled('到期日期')} AND ${date('到期日期')} IS NULL),
  count(*) FILTER (WHERE ${filled('更新时间')} AND ${date('更新时间')} IS NULL),
  count(*) FILTER (WHERE ${blank('客户编号')}), count(*) FILTER (WHERE ${blank('姓名')}),
  count(*) FILTER (WHERE ${blank('身份证号')}), count(*) FILTER (WHERE ${blank('手机号')}),
  count(*) FILTER (WHERE ${blank('客户编号')} OR ${blank('姓名')} OR ${blank('身份证号')}),
  count(trim(客户编号)) - count(DISTINCT trim(客户编号)),
  count(*) FILTER (WHERE ${filled('授信额度')} AND NOT coalesce(try_cast(trim(授信额度) AS DOUBLE) BETWEEN 0 AND 20000, false)),
  count(*) FILTER (WHERE ${filled('到期日期')} AND NOT coalesce(${date('到期日期')} BETWEEN DATE '2020-01-01' AND DATE '2026-12-31', false)),
  count(*) FILTER (WHERE ${filled('开户日期')} AND ${filled('到期日期')} AND NOT coalesce(${date('开户日期')} <= ${date('到期日期')}, false)),
  max(${date('更新时间')})
FROM t`;
const HAND_WRITTEN = HAND_WRITTEN_CHECKS.replace(/upper\(trim\(([^()]+)\)\)/g, '$1').replace(
  /trim\(([^()]+)\)/g,
  '$1',
);
const COLUMNS = [
  '客户编号',
  '姓名',
  '身份证号',
  '统一社会信用代码',
  '手机号',
  '邮箱',
  '城市',
  '状态',
  '授信额度',
  '开户日期',
  '到期日期',
  '更新时间',
];
const TRIMMED = COLUMNS.map((c) =>
  c === '统一社会信用代码' ? `upper(trim(${c})) AS ${c}` : `trim(${c}) AS ${c}`,
).join(', ');

async function handWritten(csv: string, threads: number): Promise<{ ms: number; counts: number[] }> {
  const spill = await mkdtemp(join(tmpdir(), 'shuliu-bench-'));
  const started = performance.now();
  const db = await DuckDBInstance.create(':memory:', {
    threads: String(threads),
    memory_limit: MEMORY,
    temp_directory: spill,
  });
  const conn = await db.connect();
  try {
    await conn.run(
      `CREATE TABLE t AS SELECT ${TRIMMED} FROM read_csv('${csv}', all_varchar = true, header = true)`,
    );
    const [row] = (await conn.runAndReadAll(HAND_WRITTEN)).getRows();
    await conn.runAndReadAll('SELECT count(*) FROM (SELECT DISTINCT * FROM t)');
    return { ms: performance.now() - started, counts: row!.slice(0, 5).map(Number) };
  } finally {
    conn.closeSync();
    db.closeSync();
    await rm(spill, { recursive: true, force: true });
  }
}

export async function runQualityDomainBenchmarks() {
  const dir = join(ROOT, 'bench/tmp');
  mkdirSync(dir, { recursive: true });
  const csv = join(dir, `quality-domain-${ROWS}.csv`);
  try {
    await writeQualityCsv(csv, ROWS);
    for (const threads of THREADS) {
      const baseline = await handWritten(csv, threads);
      const started = performance.now();
      const { report, engine } = await checkQualityInDomain(
        { csvPath: csv },
        { rules: RULES, asOf: AS_OF, threads, memoryLimit: MEMORY },
      );
      const ours = performance.now() - started;
      // the same checks: rows, and the failures of the check digits and the formats agree
      const failed = (kind: string, i = 0) => report.rules.filter((r) => r.kind === kind)[i]!.failed;
      const mine = [
        report.rows,
        failed('check_digit'),
        failed('check_digit', 1),
        failed('format'),
        failed('format', 1),
      ];
      if (mine.join() !== baseline.counts.join())
        throw new Error(`the two disagree: ours ${mine.join()}, hand-written ${baseline.counts.join()}`);
      const ratio = baseline.ms / ours;
      console.log(
        `quality in domain ${ROWS.toLocaleString('en')} rows × 12 columns, ${RULES.length} rules, ${threads} ` +
          `thread${threads > 1 ? 's' : ''}, ${MEMORY}  ${ours.toFixed(0).padStart(7)} ms (${engine})  |  ` +
          `hand-written DuckDB SQL ${baseline.ms.toFixed(0).padStart(7)} ms  |  ratio ${ratio.toFixed(2)} ` +
          `(goal ≥ 0.8: ${ratio >= 0.8 ? 'met' : 'NOT met'}); overall ${report.overall}`,
      );
    }
  } finally {
    rmSync(csv, { force: true });
  }
}
