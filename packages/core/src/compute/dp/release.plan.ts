import type { AggregateFn } from '../sql/sql-types.js';
import { requireBounds, requireInteger, type Bounds } from './validate.js';

/** The aggregates the SQL side turns into sufficient statistics. */
export type { AggregateFn };

export interface AggregateSpec {
  alias: string;
  fn: AggregateFn;
  /** null for count(*) */
  column: string | null;
}

export interface ReleaseSpec {
  groupBy: string[];
  aggregates: AggregateSpec[];
}

/** A dataset's release policy (issue 18: minimum group size, contribution bounding, declared bounds). */
export interface ReleasePolicy {
  /** minimum group size, in privacy units: a group with fewer is never shown */
  k: number;
  /** at most m rows per privacy unit survive contribution bounding */
  maxContributions: number;
  /** declared bounds of the numeric columns */
  bounds: Record<string, Bounds>;
  mechanism: 'laplace' | 'gaussian';
}

/** One noisy measurement of a group: a statistic of the SQL row, its sensitivity and its centring. */
export interface Measurement {
  aggregate: number;
  stat: 'n' | 's' | 'ss';
  field: string;
  sensitivity: number;
  integer: boolean;
  /** the statistic is taken of x − centre */
  centre: number;
}

const FNS: readonly AggregateFn[] = ['count', 'sum', 'avg', 'var', 'stddev'];

export function validatePolicy(policy: ReleasePolicy): void {
  if (typeof policy !== 'object' || policy === null) throw new TypeError('policy must be an object');
  requireInteger('policy.k', policy.k, 1);
  requireInteger('policy.maxContributions', policy.maxContributions, 1);
  if (policy.mechanism !== 'laplace' && policy.mechanism !== 'gaussian') {
    throw new RangeError(`policy.mechanism must be 'laplace' or 'gaussian', got ${String(policy.mechanism)}`);
  }
  for (const [column, b] of Object.entries(policy.bounds ?? {})) requireBounds(`policy.bounds.${column}`, b);
}

function validateSpec(spec: ReleaseSpec): void {
  if (!Array.isArray(spec?.groupBy)) throw new TypeError('spec.groupBy must be an array of column names');
  if (!Array.isArray(spec.aggregates) || spec.aggregates.length === 0) {
    throw new RangeError('spec.aggregates must name at least one aggregate');
  }
  spec.aggregates.forEach((a, i) => {
    if (!FNS.includes(a.fn)) throw new RangeError(`spec.aggregates[${i}].fn must be one of ${FNS.join('|')}`);
    if (a.column === null && a.fn !== 'count') {
      throw new RangeError(`spec.aggregates[${i}] (${a.alias}): ${a.fn} needs a column`);
    }
  });
}

/** The bounds of an aggregate's column; a sum, mean or variance is refused without declared bounds. */
export function boundsOf(policy: ReleasePolicy, a: AggregateSpec): Bounds {
  const b = a.column === null ? undefined : policy.bounds[a.column];
  if (!b) throw new RangeError(`policy.bounds has no bounds for column ${a.column} (aggregate ${a.alias})`);
  return b;
}

/** Half the width of the bounds: |x − centre| ≤ h after clamping. */
export const halfWidth = (b: Bounds) => (b.upper - b.lower) / 2;
export const centre = (b: Bounds) => (b.upper + b.lower) / 2;

/**
 * The measurements behind each aggregate and their L1 sensitivities under contribution bounding
 * (Wilson et al. 2020, "Differentially Private SQL with Bounded User Contribution", §3): a unit moves a count
 * by ≤ m, a clamped sum by ≤ m·max(|L|,|U|); means and variances use sums centred on (L+U)/2, moved by ≤ m·h
 * and ≤ m·h² (the centring of the Google DP library's BoundedMean/Variance).
 */
export function planMeasurements(spec: ReleaseSpec, policy: ReleasePolicy): Measurement[] {
  validateSpec(spec);
  const m = policy.maxContributions;
  return spec.aggregates.flatMap((a, i): Measurement[] => {
    const n = {
      aggregate: i,
      stat: 'n',
      field: `__n_${i}`,
      sensitivity: m,
      integer: true,
      centre: 0,
    } as const;
    if (a.fn === 'count') return [n];
    const b = boundsOf(policy, a);
    const s = { aggregate: i, stat: 's', field: `__s_${i}` } as const;
    if (a.fn === 'sum') {
      const sensitivity = m * Math.max(Math.abs(b.lower), Math.abs(b.upper));
      return [{ ...s, sensitivity, integer: !!b.integer, centre: 0 }];
    }
    const [c, h] = [centre(b), halfWidth(b)];
    const centred = { ...s, sensitivity: m * h, integer: false, centre: c };
    if (a.fn === 'avg') return [n, centred];
    const ss = {
      aggregate: i,
      stat: 'ss',
      field: `__ss_${i}`,
      sensitivity: m * h * h,
      integer: false,
    } as const;
    return [n, centred, { ...ss, centre: c }];
  });
}
