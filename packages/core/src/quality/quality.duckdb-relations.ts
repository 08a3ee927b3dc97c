import { DuckDBStructValue, type DuckDBValue } from '@duckdb/node-api';
import {
  DAY_MS,
  list,
  MAX_EXAMPLES,
  num,
  type AggregatePart,
  type Needs,
  type PlanContext,
  type QueryPart,
  type RawTally,
} from './quality.duckdb-parts.js';
import { dateMsSql } from './quality.duckdb-values.js';
import type { Rule } from './quality.schema.js';
import { dateMs } from './quality.values.js';

const OP = { '<': '<', '<=': '<=', '=': '=', '!=': '<>', '>=': '>=', '>': '>' } as const;

/** Column A op column B as numbers, else as times, else (`=`, `!=`) as text; NULL when not comparable. */
export function holds(op: keyof typeof OP, [a, b]: readonly number[], needs: Needs): string {
  const o = OP[op];
  const [na, nb, ta, tb] = [needs.n(a!), needs.n(b!), needs.tm(a!), needs.tm(b!)];
  // ∞ − ∞ is NaN in JavaScript: an order no operator but != accepts
  const numeric = `CASE WHEN ${na} = ${nb} AND isinf(${na}) THEN ${op === '!=' ? 'true' : 'false'} ELSE ${na} ${o} ${nb} END`;
  const text = op === '=' || op === '!=' ? ` WHEN true THEN t${a} ${o} t${b}` : '';
  return (
    `CASE WHEN ${na} IS NOT NULL AND ${nb} IS NOT NULL THEN ${numeric} ` +
    `WHEN ${ta} IS NOT NULL AND ${tb} IS NOT NULL THEN ${ta} ${o} ${tb}${text} END`
  );
}

const ID_SHAPE = `'[0-9]{17}[0-9Xx]'`;
const SEX = `CASE lower(%) WHEN '男' THEN 'male' WHEN 'm' THEN 'male' WHEN 'male' THEN 'male' WHEN '1' THEN 'male' WHEN '女' THEN 'female' WHEN 'f' THEN 'female' WHEN 'female' THEN 'female' WHEN '2' THEN 'female' END`;

/** GB 11643-1999 §5: the ID number's birth date or sex agrees with the other column (as quality.relations). */
export function agrees(derive: 'birth_date' | 'sex', [a, b]: readonly number[], needs: Needs): string {
  const [id, other] = [needs.t(a!), needs.t(b!)];
  if (derive === 'sex')
    return `(regexp_full_match(${id}, ${ID_SHAPE}) AND ${SEX.replace('%', other)} = CASE WHEN (ascii(${id}[17]) - 48) % 2 = 1 THEN 'male' ELSE 'female' END)`;
  const carried = dateMsSql(`(${id}[7:10] || '-' || ${id}[11:12] || '-' || ${id}[13:14])`);
  const day = dateMsSql(
    `(CASE WHEN regexp_full_match(${other}, '[0-9]{8}') THEN ${other}[1:4] || '-' || ${other}[5:6] || '-' || ${other}[7:8] ELSE ${other} END)`,
  );
  return `(regexp_full_match(${id}, ${ID_SHAPE}) AND ${day} = ${carried})`;
}

/** GB/T 36344-2018 时效性: the newest time in the column and its first row, as a struct {t, r = −row}. */
export function freshness(r: Extract<Rule, { kind: 'freshness' }>, ctx: PlanContext): AggregatePart {
  const c = ctx.at[0]!;
  const tm = ctx.needs.tm(c);
  return {
    aggregate: `max({'t': ${tm}, 'r': -r}) FILTER (WHERE ${tm} IS NOT NULL)`,
    read: (newest) => {
      if (!(newest instanceof DuckDBStructValue))
        return {
          checked: 1,
          failed: 1,
          examples: [{ row: null, table: true, note: 'the column holds no date' }],
        };
      const t = Number(newest.entries.t);
      const row = -Number(newest.entries.r);
      const age = Math.floor((dateMs(ctx.asOf)! - Math.floor(t / DAY_MS) * DAY_MS) / DAY_MS);
      if (age <= r.maxAgeDays) return { checked: 1, failed: 0, examples: [] };
      const note = `the newest date is ${age} days before ${ctx.asOf} (at most ${r.maxAgeDays})`;
      return { checked: 1, failed: 1, examples: [{ row, note }] };
    },
  };
}

