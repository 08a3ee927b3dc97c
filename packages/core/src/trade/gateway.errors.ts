import { createError } from '../shared/errors.js';

export const NotApiDelivery = createError(
  'TRADE_NOT_API_DELIVERY',
  'this is for API delivery: the product or order is not delivered by API',
  409,
);
export const UpstreamNotConfigured = createError(
  'TRADE_UPSTREAM_NOT_CONFIGURED',
  'the product has no upstream: its seller sets one before delivering an API order',
  409,
);
export const UpstreamUrlRefused = createError(
  'TRADE_UPSTREAM_URL_REFUSED',
  'the gateway does not reach this address',
  400,
);
export const GatewayKeyInvalid = createError(
  'TRADE_GATEWAY_KEY_INVALID',
  'send the order’s API key as X-Api-Key (or Authorization: Bearer sk_…): this one is missing, revoked or another order’s',
  401,
);
export const GatewayNotServing = createError(
  'TRADE_GATEWAY_NOT_SERVING',
  'the order is not served now: it is served while delivered or accepted, within its term',
  409,
);
export const GatewayPolicyRefused = createError(
  'TRADE_GATEWAY_POLICY_REFUSED',
  'the call is outside the contract’s usage policy (ODRL)',
  403,
);
export const GatewayQuotaExhausted = createError(
  'TRADE_GATEWAY_QUOTA_EXHAUSTED',
  'every call the order prepaid has been made',
  409,
);
export const GatewayRateLimited = createError(
  'TRADE_GATEWAY_RATE_LIMITED',
  'too many calls per second for this order',
  429,
);
export const GatewayPathInvalid = createError(
  'TRADE_GATEWAY_PATH_INVALID',
  'the path climbs out of the upstream’s base (. or .. segments) or is too long',
  400,
);
export const GatewayUpstreamFailed = createError(
  'TRADE_GATEWAY_UPSTREAM_FAILED',
  'the seller’s upstream did not answer: the call is not counted',
  502,
);
export const GatewayUpstreamTimeout = createError(
  'TRADE_GATEWAY_UPSTREAM_FAILED',
  'the seller’s upstream did not answer in time: the call is not counted',
  504,
);
