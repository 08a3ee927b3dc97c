import type {
  Contract,
  ContractDoc,
  DealTerms,
  Negotiation,
  NegotiationEvent,
  NegotiationSummary,
  Order,
  OrderDetail,
} from '@shuliu/contracts';
import type { ContractRow } from './contracts.repository.js';
import { iso } from '../shared/iso.js';
import type { EventRow, NegotiationRow } from './negotiations.repository.js';
import type { OrderEventRow, OrderRow } from './orders.repository.js';
import { orderAwaits } from './orders.rules.js';
import { awaiting } from './trade.rules.js';

type Output<T> = T & { maxUses: number | null; scenarioVersionId: string | null };

/** A negotiation as the lists show it: its terms on the table and whose move it is. */
export const toSummary = (r: NegotiationRow): NegotiationSummary => ({
  id: r.id,
  productId: r.product_id,
  productTitle: r.product_title,
  sellerOrgId: r.seller_org_id,
  sellerName: r.seller_name,
  buyerOrgId: r.buyer_org_id,
  buyerName: r.buyer_name,
  state: r.state,
  round: r.round,
  terms: r.terms as Output<DealTerms>,
  awaiting: awaiting(r.state),
  terminationReason: r.termination_reason,
  contractNo: r.contract_no,
  version: r.version,
  createdAt: iso(r.created_at)!,
  updatedAt: iso(r.updated_at)!,
});

const toEvent = (e: EventRow): NegotiationEvent => ({
  seq: e.seq,
  kind: e.kind,
  side: e.side,
  actorName: e.actor_name,
  state: e.state as NegotiationEvent['state'],
  terms: e.terms as Output<DealTerms> | null,
  changed: e.changed,
  message: e.message,
  at: iso(e.created_at)!,
});

/** One negotiation with its timeline, oldest step first. */
export const toNegotiation = (r: NegotiationRow, events: EventRow[]): Negotiation => ({
  ...toSummary(r),
  timeline: events.map(toEvent),
});

const CONTRACT_AWAITS = { drafted: 'buyer', buyer_signed: 'seller', concluded: null } as const;

/** A contract as its parties and the overseers read it. */
export const toContract = (r: ContractRow): Contract => ({
  contractNo: r.contract_no,
  negotiationId: r.negotiation_id,
  template: r.template as Contract['template'],
  state: r.state,
  negotiationState: r.negotiation_state as Contract['negotiationState'],
  awaiting: CONTRACT_AWAITS[r.state],
  sellerOrgId: r.seller_org_id,
  buyerOrgId: r.buyer_org_id,
  contractHash: r.contract_hash,
  document: JSON.parse(r.canonical) as ContractDoc,
  signatures: r.signatures,
  concludedLedgerIndex: r.concluded_ledger_index === null ? null : Number(r.concluded_ledger_index),
  draftedAt: iso(r.drafted_at)!,
  concludedAt: iso(r.concluded_at),
});

/** An order as its parties and the overseers read it: amounts in fen, whose move it awaits. */
export const toOrder = (r: OrderRow): Order => ({
  id: r.id,
  contractNo: r.contract_no,
  productId: r.product_id,
  productTitle: r.product_title,
  sellerOrgId: r.seller_org_id,
  sellerName: r.seller_name,
  buyerOrgId: r.buyer_org_id,
  buyerName: r.buyer_name,
  deliveryMode: r.delivery_mode,
  state: r.state,
  billing: r.billing,
  unitFen: r.unit_fen === null ? null : Number(r.unit_fen),
  quota: r.quota,
  amountFen: Number(r.amount_fen),
  startsOn: r.starts_on,
  endsOn: r.ends_on,
  acceptanceDays: r.acceptance_days,
  payBy: iso(r.pay_by)!,
  paymentRef: r.payment_ref,
  paidAt: iso(r.paid_at),
  deliveredAt: iso(r.delivered_at),
  acceptBy: iso(r.accept_by),
  acceptedAt: iso(r.accepted_at),
  acceptedHow: r.accepted_how,
  disputeReason: r.dispute_reason,
  closedReason: r.closed_reason,
  refundRef: r.refund_ref,
  awaiting: orderAwaits(r.state),
  version: r.version,
  createdAt: iso(r.created_at)!,
  updatedAt: iso(r.updated_at)!,
});

export const toOrderDetail = (r: OrderRow, events: OrderEventRow[]): OrderDetail => ({
  ...toOrder(r),
  timeline: events.map((e) => ({
    seq: e.seq,
    kind: e.kind,
    side: e.side,
    actorName: e.actor_name,
    state: e.state,
    message: e.message,
    reference: e.reference,
    at: iso(e.created_at)!,
  })),
});
