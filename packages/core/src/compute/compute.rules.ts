import type { ReleasePolicy } from '@shuliu/contracts';
import type { ColumnRow } from './compute.tables.js';

const NUMERIC = new Set(['integer', 'number']);

/** A reason the release policy does not fit the dataset, naming the field; null when it fits. */
export interface PolicyProblem {
  field: string;
  message: string;
}

/**
 * The release policy names the dataset's own columns: the privacy unit a column, declared bounds only on
 * numeric columns (values are clamped to them before aggregating), join keys columns; the per-query ε within
 * the total, and the total not below what was already spent (a budget is never given back).
 */
export function policyProblem(
  p: ReleasePolicy,
  columns: readonly ColumnRow[],
  epsilonSpent: number,
): PolicyProblem | null {
  const byName = new Map(columns.map((c) => [c.name, c]));
  if (p.privacyUnit !== null && !byName.has(p.privacyUnit))
    return { field: 'privacyUnit', message: `privacyUnit: ${p.privacyUnit} is not a column of the dataset` };
  for (const [name, b] of Object.entries(p.bounds)) {
    const c = byName.get(name);
    if (!c) return { field: `bounds.${name}`, message: `bounds: ${name} is not a column of the dataset` };
    if (!NUMERIC.has(c.type))
      return {
        field: `bounds.${name}`,
        message: `bounds: ${name} is ${c.type}; only numeric columns are bounded`,
      };
    if (b.lower > b.upper)
      return { field: `bounds.${name}`, message: `bounds: ${name}'s lower exceeds its upper` };
  }
  const missingKey = p.joinKeys.find((k) => !byName.has(k));
  if (missingKey)
    return { field: 'joinKeys', message: `joinKeys: ${missingKey} is not a column of the dataset` };
  if (p.epsilonPerQuery > p.epsilonTotal)
    return {
      field: 'epsilonPerQuery',
      message: 'epsilonPerQuery: one query cannot spend more than the total',
    };
  if (p.epsilonTotal < epsilonSpent)
    return {
      field: 'epsilonTotal',
      message: `epsilonTotal: ${epsilonSpent} is already spent; the total cannot go below it`,
    };
  return null;
}
