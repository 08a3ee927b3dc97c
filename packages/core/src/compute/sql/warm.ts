import { randomBytes } from 'node:crypto';
import { stat } from 'node:fs/promises';
import { groupingKey, preparedBoundedSql, type BoundingOptions, type PreparedBounding } from './rewrite.js';
import {
  openSandbox,
  type Sandbox,
  type SandboxOptions,
  type SandboxRow,
  type TableSource,
} from './sandbox.js';
import { quoteIdent } from './sql-scope.js';
import type { AnalysisPlan, GuardColumn } from './sql-types.js';

/**
 * A dataset kept loaded between jobs, bounded once for its release policy (issue 18's benchmark: a DP aggregate
 * costs about what the raw query does). Loading a large table and capping each privacy unit's rows take far
 * longer than the aggregate itself; a WarmTable does both once — each row gets its unit's 64-bit hash and its
 * place among its unit's rows in an order keyed by a secret seed — and then answers each job with a filter on
 * that place. The rows a unit keeps are the same for every job: a fixed subset of at most m rows per unit is a
 * valid contribution bound (it depends on the unit's own rows only), and each release still draws fresh noise
 * and spends budget. A grouping's first-row flags are derived on its first job and kept, so later jobs count
 * distinct units without a DISTINCT. The sandbox is locked once prepared; jobs run on their own connections
 * under the limits, as in a fresh sandbox.
 */
export class WarmTable implements PreparedBounding {
  private readonly firsts = new Map<string, string>();
  private flagging: Promise<unknown> = Promise.resolve();

  private constructor(
    private readonly sandbox: Sandbox,
    readonly table: string,
    private readonly policy: BoundingOptions,
    private readonly clamped: ReadonlyMap<string, string>,
  ) {}

  /** Loads the table into a new sandbox, derives the unit hash and rank columns, and locks it. */
  static async open(
    options: SandboxOptions,
    table: string,
    columns: GuardColumn[],
    source: TableSource,
    policy: BoundingOptions,
  ): Promise<WarmTable> {
    if (!columns.some((c) => c.name === policy.privacyUnit))
      throw new RangeError(`the privacy unit ${policy.privacyUnit} is not a column of ${table}`);
    const sandbox = await openSandbox(options);
    try {
      await sandbox.loadTable(table, columns, source);
      const t = quoteIdent(table);
      const unit = quoteIdent(policy.privacyUnit);
      const seed = randomBytes(6).readUIntBE(0, 6);
      const row = columns.map((c) => quoteIdent(c.name)).join(', ');
      // each bounded numeric column's values clamped once, as boundedSql clamps them per job
      const clamped = new Map<string, string>();
      const clamps = columns.flatMap((c) => {
        const b = policy.bounds[`${table}.${c.name}`] ?? policy.bounds[c.name];
        if (!b || (c.type !== 'integer' && c.type !== 'number')) return [];
        if (!(Number.isFinite(b.lower) && Number.isFinite(b.upper) && b.lower <= b.upper)) return [];
        const name = `__clamped_${clamped.size + 1}`;
        clamped.set(c.name, name);
        const v = `CAST(${quoteIdent(c.name)} AS DOUBLE)`;
        const [lower, upper] = [b.lower, b.upper].map((x) => `CAST('${String(x)}' AS DOUBLE)`);
        return [
          `CASE WHEN ${v} IS NULL THEN NULL ELSE greatest(least(${v}, ${upper}), ${lower}) END AS ${name}`,
        ];
      });
      await sandbox.prepare(
        `CREATE TABLE __warm AS SELECT *, ${[...clamps, ''].join(', ')}hash(${unit}) AS __unit,
           row_number() OVER (PARTITION BY ${unit} ORDER BY hash(${seed}::UBIGINT, ${row})) AS __rank FROM ${t}`,
      );
      await sandbox.prepare(`DROP TABLE ${t}`);
      await sandbox.prepare(`ALTER TABLE __warm RENAME TO ${t}`);
      await sandbox.lock();
      return new WarmTable(sandbox, table, policy, clamped);
    } catch (e) {
      sandbox.close();
      throw e;
    }
  }

