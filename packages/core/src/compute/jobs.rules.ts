import type { AnonymizeSpec, TemplateSpec } from '@shuliu/contracts';
import { bandsProblem } from './anonymize/anonymize.hierarchy.js';
import { MAX_LATTICE_NODES } from './anonymize/anonymize.lattice.js';
import type { ColumnRow, PolicyRow } from './compute.tables.js';
import { QueryRefused } from './sql/sql-refusal.js';

const NUMERIC = new Set(['integer', 'number']);

/** The columns a template reads, and which of them it reads as bounded numbers. */
export function templateColumns(t: TemplateSpec): { all: string[]; bounded: string[] } {
  switch (t.name) {
    case 'histogram':
      return { all: [t.column], bounded: [] };
    case 'quantiles':
    case 'sum':
    case 'mean':
      return { all: [t.column], bounded: [t.column] };
    case 'correlation':
      return { all: [t.x, t.y], bounded: [t.x, t.y] };
    case 'linear_regression':
      return { all: [...t.features, t.target], bounded: [...t.features, t.target] };
    case 'logistic_regression':
      return { all: [...t.features, t.target], bounded: t.features };
  }
}

/**
 * Checks a template against the dataset's columns and release policy, throwing the refusal by rule: a column
 * outside the dataset, a numeric reading of a non-numeric column, a bounded reading of a column without declared
 * bounds, a histogram given both or neither of bins and categories.
 */
export function checkTemplate(t: TemplateSpec, columns: ColumnRow[], policy: PolicyRow): void {
  const types = new Map(columns.map((c) => [c.name, c.type]));
  const { all, bounded } = templateColumns(t);
  for (const c of all)
    if (!types.has(c)) throw new QueryRefused('unknown_column', `${c} is not a column of the dataset`);
  if (t.name === 'histogram') {
    if (!t.bins === !t.categories)
      throw new QueryRefused('unsupported', 'a histogram gives either bins (numeric) or categories');
    if (t.bins && !NUMERIC.has(types.get(t.column)!))
      throw new QueryRefused('column_type', `${t.column} is not numeric: give categories instead of bins`);
    if (t.bins && t.bins.lower >= t.bins.upper)
      throw new QueryRefused('unsupported', 'bins.lower must be below bins.upper');
  }
  if (t.name === 'logistic_regression' && !['boolean', 'integer'].includes(types.get(t.target)!))
    throw new QueryRefused('column_type', `${t.target} must be boolean or 0/1 for a logistic regression`);
  for (const c of bounded) {
    if (!NUMERIC.has(types.get(c)!)) throw new QueryRefused('column_type', `${c} is not numeric`);
    if (!policy.bounds[c])
      throw new QueryRefused('bounds_missing', `${c} has no declared bounds in the release policy`);
  }
}

/** Whether a template's release needs δ > 0 (the Gaussian noise of the noisy gradient descent). */
export const templateNeedsDelta = (t: TemplateSpec) => t.name === 'logistic_regression';

/** The columns an anonymized export writes, in the dataset's order: its quasi-identifiers, sensitive and kept columns. */
export function exportColumns(spec: AnonymizeSpec, columns: ColumnRow[]): string[] {
  const wanted = new Set([
    ...spec.quasiIdentifiers.map((q) => q.column),
    ...(spec.sensitive ? [spec.sensitive] : []),
    ...spec.keep,
  ]);
  return columns.map((c) => c.name).filter((c) => wanted.has(c));
}

/**
 * Checks an anonymized export against the dataset and its release policy, throwing the refusal by rule: a
 * column outside the dataset or named twice, the privacy unit exported, k below the policy's, l or t without
 * a sensitive column, a hierarchy that cannot generalize its column, a lattice larger than is searched.
 */
export function checkExport(spec: AnonymizeSpec, columns: ColumnRow[], policy: PolicyRow): void {
  const types = new Map(columns.map((c) => [c.name, c.type]));
  const named = [
    ...spec.quasiIdentifiers.map((q) => q.column),
    ...(spec.sensitive ? [spec.sensitive] : []),
    ...spec.keep,
  ];
  const seen = new Set<string>();
  for (const c of named) {
    if (!types.has(c)) throw new QueryRefused('unknown_column', `${c} is not a column of the dataset`);
    if (seen.has(c))
      throw new QueryRefused('unsupported', `${c} is named twice (quasi-identifier, sensitive or kept)`);
    seen.add(c);
  }
  if (policy.privacyUnit && seen.has(policy.privacyUnit))
    throw new QueryRefused(
      'privacy_unit_exported',
      `${policy.privacyUnit} is the privacy unit: it names each person or entity and stays in the domain`,
    );
  if (spec.k < policy.k)
    throw new QueryRefused(
      'k_below_policy',
      `k = ${spec.k} is below the policy's minimum group size ${policy.k}`,
    );
  if ((spec.l !== undefined || spec.t !== undefined) && !spec.sensitive)
    throw new QueryRefused('sensitive_missing');
  let nodes = 1;
  for (const q of spec.quasiIdentifiers) {
    const h = q.hierarchy;
    if (h.kind === 'intervals') {
      if (!NUMERIC.has(types.get(q.column)!))
        throw new QueryRefused('hierarchy_invalid', `${q.column} is not numeric: give it a table hierarchy`);
      const problem = bandsProblem(h.bands);
      if (problem) throw new QueryRefused('hierarchy_invalid', `${q.column}: ${problem}`);
      nodes *= h.bands.length + 2;
    } else {
      const width = h.rows[0]!.length;
      const ragged = h.rows.findIndex((r) => r.length !== width);
      if (ragged >= 0)
        throw new QueryRefused(
          'hierarchy_invalid',
          `${q.column}: row ${ragged + 1} has ${h.rows[ragged]!.length} levels, the first has ${width}`,
        );
      nodes *= width;
    }
  }
  if (nodes > MAX_LATTICE_NODES)
    throw new QueryRefused(
      'lattice_too_large',
      `${nodes} transformations; at most ${MAX_LATTICE_NODES} are searched`,
    );
}