/**
 * GB/T 36344-2018 时效性 (时序性): each number or time against the last one before it of the kind the column
 * starts with (as quality.timeliness: a value of the other kind fails and is not compared with later).
 */
export function ordered(ctx: PlanContext): QueryPart {
  const c = ctx.at[0]!;
  const [n, tm] = [ctx.needs.n(c), ctx.needs.tm(c)];
  const bad = 'pr IS NOT NULL AND (NOT same OR key < pkey)';
  const frame = 'OVER (ORDER BY k.r ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING)';
  const sql = (from: string) =>
    `WITH k AS (SELECT r, CASE WHEN ${n} IS NOT NULL THEN 1 ELSE 2 END AS kind, coalesce(${n}, ${tm}) AS key ` +
    `FROM ${from} WHERE ${n} IS NOT NULL OR ${tm} IS NOT NULL), ` +
    'f AS (SELECT arg_min(kind, r) AS k0 FROM k), ' +
    'w AS (SELECT k.r, k.key, k.kind = f.k0 AS same, ' +
    `max(CASE WHEN k.kind = f.k0 THEN k.r END) ${frame} AS pr, ` +
    `last_value(CASE WHEN k.kind = f.k0 THEN k.key END IGNORE NULLS) ${frame} AS pkey FROM k, f) ` +
    `SELECT count(pr), count_if(${bad}), min({'r': r, 'p': pr, 'x': NOT same}, ${MAX_EXAMPLES}) FILTER (WHERE ${bad}) FROM w`;
  const read = (v: DuckDBValue[]): RawTally => ({
    checked: num(v[0]),
    failed: num(v[1]),
    examples: list(v[2]).map((e) => {
      const { r, p, x } = (e as DuckDBStructValue).entries;
      const note = x ? `not comparable with row ${num(p)}` : `goes back from row ${num(p)}`;
      return { row: num(r), note };
    }),
  });
  return { run: async (query, from) => read((await query(sql(from)))[0]!) };
}

/**
 * GB/T 36344-2018 准确性 (唯一性, 重复率): the rows whose key an earlier row had. `unique` skips keys with an empty
 * part; `duplicate_rows` keys every row, an empty part as U+0001 (as the streaming engine's key does).
 */
export function repeats(ctx: PlanContext, wholeRow: boolean): QueryPart {
  const keys = ctx.at.map((c, i) =>
    wholeRow ? `coalesce(${ctx.needs.t(c)}, chr(1)) AS k${i}` : `${ctx.needs.t(c)} AS k${i}`,
  );
  const names = ctx.at.map((_c, i) => `k${i}`);
  const where = wholeRow ? '' : ` WHERE ${names.map((k) => `${k} IS NOT NULL`).join(' AND ') || 'true'}`;
  const groupBy = names.length ? ` GROUP BY ${names.join(', ')}` : '';
  const on = names.map((k) => `y.${k} = g.${k}`).join(' AND ') || 'true';
  const keyed = (from: string) => `(SELECT r${keys.map((k) => `, ${k}`).join('')} FROM ${from}${where})`;
  return {
    async run(query, from) {
      const y = keyed(from);
      const [counts] = await query(
        `SELECT sum(n), coalesce(sum(n - 1) FILTER (WHERE n > 1), 0) FROM (SELECT count(*) AS n FROM ${y}${groupBy})`,
      );
      const [checked, failed] = [num(counts![0]), num(counts![1])];
      if (!failed) return { checked, failed, examples: [] };
      // the examples only when there are repeats: the first rows whose key an earlier row had
      const g = `(SELECT ${names.map((k) => `${k}, `).join('')}min(r) AS first FROM ${y}${groupBy} HAVING count(*) > 1)`;
      const [first] = await query(
        `SELECT min(y.r, ${MAX_EXAMPLES}) FROM ${y} AS y JOIN ${g} AS g ON ${on} WHERE y.r > g.first`,
      );
      return { checked, failed, examples: list(first![0]).map((r) => ({ row: num(r) })) };
    },
  };
}
