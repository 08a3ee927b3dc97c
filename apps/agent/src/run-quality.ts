import {
  jcs,
  type AgentQualityReport,
  type LeasedQualityCheck,
  type QualityReceiptBody,
} from '@shuliu/contracts';
import { crypto } from '@shuliu/core';
import { checkQualityInDomain, parseQualityRules } from '@shuliu/core/quality';
import type { DatasetSource, JobLimits } from './run-job.js';

/** What a check of data in the domain returns to the platform: the report, its SM3 and the signed receipt's signature. */
export interface CheckedReport {
  report: AgentQualityReport;
  reportHash: string;
  signature: string;
  engine: 'duckdb' | 'stream';
}

/**
 * 数据质量 in the domain (GB/T 36344-2018): the rules the platform leased are checked against the dataset where
 * it lives — compiled to one DuckDB scan where every rule can be, else streamed through the same engine the
 * platform runs — and only the report leaves: counts per rule and at most five masked examples each. The agent
 * signs the run's receipt over the report's SM3 with its enrolled key.
 */
export async function runQualityCheck(
  check: LeasedQualityCheck,
  source: DatasetSource,
  agentId: string,
  signer: crypto.Sm2Signer,
  limits: JobLimits,
): Promise<CheckedReport> {
  const rules = check.rules ? parseQualityRules(check.rules) : undefined;
  const { report, engine } = await checkQualityInDomain(source, {
    rules,
    weights: check.weights,
    asOf: check.asOf,
    memoryLimit: limits.memoryLimit,
    ...(check.references && { references: check.references }),
  });
  const out: AgentQualityReport = {
    rows: report.rows,
    overall: report.overall,
    indicators: report.indicators,
    rules: report.rules.map((r) => ({ ...r, columns: [...r.columns] })),
    ...(report.suggested && { suggested: report.suggested as unknown as Record<string, unknown>[] }),
  };
  const reportHash = crypto.sm3Hex(jcs(out));
  const receipt: QualityReceiptBody = {
    v: 1,
    runId: check.runId,
    resourceId: check.resourceId,
    datasetId: check.datasetId,
    agentId,
    reportHash,
  };
  return { report: out, reportHash, signature: signer.sign(jcs(receipt), agentId).toString('hex'), engine };
}
