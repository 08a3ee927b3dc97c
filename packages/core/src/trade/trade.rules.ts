import {
  evaluate,
  type DealTerms,
  type NegotiationState,
  type OrgType,
  type UsagePolicy,
} from '@shuliu/contracts';
import type { DomainError } from '../shared/errors.js';
import { meteredPrice } from './orders.rules.js';
import { NegotiationClosed, NotYourMove, PolicyRefused, TermsInvalid } from './trade.errors.js';
import type { TermsRow } from './trade.tables.js';

export type Side = 'buyer' | 'seller';
export type Step = 'request' | 'offer' | 'accept' | 'agree' | 'terminate';

/**
 * The Dataspace Protocol's negotiation as a table: who may take which step from which state, and where it
 * leads. The buyer (consumer) requests and accepts; the seller (provider) offers and agrees; counter-offers
 * are a new request (buyer) or a new offer (seller), as many rounds as needed; either side terminates.
 */
const MOVES: Record<
  Exclude<Step, 'terminate'>,
  { side: Side; from: NegotiationState[]; to: NegotiationState }
> = {
  request: { side: 'buyer', from: ['offered'], to: 'requested' },
  offer: { side: 'seller', from: ['requested'], to: 'offered' },
  accept: { side: 'buyer', from: ['offered'], to: 'accepted' },
  agree: { side: 'seller', from: ['requested', 'accepted'], to: 'agreed' },
};
const OPEN: NegotiationState[] = ['requested', 'offered', 'accepted'];

/** Where `side` taking `step` leads from `state`, or the refusal naming the state (409). */
export function nextState(state: NegotiationState, side: Side, step: Step): NegotiationState | DomainError {
  if (!OPEN.includes(state))
    return NegotiationClosed(`the negotiation is ${state}: it takes no more steps`, { state });
  if (step === 'terminate') return 'terminated';
  const move = MOVES[step];
  if (move.side !== side || !move.from.includes(state))
    return NotYourMove(`the ${side} does not ${step} a negotiation that is ${state}`, { state, step, side });
  return move.to;
}

/**
 * Whose move it is in a state: to negotiate, then to sign the contract (the buyer once agreed, the seller once
 * verified), or null once finalized or terminated.
 */
export const awaiting = (state: NegotiationState): Side | null =>
  state === 'requested' || state === 'accepted' || state === 'verified'
    ? 'seller'
    : state === 'offered' || state === 'agreed'
      ? 'buyer'
      : null;

type ContractState = 'drafted' | 'buyer_signed' | 'concluded';

/**
 * The order of the two signatures (Dataspace Protocol: the consumer verifies, the provider finalizes): the
 * buyer signs a drafted contract (negotiation AGREED → VERIFIED), then the seller (VERIFIED → FINALIZED, the
 * contract concluded). Anything else is refused with a message naming the state.
 */
export function signingStep(
  contract: ContractState,
  negotiation: string,
  party: Side,
): { contract: ContractState; negotiation: NegotiationState; concludes: boolean } | string {
  if (party === 'buyer' && contract === 'drafted' && negotiation === 'agreed')
    return { contract: 'buyer_signed', negotiation: 'verified', concludes: false };
  if (party === 'seller' && contract === 'buyer_signed' && negotiation === 'verified')
    return { contract: 'concluded', negotiation: 'finalized', concludes: true };
  const waits =
    contract === 'drafted'
      ? 'the buyer’s signature'
      : contract === 'buyer_signed'
        ? 'the seller’s signature'
        : 'nothing: it is concluded';
  return `the negotiation is ${negotiation} and the contract ${contract}: it awaits ${waits}, not the ${party}’s`;
}

/** The fields of the terms that differ between two rounds, for the timeline's diff. */
export function changedFields(before: TermsRow | null, after: TermsRow): string[] {
  if (!before) return [];
  return (Object.keys(after) as (keyof TermsRow)[]).filter((k) => before[k] !== after[k]);
}

const CHANNEL = { file: 'file', report: 'file', api: 'api', compute: 'sandbox' } as const;

/**
 * What the terms must fit of the product itself: one of its delivery modes, and for an API sold by the call,
 * the number of calls the buyer prepays (`maxUses`: the gateway's quota).
 */
export function termsFitProduct(
  t: TermsRow,
  p: { deliveryModes: string[]; priceModel?: { kind?: string; basis?: string } | null },
): DomainError | null {
  if (!p.deliveryModes.includes(t.deliveryMode))
    return TermsInvalid(`the product is delivered as ${p.deliveryModes.join(', ')}, not ${t.deliveryMode}`, {
      field: 'terms.deliveryMode',
    });
  if (t.deliveryMode === 'api' && meteredPrice(p.priceModel) && t.maxUses === null)
    return TermsInvalid('an API sold by the call is bought for a number of calls: set maxUses', {
      field: 'terms.maxUses',
    });
  return null;
}

/**
 * The terms checked against the offer's ODRL policy, as the buyer would use the data: for the purpose, where
 * and through the channel agreed, on the first and the last day of the term, and for the last use the terms
 * allow. A refusal names the constraint that failed, in both languages.
 */
export function termsWithinPolicy(
  policy: UsagePolicy | null,
  t: TermsRow,
  buyer: { orgId: string; orgTypes: readonly OrgType[] },
): DomainError | null {
  if (!policy) return null;
  const instants = [`${t.startsOn}T00:00:00+08:00`, `${t.endsOn}T23:59:59+08:00`];
  for (const now of instants) {
    const d = evaluate(policy, {
      party: { orgId: buyer.orgId, orgType: buyer.orgTypes },
      action: 'use',
      context: {
        purpose: t.purpose,
        region: t.region,
        now,
        count: t.maxUses === null ? 0 : t.maxUses - 1,
        since: instants[0],
        deliveryChannel: CHANNEL[t.deliveryMode as keyof typeof CHANNEL] ?? null,
      },
    });
    if (!d.allowed)
      return PolicyRefused(`${d.reason.path}: ${d.reason.message['en-US']}`, {
        path: d.reason.path,
        leftOperand: d.reason.leftOperand,
        message: d.reason.message,
      });
  }
  return null;
}

/** The stored form of terms as the contract gives them (defaults applied). */
export const termsRow = (
  t: DealTerms & { maxUses: number | null; scenarioVersionId: string | null },
): TermsRow => ({
  template: t.template,
  deliveryMode: t.deliveryMode,
  purpose: t.purpose,
  region: t.region,
  scope: t.scope,
  startsOn: t.startsOn,
  endsOn: t.endsOn,
  priceFen: t.priceFen,
  maxUses: t.maxUses,
  scenarioVersionId: t.scenarioVersionId,
});
