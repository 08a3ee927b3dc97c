import { api } from '@shuliu/contracts';
import type { FastifyInstance } from 'fastify';
import { handle } from '../route.js';
import type { AppDeps } from '../app.js';

const c = api.trade;

export function tradeRoutes(app: FastifyInstance, { services }: AppDeps) {
  const { negotiations } = services.trade;
  handle(app, c.negotiations, ({ ctx, query }) => negotiations.list(ctx, query));
  handle(app, c.negotiation, ({ ctx, params }) => negotiations.get(ctx, params.id));
  handle(app, c.start, ({ ctx, body }) => negotiations.start(ctx, body));
  handle(app, c.counter, ({ ctx, params, body }) => negotiations.counter(ctx, params.id, body));
  handle(app, c.accept, ({ ctx, params, body }) => negotiations.accept(ctx, params.id, body));
  handle(app, c.agree, ({ ctx, params, body }) => negotiations.agree(ctx, params.id, body));
  handle(app, c.terminate, ({ ctx, params, body }) => negotiations.terminate(ctx, params.id, body));
  handle(app, c.autoAcceptOf, ({ ctx, params }) => negotiations.autoAcceptOf(ctx, params.id));
  handle(app, c.autoAccept, ({ ctx, params, body }) =>
    negotiations.setAutoAccept(ctx, params.id, body.enabled),
  );
}
