import type {
  IndicatorScores,
  QualityReport as ReportDto,
  QualityRun,
  QualityRunSummary,
  QualityScore,
} from '@shuliu/contracts';
import { iso } from '../shared/iso.js';
import type { RunRow, RunSummaryRow } from './quality.repository.js';
import type { QualityReport } from './quality.types.js';

const json = <T>(v: unknown): T => (typeof v === 'string' ? JSON.parse(v) : v) as T;
/** `real` columns come back as numbers (PGlite) or strings (pg); one decimal as the engine rounds them. */
const num = (v: number | string | null): number | null =>
  v === null ? null : Math.round(Number(v) * 10) / 10;

export const indicatorsOf = (r: RunSummaryRow): IndicatorScores => ({
  conformance: num(r.conformance),
  completeness: num(r.completeness),
  accuracy: num(r.accuracy),
  consistency: num(r.consistency),
  timeliness: num(r.timeliness),
  accessibility: num(r.accessibility),
});

export const toRunSummary = (r: RunSummaryRow): QualityRunSummary => ({
  id: r.id,
  resourceId: r.resource_id,
  fileId: r.file_id,
  // a run in the data's domain names the agent's dataset it checked there
  domain: r.dataset_id && r.agent_id ? { datasetId: r.dataset_id, agentId: r.agent_id } : null,
  trigger: r.trigger,
  status: r.status,
  rulesVersion: r.rules_version,
  rows: Number(r.rows_read),
  progress: Number(r.progress),
  overall: num(r.overall),
  indicators: indicatorsOf(r),
  error: r.error,
  createdAt: iso(r.created_at)!,
  startedAt: iso(r.started_at),
  finishedAt: iso(r.finished_at),
});

/**
 * The report as stored, without the suggested rules (they are the rules GET returns). The examples, masked as
 * they are, are cells of the data: only those who hold or supervise it see them.
 */
export function toReport(v: unknown, examples: boolean): ReportDto | null {
  if (v === null || v === undefined) return null;
  const r = json<QualityReport>(v);
  const rules = examples ? r.rules : r.rules.map((x) => ({ ...x, examples: [] }));
  return { rows: r.rows, overall: r.overall, indicators: r.indicators, rules };
}

export const toRun = (r: RunRow, examples: boolean): QualityRun => ({
  ...toRunSummary(r),
  report: toReport(r.report, examples),
});

export const toScore = (r: RunSummaryRow): QualityScore => ({
  overall: num(r.overall),
  indicators: indicatorsOf(r),
  runAt: iso(r.finished_at ?? r.created_at)!,
});

export { json as parseJson };
