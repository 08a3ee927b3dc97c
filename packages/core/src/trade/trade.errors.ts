import { createError } from '../shared/errors.js';

export const NotYourMove = createError(
  'TRADE_NOT_YOUR_MOVE',
  'this step is not yours to take in the negotiation’s state',
  409,
);
export const NegotiationClosed = createError(
  'TRADE_NEGOTIATION_CLOSED',
  'the negotiation was agreed or terminated: it takes no more steps',
  409,
);
export const ProductNotOffered = createError(
  'TRADE_PRODUCT_NOT_OFFERED',
  'the product is not listed in the marketplace: only a published listing is negotiated',
  409,
);
export const OwnProduct = createError(
  'TRADE_OWN_PRODUCT',
  'an organization does not buy its own product',
  409,
);
export const PolicyRefused = createError(
  'TRADE_POLICY_REFUSED',
  'the terms are outside the offer’s usage policy (ODRL)',
  409,
);
export const TermsInvalid = createError('TRADE_TERMS_INVALID', 'the terms do not fit the product', 400);
export const ConsentScenarioRequired = createError(
  'TRADE_CONSENT_SCENARIO_REQUIRED',
  '一场景一授权: data about persons is agreed only for a buyer scenario the persons consented to',
  409,
);
export const IdempotencyMismatch = createError(
  'TRADE_IDEMPOTENCY_MISMATCH',
  'this idempotency key was used for a different request',
  409,
);
export const ContractOutOfOrder = createError(
  'TRADE_CONTRACT_OUT_OF_ORDER',
  'a contract is signed by the buyer first, then by the seller, each once',
  409,
);
export const ContractSignatureInvalid = createError(
  'TRADE_CONTRACT_SIGNATURE_INVALID',
  'the signature does not check against the contract with a signing key of the signing party',
  400,
);
export const OrderOutOfOrder = createError(
  'TRADE_ORDER_OUT_OF_ORDER',
  'the order’s state does not allow this step',
  409,
);
export const ContractNotConcluded = createError(
  'TRADE_CONTRACT_NOT_CONCLUDED',
  'an order is placed on a contract both parties signed',
  409,
);
export const SoldOut = createError(
  'TRADE_SOLD_OUT',
  'the product’s licence has no seat left: every seat is held by a live order',
  409,
);
export const AcceptancePeriodOver = createError(
  'TRADE_ACCEPTANCE_PERIOD_OVER',
  'the acceptance period is over: the delivery counts as accepted',
  409,
);
export const DeidentifiedFileMissing = createError(
  'TRADE_DEIDENTIFIED_FILE_MISSING',
  'a file is delivered only de-identified: a resource of the product has no masked derivative with a ready file',
  409,
);
export const ConsentUnmatched = createError(
  'TRADE_CONSENT_UNMATCHED',
  '一场景一授权: a copy of data about persons holds only persons with live consent, and this file’s rows cannot be matched to persons',
  409,
);
export const DownloadsExhausted = createError(
  'TRADE_DOWNLOADS_EXHAUSTED',
  'the contract’s use limit is reached: this file was downloaded as many times as the contract allows',
  409,
);
export const ContributorUnknown = createError(
  'TRADE_CONTRIBUTOR_UNKNOWN',
  'a contributor named is not an organization on the platform',
  400,
);
export const RevenueShareInvalid = createError(
  'TRADE_REVENUE_SHARE_INVALID',
  'the declared utility does not fit the contributors',
  400,
);
export const SettlementPeriodClosed = createError(
  'TRADE_SETTLEMENT_PERIOD_CLOSED',
  'the settlement period is already closed: it is closed once',
  409,
);
export const SettlementPeriodOpen = createError(
  'TRADE_SETTLEMENT_PERIOD_OPEN',
  'the settlement period has not ended: a month is closed after its last day (Beijing time)',
  409,
);
