import { requireDelta, requireNonNegative, type PrivacyCost } from './validate.js';

/**
 * Budget rules for DP releases, pure. The ledger lives in the database (written later); these functions say
 * what may be spent.
 *
 * Invariant kept by the store: for every dataset, Σ spent ≤ total, and for every consumer of it, Σ spent by
 * that consumer ≤ its share — in ε and in δ separately, at every instant, under any concurrency. The store
 * reaches it with one conditional update per row, charged BEFORE noise is drawn or anything is released:
 *
 *   update dp_budget set eps_spent = eps_spent + $eps, delta_spent = delta_spent + $delta
 *    where id = $dataset and eps_spent + $eps <= eps_total and delta_spent + $delta <= delta_total
 *   returning …;
 *
 * and the same on the consumer's share row, both in one transaction (the row locks serialise concurrent
 * charges; a second charge re-evaluates the `where` on the committed row). No row returned → refuse, roll
 * back, release nothing. A charged release that then fails is not refunded: its noise may have been seen.
 * Costs are rounded up to the quantum `BUDGET_QUANTUM` so that the numeric(…, 9) columns add exactly.
 */

/** Budget amounts are whole multiples of 10⁻⁹: decimal columns then add them without rounding. */
export const BUDGET_QUANTUM = 1e-9;

export type ReleaseCost = PrivacyCost;

export type BudgetRefusal = 'dataset_budget_exhausted' | 'consumer_share_exhausted';

export interface BudgetState {
  /** the dataset's total (ε, δ), set by its owner */
  datasetTotal: PrivacyCost;
  /** what all consumers together have spent on the dataset */
  datasetSpent: PrivacyCost;
  /** this consumer's share of the dataset's total */
  consumerShare: PrivacyCost;
  /** what this consumer has spent on the dataset */
  consumerSpent: PrivacyCost;
}

/** One line of the spending ledger, visible to the dataset's owner and to the consumer who spent it. */
export interface BudgetLedgerEntry {
  datasetId: string;
  consumerId: string;
  jobId: string;
  cost: ReleaseCost;
  mechanism: string;
  at: string;
}

function requireCost(name: string, c: PrivacyCost): PrivacyCost {
  requireNonNegative(`${name}.epsilon`, c.epsilon);
  requireDelta(c.delta, false, `${name}.delta`);
  return c;
}

const units = (x: number) => Math.round(x / BUDGET_QUANTUM);

/**
 * A cost rounded UP to the budget quantum, so that rounding never undercharges; a float error of the division
 * below 10⁻⁶ quantum is forgiven so that 0.1 stays 10⁸ quanta rather than 10⁸ + 1.
 */
export function quantizeCost(cost: PrivacyCost): ReleaseCost {
  requireCost('cost', cost);
  const up = (x: number) => Math.ceil(x / BUDGET_QUANTUM - 1e-6) * BUDGET_QUANTUM;
  return { epsilon: up(cost.epsilon), delta: up(cost.delta) };
}

/**
 * Basic sequential composition (Dwork, McSherry, Nissim & Smith 2006; Dwork–Roth 2014 Thm. 3.16): releases of
 * (εᵢ, δᵢ) on the same data are together (Σεᵢ, Σδᵢ)-DP. Used for the ledger; tighter accounting (advanced
 * composition, zCDP) may be used inside one job but is charged here as the (ε, δ) the job states.
 */
export function compose(costs: readonly PrivacyCost[]): ReleaseCost {
  let epsilon = 0;
  let delta = 0;
  for (const [i, c] of costs.entries()) {
    requireCost(`costs[${i}]`, c);
    epsilon += c.epsilon;
    delta += c.delta;
  }
  return { epsilon, delta };
}

/** The cost of a job: the composition of its releases, rounded up to the budget quantum. */
export function releaseCost(releases: readonly PrivacyCost[]): ReleaseCost {
  return quantizeCost(compose(releases));
}

function fits(spent: PrivacyCost, cost: PrivacyCost, limit: PrivacyCost): boolean {
  return (
    units(spent.epsilon) + units(cost.epsilon) <= units(limit.epsilon) &&
    units(spent.delta) + units(cost.delta) <= units(limit.delta)
  );
}

/**
 * Budget check before a release (the ε/δ budget per dataset with a share per consumer, issue 18): refuses
 * when the dataset's total or the consumer's share would be exceeded, the dataset first.
 */
export function checkBudget(state: BudgetState, cost: ReleaseCost): BudgetRefusal | null {
  const c = quantizeCost(cost);
  requireCost('datasetTotal', state.datasetTotal);
  requireCost('consumerShare', state.consumerShare);
  if (!fits(requireCost('datasetSpent', state.datasetSpent), c, state.datasetTotal)) {
    return 'dataset_budget_exhausted';
  }
  if (!fits(requireCost('consumerSpent', state.consumerSpent), c, state.consumerShare)) {
    return 'consumer_share_exhausted';
  }
  return null;
}

/** What a consumer may still spend: the smaller of its share's and the dataset's remainders. */
export function remainingBudget(state: BudgetState): PrivacyCost {
  const left = (total: number, spent: number) => Math.max(0, units(total) - units(spent)) * BUDGET_QUANTUM;
  return {
    epsilon: Math.min(
      left(state.datasetTotal.epsilon, state.datasetSpent.epsilon),
      left(state.consumerShare.epsilon, state.consumerSpent.epsilon),
    ),
    delta: Math.min(
      left(state.datasetTotal.delta, state.datasetSpent.delta),
      left(state.consumerShare.delta, state.consumerSpent.delta),
    ),
  };
}

/** Spending after a charge (the state the conditional update leaves), for the ledger's running totals. */
export function charge(state: BudgetState, cost: ReleaseCost): BudgetState {
  const refusal = checkBudget(state, cost);
  if (refusal) throw new RangeError(`the release cannot be charged: ${refusal}`);
  const c = quantizeCost(cost);
  const add = (s: PrivacyCost) => ({
    epsilon: (units(s.epsilon) + units(c.epsilon)) * BUDGET_QUANTUM,
    delta: (units(s.delta) + units(c.delta)) * BUDGET_QUANTUM,
  });
  return { ...state, datasetSpent: add(state.datasetSpent), consumerSpent: add(state.consumerSpent) };
}
