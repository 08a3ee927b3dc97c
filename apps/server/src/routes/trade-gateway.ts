import { api } from '@shuliu/contracts';
import type { FastifyInstance } from 'fastify';
import { handle } from '../route.js';
import type { AppDeps } from '../app.js';

const g = api.gateway;

/** API delivery: the seller's upstream, the buyer's keys to the gateway, and the usage both sides read. */
export function tradeGatewayRoutes(app: FastifyInstance, { services }: AppDeps) {
  const { upstreams, apiKeys, usage } = services.trade;
  handle(app, g.upstream, ({ ctx, params }) => upstreams.get(ctx, params.id));
  handle(app, g.setUpstream, ({ ctx, params, body }) => upstreams.set(ctx, params.id, body));
  handle(app, g.apiKeys, ({ ctx, params }) => apiKeys.list(ctx, params.id));
  handle(app, g.issueApiKey, ({ ctx, params }) => apiKeys.issue(ctx, params.id));
  handle(app, g.revokeApiKey, ({ ctx, params }) => apiKeys.revoke(ctx, params.id, params.keyId));
  handle(app, g.usage, ({ ctx, params, query }) => usage.usage(ctx, params.id, query));
}
