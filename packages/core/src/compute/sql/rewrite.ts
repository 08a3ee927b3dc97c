import { refuse } from './sql-refusal.js';
import { quoteIdent, renderColumn } from './sql-scope.js';
import type { AnalysisPlan, PlanAggregate, PlanColumn } from './sql-types.js';

/** How a plan is bounded before release: the privacy unit, its row cap and each column's clamp. */
export interface BoundingOptions {
  /** The column naming the person (or other unit) protected: `column` or `table.column`. */
  privacyUnit: string;
  /** Most rows one unit contributes; the rest are dropped at random. */
  maxContributions: number;
  /** Declared value range of each aggregated numeric column, keyed `column` or `table.column`. */
  bounds: Record<string, { lower: number; upper: number }>;
}

/**
 * Rewrites an analyzed query into one SQL statement that returns, per group, the sufficient statistics a
 * differential-privacy release noises (issue 18): each privacy unit keeps at most `maxContributions` rows
 * (chosen at random), every aggregated value is clamped to its declared bounds, and the output columns are
 * `__g_<k>` (plan.groupBy[k]), `__n` (rows), `__units` (distinct units), and per plan.aggregates[i]
 * `__n_<i>` (non-null values, or rows for count(*)) plus, for sum/avg/var/stddev, `__s_<i>` (sum of clamped
 * values) and `__ss_<i>` (sum of their squares). ORDER BY and LIMIT are applied after release, not here.
 * Every identifier comes from the plan's catalog entries, quoted.
 */
export function boundedSql(plan: AnalysisPlan, options: BoundingOptions): string {
  const m = options.maxContributions;
  if (!Number.isSafeInteger(m) || m < 1) throw new RangeError('maxContributions must be a positive integer');
  const unit = renderColumn(planColumn(plan, options.privacyUnit));
  const inner = [
    ...plan.groupBy.map((g, k) => `${renderColumn(g)} AS __g_${k}`),
    ...plan.aggregates.flatMap((a, i) => (a.column ? [`${valueOf(plan, a, options)} AS __v_${i}`] : [])),
    `${unit} AS __unit`,
    `row_number() OVER (PARTITION BY ${unit} ORDER BY random()) AS __rn`,
  ];
  const groups = plan.groupBy.map((_, k) => `__g_${k}`);
  const outer = [...groups, 'count(*) AS __n', 'count(DISTINCT __unit) AS __units'];
  plan.aggregates.forEach((a, i) => outer.push(...statistics(a, i)));
  return [
    `SELECT ${outer.join(', ')}`,
    `FROM (SELECT ${inner.join(', ')}`,
    `FROM ${renderFrom(plan)}`,
    ...(plan.where ? [`WHERE ${plan.where}`] : []),
    `) AS __bounded`,
    `WHERE __rn <= ${m}`,
    ...(groups.length ? [`GROUP BY ${groups.join(', ')}`] : []),
  ].join('\n');
}

// sum and avg are released from the count and the sum; the sum of squares only serves var and stddev
function statistics(a: PlanAggregate, i: number): string[] {
  if (!a.column) return [`count(*) AS __n_${i}`];
  if (a.fn === 'count') return [`count(__v_${i}) AS __n_${i}`];
  const sums = [`count(__v_${i}) AS __n_${i}`, `sum(__v_${i}) AS __s_${i}`];
  return a.fn === 'sum' || a.fn === 'avg' ? sums : [...sums, `sum(__v_${i} * __v_${i}) AS __ss_${i}`];
}

/**
 * A table prepared once for the jobs of one release policy (see WarmTable): `__unit` a 64-bit hash of the
 * privacy unit, `__rank` the row's place among its unit's rows in a fixed keyed-random order, and for some
 * groupings a flag column marking, among the rows with `__rank <= m`, each unit's first row in each group.
 */
export interface PreparedBounding {
  /** The flag column (1 or 0) of a grouping (its key, see groupingKey), if the table has one. */
  firstsOf(key: string): string | undefined;
  /** The column holding a column's values clamped to its bounds, if the table has one. */
  clampedOf(column: string): string | undefined;
}

/** The key a grouping's flag column is kept under: its columns, in order. */
export const groupingKey = (plan: AnalysisPlan) => JSON.stringify(plan.groupBy.map((g) => g.column));

