import type { DuckDBValue } from '@duckdb/node-api';
import type { Cell } from '../tabular/index.js';
import type { DomainDb } from './quality.duckdb-db.js';
import { Needs, MAX_EXAMPLES, type Part, type RawTally, type ScanPart } from './quality.duckdb-parts.js';
import { derivedFrom, planRule } from './quality.duckdb-plan.js';
import { re2Pattern } from './quality.duckdb-pattern.js';
import { sqlText } from './quality.duckdb-values.js';
import { ruleScore } from './quality.rules.js';
import type { Rule } from './quality.schema.js';
import type { QualityExample, RuleResult } from './quality.types.js';
import { orderOf } from './quality.values.js';

/** A column's trimmed value: the table holds it (see `DomainDb.loadCsv`). */
const trimmed = (c: number) => `t${c}`;

/** A pattern RE2 refuses (a repeat count above its 1000, say) is the streaming engine's. */
async function patternsCompile(db: DomainDb, rules: readonly Rule[]): Promise<boolean> {
  for (const r of rules) {
    if (r.kind !== 'pattern') continue;
    const re = re2Pattern(r.pattern);
    if (re === null) return false;
    try {
      await db.rows(`SELECT regexp_full_match('', ${sqlText(re)})`);
    } catch {
      return false;
    }
  }
  return true;
}

interface Planned {
  part: Part;
  needs: Needs;
}

/**
 * The one scan: the row count, and for each per-value and per-row rule its checked aggregates and, per flag,
 * the failures and the first failing row; for freshness its aggregate.
 */
async function scan(
  db: DomainDb,
  planned: Planned[],
  needs: Needs,
): Promise<{ rows: number; values: DuckDBValue[][] }> {
  const flags: string[] = [];
  const aggregates: string[] = [];
  const widths: number[] = [];
  for (const { part } of planned) {
    const own: string[] = [];
    if ('scan' in part) {
      own.push(...part.scan.checked);
      for (const f of part.scan.flags) {
        const name = `f${flags.length}`;
        flags.push(f);
        own.push(`count_if(${name})`, `min(r) FILTER (WHERE ${name})`);
      }
    } else if ('aggregate' in part) own.push(part.aggregate.aggregate);
    aggregates.push(...own);
    widths.push(own.length);
  }
  const flagged = `(SELECT *${flags.map((f, i) => `, (${f}) AS f${i}`).join('')} FROM ${derivedFrom(needs, trimmed)})`;
  const [row] = await db.rows(`SELECT count(*)${aggregates.map((a) => `, ${a}`).join('')} FROM ${flagged}`);
  const values: DuckDBValue[][] = [];
  let at = 1;
  for (const w of widths) {
    values.push(row!.slice(at, at + w));
    at += w;
  }
  return { rows: Number(row![0]), values };
}

/**
 * A per-value or per-row rule's tally: its counts from the scan, and its first failures, in the order the
 * streaming engine meets them (row, then column). Past the first, they are read by a query that starts at the
 * first failing row and stops at the fifth failing one (DuckDB keeps the table's order).
 */
async function scanTally(
  db: DomainDb,
  part: ScanPart,
  needs: Needs,
  at: readonly number[],
  values: DuckDBValue[],
  rows: number,
): Promise<RawTally> {
  const n = part.checked.length;
  const checked = part.countChecked(values.slice(0, n), rows);
  const counts = part.flags.map((_f, k) => Number(values[n + 2 * k] ?? 0));
  const firsts = part.flags.map((_f, k) => values[n + 2 * k + 1]);
  const failed = counts.reduce((a, b) => a + b, 0);
  const cell = (k: number) => (part.cells ? { cell: at[k]! } : {});
  if (failed === 0) return { checked, failed, examples: [] };
  if (failed === 1) {
    const k = counts.findIndex((c) => c > 0);
    return { checked, failed, examples: [{ row: Number(firsts[k]), ...cell(k) }] };
  }
  const from = Math.min(...firsts.filter((f) => f !== null && f !== undefined).map(Number));
  const flags = part.flags.map((f, k) => `(${f}) AS f${k}`).join(', ');
  const any = part.flags.map((_f, k) => `f${k}`).join(' OR ');
  const found = await db.rows(
    `SELECT * FROM (SELECT r, ${flags} FROM ${derivedFrom(needs, trimmed, from)}) WHERE ${any} LIMIT ${MAX_EXAMPLES}`,
  );
  const examples = found
    .flatMap((r) => part.flags.flatMap((_f, k) => (r[k + 1] === true ? [{ row: Number(r[0]), k }] : [])))
    .sort((a, b) => a.row - b.row || a.k - b.k)
    .slice(0, MAX_EXAMPLES)
    .map(({ row, k }) => ({ row, ...cell(k) }));
  return { checked, failed, examples };
}

