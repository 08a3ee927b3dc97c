import { SYSTEM_FUNCTION } from './sql-expr.js';
import { type AstNode, arr, obj, str } from './sql-parse.js';
import { refuse } from './sql-refusal.js';
import type { Scope } from './sql-scope.js';
import type { GuardTable, PlanColumn, PlanJoin } from './sql-types.js';

/** Most tables one query may join. */
export const MAX_TABLES = 4;

// SUMMARIZE, DESCRIBE and SHOW parse as a SELECT over a SHOW_REF; they are refused as the statements they are.
const SHOW_KINDS: Record<string, string> = { SUMMARY: 'SUMMARIZE', DESCRIBE: 'DESCRIBE' };

/** Walks FROM: catalog tables joined on declared keys, refusing every other table reference. */
export function walkFrom(ref: AstNode | null, scope: Scope, joins: PlanJoin[]): void {
  const from = ref ?? refuse('unsupported', 'a query without FROM');
  refuseSample(from);
  switch (str(from, 'type')) {
    case 'BASE_TABLE':
      scope.addTable(from);
      break;
    case 'JOIN':
      walkJoin(from, scope, joins);
      break;
    case 'TABLE_FUNCTION':
      return refuseTableFunction(from);
    case 'SHOW_REF':
      return refuse('statement_kind', `${SHOW_KINDS[str(from, 'show_type')] ?? 'SHOW'} is not allowed`);
    case 'SUBQUERY':
      return refuse('subquery', 'a subquery in FROM');
    case 'PIVOT':
      return refuse('statement_kind', 'PIVOT is not allowed');
    case 'EMPTY':
      return refuse('unsupported', 'a query without FROM');
    default:
      return refuse('unsupported', `a ${str(from, 'type').toLowerCase() || 'table'} reference in FROM`);
  }
  if (scope.tables.length > MAX_TABLES)
    refuse('join_not_declared', `more than ${MAX_TABLES} tables are joined`);
}

function refuseSample(ref: AstNode): void {
  if (obj(ref, 'sample')) refuse('sampling', `TABLESAMPLE on ${str(ref, 'table_name') || 'a table'}`);
}

function refuseTableFunction(ref: AstNode): never {
  const name = str(obj(ref, 'function') ?? {}, 'function_name').toLowerCase();
  if (SYSTEM_FUNCTION.test(name)) refuse('system_catalog', `${name}() reads DuckDB's catalog or settings`);
  return refuse('table_function', `${name}() is a table function; query catalog tables by name`);
}

const JOIN_REF_KINDS: Record<string, string> = {
  CROSS: 'a cross join (FROM a, b)',
  NATURAL: 'NATURAL JOIN',
  POSITIONAL: 'POSITIONAL JOIN',
  ASOF: 'ASOF JOIN',
  DEPENDENT: 'a LATERAL join',
};

// Only INNER JOIN … ON equalities: an outer join keeps unmatched rows whose count a key declaration does not
// bound, and USING or NATURAL would join on names the requester picks.
function walkJoin(join: AstNode, scope: Scope, joins: PlanJoin[]): void {
  const refType = str(join, 'ref_type');
  if (refType !== 'REGULAR')
    refuse('join_not_declared', `${JOIN_REF_KINDS[refType] ?? refType} is not allowed`);
  if (str(join, 'join_type') !== 'INNER') {
    refuse('join_not_declared', `${str(join, 'join_type')} JOIN is not allowed; use INNER JOIN … ON`);
  }
  if (arr(join, 'using_columns').length) refuse('join_not_declared', 'JOIN … USING; write ON a.k = b.k');
  walkFrom(obj(join, 'left'), scope, joins);
  const rightRef = obj(join, 'right') ?? refuse('malformed', 'a join without a right side');
  if (str(rightRef, 'type') === 'JOIN')
    refuse('unsupported', 'a parenthesized join; chain joins left to right');
  // Anything else but a base table is refused by walkFrom with its own rule.
  if (str(rightRef, 'type') !== 'BASE_TABLE') walkFrom(rightRef, scope, joins);
  refuseSample(rightRef);
  const right = scope.addTable(rightRef);
  const on = equalities(obj(join, 'condition')).map((eq) => joinPair(eq, right, scope));
  joins.push({ table: right.name, on });
}

function equalities(condition: AstNode | null): AstNode[] {
  const c = condition ?? refuse('join_not_declared', 'a join without ON');
  if (str(c, 'type') === 'CONJUNCTION_AND') return arr(c, 'children').flatMap((n) => equalities(n));
  if (str(c, 'type') !== 'COMPARE_EQUAL')
    refuse('join_not_declared', 'ON must be key equalities joined by AND');
  return [c];
}

function joinPair(eq: AstNode, right: GuardTable, scope: Scope): { left: PlanColumn; right: PlanColumn } {
  const sides = [obj(eq, 'left'), obj(eq, 'right')].map((n) => {
    if (!n || str(n, 'class') !== 'COLUMN_REF') refuse('join_not_declared', 'ON compares key columns only');
    const { table, column } = scope.resolve(n);
    if (!(table.joinKeys ?? []).includes(column.name)) {
      refuse('join_not_declared', `${table.name}.${column.name} is not a declared join key`);
    }
    return { table: table.name, column: column.name };
  });
  const [a, b] = sides as [PlanColumn, PlanColumn];
  if ((a.table === right.name) === (b.table === right.name)) {
    refuse('join_not_declared', `ON must compare ${right.name} with a table joined before it`);
  }
  return a.table === right.name ? { left: b, right: a } : { left: a, right: b };
}