/**
 * The statement boundedSql writes, on a prepared table: the unit's rows capped by `__rank <= m` (the same
 * choice for every job, made when the table was prepared), and distinct units counted from the grouping's
 * flags (or the rank-1 rows without a grouping) where there is no WHERE to drop some of a unit's rows. Null
 * when the plan reads more than one table: those are bounded per job.
 */
export function preparedBoundedSql(
  plan: AnalysisPlan,
  options: BoundingOptions,
  prepared: PreparedBounding,
): string | null {
  if (plan.joins.length) return null;
  const m = options.maxContributions;
  if (!Number.isSafeInteger(m) || m < 1) throw new RangeError('maxContributions must be a positive integer');
  planColumn(plan, options.privacyUnit);
  const flags = plan.where
    ? undefined
    : plan.groupBy.length
      ? prepared.firstsOf(groupingKey(plan))
      : 'CAST(__rank = 1 AS UTINYINT)';
  const value = (a: PlanAggregate) =>
    (a.fn !== 'count' && prepared.clampedOf(a.column!)) || valueOf(plan, a, options);
  const inner = [
    ...plan.groupBy.map((g, k) => `${renderColumn(g)} AS __g_${k}`),
    ...plan.aggregates.flatMap((a, i) => (a.column ? [`${value(a)} AS __v_${i}`] : [])),
    flags ? `${flags} AS __first` : '__unit',
  ];
  const groups = plan.groupBy.map((_, k) => `__g_${k}`);
  const units = flags ? 'coalesce(sum(__first), 0) AS __units' : 'count(DISTINCT __unit) AS __units';
  const outer = [...groups, 'count(*) AS __n', units];
  plan.aggregates.forEach((a, i) => outer.push(...statistics(a, i)));
  return [
    `SELECT ${outer.join(', ')}`,
    `FROM (SELECT ${inner.join(', ')}`,
    `FROM ${renderFrom(plan)}`,
    `WHERE __rank <= ${m}${plan.where ? ` AND (${plan.where})` : ''}`,
    `) AS __bounded`,
    ...(groups.length ? [`GROUP BY ${groups.join(', ')}`] : []),
  ].join('\n');
}

// count(column) needs only whether a value is there; every other aggregate reads the clamped value.
// least/greatest skip NULLs in DuckDB (least(NULL, 5) is 5), so a NULL is kept NULL explicitly.
function valueOf(plan: AnalysisPlan, a: PlanAggregate, options: BoundingOptions): string {
  const col = renderColumn({ table: a.table!, column: a.column! });
  if (a.fn === 'count') return col;
  const b = options.bounds[`${a.table}.${a.column}`] ?? options.bounds[a.column!];
  if (!b) refuse('bounds_missing', `${a.table}.${a.column} has no declared bounds for ${a.fn}()`);
  if (!Number.isFinite(b.lower) || !Number.isFinite(b.upper) || b.lower > b.upper) {
    refuse('bounds_missing', `the bounds of ${a.table}.${a.column} are not finite with lower <= upper`);
  }
  const value = `CAST(${col} AS DOUBLE)`;
  const clamped = `greatest(least(${value}, ${literal(b.upper)}), ${literal(b.lower)})`;
  return `CASE WHEN ${col} IS NULL THEN NULL ELSE ${clamped} END`;
}

function literal(n: number): string {
  return `CAST('${String(n)}' AS DOUBLE)`;
}

/** Finds `column` or `table.column` among the plan's tables, refusing unknown or ambiguous names. */
function planColumn(plan: AnalysisPlan, name: string): PlanColumn {
  const dot = name.indexOf('.');
  const [tableName, columnName] = dot >= 0 ? [name.slice(0, dot), name.slice(dot + 1)] : [null, name];
  const hits = plan.schema.flatMap((t) =>
    t.columns
      .filter((c) => c.name === columnName && (tableName === null || t.name === tableName))
      .map((c) => ({ table: t.name, column: c.name })),
  );
  if (hits.length > 1) refuse('ambiguous_column', `the privacy unit ${name} is in several tables`);
  return hits[0] ?? refuse('unknown_column', `the privacy unit ${name} is not a column of the tables read`);
}

function renderFrom(plan: AnalysisPlan): string {
  const joins = plan.joins.map((j) => {
    const on = j.on.map((p) => `${renderColumn(p.left)} = ${renderColumn(p.right)}`).join(' AND ');
    return `JOIN ${quoteIdent(j.table)} ON ${on}`;
  });
  return [quoteIdent(plan.tables[0]!), ...joins].join(' ');
}
