import type { settlementApiErrorsZhCN, settlementZhCN } from './settlement.zh-CN';

/** English — settlement and revenue-sharing errors. */
export const settlementApiErrorsEnUS: Record<keyof typeof settlementApiErrorsZhCN, string> = {
  TRADE_CONTRIBUTOR_UNKNOWN: 'A contributor must be an active organization on the platform',
  TRADE_REVENUE_SHARE_INVALID:
    'The declared utility does not fit the contributors (e.g. a subset lacks a value)',
  TRADE_SETTLEMENT_PERIOD_CLOSED: 'The settlement period is already closed: it is closed once',
  TRADE_SETTLEMENT_PERIOD_OPEN:
    'The settlement period has not ended (Beijing time): close it after its last day',
};

/** English — settlement statements and revenue shares. */
// prettier-ignore
export const settlementEnUS: typeof settlementZhCN = {
  settlement: {
    feeTab: 'Trade settlement', feeTitle: 'Platform fee', feeHelp: 'The part of each order’s gross the platform takes at settlement (0–30 %); a closed period keeps the fee it was closed with.',
    menu: 'Settlement', title: 'Settlement statements', intro: 'Settled by calendar month (Beijing time): each order’s gross is split into the platform fee, the public-data authority’s share, the authorized operator or seller, and the contributors by contribution — in fen, summing exactly to the gross.',
    period: 'Period', state: { open: 'Open', closed: 'Closed' }, startsAt: 'Starts', endsAt: 'Ends', closedAt: 'Closed at', closedBy: 'Closed by',
    fee: 'Platform fee', gross: 'Gross', orders: 'Orders', ownFen: 'Due to your org', close: 'Close period', closeTitle: 'Close the period',
    closeConfirm: (p: string) => `Closing ${p} issues every party’s statement and cannot be repeated. Close it?`, closedDone: (p: string) => `${p} closed`,
    notEnded: 'The period has not ended yet', parties: 'By party', party: 'Party', role: 'Role',
    roles: { seller: 'Seller', operator: 'Authorized operator', authority: 'Public-data authority', processor: 'Processor', platform: 'Platform fee', contributor: 'Contributor' },
    fen: 'Amount', total: 'Total', sumCheck: (sum: string, gross: string) => `Parties together ${sum}, gross ${gross}`, sumOk: 'The parts add up to the gross', sumMismatch: 'The parts do not add up to the gross',
    partySum: 'The gross of the orders your org is paid from (other parties’ parts not shown)',
    lines: 'Lines', order: 'Order', product: 'Product', billingTitle: 'Billing', billing: { fixed: 'Fixed price', per_call: 'Per call' }, calls: 'Calls', orderGross: 'Order gross',
    exportCsv: 'Export CSV', remainderRule: 'Remainder rule', orgFilter: 'Filter by organization', noPeriods: 'No settlement periods yet', openHint: 'The period is open: its statements are issued when it is closed.',
    explain: 'How it was split', explainTitle: (o: string) => `How order ${o} was split`, viewShare: 'Revenue share', bp: (bp: number) => `${(bp / 100).toFixed(2)}%`,
  },
  revenue: {
    title: 'Revenue shares by contribution', intro: 'A product built from several parties’ data splits the seller’s part by each contributor’s Shapley value: exactly for up to 12, estimated by permutation sampling with an error bound above that; the same seed gives the same result.',
    product: 'Product', contributors: 'Contributors', utilityLabel: 'Utility (what it measures)', method: 'Method', methods: { exact: 'Exact', sampled: 'Permutation sampling' },
    seed: 'Seed', samples: 'Samples', confidence: 'Confidence', errorBound: 'Error bound', maxErrorBound: 'Largest error bound', inputsHash: 'Inputs digest (SM3)',
    runBy: 'Computed by', computedAt: 'Computed at', shareRule: 'Share rule', value: 'Shapley value', share: 'Share', ppb: 'Parts per billion', clamped: 'Negative, counted as zero',
    subsets: 'Subsets', grand: 'Utility of all, v(N)', noDeclaration: 'The product has no revenue-share declaration', declare: 'Declare revenue shares', edit: 'Edit declaration', declareTitle: 'Revenue-share declaration',
    contributorsHelp: 'The organizations whose data the product is built from (yours included), 1–200', utilityJson: 'Utility (JSON)',
    utilityJsonHelp: 'e.g. {"kind":"table","values":{"":0,"org_a":10,"org_b":20,"org_a,org_b":40}}; additive / coverage / weighted_voting also work',
    invalidJson: 'Not valid JSON', saved: 'Saved and recomputed', chartTitle: 'Shares of the contributors', utilityTable: 'Declared utility', subset: 'Subset', utilityValue: 'Value',
    empty: '(empty set)', exactNote: 'Exact: every subset evaluated', sampledNote: (c: string) => `Sampled: at ${c} confidence, every estimate is within its error bound of the true value (Hoeffding)`,
    open: 'View', productId: 'Product id', go: 'Open',
  },
};
