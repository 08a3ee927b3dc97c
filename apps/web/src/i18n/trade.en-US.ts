import type { tradeApiErrorsZhCN, tradeZhCN } from './trade.zh-CN';

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
  TRADE_ORDER_OUT_OF_ORDER: 'The order’s state does not allow this step',
  TRADE_CONTRACT_NOT_CONCLUDED: 'The contract is not concluded by both signatures yet: no order on it',
  TRADE_SOLD_OUT: 'The product’s licence has no seat left (or is exclusive and sold)',
  TRADE_ACCEPTANCE_PERIOD_OVER: 'The acceptance period is over: the delivery counts as accepted',
  TRADE_CONSENT_UNMATCHED:
    'A copy of data about persons holds only persons with live consent, and this file’s rows cannot be matched to persons (derive it again from a source with an ID card column)',
  TRADE_DEIDENTIFIED_FILE_MISSING:
    'Files are delivered de-identified only: a resource of the product has no masked derivative with a ready file',
  TRADE_DOWNLOADS_EXHAUSTED: 'The contract’s use limit is reached: this file cannot be downloaded again',
};

/** English — the negotiation pages. */
// prettier-ignore
export const tradeEnUS: typeof tradeZhCN = {
  trade: {
    menu: 'Trade', negotiations: 'My negotiations', listIntro: 'Negotiations your organization takes part in, as buyer or seller, newest activity first.',
    asBuyer: 'Buying', asSeller: 'Selling', allStates: 'All states', stateFilter: 'State',
    state: {
      requested: 'Requested', offered: 'Offered', accepted: 'Accepted', agreed: 'Agreed', verified: 'Verified', finalized: 'Finalized',
      terminated: 'Terminated',
    },
    stepTitle: {
      requested: 'Request', offered: 'Offer', accepted: 'Accept', agreed: 'Agree', verified: 'Contract verified', finalized: 'Contract finalized',
    },
    awaiting: 'Whose move', awaitingYou: 'Your move', awaitingOther: 'Their move', awaitingNone: '—',
    counterpart: 'Counterpart', product: 'Product', latestPrice: 'Latest price', round: 'Round', updatedAt: 'Last activity', noNegotiations: 'No negotiations yet',
    noNegotiationsHint: 'Open a product page and click “Request a deal” to put terms to the seller.', open: 'Open',
    side: { buyer: 'Buyer', seller: 'Seller', platform: 'Platform' },
    kind: { request: 'Requested', offer: 'Offered', accept: 'Accepted the offer', agree: 'Agreed', terminate: 'Terminated' },
    request: 'Request a deal', requestTitle: 'Request a deal: your terms', requestIntro: 'The terms are checked against the product’s usage policy here first; the platform decides.',
    template: 'Model contract',
    templates: { provision: 'Data provision', entrusted_processing: 'Entrusted processing', fusion_development: 'Fusion development', intermediary: 'Data intermediary' },
    deliveryMode: 'Delivery mode', purpose: 'Purpose', purposeHelp: 'A purpose the product’s usage policy permits', region: 'Region of use', regionHelp: 'GB/T 2260 division code, e.g. 370200 (Qingdao)',
    scope: 'Scope', scopeHelp: 'What may be done with the data, in your words', term: 'Term', startsOn: 'Starts on', endsOn: 'Ends on', endsBeforeStart: 'Must not end before it starts',
    price: 'Price (yuan)', priceHelp: 'For the whole term; per call for a metered API', maxUses: 'Max uses', maxUsesHelp: 'Empty for no limit',
    scenario: 'Consent scenario version', scenarioHelp: 'Data about persons needs your approved scenario version the persons consented to (scv_…)',
    message: 'Message', send: 'Send request', sent: 'Deal requested', checkTitle: 'Usage policy check', checkAllowed: 'The terms are within the product’s usage policy',
    checkRefused: 'The terms are outside the product’s usage policy', checkNone: 'The product has no usage policy', checkNotRun: 'Checked as you fill in the terms',
    refusedAt: (path: string) => `Failed constraint: ${path}`, retryNote: 'Retrying after a network error reuses the same request key: nothing is sent twice.',
    roomTitle: 'Negotiation', parties: 'Parties', buyer: 'Buyer', seller: 'Seller', terms: 'Terms on the table', timeline: 'Timeline', changed: 'Changed this round',
    firstRound: 'First terms', noMessage: '(no message)', terminationReason: 'Reason for termination',
    counter: 'Counter-offer', counterTitle: 'Counter-offer: new terms', counterSent: 'New terms sent', accept: 'Accept offer', acceptConfirm: 'Accept the offer? The seller then confirms the deal.',
    accepted: 'Offer accepted', agree: 'Agree', agreeConfirm: 'Agree on these terms? The contract is signed next.', agreedDone: 'Agreed',
    terminate: 'Terminate', terminateTitle: 'Terminate the negotiation', terminateHelp: 'Neither side can continue this negotiation afterwards.', reason: 'Reason',
    reasonRequired: 'Give a reason', terminated: 'Negotiation terminated', stepMessage: 'Message (optional)',
    contract: 'Contract signing', contractPending: 'To be signed', contractNext: 'Both sides agreed on the terms and the contract was drafted from the model text: the buyer signs first, then the seller (the org’s SM2 key, custodied by the platform or offline with `shuliu trade sign-contract`).',
    contractDone: 'Both sides signed and the contract is concluded; both signatures and the conclusion are in the transparency ledger, checkable offline with `shuliu verify-contract`.',
    viewContract: 'View contract',
    contractStates: { agreed: 'awaiting the buyer’s signature', verified: 'signed by the buyer, awaiting the seller', finalized: 'concluded' },
    autoAccept: 'Automatic agreement', autoAcceptHelp: 'When on, the platform agrees at once to a request on the listed price within the usage policy.', autoAcceptOn: 'Automatic agreement on',
    autoAcceptOff: 'Automatic agreement off', yourTurn: 'Your move', waitOther: 'Waiting for the other side', closed: 'The negotiation has ended', viewProduct: 'View product',
    createdAt: 'Started', notParty: 'You are not a party to this negotiation and may only read it.', unlimited: 'No limit',
  },
};
