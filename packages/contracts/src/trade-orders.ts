import { z } from 'zod';
import { PageQuery, Text, Timestamp } from './common.js';
import { DeliveryMode } from './market.js';
import { ContractNo } from './trade-contracts.js';

/**
 * An order's escrow states (the platform holds the money from payment until acceptance; no real gateway):
 * awaiting payment → paid → delivered → accepted within the acceptance period (验收), or disputed and resolved by
 * the platform; cancelled before payment, refunded when cancelled after payment and before delivery.
 */
export const ORDER_STATES = [
  'awaiting_payment',
  'paid',
  'delivered',
  'accepted',
  'disputed',
  'cancelled',
  'refunded',
] as const;
export const OrderState = z.enum(ORDER_STATES);
export type OrderState = z.infer<typeof OrderState>;

export const OrderEventKind = z.enum([
  'place',
  'pay',
  'deliver',
  'accept',
  'dispute',
  'resolve',
  'cancel',
  'refund',
  'lapse',
]);

const IdempotencyKey = z
  .string()
  .trim()
  .min(8, 'must be at least 8 characters')
  .max(100)
  .regex(/^[A-Za-z0-9_.:-]+$/, 'letters, digits and _ . : - only')
  .describe('the same key again changes nothing and answers as the first time');

/** A payment or refund reference: the bank's or the escrow's transaction number. */
const Reference = z
  .string()
  .trim()
  .min(4, 'must be at least 4 characters')
  .max(64)
  .regex(/^[A-Za-z0-9_./:-]+$/, 'letters, digits and _ . / : - only');

export const PlaceOrderBody = z.strictObject({
  contractNo: ContractNo,
  idempotencyKey: IdempotencyKey,
});
export type PlaceOrderBody = z.input<typeof PlaceOrderBody>;

export const PayOrderBody = z.strictObject({
  reference: Reference.describe('the payment’s transaction number'),
});
export const DeliverOrderBody = z.strictObject({
  note: Text(1000).nullable().default(null).describe('what was delivered, in the seller’s words'),
});
export const AcceptOrderBody = z.strictObject({ note: Text(1000).nullable().default(null) });
export const DisputeOrderBody = z.strictObject({
  reason: Text(2000).describe('what does not conform to the contract (书面异议)'),
});
export const CancelOrderBody = z.strictObject({ reason: Text(1000) });
export const ResolveOrderBody = z.strictObject({
  outcome: z.enum(['accepted', 'refunded']).describe('after the platform’s mediation'),
  reason: Text(2000),
});

export const OrderEvent = z.object({
  seq: z.number().int(),
  kind: OrderEventKind,
  side: z.enum(['buyer', 'seller', 'platform']),
  actorName: z.string().nullable(),
  state: OrderState,
  message: z.string().nullable(),
  reference: z.string().nullable(),
  at: Timestamp,
});

export const Order = z.object({
  id: z.string(),
  contractNo: z.string(),
  productId: z.string(),
  productTitle: z.string().nullable(),
  sellerOrgId: z.string(),
  sellerName: z.string().nullable(),
  buyerOrgId: z.string(),
  buyerName: z.string().nullable(),
  deliveryMode: DeliveryMode,
  state: OrderState,
  billing: z.enum(['fixed', 'per_call']),
  unitFen: z.number().int().nullable().describe('per call, for a metered API'),
  quota: z.number().int().nullable().describe('calls prepaid, for a metered API'),
  amountFen: z.number().int().describe('held in escrow once paid'),
  startsOn: z.string(),
  endsOn: z.string(),
  acceptanceDays: z.number().int(),
  payBy: Timestamp,
  paymentRef: z.string().nullable(),
  paidAt: Timestamp.nullable(),
  deliveredAt: Timestamp.nullable(),
  acceptBy: Timestamp.nullable().describe('the acceptance period’s end: accepted by itself after it'),
  acceptedAt: Timestamp.nullable(),
  acceptedHow: z.enum(['buyer', 'lapsed', 'operator']).nullable(),
  disputeReason: z.string().nullable(),
  closedReason: z.string().nullable().describe('why it was cancelled or refunded'),
  refundRef: z.string().nullable(),
  /** Whose move it is, or null once closed. */
  awaiting: z.enum(['buyer', 'seller', 'platform']).nullable(),
  version: z.number().int(),
  createdAt: Timestamp,
  updatedAt: Timestamp,
});
export type Order = z.infer<typeof Order>;
export const OrderDetail = Order.extend({ timeline: z.array(OrderEvent) });
export type OrderDetail = z.infer<typeof OrderDetail>;

export const OrderQuery = z.strictObject({
  ...PageQuery,
  side: z.enum(['buyer', 'seller', 'all']).optional().describe('all: every order (operator, regulator)'),
  state: OrderState.optional(),
  product: z.string().max(40).optional(),
  q: z.string().trim().max(100).optional().describe('a contract number, order id or product title'),
});
export type OrderQuery = z.input<typeof OrderQuery>;

/** What a product's licence has left: at most `seats` live orders at once, one when exclusive. */
export const LicenceAvailability = z.object({
  productId: z.string(),
  seats: z.number().int().nullable(),
  exclusive: z.boolean(),
  live: z.number().int().describe('orders holding a seat: not cancelled or refunded, term not over'),
  left: z.number().int().nullable().describe('null: unlimited'),
});
export type LicenceAvailability = z.infer<typeof LicenceAvailability>;
