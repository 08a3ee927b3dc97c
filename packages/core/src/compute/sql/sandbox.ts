import {
  DuckDBDateValue,
  DuckDBInstance,
  type DuckDBAppender,
  type DuckDBConnection,
  type Json,
} from '@duckdb/node-api';
import { quoteIdent } from './sql-scope.js';
import type { GuardColumn, GuardColumnType } from './sql-types.js';

/** Which sandbox limit stopped a job. */
export type SandboxLimitKind = 'time' | 'memory' | 'rows' | 'bytes';

/** A job stopped by a sandbox limit (issue 18: jobs run under memory, time and row limits). */
export class SandboxLimit extends Error {
  readonly kind: SandboxLimitKind;
  constructor(kind: SandboxLimitKind, message: string) {
    super(`${kind}: ${message}`);
    this.name = 'SandboxLimit';
    this.kind = kind;
  }
}

export interface SandboxOptions {
  /** DuckDB memory_limit, e.g. '256MB'. */
  memoryLimit?: string;
  threads?: number;
  timeoutMs: number;
  maxResultRows: number;
  /** Largest result, measured as its JSON text. */
  maxResultBytes?: number;
}

export type SandboxRow = Record<string, Json>;
/** A table's rows given in memory, or a local CSV file read before the sandbox is locked. */
export type TableSource = { rows: Record<string, unknown>[] } | { csvPath: string; delimiter?: string };

export interface Sandbox {
  /** Creates and fills a table; only before lock(), since reading a file needs external access. */
  loadTable(name: string, columns: GuardColumn[], source: TableSource): Promise<void>;
  /**
   * Keeps only the rows whose text `column` passes `keep` (read once per distinct value); before lock(). Returns
   * the rows kept and the rows there were.
   */
  restrict(
    table: string,
    column: string,
    keep: (value: string) => boolean,
  ): Promise<{ kept: number; of: number }>;
  /**
   * Runs one statement of the agent's own — never a requester's — on the instance's own connection, without
   * the job limits: to derive columns from a loaded table (see WarmTable). Before or after lock().
   */
  prepare(statement: string): Promise<void>;
  /** Turns off external access and locks the configuration for the rest of the instance's life. */
  lock(): Promise<void>;
  /** Runs one statement under the time, memory and row limits; only after lock(). */
  run(sql: string): Promise<SandboxRow[]>;
  close(): void;
}

const DUCK_TYPES: Record<GuardColumnType, string> = {
  integer: 'BIGINT',
  number: 'DOUBLE',
  text: 'VARCHAR',
  date: 'DATE',
  boolean: 'BOOLEAN',
};
const MEMORY = /^\d{1,6}(\.\d{1,3})?\s?(KB|MB|GB|KiB|MiB|GiB)$/;

/**
 * Opens an in-memory DuckDB for one compute job. Limits that need no file access are set when the instance
 * is created: memory, threads, no spilling to disk (so memory_limit is a hard stop) and no extension
 * installing, autoloading or community extensions.
 */
export async function openSandbox(options: SandboxOptions): Promise<Sandbox> {
  const memoryLimit = options.memoryLimit ?? '256MB';
  if (!MEMORY.test(memoryLimit)) throw new RangeError(`memoryLimit ${memoryLimit} is not a size like 256MB`);
  const threads = options.threads ?? 1;
  if (!Number.isSafeInteger(threads) || threads < 1)
    throw new RangeError('threads must be a positive integer');
  const db = await DuckDBInstance.create(':memory:', {
    memory_limit: memoryLimit,
    threads: String(threads),
    temp_directory: '',
    autoinstall_known_extensions: 'false',
    autoload_known_extensions: 'false',
    allow_community_extensions: 'false',
  });
  const admin = await db.connect();
  let locked = false;
  return {
    async loadTable(name, columns, source) {
      if (locked) throw new Error('tables are loaded before the sandbox is locked');
      await createTable(admin, name, columns);
      if ('rows' in source) await appendRows(admin, name, columns, source.rows);
      else await copyCsv(admin, name, columns, source.csvPath, source.delimiter ?? ',');
    },
    async restrict(table, column, keep) {
      if (locked) throw new Error('rows are restricted before the sandbox is locked');
      const t = quoteIdent(table);
      const c = quoteIdent(column);
      const count = async () =>
        Number((await (await admin.runAndReadAll(`SELECT count(*) FROM ${t}`)).getRows())[0]![0]);
      const of = await count();
      const values = (
        await (await admin.runAndReadAll(`SELECT DISTINCT ${c} FROM ${t} WHERE ${c} IS NOT NULL`)).getRows()
      ).map((r) => String(r[0]));
      await admin.run('CREATE TEMP TABLE __kept (v VARCHAR)');
      const appender = await admin.createAppender('__kept');
      for (const v of values)
        if (keep(v)) {
          appender.appendVarchar(v);
          appender.endRow();
        }
      appender.closeSync();
      await admin.run(`DELETE FROM ${t} WHERE ${c} IS NULL OR ${c} NOT IN (SELECT v FROM __kept)`);
      await admin.run('DROP TABLE __kept');
      return { kept: await count(), of };
    },
    async prepare(statement) {
      await admin.run(statement);
    },
    async lock() {
      // Order matters: external access is switched off first, then every setting is frozen.
      for (const statement of LOCK_STATEMENTS) await admin.run(statement);
      locked = true;
    },
    async run(sql) {
      if (!locked) throw new Error('the sandbox runs jobs only once it is locked');
      return runLimited(db, sql, options);
    },
    close() {
      admin.closeSync();
      db.closeSync();
    },
  };
}

