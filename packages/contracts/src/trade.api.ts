import { z } from 'zod';
import { IdParams, paged } from './common.js';
import { defineRoute, roles } from './route.js';
import {
  AutoAcceptBody,
  AutoAcceptReply,
  CounterBody,
  Negotiation,
  NegotiationQuery,
  NegotiationSummary,
  StartNegotiationBody,
  StepBody,
  TerminateBody,
} from './trade.js';
import { Contract, ContractBundle, ContractNoParams } from './trade-contracts.js';
import { SignAsOrgBody } from './org-keys.js';

const tags = ['trade'];
const negotiation = IdParams('ngt');
/** Either side of a negotiation: a buyer org's or a seller org's members; the service checks which side. */
const party = roles('buyer', 'merchant');

/** 交易磋商: contract negotiation between a buyer and a seller, in the Dataspace Protocol's states. */
export const tradeRoutes = {
  negotiations: defineRoute({
    method: 'GET',
    path: '/api/trade/negotiations',
    summary: 'The negotiations of the caller’s org, as buyer or seller, newest activity first',
    tags,
    access: party,
    query: NegotiationQuery,
    response: paged(NegotiationSummary),
  }),
  negotiation: defineRoute({
    method: 'GET',
    path: '/api/trade/negotiations/:id',
    summary: 'One negotiation with its timeline, to its two sides (and the operator and regulator)',
    tags,
    access: roles('buyer', 'merchant', 'operator', 'regulator'),
    params: negotiation,
    response: Negotiation,
  }),
  start: defineRoute({
    method: 'POST',
    path: '/api/trade/negotiations',
    summary:
      'A buyer requests a published product on terms (REQUESTED), checked against the offer’s ODRL policy; idempotent on its key',
    tags,
    access: roles('buyer'),
    body: StartNegotiationBody,
    response: Negotiation,
    status: 201,
    audit: 'trade.negotiation.request',
  }),
  counter: defineRoute({
    method: 'POST',
    path: '/api/trade/negotiations/:id/counter',
    summary:
      'Put new terms on the table: the seller offers or counters (OFFERED), the buyer counters (REQUESTED); checked against the policy',
    tags,
    access: party,
    params: negotiation,
    body: CounterBody,
    response: Negotiation,
    audit: 'trade.negotiation.counter',
  }),
  accept: defineRoute({
    method: 'POST',
    path: '/api/trade/negotiations/:id/accept',
    summary: 'The buyer accepts the seller’s offer (ACCEPTED)',
    tags,
    access: roles('buyer'),
    params: negotiation,
    body: StepBody,
    response: Negotiation,
    audit: 'trade.negotiation.accept',
  }),
  agree: defineRoute({
    method: 'POST',
    path: '/api/trade/negotiations/:id/agree',
    summary: 'The seller agrees to the terms on the table, requested or accepted (AGREED)',
    tags,
    access: roles('merchant'),
    params: negotiation,
    body: StepBody,
    response: Negotiation,
    audit: 'trade.negotiation.agree',
  }),
  terminate: defineRoute({
    method: 'POST',
    path: '/api/trade/negotiations/:id/terminate',
    summary: 'Either side ends the negotiation with a reason (TERMINATED)',
    tags,
    access: party,
    params: negotiation,
    body: TerminateBody,
    response: Negotiation,
    audit: 'trade.negotiation.terminate',
  }),
  autoAcceptOf: defineRoute({
    method: 'GET',
    path: '/api/trade/products/:id/auto-accept',
    summary: 'Whether the seller turned automatic agreement on for its product',
    tags,
    access: roles('merchant'),
    params: IdParams('prd'),
    response: AutoAcceptReply,
  }),
  autoAccept: defineRoute({
    method: 'PUT',
    path: '/api/trade/products/:id/auto-accept',
    summary:
      'The seller turns automatic agreement on or off for a product: a request on the listed price within its policy is agreed at once',
    tags,
    access: roles('merchant'),
    params: IdParams('prd'),
    body: AutoAcceptBody,
    response: AutoAcceptReply,
    audit: 'trade.auto_accept.set',
  }),
  contract: defineRoute({
    method: 'GET',
    path: '/api/trade/contracts/:contractNo',
    summary:
      'A contract (合同示范文本 filled from the agreed negotiation) with its signatures, to its parties, the operator and the regulator',
    tags,
    access: roles('buyer', 'merchant', 'org_admin', 'operator', 'regulator'),
    params: ContractNoParams,
    response: Contract,
  }),
  signContract: defineRoute({
    method: 'POST',
    path: '/api/trade/contracts/:contractNo/sign',
    summary:
      'A party signs the contract, the buyer first (VERIFIED), then the seller (FINALIZED, concluded): with its custodied key on an org administrator’s re-entered password, or with a signature made offline (`shuliu trade sign-contract`); each signature is a contract.signed ledger entry',
    tags,
    access: roles('buyer', 'merchant', 'org_admin'),
    params: ContractNoParams,
    body: SignAsOrgBody,
    response: Contract,
    audit: 'trade.contract.sign',
  }),
  contractPdf: defineRoute({
    method: 'GET',
    path: '/api/trade/contracts/:contractNo/pdf',
    summary:
      'The contract as a PDF (application/pdf): the signed zh-CN text — number, SM3 hash, parties, every clause — and each signature’s key and time; to the same readers as the contract',
    tags,
    access: roles('buyer', 'merchant', 'org_admin', 'operator', 'regulator'),
    params: ContractNoParams,
    response: z.unknown(),
    download: true,
  }),
  verifyContract: defineRoute({
    method: 'GET',
    path: '/api/trade/contracts/:contractNo/verify',
    summary:
      'The bundle that proves a contract offline (`shuliu verify-contract`): the contract, each signature with its public key, the ledger entries, their inclusion proofs and the checkpoint',
    tags,
    access: roles('buyer', 'merchant', 'org_admin', 'operator', 'regulator'),
    params: ContractNoParams,
    response: ContractBundle,
  }),
};
