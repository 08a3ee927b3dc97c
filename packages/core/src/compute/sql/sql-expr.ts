import { type AstNode, MAX_DEPTH, arr, obj, str } from './sql-parse.js';
import { refuse } from './sql-refusal.js';
import { type Scope, renderColumn } from './sql-scope.js';

// Row predicates a differential-privacy rewrite can keep inside its bounding subquery. Each is re-rendered
// from the parse tree with operators, types and identifiers from the tables below: nothing the requester
// typed is copied into SQL except constants, which are re-quoted.

const COMPARISONS: Record<string, string> = {
  COMPARE_EQUAL: '=',
  COMPARE_NOTEQUAL: '<>',
  COMPARE_LESSTHAN: '<',
  COMPARE_GREATERTHAN: '>',
  COMPARE_LESSTHANOREQUALTO: '<=',
  COMPARE_GREATERTHANOREQUALTO: '>=',
};
const ARITHMETIC = new Set(['+', '-', '*', '/', '%', '//']);
const LIKES: Record<string, string> = {
  '~~': 'LIKE',
  '!~~': 'NOT LIKE',
  '~~*': 'ILIKE',
  '!~~*': 'NOT ILIKE',
};
const SCALARS: Record<string, string> = {
  abs: 'abs',
  lower: 'lower',
  upper: 'upper',
  year: 'year',
  month: 'month',
};
const CASTS: Record<string, string> = {
  INTEGER: 'INTEGER',
  BIGINT: 'BIGINT',
  DOUBLE: 'DOUBLE',
  FLOAT: 'FLOAT',
  VARCHAR: 'VARCHAR',
  DATE: 'DATE',
  BOOLEAN: 'BOOLEAN',
};
const INTEGER_TYPES = new Set([
  'TINYINT',
  'SMALLINT',
  'INTEGER',
  'BIGINT',
  'UTINYINT',
  'USMALLINT',
  'UINTEGER',
]);
// Functions that read DuckDB's state rather than the data: refused as catalog probing, by name.
export const SYSTEM_FUNCTION =
  /^(duckdb_|pg_|sqlite_|pragma_)|^(current_setting|getvariable|version|current_database|current_schemas?|current_catalog|current_user|session_user|user|database_size|which_secret|has_\w+_privilege)$/;

/** The refusal for a function outside the allow-list: catalog and state readers by name, the rest generic. */
export function refuseFunction(name: string, where: string): never {
  if (SYSTEM_FUNCTION.test(name)) refuse('system_catalog', `${name}() reads DuckDB's state, not the data`);
  return refuse('function_not_allowed', `${name}() is not allowed ${where} (no UDFs or macros)`);
}

/** Refuses any catalog or settings reader anywhere in the tree, before the walk reports a vaguer rule. */
export function refuseSystemFunctions(node: unknown): void {
  if (Array.isArray(node)) return node.forEach(refuseSystemFunctions);
  if (node === null || typeof node !== 'object') return;
  const name = str(node as AstNode, 'function_name').toLowerCase();
  if (name && SYSTEM_FUNCTION.test(name))
    refuse('system_catalog', `${name}() reads DuckDB's state, not the data`);
  Object.values(node).forEach(refuseSystemFunctions);
}

const SUBQUERY_KINDS: Record<string, string> = {
  ANY: 'IN (SELECT …) or ANY (…)',
  EXISTS: 'EXISTS (SELECT …)',
  SCALAR: 'a scalar (SELECT …)',
};

/** The refusal for an expression class the allow-list does not know, naming the construct. */
export function refuseClass(node: AstNode, where: string): never {
  const cls = str(node, 'class');
  if (cls === 'SUBQUERY')
    refuse('subquery', `${SUBQUERY_KINDS[str(node, 'subquery_type')] ?? 'a subquery'} ${where}`);
  if (cls === 'WINDOW') refuse('window_function', `${str(node, 'function_name')}() OVER ${where}`);
  if (cls === 'PARAMETER') refuse('unsupported', `a parameter ($${str(node, 'identifier')}) ${where}`);
  if (cls === 'STAR') refuse('row_level_output', `* or COLUMNS() ${where} selects row-level values`);
  if (cls === 'LAMBDA') refuse('unsupported', `a lambda ${where}`);
  return refuse('unsupported', `${(cls || 'unknown').toLowerCase()} ${where}`);
}