/** What locks a DuckDB instance: no external access, no extensions, every setting frozen (in this order). */
export const LOCK_STATEMENTS = [
  'SET enable_external_access = false',
  'SET autoinstall_known_extensions = false',
  'SET autoload_known_extensions = false',
  'SET allow_community_extensions = false',
  'SET lock_configuration = true',
];

async function createTable(conn: DuckDBConnection, name: string, columns: GuardColumn[]): Promise<void> {
  if (!columns.length) throw new RangeError(`table ${name} has no columns`);
  const defs = columns.map((c) => `${quoteIdent(c.name)} ${DUCK_TYPES[c.type]}`);
  await conn.run(`CREATE TABLE ${quoteIdent(name)} (${defs.join(', ')})`);
}

async function appendRows(
  conn: DuckDBConnection,
  name: string,
  columns: GuardColumn[],
  rows: Record<string, unknown>[],
): Promise<void> {
  const appender = await conn.createAppender(name);
  for (const row of rows) {
    for (const c of columns) appendCell(appender, c, row[c.name]);
    appender.endRow();
  }
  appender.closeSync();
}

function appendCell(appender: DuckDBAppender, column: GuardColumn, value: unknown): void {
  if (value === null || value === undefined || value === '') return appender.appendNull();
  const bad = () => new TypeError(`${column.name}: ${String(value)} is not a ${column.type}`);
  switch (column.type) {
    case 'integer': {
      const n = Number(value);
      if (!Number.isSafeInteger(n)) throw bad();
      return appender.appendBigInt(BigInt(n));
    }
    case 'number': {
      const n = Number(value);
      if (!Number.isFinite(n)) throw bad();
      return appender.appendDouble(n);
    }
    case 'boolean':
      return appender.appendBoolean(value === true || value === 'true' || value === 1);
    case 'date': {
      const ms = value instanceof Date ? value.getTime() : Date.parse(`${String(value)}T00:00:00Z`);
      if (!Number.isFinite(ms)) throw bad();
      return appender.appendDate(new DuckDBDateValue(Math.floor(ms / 86_400_000)));
    }
    default:
      return appender.appendVarchar(String(value));
  }
}

// The path and delimiter come from the platform, not the requester; they are still quoted as literals.
async function copyCsv(
  conn: DuckDBConnection,
  name: string,
  columns: GuardColumn[],
  path: string,
  delimiter: string,
): Promise<void> {
  const lit = (s: string) => `'${s.replace(/'/g, "''")}'`;
  const types = columns.map((c) => `${lit(c.name)}: ${lit(DUCK_TYPES[c.type])}`).join(', ');
  const read = `read_csv(${lit(path)}, delim = ${lit(delimiter)}, header = true, columns = {${types}})`;
  await conn.run(`INSERT INTO ${quoteIdent(name)} SELECT * FROM ${read}`);
}

// Each job gets its own connection so that interrupt() stops that job only.
async function runLimited(db: DuckDBInstance, sql: string, options: SandboxOptions): Promise<SandboxRow[]> {
  const conn = await db.connect();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    conn.interrupt();
  }, options.timeoutMs);
  try {
    const reader = await conn.runAndReadUntil(sql, options.maxResultRows + 1);
    if (reader.currentRowCount > options.maxResultRows) {
      throw new SandboxLimit('rows', `the result has more than ${options.maxResultRows} rows`);
    }
    const rows = reader.getRowObjectsJson();
    const bytes = Buffer.byteLength(JSON.stringify(rows));
    if (options.maxResultBytes !== undefined && bytes > options.maxResultBytes) {
      throw new SandboxLimit('bytes', `the result is ${bytes} bytes, above ${options.maxResultBytes}`);
    }
    return rows;
  } catch (e) {
    throw limitOf(e, timedOut, options);
  } finally {
    clearTimeout(timer);
    conn.closeSync();
  }
}

function limitOf(e: unknown, timedOut: boolean, options: SandboxOptions): unknown {
  if (e instanceof SandboxLimit) return e;
  const message = e instanceof Error ? e.message : String(e);
  if (timedOut || /INTERRUPT/i.test(message)) {
    return new SandboxLimit('time', `the job ran longer than ${options.timeoutMs} ms`);
  }
  if (/Out of Memory/i.test(message)) {
    return new SandboxLimit('memory', `the job needed more than ${options.memoryLimit ?? '256MB'}`);
  }
  return e;
}
