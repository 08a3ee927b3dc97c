import type { gatewayApiErrorsZhCN, gatewayZhCN } from './gateway.zh-CN';

/** English — API delivery (the metered gateway) errors. */
export const gatewayApiErrorsEnUS: Record<keyof typeof gatewayApiErrorsZhCN, string> = {
  TRADE_GATEWAY_KEY_INVALID:
    'The API key is missing, revoked or another order’s (a platform login is not taken at the gateway)',
  TRADE_GATEWAY_NOT_SERVING:
    'The order is not served now: only while delivered or accepted, within the contract’s term',
  TRADE_GATEWAY_PATH_INVALID: 'The path is not valid: no . or .. segments, and of bounded length',
  TRADE_GATEWAY_POLICY_REFUSED:
    'The call is outside the contract’s usage policy (ODRL), e.g. a purpose other than the agreed one',
  TRADE_GATEWAY_QUOTA_EXHAUSTED: 'Every call the order prepaid has been made',
  TRADE_GATEWAY_RATE_LIMITED: 'Too many calls per second for this order: retry shortly',
  TRADE_GATEWAY_UPSTREAM_FAILED:
    'The seller’s upstream did not answer in time: the call is neither billed nor counted',
  TRADE_NOT_API_DELIVERY: 'The product or order is not delivered by API',
  TRADE_UPSTREAM_NOT_CONFIGURED:
    'The product has no upstream yet: its seller sets one before delivering an API order',
  TRADE_UPSTREAM_URL_REFUSED:
    'The gateway does not reach this address (link-local, cloud metadata, or a private network the operator has not allowed)',
};

/** English — API delivery: the seller's upstream, the buyer's key, quota and usage. */
// prettier-ignore
export const gatewayEnUS: typeof gatewayZhCN = {
  gateway: {
    panel: 'API delivery (gateway)', endpoint: 'Endpoint', keyTitle: 'API key', noKey: 'No key issued yet',
    issue: 'Issue key', rotate: 'Rotate key', revoke: 'Revoke', revoked: 'Revoked', live: 'Live',
    rotateConfirm: 'The old key stops working at once. Continue?', revokeConfirm: 'The key stops working at once. Continue?',
    secretOnce: 'Copy and keep it now: the key is shown this once, and the platform keeps only its hash.',
    howToCall: 'Send the key as X-Api-Key and the agreed purpose as X-Purpose (percent-encoded UTF-8).',
    quota: 'Calls prepaid', used: 'Used', left: 'Left', unlimited: 'Unlimited',
    usage: 'Usage', callsPerDay: 'Calls per day', refusedPerDay: 'Refused per day', latency: 'Latency (ms)',
    calls: 'Calls', billable: 'Billable', refused: 'Refused', p50: 'p50 latency', p99: 'p99 latency', charge: 'Per-call charge',
    reason: { policy: 'Outside the usage policy', rate_limited: 'Over the rate limit', quota_exhausted: 'Quota spent', not_serving: 'Order not served' },
    day: 'Day',
    upstream: 'Upstream', upstreamHelp: 'Buyers call through the platform’s gateway, which adds the credential below and never passes on the buyer’s. The credential is stored encrypted and not shown again.',
    url: 'Upstream URL', credentialHeader: 'Credential header', credential: 'Credential value', credentialKept: 'A credential is stored (leave empty to keep it)',
    clearCredential: 'Clear the stored credential', ratePerSecond: 'Calls per second per order', timeoutMs: 'Timeout (ms)',
    save: 'Save', saved: 'Upstream saved', notConfigured: 'No upstream yet: set one before delivering an API order.',
  },
};