/** Renders a constant literal from its parsed value: numbers re-formatted, strings re-quoted. */
export function renderConstant(node: AstNode): string {
  const value = obj(node, 'value') ?? refuse('unsupported', 'a constant without a value');
  if (value.is_null === true) return 'NULL';
  const type = obj(value, 'type');
  const id = type ? str(type, 'id') : '';
  const v = value.value;
  if (id === 'VARCHAR' && typeof v === 'string') return `'${v.replace(/'/g, "''")}'`;
  if (id === 'BOOLEAN' && typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  if (INTEGER_TYPES.has(id) && Number.isSafeInteger(v)) return String(v);
  if ((id === 'DOUBLE' || id === 'FLOAT') && Number.isFinite(v)) return String(v);
  if (id === 'DECIMAL' && Number.isSafeInteger(v)) return renderDecimal(v as number, type);
  return refuse('unsupported', `a ${id.toLowerCase() || 'typed'} constant`);
}

// DuckDB stores a decimal literal as its unscaled integer and a scale: 1.5 is 15 with scale 1.
function renderDecimal(unscaled: number, type: AstNode | null): string {
  const info = type ? obj(type, 'type_info') : null;
  const scale = Number(info?.scale ?? 0);
  if (!Number.isInteger(scale) || scale < 0 || scale > 18) refuse('unsupported', 'a decimal constant');
  const digits = Math.abs(unscaled)
    .toString()
    .padStart(scale + 1, '0');
  const sign = unscaled < 0 ? '-' : '';
  return scale === 0 ? `${sign}${digits}` : `${sign}${digits.slice(0, -scale)}.${digits.slice(-scale)}`;
}

/** Checks and renders a WHERE expression against the allow-list. */
export function renderExpr(node: AstNode, scope: Scope, depth = 0): string {
  if (depth > MAX_DEPTH) refuse('too_long', `the WHERE clause nests deeper than ${MAX_DEPTH}`);
  const sub = (n: AstNode | null) =>
    renderExpr(n ?? refuse('malformed', 'a missing operand'), scope, depth + 1);
  switch (str(node, 'class')) {
    case 'COLUMN_REF':
      return renderRef(node, scope);
    case 'CONSTANT':
      return renderConstant(node);
    case 'CAST':
      return renderCast(node, sub);
    case 'COMPARISON': {
      const op = COMPARISONS[str(node, 'type')] ?? refuse('unsupported', `${str(node, 'type')} in WHERE`);
      return `(${sub(obj(node, 'left'))} ${op} ${sub(obj(node, 'right'))})`;
    }
    case 'CONJUNCTION':
      return renderConjunction(node, sub);
    case 'OPERATOR':
      return renderOperator(node, sub);
    case 'BETWEEN':
      return `(${sub(obj(node, 'input'))} BETWEEN ${sub(obj(node, 'lower'))} AND ${sub(obj(node, 'upper'))})`;
    case 'FUNCTION':
      return renderFunction(node, sub);
    case 'CASE':
      return renderCase(node, sub);
    default:
      return refuseClass(node, 'in WHERE');
  }
}

type Sub = (n: AstNode | null) => string;

function renderRef(node: AstNode, scope: Scope): string {
  const { table, column } = scope.resolve(node);
  return renderColumn({ table: table.name, column: column.name });
}

function renderCast(node: AstNode, sub: Sub): string {
  const target = obj(node, 'cast_type');
  const type = CASTS[target ? str(target, 'id') : ''] ?? refuse('unsupported', 'a cast to that type');
  return `${node.try_cast === true ? 'TRY_CAST' : 'CAST'}(${sub(obj(node, 'child'))} AS ${type})`;
}

function renderConjunction(node: AstNode, sub: Sub): string {
  const op = { CONJUNCTION_AND: ' AND ', CONJUNCTION_OR: ' OR ' }[str(node, 'type')];
  if (!op) refuse('unsupported', `${str(node, 'type')} in WHERE`);
  return `(${arr(node, 'children').map(sub).join(op)})`;
}

function renderOperator(node: AstNode, sub: Sub): string {
  const [first, ...rest] = arr(node, 'children');
  const head = sub(first ?? null);
  switch (str(node, 'type')) {
    case 'OPERATOR_NOT':
      return `(NOT ${head})`;
    case 'OPERATOR_IS_NULL':
      return `(${head} IS NULL)`;
    case 'OPERATOR_IS_NOT_NULL':
      return `(${head} IS NOT NULL)`;
    case 'COMPARE_IN':
    case 'COMPARE_NOT_IN': {
      const items = rest.map((n) => (str(n, 'class') === 'CONSTANT' ? renderConstant(n) : refuseInItem(n)));
      const not = str(node, 'type') === 'COMPARE_NOT_IN' ? 'NOT ' : '';
      return `(${head} ${not}IN (${items.join(', ')}))`;
    }
    default:
      return refuse('unsupported', `${str(node, 'type').toLowerCase()} in WHERE`);
  }
}

function refuseInItem(node: AstNode): never {
  if (str(node, 'class') === 'SUBQUERY') refuse('subquery', 'IN (SELECT …) in WHERE');
  return refuse('unsupported', 'IN lists hold constants only');
}

function renderFunction(node: AstNode, sub: Sub): string {
  const name = str(node, 'function_name').toLowerCase();
  const args = arr(node, 'children');
  if (str(node, 'schema') || str(node, 'catalog')) refuseFunction(name, 'in WHERE');
  if (obj(node, 'filter') || node.distinct === true)
    refuse('unsupported', `${name}() with FILTER or DISTINCT`);
  if (ARITHMETIC.has(name) && (args.length === 2 || (args.length === 1 && name === '-'))) {
    return args.length === 1 ? `(- ${sub(args[0]!)})` : `(${sub(args[0]!)} ${name} ${sub(args[1]!)})`;
  }
  const like = LIKES[name];
  if (like) {
    if (args.length !== 2 || str(args[1]!, 'class') !== 'CONSTANT') {
      refuse('unsupported', `${like} needs one constant pattern`);
    }
    return `(${sub(args[0]!)} ${like} ${renderConstant(args[1]!)})`;
  }
  const scalar = SCALARS[name];
  if (scalar && args.length === 1) return `${scalar}(${sub(args[0]!)})`;
  return refuseFunction(name, 'in WHERE');
}

function renderCase(node: AstNode, sub: Sub): string {
  const checks = arr(node, 'case_checks').map(
    (c) => `WHEN ${sub(obj(c, 'when_expr'))} THEN ${sub(obj(c, 'then_expr'))}`,
  );
  const otherwise = obj(node, 'else_expr');
  return `(CASE ${checks.join(' ')}${otherwise ? ` ELSE ${sub(otherwise)}` : ''} END)`;
}
