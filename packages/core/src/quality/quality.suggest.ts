import {
  DEFAULT_DETECTION_SETTINGS,
  TableSampler,
  type PiiDetection,
  type PiiKind,
} from '../protect/index.js';
import {
  detach,
  TableProfiler,
  type Cell,
  type ColumnProfile,
  type TabularSource,
} from '../tabular/index.js';
import { readThrough, type EvaluateOptions } from './quality.evaluate.js';
import { completeRules, type Rule, type RuleInput } from './quality.schema.js';
import { dateMs, dateTimeMs, isEmpty, textOf } from './quality.values.js';

/** What a suggestion reads about one column: its profile and detected kind, and optionally its values. */
export interface ColumnFacts {
  profile: ColumnProfile;
  pii: PiiDetection | null;
  /** Its distinct values, sorted, when there were few and short ones (see `FewValues`); else null. */
  values?: readonly string[] | null;
  /** A bounded sample of its non-empty values. */
  samples?: readonly string[];
}

export interface TableFacts {
  rows: number;
  columns: ColumnFacts[];
}

/** An `enum` lists at most this many values, each at most `MAX_ENUM_TEXT` characters. */
const MAX_ENUM_VALUES = 50;
const MAX_ENUM_TEXT = 64;
/** Numbers with more values than this are measures (an age, an amount), not codes. */
const MAX_NUMERIC_CODES = 10;
/** A column is low-cardinality when each value repeats at least this many times on average. */
const MIN_REPEATS = 4;
/** A key column's distinct count is at least this share of its filled rows (HyperLogLog is ±1.6 %). */
const KEY_DISTINCT_SHARE = 0.9;
/** A column is a date column when this share of its sampled values are dates. */
const DATE_SHARE = 0.9;
/** The longest column name a rule can hold. */
const MAX_NAME = 256;

/** Distinct values of a column while there are few and short ones; gives up for good past either limit. */
class FewValues {
  private set: Set<string> | null = new Set();

  add(v: Cell): void {
    if (!this.set || isEmpty(v)) return;
    const s = textOf(v);
    if (this.set.has(s)) return;
    if (s.length > MAX_ENUM_TEXT || this.set.size >= MAX_ENUM_VALUES) this.set = null;
    else this.set.add(detach(s));
  }

  /** Whether there were too many or too long values (then no more are read). */
  get gaveUp(): boolean {
    return this.set === null;
  }

  get values(): string[] | null {
    return this.set && [...this.set].sort();
  }
}

/** One pass over a table for `suggestRules`: profile, PII detection on a bounded sample, and few-value sets. */
export async function profileForRules(
  source: TabularSource,
  onBatch?: EvaluateOptions['onBatch'],
): Promise<TableFacts> {
  const profiler = new TableProfiler(source.columns);
  const sampler = new TableSampler(DEFAULT_DETECTION_SETTINGS);
  const few: FewValues[] = [];
  await readThrough(
    source,
    (batch) => {
      profiler.add(batch);
      sampler.add(batch, source.columns.length);
      while (few.length < source.columns.length) few.push(new FewValues());
      for (let c = 0; c < few.length; c++)
        if (!few[c]!.gaveUp) for (const row of batch) few[c]!.add(row[c] ?? null);
    },
    onBatch,
  );
  const detections = sampler.detect(source.columns);
  return {
    rows: profiler.rows,
    columns: profiler.result().map((profile, i) => ({
      profile,
      pii: detections[i] ?? null,
      values: few[i]?.values ?? null,
      samples: sampler.columns[i]?.values ?? [],
    })),
  };
}

/** GB/T 36344-2018 规范性: identifiers are checked by their standard's check digit, contacts by their format. */
const PII_RULES: Partial<Record<PiiKind, (columns: string[]) => RuleInput>> = {
  idCard: (columns) => ({ kind: 'check_digit', standard: 'id_card', columns }),
  uscc: (columns) => ({ kind: 'check_digit', standard: 'uscc', columns }),
  bankCard: (columns) => ({ kind: 'check_digit', standard: 'luhn', columns }),
  mobile: (columns) => ({ kind: 'format', format: 'mobile', columns }),
  email: (columns) => ({ kind: 'format', format: 'email', columns }),
};

/** Names of key columns: `id`, `customer_id`, `orderId`, `order_no`, `项目编号`, `行政区划代码`. */
const KEY_NAME = /(?:(?:^|[_\s-])(?:id|ID|Id)|[a-z]I[dD]|_(?:no|NO)|编号|代码)$/;

function dateType(c: ColumnFacts): 'date' | 'datetime' | null {
  const s = c.samples ?? [];
  if (!s.length) return c.profile.type === 'date' || c.profile.type === 'datetime' ? c.profile.type : null;
  const share = (test: (v: string) => boolean) => s.filter(test).length / s.length;
  if (share((v) => dateMs(v) !== null) >= DATE_SHARE) return 'date';
  return share((v) => dateTimeMs(v) !== null) >= DATE_SHARE ? 'datetime' : null;
}

/** A low-cardinality column's observed values, for an `enum`; never for personal information. */
function enumValues(c: ColumnFacts, filled: number): readonly string[] | null {
  const v = c.values;
  const numeric = c.profile.type === 'integer' || c.profile.type === 'decimal';
  if (c.pii || !v?.length || v.length > (numeric ? MAX_NUMERIC_CODES : MAX_ENUM_VALUES)) return null;
  return v.length * MIN_REPEATS <= filled ? v : null;
}

function columnRules(c: ColumnFacts, rows: number): RuleInput[] {
  const columns = [c.profile.name];
  const out: RuleInput[] = [{ kind: 'not_null', columns }];
  const pii = c.pii && PII_RULES[c.pii.kind];
  if (pii) out.push(pii(columns));
  const filled = rows - c.profile.nulls;
  const key =
    KEY_NAME.test(c.profile.name) && filled > 0 && c.profile.distinct >= KEY_DISTINCT_SHARE * filled;
  if (key) out.push({ kind: 'unique', columns });
  const date = dateType(c);
  if (date) out.push({ kind: 'type', type: date, columns });
  const values = key || date ? null : enumValues(c, filled);
  if (values) out.push({ kind: 'enum', values: [...values], columns });
  return out;
}

/**
 * Rules a table's own data suggests (GB/T 36344-2018, one or more per indicator): every column `not_null`;
 * detected ID cards, credit codes and bank cards their check digit, mobiles and emails their format; a
 * key-named column whose values are (nearly) all distinct `unique`; a date column `type`; a low-cardinality
 * column the `enum` of the values it holds (so that a later version is checked against today's); and for the
 * table `duplicate_rows` and `readable`. A numeric `range` from the observed min and max is not suggested: the
 * data it came from always passes it.
 */
export function suggestRules(table: TableFacts): Rule[] {
  const inputs = table.columns
    .filter((c) => c.profile.name.length <= MAX_NAME)
    .flatMap((c) => columnRules(c, table.rows));
  inputs.push({ kind: 'duplicate_rows' }, { kind: 'readable' });
  return completeRules(inputs);
}
