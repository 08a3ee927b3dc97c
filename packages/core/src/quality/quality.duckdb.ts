import { open as openFile } from 'node:fs/promises';
import { todayInChina } from '@shuliu/contracts';
import { SandboxLimit } from '../compute/index.js';
import { DEFAULT_DETECTION_SETTINGS, TableSampler, type PiiDetection } from '../protect/index.js';
import { Invalid } from '../shared/errors.js';
import { openTabular, type TabularSource } from '../tabular/index.js';
import { checkQuality } from './quality.check.js';
import { DomainDb } from './quality.duckdb-db.js';
import { textRows, textRowsSource, type TextRows } from './quality.duckdb-rows.js';
import { referenceMissing, reportOf } from './quality.evaluate.js';
import { exampleMaskers, maskExample } from './quality.mask.js';
import { runChecks } from './quality.duckdb-run.js';
import { ruleColumnIndexes, type Rule, type Weights } from './quality.schema.js';
import { profileForRules, suggestRules } from './quality.suggest.js';
import type { QualityReport } from './quality.types.js';
import { isIsoDay } from './quality.values.js';

/** A table held in a domain: rows in memory (tests, small tables) or a local delimited text file. */
export type DomainTable = { rows: Record<string, unknown>[] } | { csvPath: string; delimiter?: string };

export interface DomainCheckOptions {
  /** The rules to score by; none: suggested from the data exactly as `checkQuality` suggests them. */
  rules?: readonly Rule[];
  weights?: Weights;
  /** The day `freshness` is measured at, `YYYY-MM-DD` (default: today in Beijing). */
  asOf?: string;
  /** DuckDB threads (default 1). */
  threads?: number;
  /** DuckDB's memory limit (default 512MB); past it DuckDB spills to a private temporary directory. */
  memoryLimit?: string;
  /** The whole check's deadline (default 10 minutes): past it, it stops with `SandboxLimit('time')`. */
  timeoutMs?: number;
  /**
   * The values of each `reference` rule that names a file or another resource, by rule id (the check reads
   * neither): such a table is checked by the streaming engine, which takes them as they are.
   */
  references?: Record<string, readonly string[]>;
}

export type DomainCheck = { report: QualityReport; engine: 'duckdb' | 'stream' };

const DEFAULTS = { threads: 1, memoryLimit: '512MB', timeoutMs: 600_000 };

/** Why the table is streamed instead: a rule or a file that SQL would read otherwise than the streaming engine. */
class Unfaithful extends Error {}

const QUOTE_SPACE = Buffer.from('" ');
const SPACE_QUOTE = Buffer.from(' "');
const CARRY = 64;

/** Whether a quote in `view` has only spaces between it and a field's edge (or the view's, to be safe). */
function quoteBesideSpace(view: Buffer, delimiter: number): boolean {
  const edge = (b: number | undefined) => b === undefined || b === delimiter || b === 0x0a || b === 0x0d;
  for (let i = view.indexOf(QUOTE_SPACE); i >= 0; i = view.indexOf(QUOTE_SPACE, i + 1)) {
    let j = i + 1;
    while (view[j] === 0x20) j++;
    if (edge(view[j])) return true;
  }
  for (let i = view.indexOf(SPACE_QUOTE); i >= 0; i = view.indexOf(SPACE_QUOTE, i + 1)) {
    let j = i;
    while (j >= 0 && view[j] === 0x20) j--;
    if (edge(j < 0 ? undefined : view[j])) return true;
  }
  return false;
}

/**
 * Whether DuckDB reads the file as the streaming reader does. It trims spaces between a quoted field and its
 * delimiter (`"a" ,` is `a`, not `a `) and takes blank lines before the header for the header: a file with
 * either is streamed. Read in 1 MiB slices while DuckDB loads it, so on two cores it costs no time.
 */
