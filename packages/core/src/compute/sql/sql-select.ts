import { refuseClass, refuseFunction } from './sql-expr.js';
import { type AstNode, arr, obj, str } from './sql-parse.js';
import { refuse } from './sql-refusal.js';
import type { Scope } from './sql-scope.js';
import type { AggregateFn, PlanAggregate, PlanGroup } from './sql-types.js';

// The aggregates a differential-privacy release can noise from bounded sufficient statistics (count, sum,
// sum of squares), as in SmartNoise SQL. DuckDB's names map to the plan's function and variance kind.
const AGGREGATES: Record<string, { fn: AggregateFn; variance: 'samp' | 'pop' | null }> = {
  count_star: { fn: 'count', variance: null },
  count: { fn: 'count', variance: null },
  sum: { fn: 'sum', variance: null },
  avg: { fn: 'avg', variance: null },
  mean: { fn: 'avg', variance: null },
  var_samp: { fn: 'var', variance: 'samp' },
  variance: { fn: 'var', variance: 'samp' },
  var_pop: { fn: 'var', variance: 'pop' },
  stddev: { fn: 'stddev', variance: 'samp' },
  stddev_samp: { fn: 'stddev', variance: 'samp' },
  stddev_pop: { fn: 'stddev', variance: 'pop' },
};

// Aggregates whose result is one row's value (or a list of them): an exact min/max, a median or a mode is
// someone's value, so they leak as much as a row-level SELECT.
const INDIVIDUAL = new Set([
  'list',
  'array_agg',
  'string_agg',
  'group_concat',
  'listagg',
  'first',
  'last',
  'any_value',
  'arbitrary',
  'arg_max',
  'arg_min',
  'argmax',
  'argmin',
  'arg_max_null',
  'arg_min_null',
  'max_by',
  'min_by',
  'mode',
  'min',
  'max',
  'median',
  'mad',
  'quantile',
  'quantile_cont',
  'quantile_disc',
  'percentile_cont',
  'percentile_disc',
  'reservoir_quantile',
  'approx_quantile',
  'approx_top_k',
  'histogram',
  'histogram_exact',
  'bit_and',
  'bit_or',
  'bit_xor',
  'bool_and',
  'bool_or',
]);

/** True when the expression has an aggregate anywhere inside it. */
function hasAggregate(node: unknown): boolean {
  if (Array.isArray(node)) return node.some(hasAggregate);
  if (node === null || typeof node !== 'object') return false;
  const n = node as AstNode;
  const name = str(n, 'function_name').toLowerCase();
  if (str(n, 'class') === 'FUNCTION' && (name in AGGREGATES || INDIVIDUAL.has(name))) return true;
  return Object.values(n).some(hasAggregate);
}

/** One SELECT item: a GROUP BY column or an allowed aggregate over a column. */
export type SelectItem =
  { kind: 'group'; group: PlanGroup } | { kind: 'aggregate'; aggregate: PlanAggregate };

/** Classifies a SELECT item against the allow-list; `groups` are the GROUP BY columns. */
export function selectItem(node: AstNode, scope: Scope, groups: PlanGroup[], index: number): SelectItem {
  const cls = str(node, 'class');
  if (cls === 'COLUMN_REF') {
    const { table, column } = scope.resolve(node);
    const group = groups.find((g) => g.table === table.name && g.column === column.name);
    if (!group) refuse('row_level_output', `${table.name}.${column.name} is selected but not in GROUP BY`);
    return { kind: 'group', group: { ...group, alias: str(node, 'alias') || column.name } };
  }
  if (cls === 'FUNCTION' && str(node, 'function_name').toLowerCase() in AGGREGATES) {
    return { kind: 'aggregate', aggregate: aggregate(node, scope) };
  }
  if (cls === 'FUNCTION' && INDIVIDUAL.has(str(node, 'function_name').toLowerCase())) {
    refuse('individual_aggregate', `${str(node, 'function_name')} returns an individual's values`);
  }
  if (cls === 'CONSTANT' || cls === 'FUNCTION' || cls === 'CAST' || cls === 'CASE' || cls === 'OPERATOR') {
    if (hasAggregate(node)) {
      refuseIndividualInside(node);
      refuse('unsupported', `select item ${index + 1} computes over aggregates; select the aggregates alone`);
    }
    if (cls === 'FUNCTION' && node.is_operator !== true) {
      refuseFunction(str(node, 'function_name').toLowerCase(), 'in SELECT');
    }
    refuse('row_level_output', `select item ${index + 1} is neither an aggregate nor a GROUP BY column`);
  }
  return refuseClass(node, 'in SELECT');
}

// An individual aggregate wrapped in arithmetic (max(x) + 0) is refused as what it is.
function refuseIndividualInside(node: unknown): void {
  if (Array.isArray(node)) return node.forEach(refuseIndividualInside);
  if (node === null || typeof node !== 'object') return;
  const name = str(node as AstNode, 'function_name').toLowerCase();
  if (INDIVIDUAL.has(name)) refuse('individual_aggregate', `${name} returns an individual's values`);
  Object.values(node).forEach(refuseIndividualInside);
}

function aggregate(node: AstNode, scope: Scope): PlanAggregate {
  const name = str(node, 'function_name').toLowerCase();
  const { fn, variance } = AGGREGATES[name]!;
  if (str(node, 'schema') || str(node, 'catalog')) refuseFunction(name, 'in SELECT');
  if (node.distinct === true)
    refuse('distinct_aggregate', `${name}(DISTINCT …) cannot be bounded per person`);
  if (obj(node, 'filter')) refuse('unsupported', `${name}() FILTER (…); put the condition in WHERE`);
  if (arr(obj(node, 'order_bys') ?? {}, 'orders').length) refuse('unsupported', `${name}(… ORDER BY …)`);
  const args = arr(node, 'children');
  if (name === 'count_star' || (name === 'count' && isNonNullConstant(args))) {
    return { alias: str(node, 'alias') || 'count', fn, column: null, table: null, variance };
  }
  if (args.length !== 1 || str(args[0]!, 'class') !== 'COLUMN_REF') {
    refuse('unsupported', `${name}() takes one column`);
  }
  const { table, column } = scope.resolve(args[0]!);
  if (fn !== 'count' && column.type !== 'integer' && column.type !== 'number') {
    refuse('column_type', `${name}(${column.name}) needs a numeric column; ${column.name} is ${column.type}`);
  }
  const alias = str(node, 'alias') || `${fn}_${column.name}`;
  return { alias, fn, column: column.name, table: table.name, variance };
}

// count(1) is count(*): a non-null constant counts every row.
function isNonNullConstant(args: AstNode[]): boolean {
  const value = args.length === 1 && str(args[0]!, 'class') === 'CONSTANT' ? obj(args[0]!, 'value') : null;
  return value !== null && value.is_null !== true;
}
