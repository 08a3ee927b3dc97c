import type { OrderState } from '@shuliu/contracts';
import type { DomainError } from '../shared/errors.js';
import { OrderOutOfOrder } from './trade.errors.js';

export type OrderStep = 'pay' | 'deliver' | 'accept' | 'dispute' | 'resolve' | 'cancel';
export type OrderActor = 'buyer' | 'seller' | 'platform';

/**
 * The escrow as a table: who takes which step from which state. The buyer pays (or the platform records the
 * payment), the seller delivers, the buyer accepts or objects within the acceptance period, the platform
 * resolves an objection; either party cancels before delivery. Lapse (acceptance by the period's end) is the
 * platform's and not a step anyone asks for.
 */
const STEPS: Record<OrderStep, { by: OrderActor[]; from: OrderState[] }> = {
  pay: { by: ['buyer', 'platform'], from: ['awaiting_payment'] },
  deliver: { by: ['seller'], from: ['paid'] },
  accept: { by: ['buyer'], from: ['delivered'] },
  dispute: { by: ['buyer'], from: ['delivered'] },
  resolve: { by: ['platform'], from: ['disputed'] },
  cancel: { by: ['buyer', 'seller'], from: ['awaiting_payment', 'paid'] },
};

const CLOSED: OrderState[] = ['accepted', 'cancelled', 'refunded'];

/** Null when `actor` may take `step` in `state`, else the 409 naming the state. */
export function orderStepRefused(state: OrderState, actor: OrderActor, step: OrderStep): DomainError | null {
  const s = STEPS[step];
  if (s.from.includes(state) && s.by.includes(actor)) return null;
  const why = CLOSED.includes(state)
    ? `the order is ${state}: it takes no more steps`
    : s.from.includes(state)
      ? `the ${actor} does not ${step} an order (the ${s.by.join(' or ')} does)`
      : `the order is ${state}: ${step} is taken when it is ${s.from.join(' or ')}`;
  return OrderOutOfOrder(why, { state, step });
}

/** Whose move an order awaits: the buyer to pay or accept, the seller to deliver, the platform to mediate. */
export const orderAwaits = (state: OrderState): OrderActor | null =>
  state === 'awaiting_payment' || state === 'delivered'
    ? 'buyer'
    : state === 'paid'
      ? 'seller'
      : state === 'disputed'
        ? 'platform'
        : null;

/** Where a cancellation leads: an unpaid order is cancelled, a paid one refunded from escrow. */
export const cancelledState = (state: OrderState): OrderState =>
  state === 'paid' ? 'refunded' : 'cancelled';

/** How many live orders a licence admits: one when exclusive, its seats otherwise, null when unlimited. */
export const licenceCapacity = (l: { seats: number | null; exclusive: boolean }): number | null =>
  l.exclusive ? 1 : l.seats;

/**
 * Whether an API is sold by the call: priced per call, in tiers of calls, or under a government-guided price
 * per call — the agreed `priceFen` is then the price of one call.
 */
export const meteredPrice = (pm: { kind?: string; basis?: string } | null | undefined): boolean =>
  !!pm &&
  (pm.kind === 'per_call' ||
    pm.kind === 'tiered' ||
    (pm.kind === 'government_guided' && pm.basis === 'per_call'));

/**
 * How an order is billed: an API sold by the call prepays `maxUses` calls at the agreed price per call (the
 * gateway stops at that quota; settlement bills the calls made); everything else pays the agreed price.
 */
export function billingOf(
  deliveryMode: string,
  priceModel: { kind?: string; basis?: string } | null,
  t: { priceFen: number; maxUses: number | null },
): { billing: 'fixed' | 'per_call'; unitFen: number | null; quota: number | null; amountFen: number } {
  if (deliveryMode === 'api' && meteredPrice(priceModel))
    return {
      billing: 'per_call',
      unitFen: t.priceFen,
      quota: t.maxUses,
      amountFen: t.priceFen * (t.maxUses ?? 0),
    };
  return { billing: 'fixed', unitFen: null, quota: t.maxUses, amountFen: t.priceFen };
}

const DAY_MS = 24 * 3600 * 1000;
/** The end of a period of `days` days from `at`. */
export const daysAfter = (at: Date, days: number) => new Date(at.getTime() + days * DAY_MS);
