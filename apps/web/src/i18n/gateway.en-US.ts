import type { gatewayApiErrorsZhCN } from './gateway.zh-CN';

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
