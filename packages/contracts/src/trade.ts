import { z } from 'zod';
import { Id, PageQuery, Text, Timestamp } from './common.js';
import { DeliveryMode, DivisionCode } from './market.js';
import { MAX_FEN } from './rules/market-price.js';

const Day = z.iso.date('must be a date YYYY-MM-DD').max(10);
const Fen = z.number().int().min(0).max(MAX_FEN).describe('integer fen (分)');

/** 合同示范文本: 数据提供、数据委托处理、数据融合开发、数据中介. */
export const CONTRACT_TEMPLATES = [
  'provision',
  'entrusted_processing',
  'fusion_development',
  'intermediary',
] as const;
export const ContractTemplate = z.enum(CONTRACT_TEMPLATES);
export type ContractTemplate = z.infer<typeof ContractTemplate>;

/**
 * The states of a contract negotiation, as the Eclipse Dataspace Protocol names them (lower-cased): the buyer
 * (consumer) requests, the seller (provider) offers, the buyer accepts, the seller agrees; verification and
 * finalization are the two signatures of the contract that follows; either side may terminate before.
 */
export const NEGOTIATION_STATES = [
  'requested',
  'offered',
  'accepted',
  'agreed',
  'verified',
  'finalized',
  'terminated',
] as const;
export const NegotiationState = z.enum(NEGOTIATION_STATES);
export type NegotiationState = z.infer<typeof NegotiationState>;

/** What the two sides negotiate, round after round: price, term, scope and the policy's context. */
export const DealTerms = z
  .strictObject({
    template: ContractTemplate.describe('the model contract the deal is concluded under'),
    deliveryMode: DeliveryMode,
    purpose: Text(100).describe('the purpose of use, checked against the offer’s policy'),
    region: DivisionCode.describe('GB/T 2260 code of where the data is used'),
    scope: Text(1000).describe('what may be done with the data, in the parties’ words'),
    startsOn: Day,
    endsOn: Day,
    priceFen: Fen.describe('the price agreed for the term (per call for a metered API)'),
    maxUses: z.number().int().min(1).max(1_000_000_000).nullable().default(null),
    scenarioVersionId: Id('scv')
      .nullable()
      .default(null)
      .describe('the buyer’s consent scenario version, for data about persons (一场景一授权)'),
  })
  .refine((t) => t.endsOn >= t.startsOn, { message: 'must not end before it starts', path: ['endsOn'] });
export type DealTerms = z.input<typeof DealTerms>;

const IdempotencyKey = z
  .string()
  .trim()
  .min(8, 'must be at least 8 characters')
  .max(100)
  .regex(/^[A-Za-z0-9_.:-]+$/, 'letters, digits and _ . : - only')
  .describe('the same key again changes nothing and answers as the first time');

export const StartNegotiationBody = z.strictObject({
  productId: Id('prd'),
  terms: DealTerms,
  message: Text(2000).nullable().default(null),
  idempotencyKey: IdempotencyKey,
});
export type StartNegotiationBody = z.input<typeof StartNegotiationBody>;

/** A counter-offer (either side), or the seller's offer on the buyer's request. */
export const CounterBody = z.strictObject({
  terms: DealTerms,
  message: Text(2000).nullable().default(null),
  idempotencyKey: IdempotencyKey,
});
export type CounterBody = z.input<typeof CounterBody>;

/** A step without new terms: accept, agree, terminate (a reason wanted to terminate). */
export const StepBody = z.strictObject({
  message: Text(2000).nullable().default(null),
  idempotencyKey: IdempotencyKey,
});
export type StepBody = z.input<typeof StepBody>;
export const TerminateBody = z.strictObject({
  reason: Text(1000),
  idempotencyKey: IdempotencyKey,
});

/** The steps of a negotiation; `sign` is a party's signature of the contract that follows agreement. */
export const NegotiationEventKind = z.enum(['request', 'offer', 'accept', 'agree', 'terminate', 'sign']);
export const NegotiationEvent = z.object({
  seq: z.number().int(),
  kind: NegotiationEventKind,
  side: z.enum(['buyer', 'seller', 'platform']),
  actorName: z.string().nullable(),
  state: NegotiationState.describe('the state this step led to'),
  terms: DealTerms.nullable(),
  /** The terms' fields that changed from the previous round. */
  changed: z.array(z.string()),
  message: z.string().nullable(),
  at: Timestamp,
});
export type NegotiationEvent = z.infer<typeof NegotiationEvent>;

export const Negotiation = z.object({
  id: z.string(),
  productId: z.string(),
  productTitle: z.string().nullable(),
  sellerOrgId: z.string(),
  sellerName: z.string().nullable(),
  buyerOrgId: z.string(),
  buyerName: z.string().nullable(),
  state: NegotiationState,
  round: z.number().int().describe('how many sets of terms were put on the table'),
  terms: DealTerms.describe('the terms on the table (agreed ones once agreed)'),
  /** Whose move it is — to negotiate, then to sign the contract — or null once concluded or terminated. */
  awaiting: z.enum(['buyer', 'seller']).nullable(),
  terminationReason: z.string().nullable(),
  contractNo: z.string().nullable().describe('the contract drafted when it was agreed'),
  version: z.number().int(),
  createdAt: Timestamp,
  updatedAt: Timestamp,
  timeline: z.array(NegotiationEvent),
});
export type Negotiation = z.infer<typeof Negotiation>;

export const NegotiationQuery = z.strictObject({
  ...PageQuery,
  side: z.enum(['buyer', 'seller']).optional(),
  state: NegotiationState.optional(),
});

/** The seller's standing choice for a product: agree at once to a request on the listed price within policy. */
export const AutoAcceptBody = z.strictObject({ enabled: z.boolean() });
export const AutoAcceptReply = z.object({ productId: z.string(), enabled: z.boolean() });

export const NegotiationSummary = Negotiation.omit({ timeline: true });
export type NegotiationSummary = z.infer<typeof NegotiationSummary>;
