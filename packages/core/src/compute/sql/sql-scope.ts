import { type AstNode, arr, obj, str } from './sql-parse.js';
import { refuse } from './sql-refusal.js';
import type { GuardCatalog, GuardColumn, GuardTable } from './sql-types.js';

/** Quotes an identifier for DuckDB; only catalog names reach it, never the requester's spelling. */
export function quoteIdent(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

/** A resolved column: the catalog's table and column. */
export interface ScopeColumn {
  table: GuardTable;
  column: GuardColumn;
}

// DuckDB's own catalogs and the names its SHOW/DESCRIBE read: probing them is refused by name, not as an
// unknown table, so the requester learns the rule.
const SYSTEM_SCHEMAS = new Set(['information_schema', 'pg_catalog', 'system', 'temp']);
const SYSTEM_TABLE = /^(duckdb_|pg_|sqlite_)|^information_schema$/i;
// A replacement scan reads `FROM 'x.csv'` or `FROM 'https://…'` as a file: refuse anything path-like.
const FILE_LIKE = /[/\\:~]|\.(csv|tsv|txt|json|ndjson|jsonl|parquet|db|duckdb|sqlite|xlsx?|gz|zst)$/i;

const same = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();

/** The tables in FROM, by the name (alias or table name) the query uses for each. */
export class Scope {
  private readonly byName = new Map<string, GuardTable>();

  constructor(private readonly catalog: GuardCatalog) {}

  get tables(): GuardTable[] {
    return [...this.byName.values()];
  }

  /** Adds a BASE_TABLE reference, refusing system catalogs, file paths and unknown or repeated tables. */
  addTable(ref: AstNode): GuardTable {
    const name = str(ref, 'table_name');
    const schema = str(ref, 'schema_name') || str(ref, 'catalog_name');
    if (SYSTEM_SCHEMAS.has(schema.toLowerCase()) || SYSTEM_TABLE.test(name)) {
      refuse('system_catalog', `${schema ? `${schema}.` : ''}${name} is a system catalog`);
    }
    if (FILE_LIKE.test(name)) refuse('file_or_url', `'${name}' reads a file or URL`);
    if (schema) refuse('unknown_table', `${schema}.${name}: name catalog tables without a schema`);
    if (obj(ref, 'at_clause')) refuse('unsupported', `AT (time travel) on ${name} is not allowed`);
    if (arr(ref, 'column_name_alias').length)
      refuse('unsupported', `column aliases on ${name} are not allowed`);
    const table =
      this.catalog.tables.find((t) => same(t.name, name)) ??
      refuse('unknown_table', `${name} is not in the catalog`);
    if (this.tables.includes(table)) refuse('join_not_declared', `${table.name} is joined to itself`);
    const key = (str(ref, 'alias') || name).toLowerCase();
    if (this.byName.has(key)) refuse('join_not_declared', `${key} names two tables`);
    this.byName.set(key, table);
    return table;
  }

  /** Resolves a COLUMN_REF (`col` or `t.col`) to its catalog table and column. */
  resolve(ref: AstNode): ScopeColumn {
    const names = (ref.column_names as unknown[]).map(String);
    if (names.length === 2) {
      const table =
        this.byName.get(names[0]!.toLowerCase()) ??
        refuse('unknown_table', `${names[0]} is not a table in FROM`);
      return { table, column: this.columnOf(table, names[1]!) };
    }
    if (names.length !== 1) refuse('unknown_column', `${names.join('.')} is not a catalog column`);
    const hits = this.tables.filter((t) => t.columns.some((c) => same(c.name, names[0]!)));
    if (hits.length > 1)
      refuse('ambiguous_column', `${names[0]} is in ${hits.map((t) => t.name).join(' and ')}`);
    const table = hits[0] ?? refuse('unknown_column', `${names[0]} is not a column of the tables in FROM`);
    return { table, column: this.columnOf(table, names[0]!) };
  }

  private columnOf(table: GuardTable, name: string): GuardColumn {
    return (
      table.columns.find((c) => same(c.name, name)) ??
      refuse('unknown_column', `${table.name}.${name} is not in the catalog`)
    );
  }
}

/** The quoted `"table"."column"` a rewrite emits for a resolved column. */
export function renderColumn(c: { table: string; column: string }): string {
  return `${quoteIdent(c.table)}.${quoteIdent(c.column)}`;
}