async function readsAlike(path: string, delimiter: string): Promise<boolean> {
  const fh = await openFile(path, 'r');
  try {
    const buf = Buffer.alloc(1 << 20);
    let carry = 0;
    for (let offset = 0; ;) {
      const { bytesRead } = await fh.read(buf, carry, buf.length - carry, offset);
      if (bytesRead === 0) return true;
      const view = buf.subarray(0, carry + bytesRead);
      if (offset === 0) {
        const start = view[0] === 0xef && view[1] === 0xbb && view[2] === 0xbf ? 3 : 0;
        if (view[start] === 0x0a || view[start] === 0x0d) return false;
      }
      if (quoteBesideSpace(view, delimiter.charCodeAt(0))) return false;
      offset += bytesRead;
      carry = Math.min(CARRY, view.length);
      view.copy(buf, 0, view.length - carry);
    }
  } finally {
    await fh.close();
  }
}

/**
 * Resolves the rules' columns as the streaming engine does, with its errors in its order: a name the table
 * lacks, a `reference` file whose values were not given (this engine reads no files either).
 */
function columnsOf(
  rules: readonly Rule[],
  columns: readonly string[],
  references?: DomainCheckOptions['references'],
): number[][] {
  return rules.map((rule, i) => {
    const at = ruleColumnIndexes(rule, i, columns);
    if (rule.kind === 'reference' && !rule.values && !references?.[rule.id]) throw referenceMissing(rule, i);
    return at;
  });
}

/** The PII detected in the first rows, read in the same batches as the streaming engine reads them. */
async function headDetections(source: TabularSource): Promise<(PiiDetection | null)[]> {
  const sampler = new TableSampler({ ...DEFAULT_DETECTION_SETTINGS, sampleReservoir: 0 });
  let rows = 0;
  try {
    for await (const batch of source.batches()) {
      if (rows >= DEFAULT_DETECTION_SETTINGS.sampleHead) break;
      sampler.add(batch, source.columns.length);
      rows += batch.length;
    }
  } catch {
    // a record the reader cannot parse: DuckDB will refuse the file too, and the table is streamed
  } finally {
    await source.close();
  }
  return sampler.detect(source.columns);
}

/** Today in UTC as `YYYYMMDD`: an ID number's birth date may not be after it (as protect reads `Date.now()`). */
const todayUtc = () => Number(new Date().toISOString().slice(0, 10).replaceAll('-', ''));

interface Loaded {
  columns: string[];
  detections: (PiiDetection | null)[];
  rules: readonly Rule[];
  suggested?: Rule[];
}

/** Loads the rows, or the file while checking that DuckDB reads it as the streaming reader does. */
function loadTable(
  db: DomainDb,
  table: DomainTable,
  rows: TextRows | null,
  width: number,
  delimiter: string,
) {
  if (rows || !('csvPath' in table)) return db.loadRows(width, rows?.cells ?? []);
  return Promise.all([
    db.loadCsv(table.csvPath, width, delimiter),
    readsAlike(table.csvPath, delimiter).then((alike) => {
      if (!alike) throw new Unfaithful('spaces beside quotes or blank lines before the header');
    }),
  ]);
}

async function loadInto(
  db: DomainDb,
  table: DomainTable,
  rows: TextRows | null,
  opts: DomainCheckOptions,
  asOf: string,
  open: () => Promise<TabularSource>,
): Promise<Loaded> {
  const source = await open().catch(() => {
    throw new Unfaithful('the table does not open');
  });
  const { columns, dialect } = source;
  try {
    if ('csvPath' in table && source.format !== 'csv' && source.format !== 'tsv')
      throw new Unfaithful('not delimited text');
    if (dialect && dialect.encoding === 'utf-16le') throw new Unfaithful('UTF-16 text');
    // refused before the load, as the streaming engine refuses them before it reads
    if (!isIsoDay(asOf)) throw Invalid('VALIDATION_FAILED', `asOf: "${asOf}" is not a real date, YYYY-MM-DD`);
    if (opts.rules) columnsOf(opts.rules, columns, opts.references);
    if (opts.rules?.some((r) => r.kind === 'reference' && !r.values))
      throw new Unfaithful('a reference whose values were given apart');
  } catch (e) {
    await source.close();
    throw e;
  }
  const detections = headDetections(source);
  const load = loadTable(db, table, rows, columns.length, dialect?.delimiter ?? ',');
  const suggest = async () => suggestRules(await profileForRules(await open()));
  const [suggested] = await Promise.all([
    opts.rules ? undefined : suggest(),
    load.catch((e: unknown) => {
      if (e instanceof SandboxLimit) throw e;
      throw e instanceof Unfaithful ? e : new Unfaithful('DuckDB refused the file');
    }),
  ]);
  return { columns, detections: await detections, rules: opts.rules ?? suggested!, suggested };
}

