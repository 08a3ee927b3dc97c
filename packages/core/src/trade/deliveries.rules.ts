import { evaluate, type OrderState, type PolicyRequest, type UsagePolicy } from '@shuliu/contracts';
import type { DomainError } from '../shared/errors.js';
import { DownloadsExhausted, OrderOutOfOrder } from './trade.errors.js';

/** The states in which the buyer has its delivery: delivered (in the acceptance period) and accepted. */
const HOLDING: OrderState[] = ['delivered', 'accepted'];

/** Null when the order's files may be downloaded in its state, else the 409 naming the state. */
export const downloadRefused = (state: OrderState): DomainError | null =>
  HOLDING.includes(state)
    ? null
    : OrderOutOfOrder(`the order is ${state}: its files are downloaded once it is ${HOLDING.join(' or ')}`, {
        state,
      });

/** A count above any real limit: a policy still refusing at it is refused for something else. */
const UNBOUNDED = 1_000_000_000;

/**
 * ODRL 2.2 `count` (and the contract's 使用次数上限): how many uses the policy allows the buyer in this context,
 * null when no count constraint limits it. Searched rather than read off the policy, since a count may sit
 * inside logical constraints (and, or, xone) of one or more permissions.
 */
export function policyUseLimit(policy: UsagePolicy | null, request: PolicyRequest): number | null {
  if (!policy) return null;
  const refusedByCount = (count: number) => {
    const d = evaluate(policy, { ...request, context: { ...request.context, count } });
    return !d.allowed && d.reason.leftOperand === 'count';
  };
  if (!refusedByCount(UNBOUNDED)) return null;
  // the smallest count of uses made at which the next one is refused: the number of uses allowed
  let lo = 0;
  let hi = UNBOUNDED;
  while (lo < hi) {
    const mid = Math.floor((lo + hi) / 2);
    if (refusedByCount(mid)) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/** The use limit of one delivered file: the lower of the contract's maxUses and the policy's count. */
export const useLimit = (maxUses: number | null, policyLimit: number | null): number | null =>
  maxUses === null ? policyLimit : policyLimit === null ? maxUses : Math.min(maxUses, policyLimit);

/** Null while another download is within the limit, else the 409 naming the limit. */
export function downloadLimitRefused(used: number, limit: number | null): DomainError | null {
  if (limit === null || used < limit) return null;
  return DownloadsExhausted(
    `the contract allows ${limit} download${limit === 1 ? '' : 's'} of this file; ${used} made`,
    { limit, used },
  );
}
