import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { refuse } from './sql-refusal.js';

/** One node of DuckDB's JSON parse tree, read field by field through the helpers below. */
export type AstNode = { readonly [key: string]: unknown };

/** Longest SQL text the analyzer reads; a compute query is a few lines. */
export const MAX_SQL_CHARS = 8_000;
/** Deepest expression nesting the analyzer walks. */
export const MAX_DEPTH = 48;

// The parser runs in its own DuckDB with nothing to read and its settings locked: json_serialize_sql only
// parses, but the instance is still one an attacker's text reaches.
const PARSER_OPTIONS: Record<string, string> = {
  threads: '1',
  memory_limit: '64MB',
  enable_external_access: 'false',
  autoinstall_known_extensions: 'false',
  autoload_known_extensions: 'false',
  allow_community_extensions: 'false',
  lock_configuration: 'true',
};

let parser: Promise<DuckDBConnection> | null = null;

function parserConnection(): Promise<DuckDBConnection> {
  parser ??= DuckDBInstance.create(':memory:', PARSER_OPTIONS).then((db) => db.connect());
  return parser;
}

const SELECT_START = /^(SELECT|FROM|WITH)$/;

// json_serialize_sql only serializes SELECTs; for any other statement the leading keyword names it.
function leadingKeyword(sqlText: string): string {
  const body = sqlText.replace(/--[^\n]*|\/\*[\s\S]*?\*\//g, ' ').replace(/^[\s(]+/, '');
  return (/^[A-Za-z_]+/.exec(body)?.[0] ?? 'statement').toUpperCase();
}

/** Parses one SELECT into DuckDB's JSON tree, refusing long text, several statements and non-SELECTs. */
export async function parseSelect(sqlText: string): Promise<AstNode> {
  if (sqlText.length > MAX_SQL_CHARS)
    refuse('too_long', `the query has more than ${MAX_SQL_CHARS} characters`);
  if (!sqlText.replace(/--[^\n]*|\/\*[\s\S]*?\*\//g, '').trim()) refuse('malformed', 'the query is empty');
  const conn = await parserConnection();
  let count: number;
  try {
    count = (await conn.extractStatements(sqlText)).count;
  } catch (e) {
    refuse('malformed', (e as Error).message.replace(/^Failed to extract statements: /, '').split('\n')[0]);
  }
  if (count === 0) refuse('malformed', 'the query is empty');
  // PIVOT expands into several statements; a text that does not start as a SELECT is named by its keyword.
  if (count > 1 && !SELECT_START.test(leadingKeyword(sqlText))) {
    refuse('statement_kind', `${leadingKeyword(sqlText)} is not allowed; send one SELECT`);
  }
  if (count > 1) refuse('one_select', `the text holds ${count} statements; send one SELECT`);
  const reader = await conn.runAndReadAll('select json_serialize_sql($1::varchar) as j', [sqlText]);
  const parsed = JSON.parse(String(reader.getRows()[0]?.[0])) as AstNode;
  if (parsed.error === true) {
    if (String(parsed.error_message).startsWith('Only SELECT statements')) {
      refuse('statement_kind', `${leadingKeyword(sqlText)} is not allowed; send one SELECT`);
    }
    refuse('malformed', String(parsed.error_message));
  }
  const statements = arr(parsed, 'statements');
  if (statements.length !== 1) refuse('one_select', 'send exactly one SELECT');
  return obj(statements[0]!, 'node') ?? refuse('malformed', 'the statement has no query');
}

/** The string field `key`, or '' when absent. */
export function str(node: AstNode, key: string): string {
  const v = node[key];
  return typeof v === 'string' ? v : '';
}

/** The list field `key`, or [] when absent or null. */
export function arr(node: AstNode, key: string): AstNode[] {
  const v = node[key];
  return Array.isArray(v) ? (v as AstNode[]) : [];
}

/** The object field `key`, or null when absent or null. */
export function obj(node: AstNode, key: string): AstNode | null {
  const v = node[key];
  return v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as AstNode) : null;
}
