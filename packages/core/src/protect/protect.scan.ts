import {
  TableProfiler,
  toRecord,
  type ColumnProfile,
  type Row,
  type RowValues,
  type TabularFormat,
  type TabularSource,
  type ValueType,
} from '../tabular/index.js';
import { ColumnSampler, detectColumn } from './protect.detect.js';
import { gradeDataset, gradeField, isSensitive, mayPublish } from './protect.grade.js';
import { buildMaskPlan, maskBatch, type MaskPlan } from './protect.plan.js';
import type { ColumnRule } from './protect.schema.js';
import {
  DEFAULT_PROTECT_SETTINGS,
  type DetectionSettings,
  type ProtectSettings,
} from './protect.settings.js';
import { GRADE_LABELS, type Grade, type PiiDetection, type PiiKind } from './protect.types.js';

export interface ColumnScan {
  name: string;
  type: ValueType;
  pii: PiiDetection | null;
  suggestedGrade: Grade;
  suggestedGradeLabel: string;
  /** PIPL Art. 28 sensitive personal information. */
  sensitive: boolean;
  /** The strategy `mask` applies when the rules do not name this column. */
  defaultStrategy: ColumnRule;
  nullRate: number;
  distinct: number;
  /** Masked with the default strategy when the column holds personal information. */
  min: string | number | null;
  max: string | number | null;
}

export interface ScanReport {
  rows: number;
  format: TabularFormat;
  encoding?: string;
  columns: ColumnScan[];
  datasetGrade: Grade;
  datasetGradeLabel: string;
  /** False for core data, which is never registered, listed or opened. */
  publishable: boolean;
  /** The first rows, masked with the default strategies. */
  sample: Row[];
}

export interface ScanOptions {
  settings?: ProtectSettings;
  /** Rows in the masked sample (default 5). */
  sampleRows?: number;
  /** Called after each batch, e.g. to report progress. */
  onBatch?: (progress: TabularSource['progress']) => void;
}

/** Identifier codes are text, whatever their digits look like (leading zeros, 18 digits, check characters). */
const CODE_KINDS = new Set<PiiKind>(['idCard', 'mobile', 'bankCard', 'uscc']);

/** Feeds a batch's non-empty values to per-column samplers (columns that appear later get samplers late). */
export class TableSampler {
  readonly columns: ColumnSampler[] = [];
  constructor(private readonly s: DetectionSettings) {}

  add(batch: readonly RowValues[], width: number): void {
    while (this.columns.length < width)
      this.columns.push(new ColumnSampler(this.s.sampleHead, this.s.sampleReservoir));
    for (let c = 0; c < width; c++) {
      const sampler = this.columns[c]!;
      for (let r = 0; r < batch.length; r++) {
        const v = batch[r]![c];
        if (v !== null && v !== undefined && v !== '') sampler.add(typeof v === 'string' ? v : String(v));
      }
    }
  }

  detect(names: readonly string[]): (PiiDetection | null)[] {
    return names.map((n, i) => detectColumn(n, this.columns[i]?.values ?? [], this.s));
  }
}

function columnScan(
  p: ColumnProfile,
  pii: PiiDetection | null,
  plan: MaskPlan,
  i: number,
  s: ProtectSettings,
): ColumnScan {
  const masker = pii ? plan.maskers[i] : null;
  const hide = (v: string | number | null) =>
    (masker && v !== null ? masker(v) : v) as string | number | null;
  return {
    name: p.name,
    type: pii && CODE_KINDS.has(pii.kind) ? 'string' : p.type,
    pii,
    suggestedGrade: gradeField(pii, s.grading),
    suggestedGradeLabel: GRADE_LABELS[gradeField(pii, s.grading)],
    sensitive: isSensitive(pii, s.grading),
    defaultStrategy: plan.columns[i]!.rule,
    nullRate: Math.round(p.nullRate * 10000) / 10000,
    distinct: p.distinct,
    min: hide(p.min),
    max: hide(p.max),
  };
}

/**
 * One streaming pass over a table: profile (types, nulls, distinct, min/max), detect personal information on a
 * bounded sample of each column, grade fields and dataset (就高从严), and mask the first rows as a preview.
 */
export async function scanTabular(source: TabularSource, opts: ScanOptions = {}): Promise<ScanReport> {
  const s = opts.settings ?? DEFAULT_PROTECT_SETTINGS;
  const profiler = new TableProfiler(source.columns);
  const sampler = new TableSampler(s.detection);
  const head: RowValues[] = [];
  const wanted = opts.sampleRows ?? 5;
  for await (const batch of source.batches()) {
    profiler.add(batch);
    sampler.add(batch, source.columns.length);
    for (let r = 0; head.length < wanted && r < batch.length; r++) head.push(batch[r]!.slice());
    opts.onBatch?.(source.progress);
  }
  const detections = sampler.detect(source.columns);
  const plan = buildMaskPlan({ columns: source.columns, detections, defaults: s.masking });
  const columns = profiler.result().map((p, i) => columnScan(p, detections[i] ?? null, plan, i, s));
  const datasetGrade = gradeDataset(
    columns.map((c) => c.suggestedGrade),
    s.grading,
  );
  return {
    rows: profiler.rows,
    format: source.format,
    encoding: source.dialect?.encoding,
    columns,
    datasetGrade,
    datasetGradeLabel: GRADE_LABELS[datasetGrade],
    publishable: mayPublish(datasetGrade),
    sample: maskBatch(plan, head).map((r) => toRecord(source.columns, r)),
  };
}