async function inDuckDb(
  table: DomainTable,
  rows: TextRows | null,
  opts: DomainCheckOptions,
  open: () => Promise<TabularSource>,
): Promise<QualityReport> {
  const db = await DomainDb.open({ ...DEFAULTS, ...stripUndefined(opts) });
  try {
    const asOf = opts.asOf ?? todayInChina();
    const loaded = await loadInto(db, table, rows, opts, asOf, open);
    const at = columnsOf(loaded.rules, loaded.columns);
    await db.lock();
    const checked = await runChecks(db, loaded.rules, at, { asOf, today: todayUtc() }, loaded.columns);
    if (!checked) throw new Unfaithful('a rule SQL cannot reproduce');
    const maskers = exampleMaskers(loaded.columns, loaded.rules, loaded.detections);
    const results = checked.results.map((r) => ({
      ...r,
      examples: r.examples.map((e) => maskExample(e, maskers)),
    }));
    const report = reportOf(checked.rows, results, opts.weights);
    return loaded.suggested ? { ...report, suggested: loaded.suggested } : report;
  } finally {
    await db.close();
  }
}

function stripUndefined(opts: DomainCheckOptions) {
  const out: Partial<typeof DEFAULTS> = {};
  if (opts.threads !== undefined) out.threads = opts.threads;
  if (opts.memoryLimit !== undefined) out.memoryLimit = opts.memoryLimit;
  if (opts.timeoutMs !== undefined) out.timeoutMs = opts.timeoutMs;
  return out;
}

/** The streaming engine over the same table, stopped at the same deadline. */
async function streamed(open: () => Promise<TabularSource>, opts: DomainCheckOptions, started: number) {
  const timeoutMs = opts.timeoutMs ?? DEFAULTS.timeoutMs;
  return checkQuality(open, {
    rules: opts.rules,
    weights: opts.weights,
    asOf: opts.asOf,
    references: opts.references,
    onBatch: () => {
      if (Date.now() - started > timeoutMs)
        throw new SandboxLimit('time', `the check ran longer than ${timeoutMs} ms`);
    },
  });
}

/**
 * GB/T 36344-2018 in the data holder's domain (issue 19): scores a table held there with DuckDB, every rule
 * compiled to SQL over the table loaded as text, and returns the report only — the same report, to the example,
 * as `checkQuality` gives on the same data. A rule or a file SQL would read otherwise (a pattern RE2 lacks, a
 * `reference` file, text DuckDB parses otherwise, an encoding other than UTF-8) is checked by the streaming
 * engine instead: `engine` says which ran.
 */
export async function checkQualityInDomain(
  table: DomainTable,
  opts: DomainCheckOptions = {},
): Promise<DomainCheck> {
  const started = Date.now();
  const rows = 'rows' in table ? textRows(table.rows) : null;
  const open = rows
    ? async () => textRowsSource(rows)
    : () =>
        openTabular((table as { csvPath: string }).csvPath, {
          delimiter: (table as { delimiter?: string }).delimiter,
        });
  try {
    return { report: await inDuckDb(table, rows, opts, open), engine: 'duckdb' };
  } catch (e) {
    if (!(e instanceof Unfaithful)) throw e;
  }
  return { report: await streamed(open, opts, started), engine: 'stream' };
}
