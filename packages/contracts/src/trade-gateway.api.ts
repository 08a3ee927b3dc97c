import { z } from 'zod';
import { Id, IdParams, Ok } from './common.js';
import { defineRoute, roles } from './route.js';
import { ApiKey, IssuedApiKey, Upstream, UpstreamBody, Usage, UsageQuery } from './trade-gateway.js';

const tags = ['trade'];
const order = IdParams('ord');
const seller = roles('merchant', 'org_admin');

/**
 * Metered API delivery: the seller's upstream behind the gateway, the buyer's per-order keys and the usage
 * both sides read. The gateway itself (`/gateway/{orderId}/…`) takes an order's key, not a platform login.
 */
export const tradeGatewayRoutes = {
  upstream: defineRoute({
    method: 'GET',
    path: '/api/trade/products/:id/upstream',
    summary: 'The upstream an API product is served from, to its seller (the credential never shown)',
    tags,
    access: seller,
    params: IdParams('prd'),
    response: Upstream,
  }),
  setUpstream: defineRoute({
    method: 'PUT',
    path: '/api/trade/products/:id/upstream',
    summary:
      'The seller sets the upstream of an API product: URL (http/https, no private or link-local address unless the operator allows), the credential the gateway adds (stored sealed), rate per order',
    tags,
    access: seller,
    params: IdParams('prd'),
    body: UpstreamBody,
    response: Upstream,
    audit: 'trade.upstream.set',
  }),
  apiKeys: defineRoute({
    method: 'GET',
    path: '/api/trade/orders/:id/api-keys',
    summary: 'The API keys of an order, to its buyer (prefixes only)',
    tags,
    access: roles('buyer', 'org_admin'),
    params: order,
    response: z.object({ items: z.array(ApiKey) }),
  }),
  issueApiKey: defineRoute({
    method: 'POST',
    path: '/api/trade/orders/:id/api-keys',
    summary:
      'The buyer issues the key of a delivered API order, shown this once; a live key before it is revoked (rotation)',
    tags,
    access: roles('buyer', 'org_admin'),
    params: order,
    response: IssuedApiKey,
    status: 201,
    audit: 'trade.api_key.issue',
  }),
  revokeApiKey: defineRoute({
    method: 'DELETE',
    path: '/api/trade/orders/:id/api-keys/:keyId',
    summary: 'The buyer revokes a key of its order: the gateway refuses it from then on',
    tags,
    access: roles('buyer', 'org_admin'),
    params: z.strictObject({ id: Id('ord'), keyId: Id('apk') }),
    response: Ok,
    audit: 'trade.api_key.revoke',
  }),
  usage: defineRoute({
    method: 'GET',
    path: '/api/trade/orders/:id/usage',
    summary:
      'Calls through the gateway by hour or Beijing day: billable, refused by reason, p50/p99 latency, and the charge of a per-call order',
    tags,
    access: roles('buyer', 'merchant', 'org_admin', 'operator', 'regulator'),
    params: order,
    query: UsageQuery,
    response: Usage,
  }),
};
