import { refuseSystemFunctions, renderExpr } from './sql-expr.js';
import { walkFrom } from './sql-from.js';
import { type AstNode, arr, obj, parseSelect, str } from './sql-parse.js';
import { refuse } from './sql-refusal.js';
import { Scope } from './sql-scope.js';
import { selectItem } from './sql-select.js';
import type {
  AnalysisPlan,
  GuardCatalog,
  PlanAggregate,
  PlanGroup,
  PlanJoin,
  PlanOrder,
} from './sql-types.js';

export { QueryRefused, REFUSAL_RULES, type RefusalRule } from './sql-refusal.js';

/** Largest LIMIT a query may ask for; the sandbox's row limit still applies. */
export const MAX_LIMIT = 100_000;

/**
 * Analyzes a requester's SQL against the owner's catalog (issue 18, "Compute-to-data"): DuckDB parses it
 * (json_serialize_sql) and the tree is walked with an allow-list, so anything not recognized is refused.
 * Throws QueryRefused naming the rule; returns the plan a differential-privacy rewrite runs.
 */
export async function analyzeQuery(sqlText: string, catalog: GuardCatalog): Promise<AnalysisPlan> {
  const node = await parseSelect(sqlText);
  refuseNodeShape(node);
  const scope = new Scope(catalog);
  const joins: PlanJoin[] = [];
  walkFrom(obj(node, 'from_table'), scope, joins);
  const groups = groupColumns(node, scope);
  const items = arr(node, 'select_list').map((item, i) => selectItem(item, scope, groups, i));
  const aggregates: PlanAggregate[] = items.flatMap((i) => (i.kind === 'aggregate' ? [i.aggregate] : []));
  if (!aggregates.length) refuse('row_level_output', 'the query selects no aggregate');
  const select = uniqueNames(items.map((i) => (i.kind === 'group' ? i.group.alias! : i.aggregate.alias)));
  items.forEach((item, i) => {
    if (item.kind === 'group') item.group.alias = select[i]!;
    else item.aggregate.alias = select[i]!;
  });
  const selected = items.flatMap((i) => (i.kind === 'group' ? [i.group] : []));
  const groupBy = groups.map((g) => selected.find((s) => s.table === g.table && s.column === g.column) ?? g);
  const where = obj(node, 'where_clause');
  const tables = scope.tables;
  return {
    tables: tables.map((t) => t.name),
    joins,
    groupBy,
    aggregates,
    select,
    where: where ? renderExpr(where, scope) : null,
    orderBy: orderBy(node, select),
    limit: limit(node),
    schema: tables.map((t) => structuredClone(t)),
  };
}

// Output names are data, never SQL; a repeated one (var_age twice) gets a suffix so each output is named.
function uniqueNames(names: string[]): string[] {
  const seen = new Map<string, number>();
  return names.map((name) => {
    const n = (seen.get(name.toLowerCase()) ?? 0) + 1;
    seen.set(name.toLowerCase(), n);
    return n === 1 ? name : `${name}_${n}`;
  });
}

// The query-level constructs outside the allowed shape, each refused by its own rule.
function refuseNodeShape(node: AstNode): void {
  const type = str(node, 'type');
  if (type === 'SET_OPERATION_NODE') refuse('set_operation', `${str(node, 'setop_type')} is not allowed`);
  if (type.includes('CTE')) refuse('subquery', 'a CTE (WITH …) is not allowed');
  if (type !== 'SELECT_NODE') refuse('unsupported', `a ${type.toLowerCase()} query`);
  refuseSystemFunctions(node);
  if (arr(obj(node, 'cte_map') ?? {}, 'map').length) refuse('subquery', 'a CTE (WITH …) is not allowed');
  if (obj(node, 'sample')) refuse('sampling', 'USING SAMPLE is not allowed');
  if (obj(node, 'qualify')) refuse('window_function', 'QUALIFY filters on window functions');
  if (obj(node, 'having'))
    refuse('having', 'HAVING is not allowed; the release policy decides which groups show');
  if (str(node, 'aggregate_handling') !== 'STANDARD_HANDLING')
    refuse('group_by', 'GROUP BY ALL; list the columns');
  for (const m of arr(node, 'modifiers')) {
    const kind = str(m, 'type');
    if (kind === 'DISTINCT_MODIFIER') refuse('unsupported', 'SELECT DISTINCT; GROUP BY the columns instead');
    if (kind === 'LIMIT_PERCENT_MODIFIER') refuse('limit', 'LIMIT … PERCENT is not allowed');
    if (kind !== 'ORDER_MODIFIER' && kind !== 'LIMIT_MODIFIER') refuse('unsupported', kind.toLowerCase());
  }
}

function groupColumns(node: AstNode, scope: Scope): PlanGroup[] {
  const exprs = arr(node, 'group_expressions');
  const sets = (node.group_sets ?? []) as unknown[][];
  const plain = exprs.length ? sets.length === 1 && sets[0]!.length === exprs.length : sets.length === 0;
  if (!plain) refuse('group_by', 'ROLLUP, CUBE and GROUPING SETS are not allowed');
  return exprs.map((e) => {
    if (str(e, 'class') !== 'COLUMN_REF')
      refuse('group_by', 'GROUP BY lists column names, not positions or expressions');
    const { table, column } = scope.resolve(e);
    return { table: table.name, column: column.name, alias: null };
  });
}

// ORDER BY is applied after release to the noisy outputs, so it may name outputs only.
function orderBy(node: AstNode, select: string[]): PlanOrder[] {
  const modifier = arr(node, 'modifiers').find((m) => str(m, 'type') === 'ORDER_MODIFIER');
  return arr(modifier ?? {}, 'orders').map((o) => {
    if (str(o, 'null_order') !== 'ORDER_DEFAULT') refuse('order_by', 'NULLS FIRST/LAST is not allowed');
    const e = obj(o, 'expression') ?? refuse('malformed', 'an empty ORDER BY');
    const names = (e.column_names ?? []) as unknown[];
    const position = str(e, 'class') === 'CONSTANT' ? Number(obj(e, 'value')?.value) : NaN;
    const output =
      str(e, 'class') === 'COLUMN_REF' && names.length === 1
        ? select.find((s) => s.toLowerCase() === String(names[0]).toLowerCase())
        : Number.isInteger(position)
          ? select[position - 1]
          : undefined;
    if (output === undefined) refuse('order_by', 'ORDER BY names an output column or its position');
    return { output, direction: str(o, 'type') === 'DESCENDING' ? 'desc' : 'asc' };
  });
}

function limit(node: AstNode): number | null {
  const modifier = arr(node, 'modifiers').find((m) => str(m, 'type') === 'LIMIT_MODIFIER');
  if (!modifier) return null;
  if (obj(modifier, 'offset')) refuse('limit', 'OFFSET is not allowed');
  const e = obj(modifier, 'limit');
  if (!e) return null;
  const n = str(e, 'class') === 'CONSTANT' ? obj(e, 'value')?.value : undefined;
  if (typeof n !== 'number' || !Number.isInteger(n) || n < 0)
    refuse('limit', 'LIMIT takes an integer constant');
  if (n > MAX_LIMIT) refuse('limit', `LIMIT ${n} is above ${MAX_LIMIT}`);
  return n;
}