  firstsOf(key: string): string | undefined {
    return this.firsts.get(key);
  }

  clampedOf(column: string): string | undefined {
    return this.clamped.get(column);
  }

  /**
   * The sufficient statistics of an analyzed query, bounded as the policy says; null when the plan reads more
   * than one table (the caller bounds it per job).
   */
  async run(plan: AnalysisPlan): Promise<SandboxRow[] | null> {
    if (plan.joins.length) return null;
    if (plan.groupBy.length && !plan.where) await this.flagFirsts(plan);
    const sql = preparedBoundedSql(plan, this.policy, this);
    return sql === null ? null : this.sandbox.run(sql);
  }

  close(): void {
    this.sandbox.close();
  }

  /** Derives a grouping's flag column once: each unit's first kept row (lowest rank) in each of its groups. */
  private async flagFirsts(plan: AnalysisPlan): Promise<void> {
    const key = groupingKey(plan);
    // one derivation at a time: two jobs on a new grouping derive it once
    const done = this.flagging.then(async () => {
      if (this.firsts.has(key)) return;
      const flag = `__first_${this.firsts.size + 1}`;
      const t = quoteIdent(this.table);
      const by = plan.groupBy.map((g) => quoteIdent(g.column)).join(', ');
      await this.sandbox.prepare(`ALTER TABLE ${t} ADD COLUMN ${flag} UTINYINT DEFAULT 0`);
      await this.sandbox.prepare(
        `UPDATE ${t} SET ${flag} = 1 FROM (
           SELECT rowid AS r FROM (
             SELECT rowid, row_number() OVER (PARTITION BY __unit, ${by} ORDER BY __rank) AS q
             FROM ${t} WHERE __rank <= ${this.policy.maxContributions}) WHERE q = 1) AS f
         WHERE ${t}.rowid = f.r`,
      );
      this.firsts.set(key, flag);
    });
    this.flagging = done.catch(() => undefined);
    await done;
  }
}

/**
 * An agent's warm tables, one per dataset, kept while its source and release policy stay the same: a changed
 * file (size or modification time), other rows, or another policy opens it anew. At most `max` are kept; the
 * one used longest ago is closed first.
 */
export class WarmTables {
  private readonly tables = new Map<string, { version: string; table: Promise<WarmTable> }>();

  constructor(
    private readonly options: SandboxOptions,
    private readonly max = 2,
  ) {}

  async get(
    name: string,
    columns: GuardColumn[],
    source: TableSource,
    policy: BoundingOptions,
  ): Promise<WarmTable> {
    const version = JSON.stringify([await sourceVersion(source), columns, policy]);
    const held = this.tables.get(name);
    if (held?.version === version) {
      this.tables.delete(name);
      this.tables.set(name, held); // most recently used last
      return held.table;
    }
    if (held) void held.table.then((t) => t.close()).catch(() => undefined);
    this.tables.delete(name);
    const table = WarmTable.open(this.options, name, columns, source, policy);
    this.tables.set(name, { version, table });
    table.catch(() => this.tables.get(name)?.table === table && this.tables.delete(name));
    while (this.tables.size > this.max) {
      const [oldest, entry] = this.tables.entries().next().value!;
      this.tables.delete(oldest);
      void entry.table.then((t) => t.close()).catch(() => undefined);
    }
    return table;
  }

  async close(): Promise<void> {
    const all = [...this.tables.values()];
    this.tables.clear();
    await Promise.all(all.map((e) => e.table.then((t) => t.close()).catch(() => undefined)));
  }
}

const rowsVersions = new WeakMap<object, number>();
let nextRowsVersion = 0;

/** What tells one state of a source from another: a file's size and time, an array of rows by its identity. */
async function sourceVersion(source: TableSource): Promise<string> {
  if ('csvPath' in source) {
    const s = await stat(source.csvPath);
    return `${source.csvPath}:${s.size}:${s.mtimeMs}:${source.delimiter ?? ','}`;
  }
  let v = rowsVersions.get(source.rows);
  if (v === undefined) rowsVersions.set(source.rows, (v = ++nextRowsVersion));
  return `rows:${v}:${source.rows.length}`;
}
