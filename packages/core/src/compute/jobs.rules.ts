import type { TemplateSpec } from '@shuliu/contracts';
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
