import {
  PERSONAL_IDENTIFIER_KINDS,
  type AnonymizeSpec,
  type ExportSummary,
  type JobResult,
} from '@shuliu/contracts';
import { detectColumn } from '../../protect/index.js';
import { sm3Hex } from '../../crypto/index.js';
import { QueryRefused } from '../sql/sql-refusal.js';
import { HierarchyError } from './anonymize.errors.js';
import { anonymize } from './anonymize.service.js';

/** Rows of the file shown in the job's result before anyone downloads it. */
export const PREVIEW_ROWS = 20;
/** Values of a carried column the identifier check reads. */
const SAMPLE = 1000;

/**
 * 匿名化导出 inside the domain: the export's columns (quasi-identifiers, sensitive, kept) generalized by the
 * least lossy transformation that meets k (and l, t), written as a UTF-8 CSV. Refused by rule when a carried
 * column holds personal identifiers in the clear (decided by what its values are, not by its name alone),
 * when a hierarchy does not cover its column, or when nothing meets the criteria within the suppression limit.
 */
export function anonymizedExport(
  table: string,
  header: string[],
  rows: string[][],
  spec: AnonymizeSpec,
): { file: Buffer; result: JobResult } {
  const qis = new Set(spec.quasiIdentifiers.map((q) => q.column));
  for (const [j, name] of header.entries()) {
    if (qis.has(name)) continue;
    const samples: string[] = [];
    for (let i = 0; i < rows.length && samples.length < SAMPLE; i++)
      if (rows[i]![j]) samples.push(rows[i]![j]!);
    const found = detectColumn(name, samples);
    if (found && PERSONAL_IDENTIFIER_KINDS.includes(found.kind))
      throw new QueryRefused(
        'identifier_kept',
        `${name} holds ${found.kind} values (confidence ${found.confidence}): generalize it as a quasi-identifier or leave it out`,
      );
  }
  let out;
  try {
    out = anonymize(rows, header, {
      quasiIdentifiers: spec.quasiIdentifiers,
      ...(spec.sensitive && { sensitive: spec.sensitive }),
      k: spec.k,
      ...(spec.l !== undefined && { l: spec.l, lVariant: spec.lVariant ?? 'distinct' }),
      ...(spec.t !== undefined && { t: spec.t, tDistance: spec.tDistance ?? 'equal' }),
      suppressionLimit: spec.suppressionLimit,
      metric: spec.metric ?? 'loss',
      maxNodes: 500,
    });
  } catch (e) {
    if (e instanceof HierarchyError) throw new QueryRefused('hierarchy_invalid', e.message);
    throw e;
  }
  if (out.outcome === 'unsatisfiable') throw new QueryRefused('unsatisfiable', out.reason);
  const text = [out.header, ...out.rows].map((r) => r.map(csvCell).join(',')).join('\r\n') + '\r\n';
  const file = Buffer.from(text, 'utf8');
  const summary: ExportSummary = {
    fileName: `${table}-k${spec.k}.csv`,
    rows: out.rows.length,
    columns: out.header,
    size: file.length,
    sm3: sm3Hex(file),
    suppressed: out.suppressed,
    classes: out.classes,
    transformation: spec.quasiIdentifiers.map((q, i) => ({
      column: q.column,
      level: out.transformation[i]!,
      height: out.lattice.heights[i]!,
    })),
    loss: out.informationLoss,
    lattice: {
      nodes: out.lattice.nodes,
      checked: out.lattice.checked,
      anonymousCount: out.lattice.anonymousCount,
      minimal: out.lattice.anonymous.slice(0, 500),
      timeMs: Math.round(out.lattice.timeMs * 100) / 100,
      view: out.nodes,
    },
  };
  const criteria = [
    `k = ${spec.k}`,
    ...(spec.l !== undefined ? [`${spec.lVariant ?? 'distinct'} l = ${spec.l}`] : []),
    ...(spec.t !== undefined ? [`t = ${spec.t} (${spec.tDistance ?? 'equal'} distance)`] : []),
  ];
  return {
    file,
    result: {
      columns: out.header,
      rows: out.rows.slice(0, PREVIEW_ROWS),
      suppressedGroups: out.suppressed,
      mechanism: `${criteria.join(', ')} by global recoding (Flash lattice search, ${spec.metric ?? 'loss'} metric); at most ${Math.round(spec.suppressionLimit * 1000) / 10}% of rows suppressed`,
      export: summary,
    },
  };
}

/** RFC 4180: quoted when it holds a comma, quote or line break. */
/**
 * A cell of the exported CSV, quoted when it must be. Unlike a settlement statement's cells (trade's csvCell),
 * nothing is prefixed to defuse spreadsheet formulas: the file is data for further processing, its values as
 * they were generalized (a negative number stays `-5`).
 */
const csvCell = (v: string) => (/[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
