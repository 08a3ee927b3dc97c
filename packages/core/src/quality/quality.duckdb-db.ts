import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance, type DuckDBConnection, type DuckDBValue } from '@duckdb/node-api';
import { LOCK_STATEMENTS, SandboxLimit } from '../compute/index.js';
import { sqlText, trimmedSql } from './quality.duckdb-values.js';

const MEMORY = /^\d{1,6}(\.\d{1,3})?\s?(KB|MB|GB|KiB|MiB|GiB)$/;

export interface DomainDbOptions {
  threads: number;
  memoryLimit: string;
  timeoutMs: number;
}

/**
 * The table of one check, `t`, its columns `c0`, `c1`… (the table's own names stay in JavaScript, so no header
 * text ever becomes SQL) and its row number `rowid + 1`. Past its memory limit DuckDB spills to a private
 * temporary directory, removed on close. Every statement runs under one deadline: past it the statement is
 * interrupted and a `SandboxLimit('time')` thrown.
 */
export class DomainDb {
  private constructor(
    private readonly db: DuckDBInstance,
    private readonly conn: DuckDBConnection,
    private readonly spill: string,
    private readonly opts: DomainDbOptions,
    private readonly deadline: number,
  ) {}

  static async open(opts: DomainDbOptions): Promise<DomainDb> {
    if (!MEMORY.test(opts.memoryLimit))
      throw new RangeError(`memoryLimit ${opts.memoryLimit} is not a size like 512MB`);
    if (!Number.isSafeInteger(opts.threads) || opts.threads < 1)
      throw new RangeError('threads must be a positive integer');
    const spill = await mkdtemp(join(tmpdir(), 'shuliu-quality-'));
    const db = await DuckDBInstance.create(':memory:', {
      memory_limit: opts.memoryLimit,
      threads: String(opts.threads),
      temp_directory: spill,
      preserve_insertion_order: 'true',
      autoinstall_known_extensions: 'false',
      autoload_known_extensions: 'false',
      allow_community_extensions: 'false',
    });
    return new DomainDb(db, await db.connect(), spill, opts, Date.now() + opts.timeoutMs);
  }

  /**
   * Loads a delimited UTF-8 file, every field as text (an empty unquoted field is NULL, `""` the empty string),
   * as the table the checks read (see `trimmedTable`).
   */
  async loadCsv(path: string, width: number, delimiter: string): Promise<void> {
    const columns = Array.from({ length: width }, (_, i) => `'c${i}': 'VARCHAR'`).join(', ');
    await this.run(
      `CREATE TABLE t AS ${trimmedTable(
        width,
        `read_csv(${sqlText(path)}, delim = ${sqlText(delimiter)}, quote = '"', ` +
          `escape = '"', header = true, auto_detect = false, columns = {${columns}}, allow_quoted_nulls = false, ` +
          `strict_mode = true, null_padding = false, encoding = 'utf-8')`,
      )}`,
    );
  }

  /** Loads rows already turned into text cells, in order, as the table the checks read. */
  async loadRows(width: number, rows: readonly (readonly (string | null)[])[]): Promise<void> {
    await this.appendRows(width, rows);
    await this.run(`CREATE TABLE t AS ${trimmedTable(width, 'raw')}`);
    await this.run('DROP TABLE raw');
  }

  private async appendRows(width: number, rows: readonly (readonly (string | null)[])[]): Promise<void> {
    const defs = Array.from({ length: width }, (_, i) => `c${i} VARCHAR`).join(', ');
    await this.run(`CREATE TABLE raw (${defs || 'c0 VARCHAR'})`);
    if (!width) {
      for (let i = 0; i < rows.length; i += 1000) {
        const n = Math.min(1000, rows.length - i);
        await this.run(`INSERT INTO raw SELECT NULL FROM range(${n})`);
      }
      return;
    }
    const appender = await this.conn.createAppender('raw');
    for (const row of rows) {
      for (let c = 0; c < width; c++) {
        const v = row[c] ?? null;
        if (v === null) appender.appendNull();
        else appender.appendVarchar(v);
      }
      appender.endRow();
    }
    appender.closeSync();
  }

  async lock(): Promise<void> {
    for (const statement of LOCK_STATEMENTS) await this.conn.run(statement);
  }

  /** Runs a statement under the deadline. */
  async run(sql: string): Promise<void> {
    await this.limited(() => this.conn.run(sql));
  }

  /** Runs a query under the deadline; its rows as arrays of DuckDB values. */
  async rows(sql: string): Promise<DuckDBValue[][]> {
    return this.limited(async () => (await this.conn.runAndReadAll(sql)).getRows());
  }

  async close(): Promise<void> {
    this.conn.closeSync();
    this.db.closeSync();
    await rm(this.spill, { recursive: true, force: true });
  }

  private async limited<T>(work: () => Promise<T>): Promise<T> {
    const left = this.deadline - Date.now();
    if (left <= 0) throw this.timeout();
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      this.conn.interrupt();
    }, left);
    try {
      return await work();
    } catch (e) {
      const message = e instanceof Error ? e.message : String(e);
      if (timedOut || /INTERRUPT/i.test(message)) throw this.timeout();
      if (/Out of Memory/i.test(message))
        throw new SandboxLimit('memory', `the check needed more than ${this.opts.memoryLimit}`);
      throw e;
    } finally {
      clearTimeout(timer);
    }
  }

  private timeout() {
    return new SandboxLimit('time', `the check ran longer than ${this.opts.timeoutMs} ms`);
  }
}

/**
 * The table the checks read, made as it is loaded: each column's value as the streaming engine reads it (`t0`…:
 * without surrounding white space, NULL when empty), trimmed once here rather than in every query, and beside
 * it the cell as stored (`c0`…) only where the two differ, for the examples.
 */
function trimmedTable(width: number, from: string): string {
  if (!width) return `SELECT * FROM ${from}`;
  const inner = Array.from({ length: width }, (_, i) => `${trimmedSql(`c${i}`)} AS t${i}, c${i}`).join(', ');
  const outer = Array.from(
    { length: width },
    (_, i) => `t${i}, CASE WHEN c${i} IS DISTINCT FROM t${i} THEN c${i} END AS c${i}`,
  ).join(', ');
  return `SELECT ${outer} FROM (SELECT ${inner} FROM ${from})`;
}
