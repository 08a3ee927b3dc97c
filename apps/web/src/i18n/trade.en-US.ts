import type { tradeApiErrorsZhCN } from './trade.zh-CN';

/** English — contract negotiation errors. */
export const tradeApiErrorsEnUS: Record<keyof typeof tradeApiErrorsZhCN, string> = {
  TRADE_NOT_YOUR_MOVE: 'This step is not yours to take in the negotiation’s state',
  TRADE_NEGOTIATION_CLOSED: 'The negotiation was agreed or terminated: it takes no more steps',
  TRADE_PRODUCT_NOT_OFFERED: 'The product is not listed in the marketplace',
  TRADE_OWN_PRODUCT: 'An organization does not buy its own product',
  TRADE_POLICY_REFUSED: 'The terms are outside the product’s usage policy (ODRL)',
  TRADE_TERMS_INVALID: 'The terms do not fit the product',
  TRADE_CONSENT_SCENARIO_REQUIRED:
    'Data about persons is agreed only for an approved buyer scenario the persons consented to',
  TRADE_IDEMPOTENCY_MISMATCH: 'This idempotency key was used for a different request',
  TRADE_CONTRACT_OUT_OF_ORDER: 'Contracts are signed in order: the buyer first, then the seller, each once',
  TRADE_CONTRACT_SIGNATURE_INVALID:
    'The signature is not valid: it does not match the contract or a signing key of your organization',
};