/** The cells of the example rows, by row number. */
async function cellsOf(db: DomainDb, rows: Set<number>, width: number): Promise<Map<number, Cell[]>> {
  const out = new Map<number, Cell[]>();
  if (!rows.size || !width) return out;
  const list = [...rows].map((r) => r - 1).join(', ');
  // the cell as stored where it differs from its trimmed value, else that value
  const cols = Array.from({ length: width }, (_, i) => `, coalesce(c${i}, t${i})`).join('');
  for (const r of await db.rows(`SELECT rowid + 1${cols} FROM t WHERE rowid IN (${list})`))
    out.set(Number(r[0]), r.slice(1) as (string | null)[]);
  return out;
}

function exampleOf(
  rule: Rule,
  e: RawTally['examples'][number],
  at: readonly number[],
  names: readonly string[],
  cells: Map<number, Cell[]>,
): QualityExample {
  const row = e.row === null ? undefined : cells.get(e.row);
  const values: QualityExample['values'] = {};
  if (e.cell !== undefined) values[names[at.indexOf(e.cell)]!] = row?.[e.cell] ?? null;
  else if (!e.table) at.forEach((c, i) => (values[names[i]!] = row?.[c] ?? null));
  let note = e.note;
  // the streaming engine says why only when the two values have no order at all
  if (rule.kind === 'compare' && row && orderOf(row[at[0]!] ?? null, row[at[1]!] ?? null) === null)
    note = rule.op === '=' || rule.op === '!=' ? undefined : 'the values are not both numbers or both dates';
  return note === undefined ? { row: e.row, values } : { row: e.row, values, note };
}

export interface DomainRun {
  rows: number;
  /** Rule results with their examples' cells as stored, not yet masked. */
  results: RuleResult[];
}

/** Each rule's part of the work and the derived columns it needs; the scan's are their union. Null: no SQL form. */
function plan(rules: readonly Rule[], at: readonly number[][], ctx: { asOf: string; today: number }) {
  const scanNeeds = new Needs();
  const planned: Planned[] = [];
  for (let i = 0; i < rules.length; i++) {
    const needs = new Needs();
    const part = planRule(rules[i]!, { at: at[i]!, asOf: ctx.asOf, today: ctx.today, needs });
    if (!part) return null;
    if ('scan' in part || 'aggregate' in part) {
      for (const k of ['text', 'number', 'day', 'time'] as const)
        for (const c of needs[k]) scanNeeds[k].add(c);
      for (const [name, sql] of needs.extra) scanNeeds.extra.set(name, sql);
    }
    planned.push({ part, needs });
  }
  return { planned, scanNeeds };
}

function resultOf(
  rule: Rule,
  t: RawTally,
  at: readonly number[],
  names: readonly string[],
  cells: Map<number, Cell[]>,
): RuleResult {
  const columns = at.map((c) => names[c]!);
  return {
    id: rule.id,
    indicator: rule.indicator,
    kind: rule.kind,
    columns,
    checked: t.checked,
    failed: t.failed,
    score: ruleScore(t.checked, t.failed),
    examples: t.examples.map((e) => exampleOf(rule, e, at, columns, cells)),
  };
}

/**
 * Runs the rules over the loaded table `t`: one scan for the per-value and per-row kinds (and a short read
 * of the first failing rows of each that failed more than once), queries of their own for `unique`,
 * `duplicate_rows` and `ordered`, and one read of the example rows' cells. Null when a rule has no faithful
 * SQL form.
 */
export async function runChecks(
  db: DomainDb,
  rules: readonly Rule[],
  at: readonly number[][],
  ctx: { asOf: string; today: number },
  names: readonly string[],
): Promise<DomainRun | null> {
  if (!(await patternsCompile(db, rules))) return null;
  const planning = plan(rules, at, ctx);
  if (!planning) return null;
  const { rows, values } = await scan(db, planning.planned, planning.scanNeeds);
  const tallies: RawTally[] = [];
  for (let i = 0; i < planning.planned.length; i++) {
    const { part, needs } = planning.planned[i]!;
    if ('scan' in part) tallies.push(await scanTally(db, part.scan, needs, at[i]!, values[i]!, rows));
    else if ('aggregate' in part) tallies.push(part.aggregate.read(values[i]![0] ?? null));
    else if ('own' in part)
      tallies.push(await part.own.run((sql) => db.rows(sql), derivedFrom(needs, trimmed)));
    else tallies.push(part.fixed);
  }
  const wanted = new Set(tallies.flatMap((t) => t.examples.flatMap((e) => (e.row === null ? [] : [e.row]))));
  const cells = await cellsOf(db, wanted, names.length);
  return { rows, results: rules.map((rule, i) => resultOf(rule, tallies[i]!, at[i]!, names, cells)) };
}
